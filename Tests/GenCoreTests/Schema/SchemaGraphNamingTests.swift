import XCTest
@testable import GenCore

/// The Swift names the schema graph hands out: unique, deterministic and never one Swift or
/// the generated code already uses.
final class SchemaGraphNamingTests: XCTestCase {
    private func object(_ properties: String = "x: {type: string}") -> String {
        "type: object\nproperties:\n" + SpecBuilder.indent(properties, by: 2)
    }

    func testCollidingComponentNamesGetUniqueDeterministicNames() throws {
        let spec = SpecBuilder.document(schemas: """
            foo-bar:
              type: object
              properties:
                a: {type: string}
            FooBar:
              type: object
              properties:
                b: {type: string}
            foo_bar:
              type: object
              properties:
                c: {type: string}
            """)
        let run = try buildGraph(spec)
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.types.map(\.name), ["FooBar", "FooBar2", "FooBar3"])
        // Document order decides who gets the plain name.
        XCTAssertEqual(try run.object("FooBar").properties.map(\.jsonName), ["a"])
        XCTAssertEqual(try run.object("FooBar2").properties.map(\.jsonName), ["b"])
        let again = try buildGraph(spec)
        XCTAssertEqual(again.types.map(\.name), run.types.map(\.name))
    }

    /// Nested in `Order`, the inline type needs no number beside the component `OrderAddress`.
    func testHoistedTypeNestsBesideAComponentOfItsLongName() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Order:
              type: object
              properties:
                address:
                  type: object
                  properties:
                    street: {type: string}
            OrderAddress:
              type: object
              properties:
                line: {type: string}
            """))
        XCTAssertEqual(run.qualifiedNames, ["Order", "OrderAddress", "Order.Address"])
        XCTAssertEqual(try run.object("OrderAddress").properties.map(\.jsonName), ["line"])
        XCTAssertEqual(try run.typeOf("address", in: "Order"), .named(try run.id(of: "Order.Address")))
    }

    func testSchemasNamedLikeSwiftOrGeneratedTypesAreSuffixed() throws {
        let taken = ["Error", "Data", "URL", "Type", "String", "Self", "TestClient", "TestError"]
        let run = try buildGraph(SpecBuilder.document(schemas: taken.map { name in
            "\(name):\n" + SpecBuilder.indent(object(), by: 2)
        }.joined()))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.types.count, taken.count)
        for (name, type) in zip(taken, run.types) {
            XCTAssertNotEqual(type.name.bare, name)
            XCTAssertTrue(type.name.hasPrefix(name), "\(type.name) does not start with \(name)")
        }
        XCTAssertEqual(Set(run.types.map(\.name)).count, taken.count)
        XCTAssertEqual(run.types.first?.name, "ErrorModel")
    }

    func testSuffixedNameDoesNotCollideWithAComponentOfThatName() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            ErrorModel:
              type: object
              properties:
                a: {type: string}
            Error:
              type: object
              properties:
                b: {type: string}
            """))
        XCTAssertEqual(run.types.map(\.name), ["ErrorModel", "ErrorModel2"])
    }

    func testPropertyNamedSelfGetsAUsableName() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Link:
              type: object
              properties:
                self: {type: string}
                Self: {type: string}
                init: {type: string}
                type: {type: string}
                default: {type: string}
            """))
        let properties = try run.object("Link").properties
        let names = properties.map(\.swiftName)
        XCTAssertEqual(properties.map(\.jsonName), ["self", "Self", "init", "type", "default"])
        XCTAssertFalse(names.contains("self") || names.contains("`self`"), "\(names)")
        XCTAssertFalse(names.contains("init") || names.contains("`init`"), "\(names)")
        XCTAssertEqual(names[0], "selfValue")
        XCTAssertEqual(names[3], "type")
        XCTAssertEqual(names[4], "`default`")
        XCTAssertEqual(Set(names).count, names.count, "\(names)")
    }

    func testCollidingPropertyNamesBecomeUnique() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Thing:
              type: object
              properties:
                foo_bar: {type: string}
                fooBar: {type: integer}
                foo-bar: {type: boolean}
            """))
        let properties = try run.object("Thing").properties
        XCTAssertEqual(properties.map(\.jsonName), ["foo_bar", "fooBar", "foo-bar"])
        XCTAssertEqual(properties.map(\.swiftName), ["fooBar", "fooBar2", "fooBar3"])
    }

    func testPropertyNamesUseInitialisms() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Call:
              type: object
              properties:
                caller_id: {type: string}
                call_request_url: {type: string}
                sip_endpoint: {type: string}
            """), initialisms: SwiftNaming.defaultInitialisms.union(["sip"]))
        XCTAssertEqual(try run.object("Call").properties.map(\.swiftName), ["callerID", "callRequestURL", "sipEndpoint"])
    }

    func testCustomInitialismsReachGeneratedCode() throws {
        let folder = try makeTemporaryDirectory()
        let spec = folder.appendingPathComponent("calls.yaml")
        try Data(SpecBuilder.document(schemas: """
            Call:
              type: object
              properties:
                from_sip_uri: {type: string}
            """).utf8).write(to: spec)
        let plain = try Generator.run(GeneratorOptions(specPath: spec.path))
        let custom = try Generator.run(GeneratorOptions(specPath: spec.path, initialisms: ["SIP"]))
        let plainModels = try XCTUnwrap(plain.files.first { $0.name.hasSuffix("Models.swift") })
        let customModels = try XCTUnwrap(custom.files.first { $0.name.hasSuffix("Models.swift") })
        XCTAssertTrue(plainModels.contents.contains("fromSipURI"), plainModels.contents)
        XCTAssertTrue(customModels.contents.contains("fromSIPURI"), customModels.contents)
    }
}

/// Union branches are named by what they mean (issue: `…Option1`, `…Option2` said nothing).
final class UnionBranchNamingTests: XCTestCase {
    func testBranchesAreNamedByTitleUniqueRequiredPropertyOrKind() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Source:
              oneOf:
                - title: Card
                  type: object
                  required: [number]
                  properties: {number: {type: string}}
                - title: Bank Account
                  type: object
                  required: [iban]
                  properties: {iban: {type: string}}
                - type: object
                  required: [token, kind]
                  properties: {token: {type: string}, kind: {type: string}}
                - type: object
                  properties: {kind: {type: string}}
                - {type: array, items: {type: string}}
                - {type: string, format: date-time}
            """))
        XCTAssertEqual(run.diagnostics, [])
        let union = try run.union("Source")
        XCTAssertEqual(union.branches.map(\.caseName), ["card", "bankAccount", "token", "option4", "strings", "date"])
        let names = union.branches.compactMap { branch -> String? in
            if case .named(let id) = branch.type { return run.qualifiedNames[id] }
            return nil
        }
        XCTAssertEqual(names, ["Source.Card", "Source.BankAccount", "Source.Token", "Source.Option4"])
    }
}

