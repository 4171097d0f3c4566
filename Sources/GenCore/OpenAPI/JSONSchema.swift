/// A JSON Schema (OpenAPI 3.1 dialect, with OpenAPI 3.0's `nullable`) as written in the document,
/// with its `$ref` resolved: `target` is the schema it points to, in whatever file.
///
/// A class, so that a schema reached by several paths (by name and by `$ref`, or recursively)
/// is one instance, and hoisted names can be tracked by identity.
public final class JSONSchema {
    public enum AdditionalProperties {
        case allowed(Bool)
        case schema(JSONSchema)
    }

    /// A `true` or `false` schema (JSON Schema allows booleans where schemas go).
    public var booleanSchema: Bool?
    /// `$ref` as written.
    public var ref: String?
    /// The schema `ref` points to; `nil` when it could not be resolved (a located error says why).
    public var target: JSONSchema?
    /// The name `ref` suggests: the last token of its JSON pointer, or the file's base name for
    /// a whole-file reference.
    public var refName: String?
    /// `type` as written: one name, or a list such as `[string, 'null']`.
    public var types: [String] = []
    public var format: String?
    /// `pattern` (a regular expression a string matches) and where it is written.
    public var pattern: (text: String, location: SourceLocation)?
    public var title: String?
    public var description: String?
    public var enumValues: [SchemaValue]?
    /// Where `enum` is written.
    public var enumLocation: SourceLocation?
    public var constValue: SchemaValue?
    public var defaultValue: SchemaValue?
    public var properties: [(name: String, schema: JSONSchema)] = []
    public var required: [(name: String, location: SourceLocation)] = []
    public var items: JSONSchema?
    public var additionalProperties: AdditionalProperties?
    public var allOf: [JSONSchema] = []
    public var oneOf: [JSONSchema] = []
    public var anyOf: [JSONSchema] = []
    public var discriminator: Discriminator?
    /// `contentMediaType` and `contentSchema`: what a string holds, as `data` of a 3.2
    /// `text/event-stream` `itemSchema` holds JSON.
    public var contentMediaType: String?
    public var contentSchema: JSONSchema?
    /// OpenAPI 3.0's `nullable: true`.
    public var nullable = false
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false
    /// Keywords we read but do not model (`not`, `if`, `prefixItems`, …), for located warnings.
    public var unmodeledKeywords: [(keyword: String, location: SourceLocation)] = []
    /// Where the schema is written.
    public let location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// `discriminator`: which property names the branch, and optional value → schema mapping
/// (`target` is `nil` when the mapping's reference could not be resolved).
public struct Discriminator {
    public var propertyName: String
    public var mapping: [(value: String, target: JSONSchema?)]
    /// OpenAPI 3.2's `defaultMapping`: the schema for a value no mapping names, or none, as
    /// written (`ref`) and resolved (`target`, `nil` when it could not be), with its location.
    public var defaultMapping: (ref: String, target: JSONSchema?, location: SourceLocation)?
}
