/// A position in a source file, as people count it: `line` and `column` are 1-based.
///
/// libyaml's marks are 0-based; the loader converts them exactly once, where it reads them.
/// Columns count Unicode scalars from the start of the line.
public struct Mark: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A file and a place in it, the anchor of every diagnostic.
public struct SourceLocation: Hashable, Sendable {
    /// The path as the user gave it (or as it was derived from a `$ref`), never made absolute,
    /// so that printed diagnostics match what the user typed.
    public var file: String
    public var mark: Mark

    public init(file: String, mark: Mark) {
        self.file = file
        self.mark = mark
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, mark: Mark(line: line, column: column))
    }
}
