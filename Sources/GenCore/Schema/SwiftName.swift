/// A Swift identifier, decided by the naming authority (`NameScope`) of the API graph.
///
/// It holds the bare identifier: letters, digits and underscores that Swift accepts, never a
/// backtick, space or punctuation (`SwiftNaming` builds them only from such characters). Names
/// the generator derives by adding a suffix are made from `bare` and escaped last, so a keyword
/// base never yields `` `self`WithResponse ``.
public struct SwiftName: Hashable, Sendable, CustomStringConvertible {
    public let bare: String

    /// Only the naming code makes names: `bare` must already be a legal identifier.
    init(bare: String) {
        self.bare = bare
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
