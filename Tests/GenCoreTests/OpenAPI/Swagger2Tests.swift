import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Swagger 2.0 documents are read into the model an OpenAPI 3 document gives, each 2.0 idea as
/// its 3.x meaning, with every diagnostic pointing into the 2.0 text. The `swagger2` golden
/// fixture calls the same features over HTTP.
final class Swagger2Tests: RobustnessTestCase {
    /// The document read from `text` (other files from `files`), and the diagnostics as `line:column: message`.
    private func read(_ text: String, files: [String: String] = [:]) throws -> (OpenAPIDocument?, [String]) {
        for (name, contents) in files { try write(contents, name) }
        let path = try write(text)
        let loader = YAMLLoader()
        var noncharacters: [SourceLocation] = []
        let root = try loader.load(Array(text.utf8), file: path, noncharacters: &noncharacters)
        let diagnostics = DiagnosticCollector()
        let document = DocumentReader(resolver: RefResolver(rootFile: path, rootNode: root, loader: loader),
                                      diagnostics: diagnostics).read(root, file: path)
        return (document, diagnostics.diagnostics.map { d in
            "\(d.location?.mark.line ?? 0):\(d.location?.mark.column ?? 0): \(d.severity == .error ? "error" : "warning"): \(d.message)"
        })
    }

    private static func swagger(_ rest: String) -> String {
        "swagger: '2.0'\ninfo: {title: Pets, version: '1'}\n" + rest
    }

    func testServersComeFromHostBasePathAndSchemes() throws {
        let (document, diagnostics) = try read(Self.swagger("host: api.example.com:8443\nbasePath: /v2\nschemes: [https, http]\npaths: {}\n"))
        XCTAssertEqual(document?.servers.map(\.url), ["https://api.example.com:8443/v2", "http://api.example.com:8443/v2"])
        XCTAssertEqual(diagnostics, [])
        let (relative, _) = try read(Self.swagger("basePath: /api\npaths: {}\n"))
        XCTAssertEqual(relative?.servers.map(\.url), ["/api"], "without a host, the base path is relative to the client's URL")
    }

    func testAHostThatMakesNoURLIsNoServer() throws {
        // `URL(string: "https://{host}/v1")!` in the client would trap.
        let (document, diagnostics) = try read(Self.swagger("host: '{host}'\nbasePath: /v1\npaths: {}\n"))
        XCTAssertEqual(document?.servers.map(\.url), [])
        XCTAssertEqual(diagnostics, [
            "3:7: warning: 'host', 'basePath' and 'schemes' make 'https://{host}/v1', which is not a URL; it is not the "
                + "client's default server URL (pass one to the client)",
        ])
    }

    func testParametersGetTheStyleOfTheirCollectionFormat() throws {
        let (document, diagnostics) = try read(Self.swagger("""
            paths:
              /pets/{ids}:
                get:
                  parameters:
                    - {name: ids, in: path, required: true, type: array, items: {type: integer}}
                    - {name: a, in: query, type: array, items: {type: string}}
                    - {name: b, in: query, type: array, collectionFormat: multi, items: {type: string}}
                    - {name: c, in: query, type: array, collectionFormat: ssv, items: {type: string}}
                    - {name: d, in: query, type: array, collectionFormat: pipes, items: {type: string}}
                    - {name: e, in: query, type: array, collectionFormat: tsv, items: {type: string}}
                    - {name: f, in: header, type: array, collectionFormat: pipes, items: {type: string}}
                    - {name: g, in: query, type: string, format: date-time, x-nullable: true}
                  responses: {'204': {description: done}}
            """))
        let parameters = try XCTUnwrap(document?.operations.first?.parameters)
        XCTAssertEqual(parameters.map { "\($0.name) \($0.location) \($0.style ?? "-") \($0.explode.map(String.init) ?? "-")" }, [
            "ids path simple false", "a query form false", "b query form true", "c query spaceDelimited false",
            "d query pipeDelimited false", "e query form false", "f header simple false", "g query - -",
        ])
        XCTAssertEqual(parameters.last?.schema?.format, "date-time")
        XCTAssertEqual(parameters.last?.schema?.nullable, true, "x-nullable is 3.0's nullable")
        XCTAssertEqual(parameters.first?.schema?.items?.types, ["integer"])
        XCTAssertEqual(diagnostics, [
            "12:63: warning: parameter 'e': collectionFormat 'tsv' has no OpenAPI 3 style; the values are sent comma-separated (csv)",
            "13:64: warning: parameter 'f': collectionFormat 'pipes' has no OpenAPI 3 style in a header; the values are sent "
                + "comma-separated (csv)",
        ])
    }

