/// What a schema that becomes a named type should be called, in two forms: `full`, the name it
/// has at the top level (its users' names before its own: `BookingPaymentSource`), and for an
/// inline schema `local`, the name it has when nested in the type that uses it (`Source`).
/// Both are UpperCamelCase, not yet claimed.
struct TypeNameHint {
    var full: String
    /// `nil` for a schema the spec names itself (a component, a `$ref`'d file) and for the
    /// schemas of operations: those stay at the top level.
    var local: String?

    /// A name that stands alone: a component's, a `$ref` target's, an operation's body or
    /// parameter type.
    init(_ name: String) {
        full = name
        local = nil
    }

    private init(full: String, local: String?) {
        self.full = full
        self.local = local
    }

    /// The hint for a part of this type called `piece` (a property, a union branch).
    func member(_ piece: String) -> TypeNameHint {
        TypeNameHint(full: full + piece, local: piece)
    }

    /// The hint for an array's element: the singular of a plural name (`Stations` → `Station`),
    /// else the name with `Item`.
    var item: TypeNameHint {
        TypeNameHint(full: full + "Item", local: local.map { Self.singular($0) ?? $0 + "Item" })
    }

    /// The hint for a dictionary's values.
    var value: TypeNameHint {
        TypeNameHint(full: full + "Value", local: local.map { $0 + "Value" })
    }

    /// Plurals whose `-s` is not one.
    private static let notPlural: Set<String> = ["News", "Series", "Species", "Alias", "Atlas", "Canvas", "Bias", "Lens"]

    /// The singular of the last word of an UpperCamelCase name, by the regular English rules;
    /// `nil` when the word does not look plural.
    static func singular(_ name: String) -> String? {
        let lastWordStart = name.lastIndex { $0.isUppercase } ?? name.startIndex
        let word = String(name[lastWordStart...])
        let head = String(name[..<lastWordStart])
        guard word.count > 3, !notPlural.contains(word), word.hasSuffix("s") else { return nil }
        if word.hasSuffix("ies") { return head + String(word.dropLast(3)) + "y" }
        for ending in ["sses", "shes", "xes", "tuses"] where word.hasSuffix(ending) {
            return head + String(word.dropLast(2))
        }
        if word.hasSuffix("ches") && !word.hasSuffix("aches") { return head + String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return nil }
        return head + String(word.dropLast())
    }
}
