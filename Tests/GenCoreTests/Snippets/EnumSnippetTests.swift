import XCTest

/// Enums from string and integer `enum` schemas: case names, keywords, collisions, and the `undocumented` fallback.
///
/// Each test: a spec fragment, the declaration it generates (see Snippet.swift).
final class EnumSnippetTests: XCTestCase {
    /// One case per value, named by the rules; a value the spec does not list decodes into `undocumented` and is
    /// written back unchanged.
    func testStringEnumKeepsUnknownValues() throws {
        try assertSnippet(schemas: """
            Status:
              description: Where the call is.
              type: string
              enum: [queued, in-progress, DONE, 2fa]
            """, declaration: "Status", #"""
            /// Where the call is.
            public enum Status: RawRepresentable, Codable, Hashable, Sendable {
                case queued, inProgress, done, _2fa
                /// A value the spec does not list, kept as received so that it is written back unchanged.
                case undocumented(String)

                private static let documented: [Self] = [.queued, .inProgress, .done, ._2fa]

                public init(rawValue: String) {
                    self = WireFormat.documentedCase(rawValue, in: Self.documented) ?? .undocumented(rawValue)
                }

                public var rawValue: String {
                    switch self {
                    case .queued: "queued"
                    case .inProgress: "in-progress"
                    case .done: "DONE"
                    case ._2fa: "2fa"
                    case .undocumented(let value): value
                    }
                }
            }
            """#)
    }

    /// Case names that are Swift keywords are escaped, in the declaration and where they are used.
    func testKeywordValuesAreBackticked() throws {
        try assertSnippet(schemas: """
            Mode:
              type: string
              enum: [default, self, Type, public]
            """, declaration: "Mode", #"""
            public enum Mode: RawRepresentable, Codable, Hashable, Sendable {
                case `default`, `self`, type, `public`
                /// A value the spec does not list, kept as received so that it is written back unchanged.
                case undocumented(String)

                private static let documented: [Self] = [.`default`, .`self`, .type, .`public`]

                public init(rawValue: String) {
                    self = WireFormat.documentedCase(rawValue, in: Self.documented) ?? .undocumented(rawValue)
                }

                public var rawValue: String {
                    switch self {
                    case .`default`: "default"
                    case .`self`: "self"
                    case .type: "Type"
                    case .`public`: "public"
                    case .undocumented(let value): value
                    }
                }
            }
            """#)
    }

    /// Integer enums get the same shape, with an `Int` raw value.
    func testIntegerEnum() throws {
        try assertSnippet(schemas: """
            Priority:
              type: integer
              enum: [1, 2, 10]
            """, declaration: "Priority", #"""
            public enum Priority: RawRepresentable, Codable, Hashable, Sendable {
                case _1, _2, _10
                /// A value the spec does not list, kept as received so that it is written back unchanged.
                case undocumented(Int)

                private static let documented: [Self] = [._1, ._2, ._10]

                public init(rawValue: Int) {
                    self = WireFormat.documentedCase(rawValue, in: Self.documented) ?? .undocumented(rawValue)
                }

                public var rawValue: Int {
                    switch self {
                    case ._1: 1
                    case ._2: 2
                    case ._10: 10
                    case .undocumented(let value): value
                    }
                }
            }
            """#)
    }

    /// Values that make the same case name are told apart deterministically.
    func testValuesThatNameTheSameCase() throws {
        try assertSnippet(schemas: """
            Level:
              type: string
              enum: [high, HIGH, High]
            """, declaration: "Level", #"""
            public enum Level: RawRepresentable, Codable, Hashable, Sendable {
                case high, high2, high3
                /// A value the spec does not list, kept as received so that it is written back unchanged.
                case undocumented(String)

                private static let documented: [Self] = [.high, .high2, .high3]

                public init(rawValue: String) {
                    self = WireFormat.documentedCase(rawValue, in: Self.documented) ?? .undocumented(rawValue)
                }

                public var rawValue: String {
                    switch self {
                    case .high: "high"
                    case .high2: "HIGH"
                    case .high3: "High"
                    case .undocumented(let value): value
                    }
                }
            }
            """#)
    }

    /// A struct property of an enum component type keeps the enum's name.
    func testEnumAsPropertyOfAStruct() throws {
        try assertSnippet(schemas: """
            Status:
              type: string
              enum: [on, off]
            Device:
              type: object
              required: [status]
              properties:
                status:
                  $ref: '#/components/schemas/Status'
            """, declaration: "Device", #"""
            public struct Device: Codable, Hashable, Sendable {
                public var status: Status

                public init(status: Status) {
                    self.status = status
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    try self.init(status: container.read(.status))
                }
            }
            """#)
    }
}
