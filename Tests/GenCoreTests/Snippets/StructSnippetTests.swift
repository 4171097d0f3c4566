import XCTest

/// Structs from object schemas: property names, optional, nullable and required, formats, docs, defaults,
/// `additionalProperties`, `allOf`.
///
/// Each test: a spec fragment, the declaration it generates (see Snippet.swift).
final class StructSnippetTests: XCTestCase {
    /// Required → non-optional and first in the init; optional → `T?` defaulting to nil; snake_case keys →
    /// lowerCamelCase with initialisms.
    func testRequiredAndOptionalProperties() throws {
        try assertSnippet(schemas: """
            Endpoint:
              type: object
              required: [display_name, caller_id]
              properties:
                display_name:
                  type: string
                caller_id:
                  type: string
                call_request_url:
                  type: string
            """, declaration: "Endpoint", #"""
            public struct Endpoint: Codable, Hashable, Sendable {
                public var displayName: String
                public var callerID: String
                public var callRequestURL: String?

                public init(displayName: String, callerID: String, callRequestURL: String? = nil) {
                    self.displayName = displayName
                    self.callerID = callerID
                    self.callRequestURL = callRequestURL
                }

                enum CodingKeys: String, CodingKey {
                    case displayName = "display_name", callerID = "caller_id", callRequestURL = "call_request_url"
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(
                        displayName: container.read(.displayName), callerID: container.read(.callerID),
                        callRequestURL: container.readIfPresent(.callRequestURL)
                    )
                }
            }
            """#)
    }

    /// Required but nullable → `T?` with no default in the init, written as an explicit null; optional → omitted when
    /// nil.
    func testRequiredNullableIsOptionalAndWrittenAsNull() throws {
        try assertSnippet(schemas: """
            Call:
              type: object
              required: [ended_at]
              properties:
                ended_at:
                  type: [string, 'null']
                  format: date-time
                note:
                  type: string
            """, declaration: "Call", #"""
            public struct Call: Codable, Hashable, Sendable {
                public var endedAt: Date?
                public var note: String?

                public init(endedAt: Date?, note: String? = nil) {
                    self.endedAt = endedAt
                    self.note = note
                }

                enum CodingKeys: String, CodingKey {
                    case endedAt = "ended_at", note
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(endedAt: container.readIfPresent(.endedAt), note: container.readIfPresent(.note))
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.endedAt, .endedAt)
                    try container.writeIfPresent(self.note, .note)
                }
            }
            """#)
    }

    /// An optional nullable property is left out when nil whether or not another property (a
    /// required nullable one here) makes the encoder custom; only a required one is written as `null`.
    func testOptionalNullableIsLeftOutBesideACustomEncoder() throws {
        try assertSnippet(schemas: """
            Call:
              type: object
              required: [ended_at]
              properties:
                ended_at: {type: [string, 'null']}
                note: {type: [string, 'null']}
            """, declaration: "Call", #"""
            public struct Call: Codable, Hashable, Sendable {
                public var endedAt: String?
                public var note: String?

                public init(endedAt: String?, note: String? = nil) {
                    self.endedAt = endedAt
                    self.note = note
                }

                enum CodingKeys: String, CodingKey {
                    case endedAt = "ended_at", note
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(endedAt: container.readIfPresent(.endedAt), note: container.readIfPresent(.note))
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.endedAt, .endedAt)
                    try container.writeIfPresent(self.note, .note)
                }
            }
            """#)
    }

    /// `const` (and a one-value `enum`) is a constant: a computed property, no initializer
    /// parameter, always written (optional or not), and checked when read.
    func testConstantIsAComputedPropertyAlwaysWrittenAndChecked() throws {
        try assertSnippet(schemas: """
            Delayed:
              type: object
              required: [delay_seconds, version]
              properties:
                type: {type: string, const: delayed, default: delayed}
                delay_seconds: {type: integer}
                version: {type: integer, enum: [2]}
                urgent: {const: false}
            """, declaration: "Delayed", #"""
            public struct Delayed: Codable, Hashable, Sendable {
                public var type: String { "delayed" }
                public var delaySeconds: Int
                /// Always `2`.
                public var version: Int { 2 }
                public var urgent: Bool { false }

                public init(delaySeconds: Int) {
                    self.delaySeconds = delaySeconds
                }

