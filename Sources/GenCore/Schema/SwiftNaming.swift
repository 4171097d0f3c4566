/// Turns names from a spec into Swift identifiers, following DESIGN.md's rendering rules.
public struct SwiftNaming: Sendable {
    /// Words written in capitals inside lowerCamelCase names (`caller_id` → `callerID`).
    public var initialisms: Set<String>

    public static let defaultInitialisms: Set<String> = ["id", "url", "uri", "uuid", "api", "http", "https", "json", "xml", "html", "ip", "sql"]

    public init(initialisms: Set<String> = SwiftNaming.defaultInitialisms) {
        self.initialisms = Set(initialisms.map { $0.lowercased() })
    }

    /// UpperCamelCase by splitting on everything but letters and digits, keeping each word's
    /// own casing but writing initialisms in capitals, as member names do:
    /// `Types.StatusCodes.StatusCode401` → `TypesStatusCodesStatusCode401`, `item_filter_id`
    /// and `ItemFilterId` → `ItemFilterID`.
    public func typeName(_ raw: String) -> String {
        var result = ""
        for word in Self.pieces(raw).flatMap(Self.camelWords) {
            result += initialisms.contains(word.lowercased()) ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
        }
        return Self.legal(result, fallback: "Unnamed")
    }

    /// The API name from a spec's file name: UpperCamelCase keeping each piece's casing, with
    /// no initialism rule (`http-surface` → `HttpSurface`), because it names the output files,
    /// which users commit and the build plugin declares: they keep the names they always had.
    public func apiName(_ fileName: String) -> String {
        var result = ""
        for piece in Self.pieces(fileName) {
            result += piece.prefix(1).uppercased() + piece.dropFirst()
        }
        return Self.legal(result, fallback: "Unnamed")
    }

    /// lowerCamelCase with initialisms in capitals: `call_request_url` → `callRequestURL`.
    /// Bare: a `NameScope` claims it and `SwiftName` escapes it.
    public func memberName(_ raw: String) -> String {
        var result = ""
        for word in Self.pieces(raw).flatMap(Self.camelWords) {
            let lower = word.lowercased()
            if result.isEmpty {
                result = lower
            } else if initialisms.contains(lower) {
                result += word.uppercased()
            } else {
                let rest = word.dropFirst()
                let isShouting = rest.allSatisfy { !$0.isLowercaseLetter }
                result += word.prefix(1).uppercased() + (isShouting ? rest.lowercased() : String(rest))
            }
        }
        return Self.legal(result, fallback: "value")
    }

    /// Runs of letters and digits; everything else separates.
    static func pieces(_ raw: String) -> [Substring] {
        raw.split { !$0.isIdentifierSafe }
    }

    /// Splits `callRequestURL` into `call`, `Request`, `URL` and `HTTPServer` into `HTTP`, `Server`.
    static func camelWords(_ piece: Substring) -> [Substring] {
        var words: [Substring] = []
        var start = piece.startIndex
        var index = piece.startIndex
        while index < piece.endIndex {
            let next = piece.index(after: index)
            if next < piece.endIndex {
                let current = piece[index], following = piece[next]
                let afterNext = piece.index(after: next)
                let lowerToUpper = (current.isLowercaseLetter || current.isDigitLike) && following.isUppercaseLetter
                let acronymEnd = current.isUppercaseLetter && following.isUppercaseLetter
                    && afterNext < piece.endIndex && piece[afterNext].isLowercaseLetter
                if lowerToUpper || acronymEnd {
                    words.append(piece[start..<next])
                    start = next
                }
            }
            index = next
        }
        if start < piece.endIndex { words.append(piece[start...]) }
        return words
    }

    /// A name that starts with a digit gets a leading underscore; an empty one the fallback.
    static func legal(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return first.isDigitLike ? "_" + name : name
    }
}

// Names are nearly always ASCII, and Character's Unicode property lookups were ~8% of a big
// spec's generation time; these answer ASCII from the code point and defer to Unicode otherwise.
extension Character {
    /// Characters a name keeps; all others separate words. ASCII letters and digits, and other
    /// letters that Swift accepts at the start of an identifier (The Swift Programming
    /// Language, Lexical Structure), followed by combining marks it accepts after the start.
    /// Not every character Swift allows: no symbols, emoji, format or bidi controls, which would
    /// make names that read differently from what they are.
    var isIdentifierSafe: Bool {
        if let ascii = asciiValue { return Self.isASCIILetter(ascii) || Self.isASCIIDigit(ascii) }
        guard let first = unicodeScalars.first, Self.isIdentifierLetter(first) else { return false }
        return unicodeScalars.dropFirst().allSatisfy { Self.isIdentifierLetter($0) || Self.isIdentifierMark($0) }
    }

    fileprivate var isLowercaseLetter: Bool {
        if let ascii = asciiValue { return ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z") }
        return isLowercase
    }

    fileprivate var isUppercaseLetter: Bool {
        if let ascii = asciiValue { return ascii >= UInt8(ascii: "A") && ascii <= UInt8(ascii: "Z") }
        return isUppercase
    }

    /// Only ASCII digits: names never start with one (`legal` adds `_`), and other scripts'
    /// digits are letters' neighbours Swift may not take.
    var isDigitLike: Bool {
        asciiValue.map(Self.isASCIIDigit) ?? false
    }

    private static func isASCIILetter(_ ascii: UInt8) -> Bool {
        (ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z")) || (ascii >= UInt8(ascii: "A") && ascii <= UInt8(ascii: "Z"))
    }

    private static func isASCIIDigit(_ ascii: UInt8) -> Bool {
        ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// An ASCII letter, or a letter (general category L) in Swift's identifier-head ranges.
    private static func isIdentifierLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIILetter(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return identifierHeadRanges.contains { $0.contains(scalar.value) }
        default:
            return false
        }
    }

    /// Combining marks Swift accepts after an identifier's first character.
    private static func isIdentifierMark(_ scalar: Unicode.Scalar) -> Bool {
        [0x0300...0x036F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F].contains { $0.contains(scalar.value) }
    }

    /// Swift's identifier-head ranges above ASCII, those that hold letters.
    private static let identifierHeadRanges: [ClosedRange<UInt32>] = [
        0x00AA...0x00AA, 0x00B5...0x00B5, 0x00BA...0x00BA, 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x02FF,
        0x0370...0x167F, 0x1681...0x180D, 0x180F...0x1DBF, 0x1E00...0x1FFF, 0x2070...0x20CF, 0x2100...0x218F,
        0x2C00...0x2DFF, 0x2E80...0x2FFF, 0x3004...0x3007, 0x3021...0x302F, 0x3031...0x303F, 0x3040...0xD7FF,
        0xF900...0xFD3D, 0xFD40...0xFDCF, 0xFDF0...0xFE1F, 0xFE30...0xFE44, 0xFE47...0xFFFD, 0x10000...0x1FFFD,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