    func testBodyAndFormParametersBecomeRequestBodies() throws {
        let (document, diagnostics) = try read(Self.swagger("""
            consumes: [application/json, application/xml]
            paths:
              /pets:
                post:
                  parameters:
                    - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
                  responses: {'204': {description: done}}
                put:
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: name, in: formData, required: true, type: string}
                    - {name: tags, in: formData, type: array, items: {type: string}}
                  responses: {'204': {description: done}}
                patch:
                  parameters:
                    - {name: name, in: formData, type: string}
                    - {name: photo, in: formData, type: file}
                  responses: {'204': {description: done}}
            definitions:
              Pet: {type: object, properties: {name: {type: string}}}
            """))
        let operations = try XCTUnwrap(document?.operations)
        let post = try XCTUnwrap(operations.first { $0.method == "post" }?.requestBody)
        XCTAssertEqual(post.content.map(\.contentType), ["application/json", "application/xml"], "the root's consumes")
        XCTAssertEqual(post.required, true)
        XCTAssertEqual(post.content.first?.schema?.ref, "#/definitions/Pet")
        XCTAssertNotNil(post.content.first?.schema?.target, "a $ref to #/definitions is resolved")
        let put = try XCTUnwrap(operations.first { $0.method == "put" }?.requestBody)
        XCTAssertEqual(put.content.map(\.contentType), ["application/x-www-form-urlencoded"])
        let form = try XCTUnwrap(put.content.first?.schema)
        XCTAssertEqual(form.types, ["object"])
        XCTAssertEqual(form.properties.map(\.name), ["name", "tags"])
        XCTAssertEqual(form.required.map(\.name), ["name"])
        XCTAssertEqual(put.required, true)
        let patch = try XCTUnwrap(operations.first { $0.method == "patch" }?.requestBody)
        XCTAssertEqual(patch.content.map(\.contentType), ["multipart/form-data"], "a file field makes the form multipart")
        let photo = try XCTUnwrap(patch.content.first?.schema?.properties.last?.schema)
        XCTAssertEqual(photo.types, ["string"])
        XCTAssertEqual(photo.format, "binary")
        XCTAssertEqual(patch.required, false)
        XCTAssertEqual(diagnostics, [])
    }

    func testResponsesUseProducesAndHeadersTheirOwnTypes() throws {
        let (document, _) = try read(Self.swagger("""
            produces: [application/json]
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: the pets
                      headers:
                        X-Rate-Limit: {type: integer, format: int32, description: calls left}
                      schema: {type: array, items: {type: string}}
                    '404': {$ref: '#/responses/Missing'}
              /photo:
                get:
                  produces: [image/png, image/jpeg]
                  responses:
                    '200': {description: bytes, schema: {type: file}}
            responses:
              Missing: {description: not found, schema: {type: string}}
            """))
        let operations = try XCTUnwrap(document?.operations)
        let list = try XCTUnwrap(operations.first?.responses)
        XCTAssertEqual(list.map(\.statusCode), ["200", "404"])
        XCTAssertEqual(list[0].content.map(\.contentType), ["application/json"])
        XCTAssertEqual(list[0].headers.first?.name, "X-Rate-Limit")
        XCTAssertEqual(list[0].headers.first?.schema?.format, "int32")
        XCTAssertEqual(list[0].headers.first?.description, "calls left")
        XCTAssertEqual(list[1].description, "not found", "a $ref to #/responses is followed")
        let photo = try XCTUnwrap(operations.last?.responses.first?.content)
        XCTAssertEqual(photo.map(\.contentType), ["image/png", "image/jpeg"])
        XCTAssertEqual(photo.first?.schema?.format, "binary")
    }

    func testSecurityDefinitionsBecomeSchemesWithTheirFlows() throws {
        let (document, diagnostics) = try read(Self.swagger("""
            securityDefinitions:
              basic: {type: basic}
              key: {type: apiKey, in: query, name: api_key}
              implicit: {type: oauth2, flow: implicit, authorizationUrl: 'https://a.example/auth', scopes: {read: r}}
              password: {type: oauth2, flow: password, tokenUrl: 'https://a.example/token', scopes: {}}
              application: {type: oauth2, flow: application, tokenUrl: 'https://a.example/token'}
              accessCode:
                type: oauth2
                flow: accessCode
                authorizationUrl: 'https://a.example/auth'
                tokenUrl: 'https://a.example/token'
                scopes: {read: r, write: w}
            security: [{key: []}]
            paths: {}
            """))
        let schemes = try XCTUnwrap(document?.securitySchemes)
        XCTAssertEqual(schemes.map(\.name), ["basic", "key", "implicit", "password", "application", "accessCode"])
        XCTAssertEqual(schemes[0].kind, .httpBasic)
        XCTAssertEqual(schemes[1].kind, .apiKey(name: "api_key", location: .query))
        XCTAssertEqual(schemes.dropFirst(2).map { $0.kind }, Array(repeating: .oauthToken, count: 4))
        XCTAssertEqual(schemes.dropFirst(2).map { $0.flows.map(\.name) },
                       [["implicit"], ["password"], ["clientCredentials"], ["authorizationCode"]])
        XCTAssertEqual(schemes[5].flows.first?.authorizationURL, "https://a.example/auth")
        XCTAssertEqual(schemes[5].flows.first?.tokenURL, "https://a.example/token")
        XCTAssertEqual(schemes[5].flows.first?.scopes, ["read", "write"])
        XCTAssertEqual(document?.security?.map(\.schemeNames), [["key"]])
        XCTAssertEqual(diagnostics, [])
    }