/// Inline response bodies are named after their operation, without `_`.
final class ResponseTypeNamingTests: XCTestCase {
    func testInlineResponseBodiesReadAsNames() throws {
        let run = try buildGraph(RobustnessTestCase.spec("""
            paths:
              /stations:
                get:
                  operationId: getStations
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                    '201': {description: made, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}
              /one:
                get:
                  operationId: getOne
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {c: {type: string}}}}}}
            """))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.types.map(\.name.bare).sorted(), ["GetOneResponse", "GetStationsResponse200", "GetStationsResponse201"])
    }
}

/// One type per shape: identical inline schemas are one type; components keep their own.
final class ShapeDeduplicationTests: XCTestCase {
    func testAMergedTypeKeepsTheFirstDocumentationAmongItsCopies() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            A:
              type: object
              properties:
                state: {type: string, enum: [on, off]}
            B:
              type: object
              properties:
                state: {type: string, enum: [on, off], description: Whether it runs.}
            """))
        XCTAssertEqual(run.qualifiedNames, ["A", "B", "State"])
        XCTAssertEqual(try run.type("State").documentation, "Whether it runs.")
    }

    func testIdenticalInlineShapesAreOneTypeAndComponentsStay() throws {
        let run = try buildGraph(RobustnessTestCase.spec("""
            paths:
              /a:
                post:
                  operationId: createA
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            state: {type: string, enum: [on, off]}
                            tags: {type: array, items: {type: object, required: [k], properties: {k: {type: string}}}}
                  responses: {'204': {description: done}}
              /b:
                post:
                  operationId: createB
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            state: {type: string, enum: [on, off]}
                            tags: {type: array, items: {type: object, required: [k], properties: {k: {type: string}}}}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Switch: {type: string, enum: [on, off]}
                Toggle: {type: string, enum: [on, off]}
            """))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.qualifiedNames, ["Switch", "Toggle", "CreateARequest", "CreateARequest.State", "CreateARequest.Tag"])
        XCTAssertEqual(run.api?.operations.map { $0.body?.type }, [.named(2), .named(2)])
    }
}
