/// A JSON Schema (OpenAPI 3.1 dialect, with OpenAPI 3.0's `nullable`) as written in the document.
///
/// Nothing is resolved here: `$ref` stays a reference, and the schema graph decides what it
/// means. A class, so that recursive schemas and their hoisted names can be tracked by identity.
public final class JSONSchema {
    public enum AdditionalProperties {
        case allowed(Bool)
        case schema(JSONSchema)
    }

    /// A `true` or `false` schema (JSON Schema allows booleans where schemas go).
    public var booleanSchema: Bool?
    public var ref: String?
    /// `type` as written: one name, or a list such as `[string, 'null']`.
    public var types: [String] = []
    public var format: String?
    public var title: String?
    public var description: String?
    public var enumValues: [YAMLNode]?
    public var constValue: YAMLNode?
    public var defaultValue: YAMLNode?
    public var properties: [(name: String, schema: JSONSchema)] = []
    public var required: [(name: String, node: YAMLNode)] = []
    public var items: JSONSchema?
    public var additionalProperties: AdditionalProperties?
    public var allOf: [JSONSchema] = []
    public var oneOf: [JSONSchema] = []
    public var anyOf: [JSONSchema] = []
    public var discriminator: Discriminator?
    /// OpenAPI 3.0's `nullable: true`.
    public var nullable = false
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false
    /// Keywords we read but do not model (`not`, `if`, `prefixItems`, …), for located warnings.
    public var unmodeledKeywords: [(keyword: String, node: YAMLNode)] = []
    /// Where the schema is written.
    public let node: YAMLNode

    public init(node: YAMLNode) {
        self.node = node
    }

    public var location: SourceLocation { node.location }
}

/// `discriminator`: which property names the branch, and optional value → `$ref` mapping.
public struct Discriminator {
    public var propertyName: String
    public var mapping: [(value: String, ref: String)]
    /// OpenAPI 3.2's `defaultMapping`: the schema (by name or `$ref`) for a value no mapping
    /// names, or no value; with where it is written.
    public var defaultMapping: (ref: String, location: SourceLocation)?
}
