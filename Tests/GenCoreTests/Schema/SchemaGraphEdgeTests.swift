import XCTest
@testable import GenCore

/// Less common schema shapes: enums of other types, `const`, reserved case names, hoisting from
/// operations, cycles through `allOf`/`oneOf`, and discriminator mappings by schema name.
final class SchemaGraphEdgeTests: XCTestCase {
    func testNonStringEnumsAndConstsAreTheirScalarType() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                level: {type: integer, enum: [1, 2, 3]}
                mixed: {enum: [a, 1]}
                version: {const: v1}
                count: {const: 3}
                either: {type: [string, integer]}
            """))
        XCTAssertEqual(run.errors, [])
        // Several integers are an integer enum; a mix of types is free-form, with a warning.
        guard case .named(let level) = try run.typeOf("level", in: "Holder"), case .integerEnum(let cases) = run.types[level].kind else {
            return XCTFail("level is not an integer enum")
        }
        XCTAssertEqual(cases.map(\.swiftName), ["_1", "_2", "_3"])
        XCTAssertEqual(cases.map(\.rawValue), ["1", "2", "3"])
        XCTAssertEqual(try run.typeOf("mixed", in: "Holder"), .json)
        XCTAssertEqual(run.warnings.map(\.message), [
            "an enum of non-string values is read as a plain value of its type; its values are listed in the documentation",
        ])
        XCTAssertEqual(try run.typeOf("count", in: "Holder"), .integer)
        XCTAssertEqual(try run.typeOf("either", in: "Holder"), .json)
        // A lone string `const` is a plain string: a one-case enum would only add noise.
        XCTAssertEqual(try run.typeOf("version", in: "Holder"), .string)
        XCTAssertEqual(run.qualifiedNames, ["Holder", "Holder.Level"])
    }

    func testOneOfOfIntegerConstsIsAnIntegerEnumNamedByTitles() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            ComponentType:
              type: integer
              oneOf:
                - {title: ACTION_ROW, const: 1}
                - {title: BUTTON, const: 2}
                - {const: -1}
            Row:
              type: object
              required: [type]
              properties:
                type:
                  type: integer
                  enum: [1]
                  allOf: [{$ref: '#/components/schemas/ComponentType'}]
            """))
        XCTAssertEqual(run.diagnostics, [])
        guard case .integerEnum(let cases) = try run.types[run.id(of: "ComponentType")].kind else {
            return XCTFail("not an integer enum")
        }
        XCTAssertEqual(cases.map(\.swiftName), ["actionRow", "button", "minus1"])
        // A one-value enum is a constant of the property.
        let type = try run.property("type", of: "Row")
        XCTAssertEqual(type.constant, .enumCase("actionRow"))
        XCTAssertNil(type.defaultValue)
        XCTAssertEqual(type.documentation, "Always `1`.")
    }

    func testOneOfOfStringConstsIsAStringEnum() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Method:
              oneOf:
                - {const: GET, description: Read}
                - {const: POST, description: Write}
                - {type: string, enum: [PUT, PATCH]}
            """))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.enumCases("Method").map(\.rawValue), ["GET", "POST", "PUT", "PATCH"])
        XCTAssertEqual(try run.enumCases("Method").map(\.swiftName), ["get", "post", "put", "patch"])
    }

    func testEnumValueNamedLikeTheFallbackCaseIsSuffixed() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            State:
              type: string
              enum: [undocumented, on, on]
            """))
        let cases = try run.enumCases("State")
        XCTAssertEqual(cases.map(\.swiftName), ["undocumentedValue", "on"], "duplicates are dropped")
        XCTAssertEqual(cases.map(\.rawValue), ["undocumented", "on"])
    }

    func testAllOfSingleRefWithNullableIsANullableReference() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Base:
              type: object
              properties:
                id: {type: string}
            Holder:
              type: object
              properties:
                base:
                  nullable: true
                  allOf:
                    - $ref: '#/components/schemas/Base'
            """, version: "3.0.3"))
        XCTAssertEqual(try run.typeOf("base", in: "Holder"), .nullable(.named(try run.id(of: "Base"))))
        XCTAssertEqual(run.types.map(\.name), ["Base", "Holder"])
    }

    func testInlineUnionBranchesAreHoistedAsOptions() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Shape:
              oneOf:
                - type: object
                  properties:
                    radius: {type: number}
                - type: object
                  properties:
                    side: {type: number}
                - type: string
            """))
        let union = try run.union("Shape")
        XCTAssertEqual(union.branches.map(\.type),
                       [.named(try run.id(of: "Shape.Option1")), .named(try run.id(of: "Shape.Option2")), .string])
        XCTAssertEqual(union.branches.map(\.caseName), ["option1", "option2", "string"])
    }

    func testRequiredNamingAMissingPropertyIsALocatedWarning() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            User:
              type: object
              required:
                - name
                - ghost
              properties:
                name: {type: string}
            """))
        let warning = try XCTUnwrap(run.warnings.first { $0.message.contains("ghost") }, "\(run.diagnostics)")
        let position = try run.position(of: "- ghost")
        assertLocated(warning, fileSuffix: "spec.yaml", line: position.line, column: position.column + 2)
    }

    func testUnmodeledKeywordIsALocatedWarning() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                name:
                  type: string
                  not: {const: admin}
            """))
        let warning = try XCTUnwrap(run.warnings.first { $0.message.contains("'not'") }, "\(run.diagnostics)")
        let position = try run.position(of: "{const: admin}")
        assertLocated(warning, fileSuffix: "spec.yaml", line: position.line, column: position.column)
    }

    func testOperationSchemasAreHoistedWithOperationNames() throws {
        let run = try buildGraph(SpecBuilder.document(paths: """
            /pets:
              get:
                operationId: list_pets
                parameters:
                  - name: sort_order
                    in: query
                    schema: {type: string, enum: [asc, desc]}
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            total: {type: integer}
            """))
        XCTAssertEqual(run.errors, [])
        let operation = try XCTUnwrap(run.api?.operations.first)
        XCTAssertEqual(operation.methodName, "listPets")
        XCTAssertEqual(operation.parameters.map(\.swiftName), ["sortOrder"])
        XCTAssertEqual(operation.parameters.first?.type, .named(try run.id(of: "ListPetsSortOrder")))
        XCTAssertEqual(operation.responses.first?.type, .named(try run.id(of: "ListPetsResponse")))
    }

    func testCycleThroughAllOfTerminatesAndIsBoxed() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Base:
              type: object
              properties:
                id: {type: string}
            Node:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    next: {$ref: '#/components/schemas/Node'}
            """))
        XCTAssertEqual(run.errors, [])
        let node = try run.id(of: "Node")
        XCTAssertEqual(try run.object("Node").properties.map(\.jsonName), ["id", "next"])
        XCTAssertEqual(try run.typeOf("next", in: "Node"), .named(node))
        XCTAssertTrue(try run.property("next", of: "Node").boxed)
    }

    func testNullableSelfReferenceThroughOneOfIsBoxed() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Node:
              type: object
              properties:
                parent:
                  oneOf:
                    - $ref: '#/components/schemas/Node'
                    - type: 'null'
            """))
        XCTAssertEqual(try run.typeOf("parent", in: "Node"), .nullable(.named(try run.id(of: "Node"))))
        XCTAssertTrue(try run.property("parent", of: "Node").boxed)
    }

    /// OpenAPI: "mapping … between payload values and schema names or references". A bare
    /// schema name maps like the full reference.
    func testDiscriminatorMappingBySchemaName() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Cat:
              type: object
              properties:
                kind: {type: string}
            Dog:
              type: object
              properties:
                kind: {type: string}
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: kind
                mapping:
                  cat: Cat
                  dog: '#/components/schemas/Dog'
            """))
        XCTAssertEqual(try run.union("Pet").branches.map(\.discriminatorValues), [["cat"], ["dog"]])
    }
}
