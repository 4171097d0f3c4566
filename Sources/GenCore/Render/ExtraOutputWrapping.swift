/// Puts an extra output (`Foo.swift.mustache`) in the run's namespace, as every generated file's
/// declarations are (`--namespace`): its leading comments, imports and the `#if canImport`
/// lines around them stay at file scope, the rest goes inside `extension NAME { … }`, indented.
///
/// The user's template wrote the text; this adds only the two lines of the extension, which no
/// template can add around another template's output. A file that already opens
/// `extension NAME {` at file scope places its declarations itself (as CONTEXT.md advised before
/// the wrapping) and is left as it is; so is every file when there is no namespace.
enum ExtraOutputWrapping {
    static func wrap(_ text: String, in namespace: SwiftName?) -> String {
        guard let namespace else { return text }
        let opening = "extension \(namespace.escaped) {"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.contains(where: { $0.hasPrefix(opening) }) { return text }
        if lines.last == "" { lines.removeLast() }
        // The leading lines that may stay outside, up to the last import (or directive) among
        // them: a comment right above the first declaration, or its `///`, goes in with it.
        let leading = lines.prefix(while: isFileScope)
        let headCount = leading.lastIndex(where: isImportOrDirective).map { $0 + 1 }
            ?? leading.lastIndex(where: \.isEmpty).map { $0 + 1 } ?? 0
        let head = lines.prefix(headCount)
        let body = lines.dropFirst(headCount)
        guard body.contains(where: { !$0.isEmpty }) else { return text }
        // The blank lines between the head and the declarations stay before the extension.
        let trailingBlanks = head.reversed().prefix(while: \.isEmpty).count
        var result = Array(head.dropLast(trailingBlanks))
        if !result.isEmpty { result.append("") }
        result.append(opening)
        result += body.drop(while: \.isEmpty).map { $0.isEmpty ? "" : "    " + $0 }
        while result.last == "" { result.removeLast() }
        result.append("}")
        return result.joined(separator: "\n") + "\n"
    }

    /// A line that may stay outside the extension: blank, a comment (not a `///`), an import,
    /// or the conditional-compilation lines that wrap imports.
    private static func isFileScope(_ line: String) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return text.isEmpty || (text.hasPrefix("//") && !text.hasPrefix("///")) || isImportOrDirective(line)
    }

    private static func isImportOrDirective(_ line: String) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("#if canImport(") || text == "#else" || text == "#endif" { return true }
        let words = text.split(separator: " ")
        guard let importIndex = words.firstIndex(of: "import") else { return false }
        // `import X`, `public import X`, `@preconcurrency import X`, `@_exported import X`.
        return words[..<importIndex].allSatisfy { $0.hasPrefix("@") || ["public", "package", "internal", "fileprivate", "private"].contains($0) }
    }
}
