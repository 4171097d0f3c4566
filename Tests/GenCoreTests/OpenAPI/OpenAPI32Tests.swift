import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// What OpenAPI 3.2 adds, each read for what it means: the `query` method and
/// `additionalOperations`, `in: querystring`, `discriminator.defaultMapping`, the OAuth 2
/// `deviceAuthorization` flow, `$self` as the base of relative `$ref`s, responses without a
/// `description`, and the new tag fields. (`itemSchema` is the streaming work's.)
/// The `openapi32` golden fixture calls the same features over HTTP.
final class OpenAPI32Tests: RobustnessTestCase {
    /// The generated files by name, and the warnings as `line: message`.
    private func generate(_ text: String, files: [String: String] = [:]) throws -> (files: [String: String], warnings: [String]) {
        for (name, contents) in files { try write(contents, name) }
        let result = try Generator.run(GeneratorOptions(specPath: try write(text), name: "Search"))
        return (Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) }),
                result.warnings.map { "\($0.location?.mark.line ?? 0): \($0.message)" })
    }

    /// A 3.2 document with `paths` (indented as under `paths:`) and optional `components`.
    private static func document(paths: String, components: String = "", top: String = "") -> String {
        "openapi: 3.2.0\n\(top)info: {title: Search, version: '1'}\npaths:\n" + paths
            + (components.isEmpty ? "" : "\ncomponents:\n" + components)
    }

    // MARK: Methods

    func testQueryAndAdditionalOperationsAreSentByTheirMethod() throws {
        let run = try generate(Self.document(paths: """
              /items:
                query:
                  operationId: searchItems
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {text: {type: string}}}
                  responses:
                    '200': {description: matches}
                additionalOperations:
                  COPY:
                    operationId: copyItems
                    responses:
                      '204': {description: copied}
                  Purge:
                    responses:
                      '204': {description: purged}
                  M-SEARCH:
                    responses:
                      '204': {description: found}
            """))
        XCTAssertEqual(run.warnings, [])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "QUERY", path: "/items""#), client)
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "COPY", path: "/items""#), client)
        // An additional operation's method is sent as written, not in capitals.
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "Purge", path: "/items""#), client)
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "M-SEARCH", path: "/items""#), client)
        XCTAssertTrue(client.contains("public func searchItems(body:") && client.contains("public func copyItems("), client)
        XCTAssertTrue(client.contains("public func purgeItems(") && client.contains("public func mSearchItems("), client)
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testAMethodNameThatIsNoHTTPTokenIsLeftOutWithAWarning() throws {
        let run = try generate(Self.document(paths: """
              /items:
                additionalOperations:
                  "GET /admin HTTP/1.1\\r\\nX: y":
                    operationId: smuggle
                    responses:
                      '204': {description: no}
                  "QUOTE\\"D":
                    operationId: quoted
                    responses:
                      '204': {description: no}
                  "":
                    operationId: empty
                    responses:
                      '204': {description: no}
                  KEPT:
                    operationId: kept
                    responses:
                      '204': {description: yes}
                  Post:
                    operationId: posted
                    responses:
                      '204': {description: yes}
            """))
        let tail = "is not an HTTP method name (RFC 9110 allows letters, digits and !#$%&'*+-.^_`|~); the operation is left out"
        XCTAssertEqual(run.warnings, [
            "6: 'GET /admin HTTP/1.1\r\nX: y' \(tail)",
            "10: 'QUOTE\"D' \(tail)",
            "14: '' \(tail)",
            "22: 'Post' has its own field, 'post', which OpenAPI 3.2 says to use instead of 'additionalOperations'; it is "
                + "read, and sent as written",
        ])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains("public func kept("), client)
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "Post", path: "/items""#), client)
        XCTAssertFalse(client.contains("smuggle") || client.contains("quoted") || client.contains("func empty"), client)
    }

    // MARK: querystring

    func testFormQueryStringIsATypedDocumentedParameter() throws {
        let run = try generate(Self.document(paths: """
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - name: filter
                      in: querystring
                      required: true
                      description: Which items to list.
                      content:
                        application/x-www-form-urlencoded:
                          schema:
                            type: object
                            properties:
                              kind: {type: string}
                              tag: {type: array, items: {type: string}}
                  responses:
                    '204': {description: listed}
            """))
        XCTAssertEqual(run.warnings, [])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains("    ///   - filter: Which items to list.\n"), client)
        XCTAssertTrue(client.contains("public func listItems(filter: ListItemsFilter) async throws {"), client)
        XCTAssertTrue(client.contains("        try request.setQueryString(WireFormat.formEncoded(filter))\n"), client)
        let support = try XCTUnwrap(run.files["SearchSupport.swift"])
        XCTAssertTrue(support.contains("static func formEncoded(") && support.contains("mutating func setQueryString("), support)
        XCTAssertFalse(support.contains("func jsonQuery("), support)
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testJSONAndStringQueryStringsAreEncodedWhole() throws {
        let run = try generate(Self.document(paths: """
              /lookup:
                get:
                  operationId: lookup
                  parameters:
                    - name: selector
                      in: querystring
                      content:
                        application/json:
                          schema: {type: object, properties: {ids: {type: array, items: {type: integer}}}}
                  responses:
                    '204': {description: found}
              /select:
                get:
                  operationId: select
                  parameters:
                    - name: path
                      in: querystring
                      required: true
                      content:
                        application/jsonpath:
                          schema: {type: string}
                  responses:
                    '204': {description: found}
            """))
        XCTAssertEqual(run.warnings, [])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains("public func lookup(selector: LookupSelector? = nil) async throws {"), client)
        XCTAssertTrue(client.contains("try request.setQueryString(selector.map { try WireFormat.jsonQuery($0) })\n"), client)
        XCTAssertTrue(client.contains("public func select(path: String) async throws {"), client)
        XCTAssertTrue(client.contains("        request.setQueryString(WireFormat.queryComponent(path))\n"), client)
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testQueryStringsTheGeneratorCannotWriteAreLeftOutWithAWarning() throws {
        let run = try generate(Self.document(paths: """
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: noContent, in: querystring, schema: {type: string}}
                    - name: parts
                      in: querystring
                      content: {multipart/form-data: {schema: {type: object}}}
                  responses:
                    '204': {description: listed}
              /scalar:
                get:
                  operationId: scalar
                  parameters:
                    - name: scalarForm
                      in: querystring
                      content: {application/x-www-form-urlencoded: {schema: {type: string}}}
                  responses:
                    '204': {description: listed}
              /twice:
                get:
                  operationId: twice
                  parameters:
                    - {name: first, in: querystring, content: {text/plain: {schema: {type: string}}}}
                    - {name: second, in: querystring, content: {text/plain: {schema: {type: string}}}}
                  responses:
                    '204': {description: listed}
            """))
        XCTAssertEqual(run.warnings, [
            "8: parameter 'noContent' is in 'querystring' but has no 'content'; OpenAPI 3.2 asks for the media type that "
                + "encodes the whole query string, so it is left out",
            "28: parameter 'second' is a second 'querystring' parameter; an operation has one query string, so it is left out",
            "9: parameter 'parts' is a query string of type 'multipart/form-data', which the generator writes only as the "
                + "fields of an object, as JSON, or as a string; it is left out",
            "18: parameter 'scalarForm' is a query string of type 'application/x-www-form-urlencoded', which the generator "
                + "writes only as the fields of an object, as JSON, or as a string; it is left out",
        ])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains("public func listItems() async throws {"), client)
        XCTAssertTrue(client.contains("public func twice(first: String? = nil) async throws {"), client)
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    // MARK: defaultMapping

    func testDefaultMappingDecodesUnnamedValuesAsItsBranch() throws {
        let run = try generate(Self.document(paths: "  {}", components: """
              schemas:
                Pet:
                  oneOf:
                    - {$ref: '#/components/schemas/Cat'}
                    - {$ref: '#/components/schemas/Other'}
                  discriminator: {propertyName: kind, mapping: {cat: Cat}, defaultMapping: '#/components/schemas/Other'}
                Cat: {type: object, properties: {kind: {type: string}}}
                Other: {type: object, properties: {kind: {type: string}}}
            """))
        XCTAssertEqual(run.warnings, [])
        let models = run.files.filter { $0.key.contains("Models") }.map(\.value).joined()
        XCTAssertTrue(models.contains("""
                    case "cat": self = .cat(try Cat(from: decoder))
                    case "Other": self = .other(try Other(from: decoder))
                    case _ where keyed != nil: self = .other(try Other(from: decoder))
                    default: self = .undocumented(try JSONValue(from: decoder))
            """), models)
        let check = try SwiftCompiler.typecheck(sources: run.files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testDefaultMappingThatNamesNoBranchIsALocatedWarning() throws {
        let run = try generate(Self.document(paths: "  {}", components: """
              schemas:
                Pet:
                  oneOf:
                    - {$ref: '#/components/schemas/Cat'}
                    - {$ref: '#/components/schemas/Bird'}
                  discriminator:
                    propertyName: kind
                    defaultMapping: Dog
                Cat: {type: object, properties: {kind: {type: string}}}
                Bird: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
            """))
        XCTAssertEqual(run.warnings, [
            "13: 'defaultMapping' names no branch of the union ('Dog'); a value no mapping names decodes as the union's "
                + "undocumented case",
        ])
        let models = run.files.filter { $0.key.contains("Models") }.map(\.value).joined()
        XCTAssertFalse(models.contains("where keyed != nil"), models)
    }

    func testDefaultMappingThatLeadsNowhereIsOneLocatedWarning() throws {
        let run = try generate(Self.document(paths: "  {}", components: """
              schemas:
                Pet:
                  oneOf:
                    - {$ref: '#/components/schemas/Cat'}
                    - {$ref: '#/components/schemas/Bird'}
                  discriminator: {propertyName: kind, defaultMapping: Missing}
                Cat: {type: object, properties: {kind: {type: string}}}
                Bird: {type: object, properties: {kind: {type: string}}}
            """))
        XCTAssertEqual(run.warnings, [
            "11: discriminator mapping is ignored: '$ref' target not found: '#/components/schemas/Missing' (no 'Missing')",
        ])
    }

    func testUnionsThatDifferOnlyInDefaultMappingStayTwoTypes() throws {
        let run = try buildGraph(Self.document(paths: """
              /plain:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                            discriminator: {propertyName: kind}
              /fallback:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                            discriminator: {propertyName: kind, defaultMapping: Dog}
            """, components: """
              schemas:
                Cat: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
            """))
        XCTAssertEqual(run.errors, [])
        let unions = run.types.compactMap { type -> Int?? in
            if case .union(let shape) = type.kind { return .some(shape.defaultBranch) }
            return nil
        }
        XCTAssertEqual(unions, [nil, 1])
    }

    // MARK: $self

    private static let pet = "Pet:\n  type: object\n  properties:\n    name: {type: string}\n"

    func testSelfIsTheBaseOfRelativeRefsAndItsFolderIsTheSpecsFolder() throws {
        let run = try generate(Self.document(paths: "  {}", components: """
              schemas:
                Holder:
                  type: object
                  properties:
                    absolute: {$ref: 'https://example.com/api/parts/pet.yaml#/Pet'}
                    relative: {$ref: 'parts/pet.yaml#/Pet'}
                    rooted: {$ref: '/api/parts/pet.yaml#/Pet'}
                    itself: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Tag'}
                Tag: {type: string}
            """, top: "$self: https://example.com/api/openapi.yaml\n"), files: ["parts/pet.yaml": Self.pet])
        XCTAssertEqual(run.warnings, [])
        let models = run.files.filter { $0.key.contains("Models") }.map(\.value).joined()
        for property in ["absolute: Pet?", "relative: Pet?", "rooted: Pet?", "itself: String?"] {
            XCTAssertTrue(models.contains("public var \(property)\n"), property + "\n" + models)
        }
    }

    func testARelativeSelfIsResolvedAgainstTheSpecsOwnURL() throws {
        // `$self: sub/openapi.yaml`: the spec's folder stands for `sub/`, so `pet.yaml` is beside the spec.
        let run = try generate(Self.document(paths: "  {}", components: """
              schemas:
                Holder: {type: object, properties: {pet: {$ref: 'parts/pet.yaml#/Pet'}}}
            """, top: "$self: sub/openapi.yaml\n"), files: ["parts/pet.yaml": Self.pet])
        XCTAssertEqual(run.warnings, [])
        XCTAssertTrue(run.files.values.joined().contains("public var pet: Pet?\n"))
    }

    func testARefOutsideSelfsFolderIsALocatedError() throws {
        try write(Self.pet, "pet.yaml")
        for (ref, target) in [("https://other.example.com/api/pet.yaml#/Pet", "https://other.example.com/api/pet.yaml"),
                              ("../pet.yaml#/Pet", "https://example.com/pet.yaml"),
                              ("http://example.com/api/pet.yaml#/Pet", "http://example.com/api/pet.yaml")] {
            let diagnostics = failure(try write(Self.document(paths: "  {}", components: """
                  schemas:
                    Holder: {type: object, properties: {pet: {$ref: '\(ref)'}}}
                """, top: "$self: https://example.com/api/openapi.yaml\n")))
            let error = try XCTUnwrap(diagnostics.first { $0.severity == .error }, "\(diagnostics)")
            XCTAssertEqual(error.message, "'$ref' '\(ref)' resolves against '$self' to '\(target)', outside the folder of '$self'")
            XCTAssertEqual(error.location?.mark.line, 8, ref)
            XCTAssertEqual(error.note, "only files in the spec's folder are read, which stands for '$self''s folder")
        }
    }

    func testOddSelfValuesNeitherCrashNorReadOutsideTheFolder() throws {
        try write(Self.pet, "parts/pet.yaml")
        for value in ["http://", "https://example.com", "urn:example:catalog", "mailto:a@example.com", "''", "' '",
                      "file:///etc/openapi.yaml", "'%zz'", "'?query'", "https://example.com/a/b/"] {
            let spec = try write(Self.document(paths: "  {}", components: """
                  schemas:
                    Holder: {type: object, properties: {pet: {$ref: 'parts/pet.yaml#/Pet'}, up: {$ref: '../x.yaml#/X'}}}
                """, top: "$self: \(value)\n"))
            // `up` leaves every folder: whatever `$self` is, the run fails there and reads nothing outside.
            let errors = failure(spec).filter { $0.severity == .error }
            XCTAssertFalse(errors.isEmpty, value)
            XCTAssertTrue(errors.allSatisfy { $0.location?.mark.line ?? 0 <= 8 }, "\(value): \(errors)")
        }
    }

    func testSelfWithAFragmentIsALocatedError() throws {
        try assertFails(Self.document(paths: "  {}", top: "$self: https://example.com/openapi.yaml#top\n"),
                        "'$self' must be a URI without a fragment: 'https://example.com/openapi.yaml#top'", at: 2, 8)
    }

    // MARK: The rest

    func testAMediaTypeMayBeARefToComponentsMediaTypes() throws {
        let spec = Self.document(paths: """
              /items:
                get:
                  operationId: listItems
                  responses:
                    '200':
                      content:
                        application/json: {$ref: '#/components/mediaTypes/Items'}
            """, components: """
              mediaTypes:
                Items:
                  schema: {type: array, items: {type: string}}
            """)
        let run = try generate(spec)
        XCTAssertEqual(run.warnings, [])
        XCTAssertTrue(try XCTUnwrap(run.files["SearchClient.swift"]).contains("public func listItems() async throws -> [String] {"))
        // Before 3.2 such a `$ref` is not allowed: followed, with the warning it always had.
        let older = try generate(spec.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.1.0"))
        XCTAssertEqual(older.warnings, ["10: OpenAPI does not allow '$ref' for a media type; it is followed, but other tools may not"])
    }

    func testDeviceAuthorizationFlowIsDocumentedOnTheTokenFactory() throws {
        let run = try generate(Self.document(paths: "  {}", components: """
              securitySchemes:
                device:
                  type: oauth2
                  flows:
                    deviceAuthorization:
                      deviceAuthorizationUrl: https://auth.example.com/device
                      tokenUrl: https://auth.example.com/token
                      scopes: {read: Read}
            """, top: "security: [{device: [read]}]\n"))
        XCTAssertEqual(run.warnings, [])
        let client = try XCTUnwrap(run.files["SearchClient.swift"])
        XCTAssertTrue(client.contains("""
                    /// The token closure returns an access token got by one of its OAuth 2 flows:
                    /// - Device authorization (RFC 8628) flow, scopes `read`.
                    ///   - Device authorization URL: `https://auth.example.com/device`
                    ///   - Token URL: `https://auth.example.com/token`
                    public static func oauth2(token: @escaping @Sendable () async throws -> String) -> Authentication {
            """), client)
    }

    func testResponsesWithoutDescriptionAndTheNewTagFieldsNeedNoWarning() throws {
        let run = try generate(Self.document(paths: """
              /items:
                get:
                  operationId: listItems
                  tags: [items]
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {type: array, items: {type: string}}
                    '404': {}
            """, top: """
            tags:
              - {name: items, summary: Items, kind: nav}
              - {name: books, summary: Books, parent: items, kind: audience, description: The books.}

            """))
        XCTAssertEqual(run.warnings, [])
        XCTAssertTrue(try XCTUnwrap(run.files["SearchClient.swift"]).contains("public func listItems() async throws -> [String] {"))
    }

    func testAFutureVersionIsALocatedErrorNamingTheVersionsRead() throws {
        try assertFails("openapi: 3.3.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
                        "unsupported OpenAPI version '3.3.0'; expected 3.0.x, 3.1.x or 3.2.x", at: 1, 10)
    }
}
