import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// A `$ref` where OpenAPI expects a map or a list (a large public cloud API writes
/// `properties: {$ref: 'attributes.yml#/load_balancer_ids'}`, which its bundler resolves) is
/// followed when its target has the expected shape, with a located warning, as operation-level
/// `$ref`s are. It used to be a hard error ("'schema' must be a mapping, found a string").
final class DisallowedRefTests: RobustnessTestCase {
    func testRefsInPlaceOfMapsAndListsAreFollowedWithAWarning() throws {
        try write("""
            load_balancer_ids:
              ids:
                type: array
                items: {type: string}
              region: {$ref: 'region.yml'}
            required_ids: [ids]
            parts:
              - {type: object, properties: {name: {type: string}}}
            kinds: [small, large]
            """, "attributes.yml")
        try write("{type: string}\n", "region.yml")
        try write("- {name: verbose, in: query, schema: {type: boolean}}\n", "parameters.yml")
        let path = try write(Self.spec("""
            paths:
              /balancers:
                get:
                  operationId: getBalancer
                  parameters: {$ref: 'parameters.yml'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Balancer'}
            components:
              schemas:
                Balancer:
                  type: object
                  properties: {$ref: 'attributes.yml#/load_balancer_ids'}
                  required: {$ref: 'attributes.yml#/required_ids'}
                  allOf: {$ref: 'attributes.yml#/parts'}
                Size:
                  type: string
                  enum: {$ref: 'attributes.yml#/kinds'}
            """))
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Cloud"))
        let warnings = result.warnings.filter { $0.message.hasPrefix("OpenAPI does not allow '$ref' for") }
        XCTAssertEqual(warnings.map { "\($0.location?.mark.line ?? 0):\($0.location?.mark.column ?? 0) \($0.message)" }, [
            "20:26 OpenAPI does not allow '$ref' for a properties map; it is followed, but other tools may not",
            "21:24 OpenAPI does not allow '$ref' for a required list; it is followed, but other tools may not",
            "22:21 OpenAPI does not allow '$ref' for an allOf list; it is followed, but other tools may not",
            "25:20 OpenAPI does not allow '$ref' for an enum list; it is followed, but other tools may not",
            "9:26 OpenAPI does not allow '$ref' for a parameters list; it is followed, but other tools may not",
        ], "\(result.warnings)")
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let models = try XCTUnwrap(files["CloudModels.swift"])
        XCTAssertTrue(models.contains("public var ids: [String]\n"), "required through the referenced list:\n\(models)")
        XCTAssertTrue(models.contains("public var region: String?\n"), models)
        XCTAssertTrue(models.contains("public var name: String?\n"), "the allOf part's property:\n\(models)")
        XCTAssertTrue(models.contains("case small, large"), models)
        XCTAssertTrue(try XCTUnwrap(files["CloudClient.swift"]).contains("verbose: Bool? = nil"))
        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testAPropertyNamedRefIsStillAProperty() throws {
        let path = try write(Self.spec("""
            paths: {}
            components:
              schemas:
                Link:
                  type: object
                  properties:
                    $ref: {type: string}
            """))
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Links"))
        XCTAssertEqual(result.warnings.map(\.message), [])
        let models = try XCTUnwrap(result.files.first { $0.name == "LinksModels.swift" }?.contents)
        XCTAssertTrue(models.contains("case ref = \"$ref\""), models)
    }

    func testARefInPlaceOfAMapThatLeadsNowhereIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths: {}
            components:
              schemas:
                Balancer:
                  type: object
                  properties: {$ref: 'attributes.yml#/missing'}
            """), "'$ref' names a file that cannot be read: '\(folder.appendingPathComponent("attributes.yml").path)'",
                        at: 10, 26)
    }
}
