import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// OpenAPI 3.2 documents are read: the `query` method and `additionalOperations` become client
/// methods; what the generator does not model yet (`querystring`, `itemSchema`,
/// `defaultMapping`, `$self`) gives a located warning instead of a refusal or a silent loss.
final class OpenAPI32Tests: RobustnessTestCase {
    func testA32DocumentGeneratesWithWarningsForWhatIsNotModeled() throws {
        let path = try write("""
            openapi: 3.2.0
            $self: https://example.com/api/openapi.yaml
            info: {title: Search, version: '1'}
            paths:
              /items:
                query:
                  operationId: searchItems
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {text: {type: string}}}
                  parameters:
                    - {name: filter, in: querystring, content: {application/x-www-form-urlencoded: {schema: {type: object}}}}
                  responses:
                    '200':
                      description: matches
                      content:
                        application/jsonl:
                          itemSchema: {$ref: '#/components/schemas/Item'}
                additionalOperations:
                  COPY:
                    operationId: copyItems
                    responses:
                      '204': {description: copied}
            components:
              schemas:
                Item:
                  oneOf:
                    - {$ref: '#/components/schemas/Book'}
                  discriminator: {propertyName: kind, defaultMapping: Book}
                Book: {type: object, properties: {kind: {type: string}}}
            """)
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Search"))
        let warnings = result.warnings.map { "\($0.location?.mark.line ?? 0): \($0.message)" }
        XCTAssertEqual(warnings, [
            "2: '$self' is not used: relative '$ref's resolve against the file's own path",
            "30: 'defaultMapping' (OpenAPI 3.2) is not used: a value no mapping names decodes as the union's undocumented case",
            "13: parameter 'filter' is in 'querystring' (OpenAPI 3.2), which the generator does not support yet; the operation is generated without it",
        ])
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let client = try XCTUnwrap(files["SearchClient.swift"])
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "QUERY", path: "/items""#), client)
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "COPY", path: "/items""#), client)
        XCTAssertTrue(client.contains("public func searchItems(") && client.contains("public func copyItems("), client)
        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }
}
