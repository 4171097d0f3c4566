import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Invalid documents that used to generate a client doing the wrong thing, with no word: each
/// is now a located error, or a located warning that says what the client does.
final class SilentAcceptanceTests: RobustnessTestCase {
    /// The generated files by name, and the warnings as `line:column: message`.
    private func generate(_ body: String) throws -> (files: [String: String], warnings: [String]) {
        let result = try Generator.run(GeneratorOptions(specPath: try write(Self.spec(body)), name: "Api"))
        return (Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) }),
                result.warnings.map { "\($0.location?.mark.line ?? 0):\($0.location?.mark.column ?? 0): \($0.message)" })
    }

    // MARK: Path templates and path parameters

    func testAPlaceholderWithoutItsParameterBecomesAStringParameter() throws {
        let run = try generate("""
            paths:
              /example/{id}/run:
                post:
                  operationId: runExample
                  parameters:
                    - {name: remediation, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: done}}
            """)
        XCTAssertEqual(run.warnings, [
            "10:11: path parameter 'remediation' of operation 'runExample' is not in the path template "
                + "'/example/{id}/run'; it is left out",
            "8:7: the path template '/example/{id}/run' has '{id}', which no path parameter of operation 'runExample' "
                + "declares; it is taken as a required string parameter",
        ])
        let client = try XCTUnwrap(run.files["ApiClient.swift"])
        XCTAssertTrue(client.contains("public func runExample(id: String) async throws {"), client)
        XCTAssertTrue(client.contains(#"path: "/example/\(WireFormat.pathSegment(id))/run""#), "no literal braces are sent")
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    // MARK: Security

    func testARequirementNamingAnUndeclaredSchemeIsLeftOutWithAWarning() throws {
        let run = try generate("""
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            security: [{token: []}]
            paths:
              /a:
                get:
                  operationId: getA
                  security: [{apiKey: []}]
                  responses: {'204': {description: done}}
              /b:
                get:
                  operationId: getB
                  security: [{apiKey: []}, {token: []}]
                  responses: {'204': {description: done}}
            """)
        XCTAssertEqual(run.warnings, [
            "13:18: security requirement names 'apiKey', which no security scheme declares; this alternative is left out, "
                + "so no credentials are sent",
            "18:18: security requirement names 'apiKey', which no security scheme declares; this alternative is left out",
        ])
        let client = try XCTUnwrap(run.files["ApiClient.swift"])
        // Before, getB's first alternative read as "no credentials needed": `security: [[], ["bearer"]]`.
        XCTAssertTrue(client.contains(#"send(request, security: [["bearer"]])"#), "getB still sends the declared token:\n\(client)")
        XCTAssertTrue(client.contains(#"send(request, security: [])"#), "getA: no alternative left:\n\(client)")
    }

    // MARK: References to the wrong kind of component

    func testAResponseRefToASchemaIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                Pet: {type: object}
            """), "'$ref' points at a schema ('#/components/schemas/Pet') where a response is expected", at: 9, 23)
    }

    func testAParameterRefToASchemaIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths:
              /a:
                get:
                  parameters: [{$ref: '#/components/schemas/Limit'}]
                  responses: {'204': {description: done}}
            components:
              schemas:
                Limit: {type: integer}
            """), "'$ref' points at a schema ('#/components/schemas/Limit') where a parameter is expected", at: 8, 27)
    }

    func testASchemaRefToAParameterIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths: {}
            components:
              parameters:
                limit: {name: limit, in: query, schema: {type: integer}}
              schemas:
                Page:
                  type: object
                  properties:
                    size: {$ref: '#/components/parameters/limit'}
            """), "'$ref' points at a parameter ('#/components/parameters/limit') where a schema is expected", at: 13, 22)
    }

    func testAParameterWithoutANameIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths:
              /a:
                get:
                  parameters: [{in: query, schema: {type: integer}}]
                  responses: {'204': {description: done}}
            """), "a parameter needs a 'name'", at: 8, 20)
    }

    func testAMediaTypeThatIsARefToASchemaIsReadAsItsSchema() throws {
        let run = try generate("""
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
            """)
        XCTAssertEqual(run.warnings, [
            "13:38: media type 'application/json' is a '$ref' to a schema; it is read as the media type's 'schema' "
                + "(write it under 'schema:')",
        ])
        XCTAssertTrue(try XCTUnwrap(run.files["ApiClient.swift"]).contains("public func getPet() async throws -> Pet {"))
    }

    // MARK: Types

    func testUnknownTypesAreNamedInWarnings() throws {
        let run = try generate("""
            paths: {}
            components:
              schemas:
                Upload:
                  type: object
                  properties:
                    file: {type: file}
                    obj: {type: TestObject, properties: {a: {type: string}}}
                    maybe: {type: [string, null]}
            """)
        XCTAssertEqual(run.warnings, [
            "11:22: 'file' is a Swagger 2.0 type, not a JSON Schema one; it is read as binary data, as OpenAPI 3 writes it: "
                + "type: string, format: binary",
            "12:21: unknown type 'TestObject' (JSON Schema's are string, number, integer, boolean, array, object and null); "
                + "it is left out, so the schema allows what its other keywords allow",
            "13:32: an unquoted null in 'type' is YAML's null, not a type name; it is read as the type 'null' (write it in "
                + "quotes: 'null')",
        ])
        let models = try XCTUnwrap(run.files["ApiModels.swift"])
        XCTAssertTrue(models.contains("public var file: Data?\n"), models)
        XCTAssertTrue(models.contains("public var obj: Obj?\n"), models)
        XCTAssertTrue(models.contains("public var maybe: String?\n"), models)
    }

    func testATypeThatIsAMappingSaysWhatATypeIs() throws {
        try assertFails(Self.spec("""
            paths: {}
            components:
              schemas:
                A: {type: {name: string}}
            """), "'type' must be a string or a sequence of strings, found a mapping", at: 8, 15)
    }

    // MARK: Servers

    func testAServerURLThatIsNoURLIsLeftOut() throws {
        // Before, the client declared `URL(string: "https://{host}/v1")!`, which traps.
        let run = try generate("""
            servers:
              - url: 'https://{host}/v1'
              - url: 'https://{region}.example.com'
                variables: {region: {default: eu}}
            paths: {}
            """)
        XCTAssertEqual(run.warnings, [
            "6:10: server URL 'https://{host}/v1' (its variables set to their defaults) is not a URL; the server is left out "
                + "(pass a URL to the client)",
        ])
        let client = try XCTUnwrap(run.files["ApiClient.swift"])
        XCTAssertTrue(client.contains(#"defaultServerURL = URL(string: "https://eu.example.com")!"#), client)
    }

    // MARK: Hints

    func testASwagger2DiscriminatorInA3DocumentIsReadWithAWarning() throws {
        let run = try generate("""
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  discriminator: petType
                  properties: {petType: {type: string}}
            """)
        XCTAssertEqual(run.warnings, [
            "10:22: 'discriminator' is written as in Swagger 2.0; it is read as OpenAPI 3's discriminator: {propertyName: petType}",
        ])
    }

    func testAStrayCharacterBeforeOpenAPIIsPointedAt() throws {
        try assertFails("info: {title: T, version: '1'}\n\\openapi: 3.1.0\npaths: {}\n", "missing 'openapi' version field",
                        at: 2, 1, note: "the key '\\openapi' is not 'openapi': remove the stray characters")
    }
}
