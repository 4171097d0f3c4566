/// How the models are spread over a fixed set of files.
///
/// The compiler works on a module's files in parallel, one job per file at most, so one big
/// models file would compile on one core. The plugin must name its outputs before the generator
/// runs, so the number of files is fixed; a small spec fills only the first and leaves the
/// others with just their header.
extension ModelsContext {
    /// The number of models files every run writes.
    static let fileCount = 4

    /// Roughly the most lines a file holds before the next one is used: below this a file
    /// compiles in about a second and splitting it only adds per-file overhead.
    static let linesPerFile = 1500

    /// The types in `fileCount` contiguous runs of about equal size (in estimated lines), in
    /// their original order; `emptyNote` is appended to the header of files left empty.
    func splitIntoFiles(emptyNote: SwiftCode) -> [ModelsContext] {
        let weights = types.map(Self.estimatedLines)
        let total = weights.reduce(0, +)
        let usedFiles = min(Self.fileCount, max(1, (total + Self.linesPerFile - 1) / Self.linesPerFile))
        var files: [ModelsContext] = []
        var start = 0, accumulated = 0
        for file in 0..<Self.fileCount {
            var end = start
            let target = total * (file + 1) / usedFiles
            while end < types.count && (file == usedFiles - 1 || accumulated + weights[end] / 2 < target) {
                accumulated += weights[end]
                end += 1
            }
            var part = self
            part.types = Array(types[start..<end])
            if part.types.isEmpty { part.headerLines.append(emptyNote) }
            files.append(part)
            start = end
        }
        return files
    }

    /// About the number of lines the built-in templates write for a type (fitted to the
    /// corpus's output; `ModelsFilesTests` fails when the templates drift far from it).
    static func estimatedLines(_ type: TypeContext) -> Int {
        let nested = type.nestedTypes.map(estimatedLines).reduce(0, +)
        if type.isEnum { return nested + 20 + 2 * type.cases.count }
        if type.isUnion { return nested + 20 + 6 * type.branches.count }
        return nested + 11 + 5 * type.properties.count
    }
}
