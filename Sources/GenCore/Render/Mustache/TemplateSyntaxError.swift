/// A template that cannot be compiled, and where: `line` and `column` are 1-based, the column
/// counting Unicode scalars as `Mark` does.
struct TemplateSyntaxError: Error {
    var message: String
    var line: Int
    var column: Int

    /// The error at byte `offset` of `source` (UTF-8).
    init(_ message: String, at offset: Int, in source: [UInt8]) {
        let before = source[..<offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        self.message = message
        self.line = before.count { $0 == UInt8(ascii: "\n") } + 1
        self.column = String(decoding: source[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
    }
}
