import XCTest
@testable import GenCore

/// `$ref`s that reach other files: beside the spec, in sub-folders, relative to the file that
/// holds them, and the ones that must be refused.
final class RefResolverFileTests: XCTestCase {
    func testRelativeFileRefResolves() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                foo: {$ref: 'other.yaml#/Foo'}
                bar: {$ref: 'nested/more.yaml#/components/schemas/Bar'}
            """), files: [
                "other.yaml": """
                    Foo:
                      type: object
                      properties:
                        name: {type: string}
                    """,
                "nested/more.yaml": """
                    components:
                      schemas:
                        Bar:
                          type: object
                          properties:
                            size: {type: integer}
                    """,
            ])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.typeOf("foo", in: "Holder"), .named(try run.id(of: "Foo")))
        XCTAssertEqual(try run.typeOf("name", in: "Foo"), .string)
        XCTAssertEqual(try run.typeOf("bar", in: "Holder"), .named(try run.id(of: "Bar")))
        XCTAssertEqual(try run.typeOf("size", in: "Bar"), .integer)
        // Types from other files are located in those files.
        XCTAssertTrue(try run.type("Foo").location.file.hasSuffix("other.yaml"))
        XCTAssertTrue(try run.type("Bar").location.file.hasSuffix("nested/more.yaml"))
    }

    func testRefLeavingTheSpecFolderIsALocatedError() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                escape: {$ref: '../x.yaml#/Foo'}
            """))
        let error = try XCTUnwrap(run.errors.first, "\(run.diagnostics)")
        XCTAssertTrue(error.message.contains("../x.yaml"), error.message)
        let position = try run.position(of: "{$ref: '../x.yaml")
        assertLocated(error, fileSuffix: "spec.yaml", line: position.line, column: position.column)
        XCTAssertEqual(try run.typeOf("escape", in: "Holder"), .json)
    }

    func testURLRefIsALocatedError() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                remote: {$ref: 'https://example.com/schemas.yaml#/Foo'}
            """))
        let error = try XCTUnwrap(run.errors.first, "\(run.diagnostics)")
        XCTAssertTrue(error.message.contains("URL"), error.message)
        let position = try run.position(of: "{$ref: 'https://")
        assertLocated(error, fileSuffix: "spec.yaml", line: position.line, column: position.column)
    }

    func testRefToMissingFileIsALocatedError() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                gone: {$ref: 'absent.yaml#/Foo'}
            """))
        let error = try XCTUnwrap(run.errors.first, "\(run.diagnostics)")
        let position = try run.position(of: "{$ref: 'absent.yaml")
        assertLocated(error, fileSuffix: "spec.yaml", line: position.line, column: position.column)
    }

    func testSameTargetSpelledTwoWaysIsOneType() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                foo: {$ref: 'other.yaml#/Foo'}
                bar: {$ref: './other.yaml#/Bar'}
            """), files: [
                "other.yaml": """
                    Foo:
                      type: object
                      properties:
                        name: {type: string}
                    Bar:
                      type: object
                      properties:
                        foo: {$ref: '#/Foo'}
                        again: {$ref: 'other.yaml#/Foo'}
                    """,
            ])
        XCTAssertEqual(run.errors, [])
        let foo = try run.id(of: "Foo")
        XCTAssertEqual(try run.typeOf("foo", in: "Holder"), .named(foo))
        XCTAssertEqual(try run.typeOf("foo", in: "Bar"), .named(foo))
        XCTAssertEqual(try run.typeOf("again", in: "Bar"), .named(foo))
        XCTAssertEqual(run.types.map(\.name.bare).sorted(), ["Bar", "Foo", "Holder"])
    }

    func testRefsInsideAnotherFileAreRelativeToThatFile() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                item: {$ref: 'models/item.yaml#/Item'}
            """), files: [
                "models/item.yaml": """
                    Item:
                      type: object
                      properties:
                        tag: {$ref: 'tag.yaml#/Tag'}
                        owner: {$ref: '../shared.yaml#/Owner'}
                    """,
                "models/tag.yaml": "Tag: {type: string, enum: [a, b]}\n",
                "shared.yaml": "Owner: {type: object, properties: {name: {type: string}}}\n",
            ])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.typeOf("tag", in: "Item"), .named(try run.id(of: "Tag")))
        XCTAssertEqual(try run.typeOf("owner", in: "Item"), .named(try run.id(of: "Owner")))
        XCTAssertEqual(try run.enumCases("Tag").map(\.rawValue), ["a", "b"])
    }

    func testErrorInAnotherFileIsLocatedInThatFile() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                item: {$ref: 'item.yaml#/Item'}
            """), files: [
                "item.yaml": """
                    Item:
                      type: object
                      properties:
                        broken: {$ref: '#/Missing'}
                    """,
            ])
        let error = try XCTUnwrap(run.errors.first, "\(run.diagnostics)")
        assertLocated(error, fileSuffix: "item.yaml", line: 4, column: 13)
    }

    func testWholeFileRefIsNamedAfterTheFile() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                pet: {$ref: 'schemas/Pet.yaml'}
            """), files: [
                "schemas/Pet.yaml": "type: object\nproperties:\n  name: {type: string}\n",
            ])
        XCTAssertEqual(run.errors, [])
        // Named after the file, without its extension (as `#/components/schemas/Pet` would be).
        XCTAssertEqual(run.types.map(\.name), ["Holder", "Pet"])
        XCTAssertEqual(try run.typeOf("pet", in: "Holder"), .named(1))
    }

    func testPercentEncodedFileNameResolves() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                pet: {$ref: 'my%20pets.yaml#/Pet'}
            """), files: [
                "my pets.yaml": "Pet: {type: object, properties: {name: {type: string}}}\n",
            ])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.typeOf("pet", in: "Holder"), .named(try run.id(of: "Pet")))
    }
}
