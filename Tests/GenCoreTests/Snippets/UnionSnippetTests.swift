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
                    // Not an object, or no string discriminator: kept as `undocumented` like an unknown value.
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

    /// Without a discriminator each branch is tried in order; a value none decodes is kept as `undocumented`.
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
                    // Branches are tried in the order the spec lists them; the first that decodes wins.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Cat.self) {
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

    /// Branches of primitive types are cases named after their types.
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
                    // Branches are tried in the order the spec lists them; the first that decodes wins.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(String.self) {
                        self = .string(value)
                    } else if let value = try? container.read(Int.self) {
                        self = .integer(value)
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
                    // Branches are tried in the order the spec lists them; the first that decodes wins.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Literal.self) {
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
                    // Branches are tried in the order the spec lists them; the first that decodes wins.
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.read(Leaf.self) {
                        self = .leaf(value)
                    } else if let value = try? container.read([Tree].self) {
                        self = .array(value)
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
}