    func testSchemaDialectReadsXNullableDiscriminatorAndFile() throws {
        let (document, _) = try read(Self.swagger("""
            paths: {}
            definitions:
              Pet:
                type: object
                discriminator: petType
                x-nullable: true
                properties:
                  petType: {type: string}
                  name: {type: string, x-isnullable: true}
                  photo: {type: file}
            """))
        let pet = try XCTUnwrap(document?.schemas.first?.schema)
        XCTAssertEqual(pet.discriminator?.propertyName, "petType")
        XCTAssertEqual(pet.nullable, true)
        XCTAssertEqual(pet.properties[1].schema.nullable, true)
        XCTAssertEqual(pet.properties[2].schema.types, ["string"])
        XCTAssertEqual(pet.properties[2].schema.format, "binary")
    }

    func testRefsToParametersDefinitionsAndResponsesInOtherFiles() throws {
        let parts = """
            parameters:
              limit: {name: limit, in: query, type: integer}
            responses:
              Pets: {description: pets, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}
            definitions:
              Pet: {type: object, properties: {name: {type: string}}}
            """
        let (document, diagnostics) = try read(Self.swagger("""
            paths:
              /pets:
                get:
                  parameters: [{$ref: 'parts.yaml#/parameters/limit'}]
                  responses:
                    '200': {$ref: 'parts.yaml#/responses/Pets'}
            """), files: ["parts.yaml": parts])
        let operation = try XCTUnwrap(document?.operations.first)
        XCTAssertEqual(operation.parameters.map(\.name), ["limit"])
        let items = try XCTUnwrap(operation.responses.first?.content.first?.schema?.items)
        XCTAssertEqual(items.target?.properties.map(\.name), ["name"], "the other file's own #/definitions")
        XCTAssertEqual(diagnostics, [])
    }

    func testDiagnosticsPointIntoTheSwaggerDocument() throws {
        let (_, diagnostics) = try read(Self.swagger("""
            paths:
              /pets:
                post:
                  parameters:
                    - {name: a, in: body, schema: {type: string}}
                    - {name: b, in: body, schema: {type: string}}
                    - {name: c, in: formData, type: array, collectionFormat: csv, items: {type: string}}
                    - {name: d, in: cookie, type: string}
                  responses: {'204': {description: done}}
            definitions:
              Pet: {type: object, properties: 5}
            """))
        XCTAssertEqual(diagnostics, [
            "13:35: error: 'properties' must be a mapping, found a number",
            "10:25: error: parameter 'd' has an unknown location 'cookie' (Swagger 2.0 has path, query, header, body and formData)",
            "8:11: warning: parameter 'b' is a second 'in: body' parameter; an operation has one body, so it is left out",
            "9:11: warning: an operation with an 'in: body' parameter cannot have 'in: formData' ones (Swagger 2.0); the form "
                + "fields are left out",
        ])
    }

    func testAGeneratedClientSendsBodiesFormsAndCollections() throws {
        let path = try write(Self.swagger("""
            host: pets.example.com
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - {name: tags, in: query, type: array, items: {type: string}}
                  responses: {'200': {description: ok, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}}
                post:
                  operationId: uploadPet
                  parameters:
                    - {name: photo, in: formData, required: true, type: file}
                  responses: {'204': {description: done}}
            definitions:
              Pet: {type: object, required: [name], properties: {name: {type: string}}}
            """))
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Pets"))
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let client = try XCTUnwrap(files["PetsClient.swift"])
        XCTAssertTrue(client.contains(#"URL(string: "https://pets.example.com")!"#), client)
        XCTAssertTrue(client.contains(#"request.addQuery("tags", tags.map { v in ParameterValue.array(v) }, style: "form", explode: false)"#),
                      client)
        XCTAssertTrue(client.contains("public func uploadPet(body: UploadPetRequest) async throws {"), client)
        XCTAssertTrue(client.contains("request.setMultipartBody(body)"), client)
        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }
}
