/// A value a schema writes (`enum`, `const`, `default`), with where it is written. Objects and
/// arrays are `structured`: the generator documents them but never writes them as Swift.
public struct SchemaValue: Sendable {
    public enum Kind: Sendable, Equatable {
        case string(String)
        /// An integer literal that fits `Int`; larger ones are `.number` with their text.
        case int(Int)
        /// A floating-point literal, or an integer too large for `Int`, as written.
        case number(String)
        case bool(Bool)
        case null
        case structured
    }

    public let kind: Kind
    public let location: SourceLocation

    init(_ node: YAMLNode) {
        switch node.value {
        case .string(let text): kind = .string(text)
        case .int(let number): kind = .int(number)
        case .number(let text): kind = .number(text)
        case .bool(let flag): kind = .bool(flag)
        case .null: kind = .null
        case .mapping, .sequence: kind = .structured
        }
        location = node.location
    }

    public var isNull: Bool { kind == .null }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// A scalar as written: strings as they are, numbers and booleans in their literal form.
    public var scalarText: String? {
        switch kind {
        case .string(let text): text
        case .int(let number): String(number)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .structured: nil
        }
    }
}
