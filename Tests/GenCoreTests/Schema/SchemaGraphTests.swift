import XCTest
@testable import GenCore

/// How schemas become `TypeRef`s and named types: nullability, formats, containers, enums,
/// `allOf`, hoisting and unions.
final class SchemaGraphTests: XCTestCase {
    // MARK: - Nullability

    func testEveryNullabilityFormFoldsIntoNullable() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Pet:
              type: object
              properties:
                name: {type: string}
            Holder:
              type: object
              properties:
                typeArray: {type: [string, 'null']}
                oneOfRef:
                  oneOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: 'null'
                anyOfRef:
                  anyOf:
                    - {type: integer}
                    - {type: 'null'}
                plain: {type: string}
            """))
        XCTAssertEqual(run.errors, [])
        let pet = try run.id(of: "Pet")
        XCTAssertEqual(try run.typeOf("typeArray", in: "Holder"), .nullable(.string))
        XCTAssertEqual(try run.typeOf("oneOfRef", in: "Holder"), .nullable(.named(pet)))
        XCTAssertEqual(try run.typeOf("anyOfRef", in: "Holder"), .nullable(.integer))
        XCTAssertEqual(try run.typeOf("plain", in: "Holder"), .string)
        // One non-null branch is no union: no type is hoisted for these properties.
        XCTAssertEqual(run.types.map(\.name), ["Pet", "Holder"])
    }

    func testOpenAPI30NullableTrue() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                name: {type: string, nullable: true}
                count: {type: integer, format: int64, nullable: true}
                notNull: {type: string, nullable: false}
            """, version: "3.0.3"))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.typeOf("name", in: "Holder"), .nullable(.string))
        XCTAssertEqual(try run.typeOf("count", in: "Holder"), .nullable(.int64))
        XCTAssertEqual(try run.typeOf("notNull", in: "Holder"), .string)
    }

    func testEnumWithNullIsANullableStringEnum() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                mode:
                  type: [string, 'null']
                  enum: [a, b, null]
            """))
        XCTAssertEqual(run.errors, [])
        let mode = try run.id(of: "Holder.Mode")
        XCTAssertEqual(try run.typeOf("mode", in: "Holder"), .nullable(.named(mode)))
        XCTAssertEqual(try run.enumCases("Holder.Mode").map(\.rawValue), ["a", "b"])
    }

    func testNullableIsNeverDoubled() {
        XCTAssertEqual(TypeRef.nullable(.string).makingNullable(), .nullable(.string))
        XCTAssertEqual(TypeRef.string.makingNullable().nonNull, .string)
    }

    // MARK: - Properties

    func testRequiredAndOptionalProperties() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            User:
              type: object
              required: [id, email]
              properties:
                id: {type: string}
                nickname: {type: string}
                email: {type: string}
            """))
        let properties = try run.object("User").properties
        XCTAssertEqual(properties.map(\.jsonName), ["id", "nickname", "email"])
        XCTAssertEqual(properties.map(\.required), [true, false, true])
    }

    // MARK: - String enums

    func testStringEnumCaseNames() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Kind:
              type: string
              enum: [relay_context, GET, Not Found, default, '']
            """))
        XCTAssertEqual(run.errors, [])
        let cases = try run.enumCases("Kind")
        XCTAssertEqual(cases.map(\.rawValue), ["relay_context", "GET", "Not Found", "default", ""])
        XCTAssertEqual(cases.map(\.swiftName), ["relayContext", "get", "notFound", "`default`", "empty"])
    }

    func testEnumCaseNamesThatCollideAreNumbered() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Kind:
              type: string
              enum: [foo_bar, fooBar, FOO-BAR]
            """))
        let names = try run.enumCases("Kind").map(\.swiftName)
        XCTAssertEqual(names, ["fooBar", "fooBar2", "fooBar3"])
    }

    // MARK: - Scalars and formats

    func testFormats() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Scalars:
              type: object
              properties:
                uuid: {type: string, format: uuid}
                when: {type: string, format: date-time}
                bytes: {type: string, format: byte}
                text: {type: string, format: email}
                small: {type: integer, format: int32}
                big: {type: integer, format: int64}
                anyInt: {type: integer}
                single: {type: number, format: float}
                double: {type: number, format: double}
                number: {type: number}
                flag: {type: boolean}
            """))
        XCTAssertEqual(run.errors, [])
        let expected: [(String, TypeRef)] = [
            ("uuid", .uuid), ("when", .dateTime), ("bytes", .data), ("text", .string), ("small", .int32),
            ("big", .int64), ("anyInt", .integer), ("single", .float), ("double", .double),
            ("number", .double), ("flag", .boolean),
        ]
        for (name, type) in expected {
            XCTAssertEqual(try run.typeOf(name, in: "Scalars"), type, name)
        }
    }

    // MARK: - Containers and free-form values

    func testArraysDictionariesAndFreeFormValues() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Pet:
              type: object
              properties:
                name: {type: string}
            Bag:
              type: object
              properties:
                tags: {type: array, items: {type: string}}
                pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                untypedItems: {type: array}
                counts: {type: object, additionalProperties: {type: integer}}
                petsByName: {additionalProperties: {$ref: '#/components/schemas/Pet'}}
                anything: {}
                bareObject: {type: object}
                openObject: {type: object, additionalProperties: true}
                matrix: {type: array, items: {type: array, items: {type: number}}}
            """))
        XCTAssertEqual(run.errors, [])
        let pet = try run.id(of: "Pet")
        XCTAssertEqual(try run.typeOf("tags", in: "Bag"), .array(.string))
        XCTAssertEqual(try run.typeOf("pets", in: "Bag"), .array(.named(pet)))
        XCTAssertEqual(try run.typeOf("untypedItems", in: "Bag"), .array(.json))
        XCTAssertEqual(try run.typeOf("counts", in: "Bag"), .dictionary(.integer))
        XCTAssertEqual(try run.typeOf("petsByName", in: "Bag"), .dictionary(.named(pet)))
        XCTAssertEqual(try run.typeOf("anything", in: "Bag"), .json)
        XCTAssertEqual(try run.typeOf("bareObject", in: "Bag"), .json)
        XCTAssertEqual(try run.typeOf("openObject", in: "Bag"), .json)
        XCTAssertEqual(try run.typeOf("matrix", in: "Bag"), .array(.array(.double)))
        XCTAssertEqual(run.types.map(\.name), ["Pet", "Bag"])
    }

    // MARK: - allOf and hoisting

    func testAllOfKeepsPropertiesInOrderOfFirstMention() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
                name: {type: string}
            Derived:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [extra]
                  properties:
                    extra: {type: integer}
                    name: {type: integer}
            """))
        XCTAssertEqual(run.errors, [])
        let properties = try run.object("Derived").properties
        XCTAssertEqual(properties.map(\.jsonName), ["id", "name", "extra"])
        XCTAssertEqual(properties.map(\.required), [true, false, true])
        // Every part applies: `name` cannot be a string and an integer at once, and no part is
        // picked over the other in silence.
        XCTAssertEqual(properties.map(\.type), [.string, .json, .integer])
        XCTAssertEqual(run.warnings.map(\.message), [
            "the parts of 'allOf' give this property contradicting types (string, integer); using JSONValue",
        ])
    }

    func testInlineObjectPropertyIsNestedUnderThePropertyName() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Order:
              type: object
              properties:
                billing_address:
                  type: object
                  properties:
                    street: {type: string}
                lines:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: {type: string}
            """))
        XCTAssertEqual(run.errors, [])
        let address = try run.id(of: "Order.BillingAddress")
        XCTAssertEqual(try run.typeOf("billing_address", in: "Order"), .named(address))
        XCTAssertEqual(try run.property("street", of: "Order.BillingAddress").swiftName, "street")
        let line = try run.id(of: "Order.Line")
        XCTAssertEqual(try run.typeOf("lines", in: "Order"), .array(.named(line)))
        // Components come first, hoisted types after, in the order they were met.
        XCTAssertEqual(run.qualifiedNames, ["Order", "Order.BillingAddress", "Order.Line"])
    }

    // MARK: - Unions

    /// `Pet: oneOf [Cat, Dog]`; `extra` is written inside `Pet`, at column 0.
    private func unionSpec(_ extra: String = "") -> String {
        SpecBuilder.document(schemas: """
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

            """ + SpecBuilder.indent(extra, by: 2))
    }

    func testOneOfTwoRefsWithoutDiscriminator() throws {
        let run = try buildGraph(unionSpec())
        XCTAssertEqual(run.errors, [])
        let union = try run.union("Pet")
        XCTAssertNil(union.discriminatorProperty)
        XCTAssertEqual(union.branches.map(\.type), [.named(try run.id(of: "Cat")), .named(try run.id(of: "Dog"))])
        XCTAssertEqual(union.branches.map(\.caseName), ["cat", "dog"])
        XCTAssertEqual(union.branches.map(\.discriminatorValues), [[], []])
    }

    func testDiscriminatorWithoutMappingUsesSchemaNames() throws {
        let run = try buildGraph(unionSpec("discriminator: {propertyName: kind}"))
        let union = try run.union("Pet")
        XCTAssertEqual(union.discriminatorProperty, "kind")
        XCTAssertEqual(union.branches.map(\.discriminatorValues), [["Cat"], ["Dog"]])
    }

    func testDiscriminatorWithMapping() throws {
        let run = try buildGraph(unionSpec("""
            discriminator:
              propertyName: kind
              mapping:
                cat: '#/components/schemas/Cat'
                kitten: '#/components/schemas/Cat'
                dog: '#/components/schemas/Dog'
            """))
        XCTAssertEqual(run.errors, [])
        let union = try run.union("Pet")
        XCTAssertEqual(union.discriminatorProperty, "kind")
        XCTAssertEqual(union.branches.map(\.discriminatorValues), [["cat", "kitten"], ["dog"]])
    }

    func testNullableUnionKeepsItsBranchesAndIsNullable() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Holder:
              type: object
              properties:
                value:
                  oneOf:
                    - {type: string}
                    - {type: integer}
                    - {type: 'null'}
            """))
        let union = try run.id(of: "Holder.Value")
        XCTAssertEqual(try run.typeOf("value", in: "Holder"), .nullable(.named(union)))
        XCTAssertEqual(try run.union("Holder.Value").branches.map(\.type), [.string, .integer])
        XCTAssertEqual(try run.union("Holder.Value").branches.map(\.caseName), ["string", "integer"])
    }
}