                enum CodingKeys: String, CodingKey {
                    case type, delaySeconds = "delay_seconds", version, urgent
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(delaySeconds: container.read(.delaySeconds))
                    try container.expectIfPresent(self.type, .type)
                    try container.expect(self.version, .version)
                    try container.expectIfPresent(self.urgent, .urgent)
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.type, .type)
                    try container.write(self.delaySeconds, .delaySeconds)
                    try container.write(self.version, .version)
                    try container.write(self.urgent, .urgent)
                }
            }
            """#)
    }

    /// 3.0's `nullable: true` folds into the same flag as 3.1's `type: [T, 'null']`.
    func testNullableFromOpenAPI30() throws {
        let snippet = try Snippet(schemas: """
            Call:
              type: object
              required: [ended_at]
              properties:
                ended_at:
                  type: string
                  nullable: true
            """, version: "3.0.3")
        assertDeclaration("Call", in: snippet, #"""
            public struct Call: Codable, Hashable, Sendable {
                public var endedAt: String?

                public init(endedAt: String?) {
                    self.endedAt = endedAt
                }

                enum CodingKeys: String, CodingKey {
                    case endedAt = "ended_at"
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(endedAt: container.readIfPresent(.endedAt))
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.endedAt, .endedAt)
                }
            }
            """#)
    }

    /// `uuid` → UUID (written lowercase), `date-time` → Date, `binary` → Data, free-form → JSONValue.
    func testFormats() throws {
        try assertSnippet(schemas: """
            Upload:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                  format: uuid
                created_at:
                  type: string
                  format: date-time
                content:
                  type: string
                  format: binary
                extra: {}
            """, declaration: "Upload", #"""
            public struct Upload: Codable, Hashable, Sendable {
                public var id: UUID
                public var createdAt: Date?
                public var content: Data?
                public var extra: JSONValue?

                public init(id: UUID, createdAt: Date? = nil, content: Data? = nil, extra: JSONValue? = nil) {
                    self.id = id
                    self.createdAt = createdAt
                    self.content = content
                    self.extra = extra
                }

                enum CodingKeys: String, CodingKey {
                    case id, createdAt = "created_at", content, extra
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(
                        id: container.read(.id), createdAt: container.readIfPresent(.createdAt),
                        content: container.readIfPresent(.content), extra: container.readUnlessAbsent(.extra)
                    )
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.id.uuidString.lowercased(), .id)
                    try container.writeIfPresent(self.createdAt, .createdAt)
                    try container.writeIfPresent(self.content, .content)
                    try container.writeIfPresent(self.extra, .extra)
                }
            }
            """#)
    }

    /// Swift keywords are escaped with backticks (`self` cannot be, so it is renamed); a leading digit gets an
    /// underscore.
    func testKeywordsAndDigitsInPropertyNames() throws {
        try assertSnippet(schemas: """
            Item:
              type: object
              properties:
                class:
                  type: string
                default:
                  type: boolean
                self:
                  type: string
                2fa_enabled:
                  type: boolean
            """, declaration: "Item", #"""
            public struct Item: Codable, Hashable, Sendable {
                public var `class`: String?
                public var `default`: Bool?
                public var selfValue: String?
                public var _2faEnabled: Bool?

                public init(`class`: String? = nil, `default`: Bool? = nil, selfValue: String? = nil, _2faEnabled: Bool? = nil) {
                    self.`class` = `class`
                    self.`default` = `default`
                    self.selfValue = selfValue
                    self._2faEnabled = _2faEnabled
                }

                enum CodingKeys: String, CodingKey {
                    case `class`, `default`, selfValue = "self", _2faEnabled = "2fa_enabled"
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(
                        class: container.readIfPresent(.`class`), default: container.readIfPresent(.`default`),
                        selfValue: container.readIfPresent(.selfValue), _2faEnabled: container.readIfPresent(._2faEnabled)
                    )
                }
            }
            """#)
    }

    /// Descriptions become `///` lines; a default is documented.
    func testDocCommentsFromDescriptions() throws {
        try assertSnippet(schemas: """
            Limits:
              description: |
                How many calls may run.
                At once, per account.
              type: object
              properties:
                max_calls:
                  description: The most at once.
                  type: integer
                  default: 2
            """, declaration: "Limits", #"""
            /// How many calls may run.
            /// At once, per account.
            public struct Limits: Codable, Hashable, Sendable {
                /// The most at once. Default: `2`.
                public var maxCalls: Int?

                public init(maxCalls: Int? = nil) {
                    self.maxCalls = maxCalls
                }

                enum CodingKeys: String, CodingKey {
                    case maxCalls = "max_calls"
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(maxCalls: container.readIfPresent(.maxCalls))
                }
            }
            """#)
    }

    /// Arrays of references and references to other components keep the component's type name.
    func testArraysAndReferences() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            Owner:
              type: object
              required: [pets]
              properties:
                pets:
                  type: array
                  items:
                    $ref: '#/components/schemas/Pet'
                favorite:
                  $ref: '#/components/schemas/Pet'
            """, declaration: "Owner", #"""
            public struct Owner: Codable, Hashable, Sendable {
                public var pets: [Pet]
                public var favorite: Pet?

                public init(pets: [Pet], favorite: Pet? = nil) {
                    self.pets = pets
                    self.favorite = favorite
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(pets: container.read(.pets), favorite: container.readIfPresent(.favorite))
                }
            }
            """#)
    }

    /// Component names split on non-alphanumerics and join in UpperCamelCase.
    func testComponentNameWithDots() throws {
        try assertSnippet(schemas: """
            Types.StatusCodes.StatusCode401:
              type: object
              properties:
                message:
                  type: string
            """, declaration: "TypesStatusCodesStatusCode401", #"""
            public struct TypesStatusCodesStatusCode401: Codable, Hashable, Sendable {
                public var message: String?

                public init(message: String? = nil) {
                    self.message = message
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(message: container.readIfPresent(.message))
                }
            }
            """#)
    }

    /// Extra keys the schema does not name are kept in a dictionary, read and written beside the declared ones.
    func testAdditionalProperties() throws {
        try assertSnippet(schemas: """
            Labels:
              type: object
              required: [name]
              properties:
                name:
                  type: string
              additionalProperties:
                type: string
            """, declaration: "Labels", #"""
            public struct Labels: Codable, Hashable, Sendable {
                public var name: String
                /// Properties the schema does not name, by key.
                public var additionalProperties: [String: String]

                public init(name: String, additionalProperties: [String: String] = [:]) {
                    self.name = name
                    self.additionalProperties = additionalProperties
                }

                enum CodingKeys: String, CodingKey {
                    case name
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    let others = try decoder.container(keyedBy: JSONValue.Key.self)
                    var additional: [String: String] = [:]
                    for key in others.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                        additional[key.stringValue] = try others.read(key)
                    }
                    try self.init(name: container.read(.name), additionalProperties: additional)
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.name, .name)
                    var others = encoder.container(keyedBy: JSONValue.Key.self)
                    // A declared property wins over an extra entry of the same name.
                    for (key, value) in additionalProperties where CodingKeys(rawValue: key) == nil {
                        try others.write(value, JSONValue.Key(key))
                    }
                }
            }
            """#)
    }

    /// `allOf` merges the properties and required lists of its parts.
    func testAllOfMergesProperties() throws {
        try assertSnippet(schemas: """
            Named:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            Pet:
              allOf:
                - $ref: '#/components/schemas/Named'
                - type: object
                  required: [age]
                  properties:
                    age:
                      type: integer
            """, declaration: "Pet", #"""
            public struct Pet: Codable, Hashable, Sendable {
                public var name: String
                public var age: Int

                public init(name: String, age: Int) {
                    self.name = name
                    self.age = age
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(name: container.read(.name), age: container.read(.age))
                }
            }
            """#)
    }

    /// An `allOf` of a value and parts that only annotate it is that value (issue 20, item 6):
    /// an enum, an array and a map kept their schema instead of becoming an empty struct that
    /// decoded from anything and encoded `{}`.
    func testAllOfOfAValueAndAnnotationsKeepsTheValue() throws {
        try assertSnippet(schemas: """
            Color:
              allOf:
                - type: string
                  enum: [red, green]
                - description: The paint.
            Tagged:
              type: object
              properties:
                color:
                  allOf:
                    - $ref: '#/components/schemas/Color'
                    - description: What it is painted.
                tags:
                  allOf:
                    - type: array
                      items: {type: string}
                    - nullable: false
                labels:
                  allOf:
                    - type: object
                      additionalProperties: {type: string}
                    - description: Free-form labels.
                extra:
                  allOf:
                    - type: object
                    - description: Anything.
            """, declaration: "Tagged", #"""
            public struct Tagged: Codable, Hashable, Sendable {
                public var color: Color?
                public var tags: [String]?
                public var labels: [String: String]?
                public var extra: JSONValue?

                public init(color: Color? = nil, tags: [String]? = nil, labels: [String: String]? = nil, extra: JSONValue? = nil) {
                    self.color = color
                    self.tags = tags
                    self.labels = labels
                    self.extra = extra
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(
                        color: container.readIfPresent(.color), tags: container.readIfPresent(.tags),
                        labels: container.readIfPresent(.labels), extra: container.readUnlessAbsent(.extra)
                    )
                }
            }
            """#)
    }

    /// `additionalProperties: true` beside properties keeps the other members (they were dropped,
    /// so a value did not come back as it was sent; found by Scripts/conformance-check, issue 20).
    func testAdditionalPropertiesTrueBesidePropertiesKeepsTheOthers() throws {
        try assertSnippet(schemas: """
            Extensible:
              type: object
              required: [name]
              properties:
                name: {type: string}
              additionalProperties: true
            """, declaration: "Extensible", #"""
            public struct Extensible: Codable, Hashable, Sendable {
                public var name: String
                /// Properties the schema does not name, by key.
                public var additionalProperties: [String: JSONValue]

                public init(name: String, additionalProperties: [String: JSONValue] = [:]) {
                    self.name = name
                    self.additionalProperties = additionalProperties
                }

                enum CodingKeys: String, CodingKey {
                    case name
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    let others = try decoder.container(keyedBy: JSONValue.Key.self)
                    var additional: [String: JSONValue] = [:]
                    for key in others.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                        additional[key.stringValue] = try others.read(key)
                    }
                    try self.init(name: container.read(.name), additionalProperties: additional)
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.name, .name)
                    var others = encoder.container(keyedBy: JSONValue.Key.self)
                    // A declared property wins over an extra entry of the same name.
                    for (key, value) in additionalProperties where CodingKeys(rawValue: key) == nil {
                        try others.write(value, JSONValue.Key(key))
                    }
                }
            }
            """#)
    }
}
