import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Properties and parameters named after Swift keywords are declared with backticks and passed
/// on at call sites (the decoders' initializer calls, the methods' forwarding calls) with the
/// labels Swift accepts without a warning: bare, except `inout`.
final class KeywordNamesTests: RobustnessTestCase {
    func testKeywordNamedPropertiesAndParametersCompile() throws {
        let path = try write(Self.spec("""
            paths:
              /things/{self}:
                post:
                  operationId: update
                  parameters:
                    - {name: self, in: path, required: true, schema: {type: string}}
                    - {name: let, in: query, schema: {type: string}}
                    - {name: var, in: query, schema: {type: integer}}
                    - {name: inout, in: header, schema: {type: string}}
                    - {name: default, in: query, schema: {type: boolean}}
                  requestBody:
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Thing'}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {schema: {$ref: '#/components/schemas/Thing'}}
            components:
              schemas:
                Thing:
                  type: object
                  required: [default, let]
                  properties:
                    default: {type: string}
                    self: {type: string}
                    let: {type: string}
                    var: {type: [string, 'null']}
                    inout: {type: string, format: uuid}
                    protocol: {type: string}
                  additionalProperties: {type: integer}

            """))
        let result = try Generator.run(GeneratorOptions(specPath: path))
        let models = try XCTUnwrap(result.files.first { $0.name.hasSuffix("Models.swift") }).contents
        XCTAssertTrue(models.contains("default: container.read(.`default`)"), models)
        XCTAssertTrue(models.contains("`inout`: container.readIfPresent(.`inout`)"), models)
        let sources = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let check = try SwiftCompiler.typecheck(sources: sources)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }
}
