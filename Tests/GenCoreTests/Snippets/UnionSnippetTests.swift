import XCTest

/// Unions from `oneOf`/`anyOf`: cases, discriminators, `null` branches, and cycles.
///
/// Each test: a spec fragment, the declaration it generates (see Snippet.swift).
final class UnionSnippetTests: XCTestCase {
    /// `oneOf` with a discriminator: a case per branch, chosen by the property's value (mapping included).
    func testOneOfWithDiscriminator() throws {
        try assertSnippet(schemas: """
            Cat:
              type: object
              required: [kind]
              properties:
                kind:
                  type: string
                meows:
                  type: boolean
            Dog:
              type: object
              required: [kind]
              properties:
                kind:
                  type: string
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
                  doggo: '#/components/schemas/Dog'
            """, declaration: "Pet", #"""
            public enum Pet: Codable, Hashable, Sendable {
                case cat(Cat)
                case dog(Dog)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Not an object, or no tag of its type: kept as `undocumented` like an unknown value.
                    let keyed = try? decoder.container(keyedBy: JSONValue.Key.self)
                    switch try? keyed?.decodeIfPresent(String.self, forKey: JSONValue.Key("kind")) {
                    case "cat": self = .cat(try Cat(from: decoder))
                    case "doggo": self = .dog(try Dog(from: decoder))
                    default: self = .undocumented(try JSONValue(from: decoder))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .cat(let value): try container.write(value)
                    case .dog(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// Without a discriminator or tag, the branches are tried by what they require (in spec
    /// order when that ties); a value none decodes is kept as `undocumented`.
    func testOneOfWithoutDiscriminator() throws {
        try assertSnippet(schemas: """
            Cat:
              type: object
              required: [meows]
              properties:
                meows:
                  type: boolean
            Dog:
              type: object
              required: [barks]
              properties:
                barks:
                  type: boolean
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
            """, declaration: "Pet", #"""
            public enum Pet: Codable, Hashable, Sendable {
                case cat(Cat)
                case dog(Dog)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Each branch takes only JSON of its kind; exact matches are tried first, catch-alls last.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Cat.self), WireFormat.hasOnlyKeys(decoder, ["meows"]) {
                        self = .cat(value)
                    } else if let value = try? container.read(Dog.self), WireFormat.hasOnlyKeys(decoder, ["barks"]) {
                        self = .dog(value)
                    } else if let value = try? container.read(Cat.self) {
                        self = .cat(value)
                    } else if let value = try? container.read(Dog.self) {
                        self = .dog(value)
                    } else {
                        self = .undocumented(try container.read(JSONValue.self))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .cat(let value): try container.write(value)
                    case .dog(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// Branches of primitive types are cases named after their types; an integer is exact, any
    /// string matches the string branch, so the integer is tried first.
    func testOneOfPrimitives() throws {
        try assertSnippet(schemas: """
            Id:
              oneOf:
                - type: string
                - type: integer
            """, declaration: "ID", #"""
            public enum ID: Codable, Hashable, Sendable {
                case string(String)
                case integer(Int)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Each branch takes only JSON of its kind; exact matches are tried first, catch-alls last.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Int.self) {
                        self = .integer(value)
                    } else if let value = try? container.read(String.self) {
                        self = .string(value)
                    } else {
                        self = .undocumented(try container.read(JSONValue.self))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .string(let value): try container.write(value)
                    case .integer(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// A `{type: 'null'}` branch of `anyOf` is no case: the property becomes optional.
    func testNullBranchFoldsIntoOptional() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            Adoption:
              type: object
              required: [pet]
              properties:
                pet:
                  anyOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: 'null'
            """, declaration: "Adoption", #"""
            public struct Adoption: Codable, Hashable, Sendable {
                public var pet: Pet?

                public init(pet: Pet?) {
                    self.pet = pet
                }

                enum CodingKeys: String, CodingKey {
                    case pet
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(pet: container.readIfPresent(.pet))
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.write(self.pet, .pet)
                }
            }
            """#)
    }

    /// A property that leads back to its own type without an array or dictionary between is boxed with `@Indirect`.
    func testValueCycleIsBoxed() throws {
        let snippet = try Snippet(schemas: """
            Literal:
              type: object
              required: [value]
              properties:
                value:
                  type: integer
            Formula:
              oneOf:
                - $ref: '#/components/schemas/Literal'
                - $ref: '#/components/schemas/Negation'
            Negation:
              type: object
              required: [operand]
              properties:
                operand:
                  $ref: '#/components/schemas/Formula'
            """)
        assertDeclaration("Negation", in: snippet, #"""
            public struct Negation: Codable, Hashable, Sendable {
                @Indirect
                public var operand: Formula

                public init(operand: Formula) {
                    self.operand = operand
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(operand: container.read(.operand))
                }
            }
            """#)
        assertDeclaration("Formula", in: snippet, #"""
            public enum Formula: Codable, Hashable, Sendable {
                case literal(Literal)
                case negation(Negation)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Each branch takes only JSON of its kind; exact matches are tried first, catch-alls last.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Literal.self), WireFormat.hasOnlyKeys(decoder, ["value"]) {
                        self = .literal(value)
                    } else if let value = try? container.read(Negation.self), WireFormat.hasOnlyKeys(decoder, ["operand"]) {
                        self = .negation(value)
                    } else if let value = try? container.read(Literal.self) {
                        self = .literal(value)
                    } else if let value = try? container.read(Negation.self) {
                        self = .negation(value)
                    } else {
                        self = .undocumented(try container.read(JSONValue.self))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .literal(let value): try container.write(value)
                    case .negation(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// An array already breaks the cycle: no `indirect`, no box.
    func testRecursionThroughAnArrayIsNotBoxed() throws {
        try assertSnippet(schemas: """
            Leaf:
              type: object
              required: [value]
              properties:
                value:
                  type: integer
            Tree:
              oneOf:
                - $ref: '#/components/schemas/Leaf'
                - type: array
                  items:
                    $ref: '#/components/schemas/Tree'
            """, declaration: "Tree", #"""
            public enum Tree: Codable, Hashable, Sendable {
                case leaf(Leaf)
                case array([Tree])
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Each branch takes only JSON of its kind; exact matches are tried first, catch-alls last.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Leaf.self), WireFormat.hasOnlyKeys(decoder, ["value"]) {
                        self = .leaf(value)
                    } else if let value = try? container.read([Tree].self) {
                        self = .array(value)
                    } else if let value = try? container.read(Leaf.self) {
                        self = .leaf(value)
                    } else {
                        self = .undocumented(try container.read(JSONValue.self))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .leaf(let value): try container.write(value)
                    case .array(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// pydantic's tagged union: no discriminator, but each object branch's `type` is a different
    /// `const`. The tag selects the branch; without one, the branches are tried by what they require.
    func testTaggedUnionWithoutDiscriminatorDecodesByTheTag() throws {
        try assertSnippet(schemas: """
            Accepted:
              type: object
              properties:
                type: {type: string, const: accepted, default: accepted}
            Delayed:
              type: object
              required: [delay_seconds]
              properties:
                type: {type: string, const: delayed, default: delayed}
                delay_seconds: {type: integer}
            Outcome:
              anyOf:
                - $ref: '#/components/schemas/Accepted'
                - $ref: '#/components/schemas/Delayed'
                - type: string
            """, declaration: "Outcome", #"""
            public enum Outcome: Codable, Hashable, Sendable {
                case accepted(Accepted)
                case delayed(Delayed)
                case string(String)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // By the tag; a value without one (not an object, or no tag of its type) by what it is,
                    // and an unknown tag is kept as `undocumented`.
                    let keyed = try? decoder.container(keyedBy: JSONValue.Key.self)
                    switch try? keyed?.decodeIfPresent(String.self, forKey: JSONValue.Key("type")) {
                    case "accepted": self = .accepted(try Accepted(from: decoder))
                    case "delayed": self = .delayed(try Delayed(from: decoder))
                    case nil:
                        let container = try decoder.singleValueContainer()
                        if let value = try? container.read(Delayed.self), WireFormat.hasOnlyKeys(decoder, ["delay_seconds", "type"]) {
                            self = .delayed(value)
                        } else if let value = try? container.read(Accepted.self), WireFormat.hasOnlyKeys(decoder, ["type"]) {
                            self = .accepted(value)
                        } else if let value = try? container.read(Delayed.self) {
                            self = .delayed(value)
                        } else if let value = try? container.read(Accepted.self) {
                            self = .accepted(value)
                        } else if let value = try? container.read(String.self) {
                            self = .string(value)
                        } else {
                            self = .undocumented(try container.read(JSONValue.self))
                        }
                    default: self = .undocumented(try JSONValue(from: decoder))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .accepted(let value): try container.write(value)
                    case .delayed(let value): try container.write(value)
                    case .string(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }

    /// A discriminator without `mapping`: a branch whose property allows one value is selected
    /// by that value, not by its schema name, with a located warning that they differ.
    func testDiscriminatorWithoutMappingUsesTheValueTheBranchAllows() throws {
        let snippet = try Snippet(schemas: """
            TrackObject:
              type: object
              required: [type]
              properties:
                type: {type: string, enum: [track]}
            EpisodeObject:
              type: object
              required: [type]
              properties:
                type: {type: string, enum: [episode]}
            Item:
              oneOf:
                - $ref: '#/components/schemas/TrackObject'
                - $ref: '#/components/schemas/EpisodeObject'
              discriminator:
                propertyName: type
            """)
        let switchCases = snippet.declaration("Item")?.split(separator: "\n").filter { $0.contains("case \"") }
        XCTAssertEqual(switchCases?.map { $0.trimmingCharacters(in: .whitespaces) }, [
            #"case "track": self = .trackObject(try TrackObject(from: decoder))"#,
            #"case "episode": self = .episodeObject(try EpisodeObject(from: decoder))"#,
        ])
        XCTAssertEqual(snippet.warnings.map(\.message), [
            "this branch's 'type' allows only 'track', not its schema name 'TrackObject'; 'track' selects it",
            "this branch's 'type' allows only 'episode', not its schema name 'EpisodeObject'; 'episode' selects it",
        ])
        XCTAssertTrue(snippet.warnings.allSatisfy { $0.location != nil })
    }

    /// A free-form object branch is `.object([String: JSONValue])`, and an array branch holds
    /// arrays: neither takes the other's JSON (a `JSONValue` branch would take both).
    func testFreeFormObjectBranchIsAnObjectCase() throws {
        try assertSnippet(schemas: """
            Value:
              oneOf:
                - {type: object, additionalProperties: true}
                - {type: array, items: {type: integer}}
                - type: string
                  pattern: '^[0-9]+$'
            """, declaration: "Value", #"""
            public enum Value: Codable, Hashable, Sendable {
                case object([String: JSONValue])
                case integers([Int])
                case string(String)
                /// A value that matches none of the documented shapes, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    // Each branch takes only JSON of its kind; exact matches are tried first, catch-alls last.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read([Int].self) {
                        self = .integers(value)
                    } else if let value = try? container.read(String.self), WireFormat.matches(value, "^[0-9]+$") {
                        self = .string(value)
                    } else if let value = try? container.read([String: JSONValue].self) {
                        self = .object(value)
                    } else {
                        self = .undocumented(try container.read(JSONValue.self))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .object(let value): try container.write(value)
                    case .integers(let value): try container.write(value)
                    case .string(let value): try container.write(value)
                    case .undocumented(let value): try container.write(value)
                    }
                }
            }
            """#)
    }
}
