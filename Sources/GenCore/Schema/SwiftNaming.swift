/// Turns names from a spec into Swift identifiers, following DESIGN.md's rendering rules.
public struct SwiftNaming: Sendable {
    /// Words written in capitals inside lowerCamelCase names (`caller_id` → `callerID`).
    public var initialisms: Set<String>

    public static let defaultInitialisms: Set<String> = ["id", "url", "uri", "uuid", "api", "http", "https", "json", "xml", "html", "ip", "sql"]

    public init(initialisms: Set<String> = SwiftNaming.defaultInitialisms) {
        self.initialisms = Set(initialisms.map { $0.lowercased() })
    }

    /// UpperCamelCase by splitting on everything but letters and digits, keeping each piece's
    /// own casing: `Types.StatusCodes.StatusCode401` → `TypesStatusCodesStatusCode401`.
    public func typeName(_ raw: String) -> String {
        var result = ""
        for piece in Self.pieces(raw) {
            result += piece.prefix(1).uppercased() + piece.dropFirst()
        }
        return Self.legal(result, fallback: "Unnamed")
    }

    /// lowerCamelCase with initialisms in capitals: `call_request_url` → `callRequestURL`.
    /// Not escaped; use `escaped(_:)` where it becomes an identifier.
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

    /// The identifier in backticks when Swift reserves it.
    public func escaped(_ identifier: String) -> String {
        SwiftKeywords.reserved.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier without the backticks `escaped(_:)` may have added.
    public static func unescaped(_ identifier: String) -> String {
        identifier.trimmingCharacters(in: ["`"])
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
    /// Letters and digits Swift accepts in identifiers. Combining marks and symbols that look
    /// like letters are excluded to keep names legal without a full table of Swift's grammar.
    fileprivate var isIdentifierSafe: Bool {
        if let ascii = asciiValue { return Self.isASCIILetter(ascii) || Self.isASCIIDigit(ascii) }
        return unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType == .decimal }
            && unicodeScalars.first.map { !$0.properties.isEmojiPresentation } ?? false
    }

    fileprivate var isLowercaseLetter: Bool {
        if let ascii = asciiValue { return ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z") }
        return isLowercase
    }

    fileprivate var isUppercaseLetter: Bool {
        if let ascii = asciiValue { return ascii >= UInt8(ascii: "A") && ascii <= UInt8(ascii: "Z") }
        return isUppercase
    }

    fileprivate var isDigitLike: Bool {
        if let ascii = asciiValue { return Self.isASCIIDigit(ascii) }
        return isNumber
    }

    private static func isASCIILetter(_ ascii: UInt8) -> Bool {
        (ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z")) || (ascii >= UInt8(ascii: "A") && ascii <= UInt8(ascii: "Z"))
    }

    private static func isASCIIDigit(_ ascii: UInt8) -> Bool {
        ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }
}
