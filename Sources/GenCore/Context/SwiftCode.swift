/// A piece of generated Swift source.
///
/// A `SwiftCode` is made from the generator's own text (string literals in this module's
/// source: Swift calls the literal initializers for those, and `SwiftCodeSourceTests` fails when
/// code outside this file calls them by name), names the naming authority decided (`SwiftName`,
/// escaped when written), numbers, other `SwiftCode`, and spec text passed through one of the
/// emitters in this file — a doc comment, a line comment, a string literal or a number literal.
/// Interpolating a `String` does not compile, so a builder cannot paste spec text into code,
/// and the contexts hand templates nothing else as code.
public struct SwiftCode: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The source text.
    public private(set) var text: String

    /// Only the emitters below wrap text whose safety they have established.
    fileprivate init(verbatim text: String) {
        self.text = text
    }

    /// Swift calls this for a literal in the generator's source, never for run-time text
    /// (`SourceLintTests` fails when code outside this file calls it by name).
    public init(stringLiteral value: String) {
        text = value
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    public var description: String { text }

    /// The width in columns (characters), for line wrapping.
    public var count: Int { text.count }

    public static func + (lhs: SwiftCode, rhs: SwiftCode) -> SwiftCode {
        SwiftCode(verbatim: lhs.text + rhs.text)
    }

    public static func += (lhs: inout SwiftCode, rhs: SwiftCode) {
        lhs.text += rhs.text
    }

    public struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// Swift calls this for the literal segments of an interpolation in the generator's source.
        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        public mutating func appendInterpolation(_ code: SwiftCode) {
            text += code.text
        }

        /// A name as declarations and expressions write it (backticked when reserved).
        public mutating func appendInterpolation(_ name: SwiftName) {
            text += name.escaped
        }

        /// A name as an argument label at a call site.
        public mutating func appendInterpolation(label name: SwiftName) {
            text += name.label
        }

        public mutating func appendInterpolation(_ number: Int) {
            text += String(number)
        }

        public mutating func appendInterpolation(_ flag: Bool) {
            text += flag ? "true" : "false"
        }
    }
}

extension SwiftCode: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension SwiftCode: TemplateListElement {
    var templateValue: TemplateValue { .text(text) }
}

// MARK: - Emitters: the only ways spec text becomes code

extension SwiftCode {
    /// `parts` joined by `separator`.
    static func joined(_ parts: [SwiftCode], separator: SwiftCode = "") -> SwiftCode {
        SwiftCode(verbatim: parts.map(\.text).joined(separator: separator.text))
    }

    /// A Swift string literal holding exactly `text`.
    static func literal(_ text: String) -> SwiftCode {
        SwiftCode(verbatim: "\"" + literalBody(text) + "\"")
    }

    /// A string literal made of text and interpolated code: `"/items/\(WireFormat.pathSegment(id))"`.
    static func interpolatedLiteral(_ parts: [LiteralPart]) -> SwiftCode {
        var text = "\""
        for part in parts {
            switch part {
            case .text(let value): text += literalBody(value)
            case .code(let code): text += "\\(" + code.text + ")"
            }
        }
        return SwiftCode(verbatim: text + "\"")
    }

    enum LiteralPart {
        case text(String)
        case code(SwiftCode)
    }

    /// What goes between a literal's quotes: backslash, quote and every scalar that is not
    /// plainly visible text escaped (controls, line and paragraph separators, bidi and other
    /// format characters), so the literal stays on its line and reads as what it holds.
    private static func literalBody(_ text: String) -> String {
        // Most text is printable ASCII without quotes or backslashes: it stays as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isPlainText(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.properties.isNoncharacterCodePoint {
                    // Swift refuses noncharacters in literals, even as `\u{…}`: the literal
                    // holds U+FFFD instead (the only value it cannot keep).
                    result += "\\u{fffd}"
                } else {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                }
            }
        }
        return result
    }

    /// Visible characters and ordinary spaces: what literals and comments keep as they are.
    private static func isPlainText(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return false
        default:
            return !scalar.properties.isNoncharacterCodePoint
        }
    }

    /// A decimal literal of `value`; `nil` for infinities and NaN, which no literal spells.
    static func number(_ value: Double) -> SwiftCode? {
        guard value.isFinite else { return nil }
        return SwiftCode(verbatim: "\(value)")
    }

    /// `///` lines for the given paragraphs (blank ones are skipped), separated by `///`.
    ///
    /// Text is split at every line break any reader of the file may see (LF, CR, CRLF, and
    /// U+2028, U+2029, U+0085, VT, FF), so no text leaves its `///` line: Swift ends a `//`
    /// comment at LF and at CR. Other invisible characters become spaces; trailing whitespace
    /// is trimmed, so the generated code has none.
    static func docLines(_ paragraphs: String?...) -> [SwiftCode] {
        var result: [SwiftCode] = []
        for paragraph in paragraphs {
            let lines = paragraph.map(commentLines) ?? []
            guard lines.contains(where: { !$0.isEmpty }) else { continue }
            if !result.isEmpty { result.append("///") }
            var start = lines.startIndex, end = lines.endIndex
            while start < end, lines[start].isEmpty { start += 1 }
            while end > start, lines[end - 1].isEmpty { end -= 1 }
            for line in lines[start..<end] {
                result.append(SwiftCode(verbatim: line.isEmpty ? "///" : "/// " + line))
            }
        }
        return result
    }

    /// A `///` line with its text moved `columns` further right (a blank `///` stays blank).
    static func indentedDocLine(_ line: SwiftCode, by columns: Int) -> SwiftCode {
        guard line.text.hasPrefix("/// ") else { return line }
        return SwiftCode(verbatim: "///" + String(repeating: " ", count: columns) + line.text.dropFirst(3))
    }

    /// A `//` comment line for `text`, on one line whatever it holds.
    static func lineComment(_ text: String) -> SwiftCode {
        SwiftCode(verbatim: "// " + commentLines(text).joined(separator: " "))
    }

    /// `text` as lines safe inside a comment, trimmed at the end.
    private static func commentLines(_ text: String) -> [String] {
        // Printable ASCII and LF, the common case, needs only splitting.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingWhitespace() }
        }
        var lines: [String] = []
        var line = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r":
                continue
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(line.trimmingTrailingWhitespace())
                line = ""
            default:
                if scalar == "\t" || isPlainText(scalar) {
                    line.unicodeScalars.append(scalar)
                } else {
                    line += " "
                }
            }
        }
        lines.append(line.trimmingTrailingWhitespace())
        return lines
    }

    /// A Swift type the user named in `typeOverrides`: the user's own configuration, not the
    /// spec, writes it, as the README says.
    static func userType(_ spelling: String) -> SwiftCode {
        SwiftCode(verbatim: spelling)
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}

extension AccessLevel {
    /// The keyword on generated declarations.
    var code: SwiftCode {
        switch self {
        case .public: "public"
        case .package: "package"
        case .internal: "internal"
        }
    }
}

extension Isolation {
    /// What goes before the keyword of every generated type, protocol and extension: the
    /// modifier and its space, or nothing.
    var code: SwiftCode {
        switch self {
        case .default: ""
        case .nonisolated: "nonisolated "
        }
    }
}
