import XCTest
@testable import GenCore

/// `allOf` by JSON Schema's meaning: all parts apply, so a property described by several parts
/// gets the narrowest type they allow together.
final class AllOfMergingTests: XCTestCase {
    /// The list endpoint pattern: a generic collection refined to a typed one.
    func testARefinedArrayTakesTheConcreteItems() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Station:
              type: object
              properties:
                name: {type: string}
            Collection:
              type: object
              required: [data]
              properties:
                data:
                  type: array
                  items: {type: object}
                next: {type: [string, 'null']}
            Stations:
              allOf:
                - $ref: '#/components/schemas/Collection'
                - type: object
                  properties:
                    data:
                      type: array
                      items: {$ref: '#/components/schemas/Station'}
            """))
        XCTAssertEqual(run.diagnostics, [])
        let station = try run.id(of: "Station")
        XCTAssertEqual(try run.typeOf("data", in: "Stations"), .array(.named(station)))
        XCTAssertEqual(try run.property("data", of: "Stations").required, true)
        XCTAssertEqual(try run.typeOf("next", in: "Stations"), .nullable(.string))
    }

    func testAConcreteSchemaBeatsAFreeFormOneAndNullNeedsEveryPart() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Loose:
              type: object
              properties:
                meta: {}
                when: {type: string}
                count: {type: number}
                maybe: {type: [string, 'null']}
            Tight:
              allOf:
                - $ref: '#/components/schemas/Loose'
                - properties:
                    meta:
                      type: object
                      properties:
                        source: {type: string}
                    when: {type: string, format: date-time}
                    count: {type: integer}
                    maybe: {type: string}
            """))
        XCTAssertEqual(run.diagnostics, [])
        guard case .named(let meta) = try run.typeOf("meta", in: "Tight") else {
            return XCTFail("meta is not a struct")
        }
        guard case .object(let shape) = run.types[meta].kind else { return XCTFail("meta is not an object") }
        XCTAssertEqual(shape.properties.map(\.jsonName), ["source"])
        XCTAssertEqual(try run.typeOf("when", in: "Tight"), .dateTime)
        XCTAssertEqual(try run.typeOf("count", in: "Tight"), .integer, "an integer is the narrower number")
        XCTAssertEqual(try run.typeOf("maybe", in: "Tight"), .string, "null only when every part allows it")
    }

    func testEnumsIntersectAndObjectsMergeRecursively() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Base:
              type: object
              properties:
                state: {type: string, enum: [new, open, closed]}
                owner:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
            Narrow:
              allOf:
                - $ref: '#/components/schemas/Base'
                - properties:
                    state: {type: string, enum: [open, closed, archived]}
                    owner:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
            """))
        XCTAssertEqual(run.diagnostics, [])
        guard case .named(let state) = try run.typeOf("state", in: "Narrow"), case .stringEnum(let cases) = run.types[state].kind else {
            return XCTFail("state is not an enum")
        }
        XCTAssertEqual(cases.map(\.rawValue), ["open", "closed"])
        guard case .named(let owner) = try run.typeOf("owner", in: "Narrow"), case .object(let shape) = run.types[owner].kind else {
            return XCTFail("owner is not a struct")
        }
        XCTAssertEqual(shape.properties.map(\.jsonName), ["id", "name"])
        XCTAssertEqual(shape.properties.map(\.required), [true, true])
    }

    func testContradictingPartsAreReportedAndLoseNothing() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            A:
              type: object
              properties:
                value: {type: array, items: {type: string}}
            B:
              allOf:
                - $ref: '#/components/schemas/A'
                - properties:
                    value: {type: object}
            """))
        XCTAssertEqual(try run.typeOf("value", in: "B"), .json)
        XCTAssertEqual(run.warnings.count, 1, "\(run.warnings)")
        XCTAssertNotNil(run.warnings.first?.location)
    }
}
