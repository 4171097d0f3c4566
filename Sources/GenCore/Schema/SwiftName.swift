/// A Swift identifier, decided by the naming authority (`NameScope`) of the API graph.
///
/// It holds the bare identifier: letters, digits and underscores that Swift accepts, never a
/// backtick, space or punctuation (`SwiftNaming` builds them only from such characters). Names
/// the generator derives by adding a suffix are made from `bare` and escaped last, so a keyword
/// base never yields `` `self`WithResponse ``.
public struct SwiftName: Hashable, Sendable, CustomStringConvertible {
    public let bare: String

    /// Only the naming code makes names, from `SwiftNaming`'s output and the generator's own
    /// words. Whatever it is given, the name holds only identifier characters: anything else
    /// becomes `_` (a name that is no identifier cannot be written, only mangled).
    init(bare: String) {
        self.bare = Self.isLegal(bare) ? bare : Self.legalized(bare)
    }

    /// Whether `name` is an identifier as it is, with nothing to replace (a keyword is one).
    static func isIdentifier(_ name: String) -> Bool {
        isLegal(name)
    }

    private static func isLegal(_ name: String) -> Bool {
        // Nearly every name is ASCII: check its bytes without forming characters.
        let utf8 = name.utf8
        if let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) {
            return !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) && utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        }
        guard let first = name.first, !first.isDigitLike else { return false }
        return name.allSatisfy { $0 == "_" || $0.isIdentifierSafe }
    }

    private static func legalized(_ name: String) -> String {
        let kept = String(name.map { $0 == "_" || $0.isIdentifierSafe ? $0 : "_" })
        return kept.first.map { $0.isDigitLike } ?? true ? "_" + kept : kept
    }

    /// As written in declarations and expressions: in backticks when Swift reserves it.
    public var escaped: String {
        SwiftKeywords.reserved.contains(bare) ? "`\(bare)`" : bare
    }

    /// As an argument label at a call site, where keywords need no backticks, except `inout`
    /// (Swift warns about escaped `let` and `var` there).
    public var label: String {
        bare == "inout" ? escaped : bare
    }

    public var description: String { escaped }
}
