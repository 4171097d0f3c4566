/// The code of a Swift source with its comments and string literals taken out, so a test can
/// ask whether text from a spec reached anywhere else.
///
/// Strict where Swift is lenient: a `//` comment also ends at U+2028, U+2029 and U+0085, which
/// editors and code review tools show as line breaks (Swift's lexer does not). Interpolations
/// (`\(…)`, `\#(…)`) are code and are kept.
enum SwiftCodeOnly {
    static func strip(_ source: String) -> String {
        var lexer = Lexer(scalars: Array(source.unicodeScalars))
        lexer.code(inInterpolation: false)
        return String(lexer.output)
    }

    private struct Lexer {
        let scalars: [Unicode.Scalar]
        var index = 0
        var output = String.UnicodeScalarView()

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        private func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        private func starts(with text: String, at offset: Int = 0) -> Bool {
            for (position, scalar) in text.unicodeScalars.enumerated() where at(offset + position) != scalar {
                return false
            }
            return true
        }

        private static func endsLine(_ scalar: Unicode.Scalar) -> Bool {
            ["\n", "\r", "\u{2028}", "\u{2029}", "\u{85}"].contains(scalar)
        }

        /// Code up to the end, or up to the `)` that closes an interpolation.
        mutating func code(inInterpolation: Bool) {
            var depth = 0
            while index < scalars.count {
                if starts(with: "//") {
                    while let scalar = at(0), !Self.endsLine(scalar) { index += 1 }
                    output.append("\n")
                } else if starts(with: "/*") {
                    blockComment()
                    output.append(" ")
                } else if let hashes = stringStart() {
                    string(hashes: hashes)
                } else {
                    let scalar = scalars[index]
                    if inInterpolation, scalar == "(" { depth += 1 }
                    if inInterpolation, scalar == ")" {
                        if depth == 0 { index += 1; return }
                        depth -= 1
                    }
                    output.append(scalar)
                    index += 1
                }
            }
        }

        /// Nested, as Swift's are.
        private mutating func blockComment() {
            var depth = 0
            while index < scalars.count {
                if starts(with: "/*") {
                    depth += 1
                    index += 2
                } else if starts(with: "*/") {
                    depth -= 1
                    index += 2
                    if depth == 0 { return }
                } else {
                    index += 1
                }
            }
        }

        /// The number of `#`s when a string literal starts here.
        private func stringStart() -> Int? {
            var hashes = 0
            while at(hashes) == "#" { hashes += 1 }
            return at(hashes) == "\"" ? hashes : nil
        }

        private mutating func string(hashes: Int) {
            index += hashes
            let multiline = starts(with: "\"\"\"")
            index += multiline ? 3 : 1
            let closing = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            output.append(contentsOf: "\"\"".unicodeScalars)
            while index < scalars.count {
                if starts(with: escape) {
                    index += escape.unicodeScalars.count
                    if at(0) == "(" {
                        index += 1
                        code(inInterpolation: true)
                    } else {
                        index += 1
                    }
                } else if starts(with: closing) {
                    index += closing.unicodeScalars.count
                    return
                } else if !multiline, scalars[index] == "\n" || scalars[index] == "\r" {
                    return
                } else {
                    index += 1
                }
            }
        }
    }
}
