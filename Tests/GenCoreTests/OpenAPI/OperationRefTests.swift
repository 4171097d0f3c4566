import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Multi-file specs often write an operation as a `$ref` (OpenAPI allows one for a path item
/// only; the common bundlers follow it anyway): the operation is read whole, with a located
/// warning, and a `$ref` to a fragment works the same way.
final class OperationRefTests: RobustnessTestCase {
    func testOperationRefsToFilesAndFragmentsAreFollowedWithAWarning() throws {
        try write("""
            operationId: getKey
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - $ref: '../parameters/verbose.yml'
            responses:
              '200':
                description: the key
                content:
                  application/json:
                    schema: {$ref: '../schemas/key.yml'}
            """, "resources/keys/get.yml")
        try write("{name: verbose, in: query, schema: {type: boolean}}\n", "resources/parameters/verbose.yml")
        try write("type: object\nrequired: [id]\nproperties:\n  id: {type: string}\n  size: {type: integer}\n",
                  "resources/schemas/key.yml")
        let path = try write(Self.spec("""
            paths:
              /keys/{id}:
                get:
                  $ref: 'resources/keys/get.yml'
                delete:
                  $ref: '#/x-operations/deleteKey'
            x-operations:
              deleteKey:
                operationId: deleteKey
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                responses:
                  '204': {description: gone}
            """))
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Keys"))
        let warnings = result.warnings.filter { $0.message.contains("does not allow '$ref' for an operation") }
        XCTAssertEqual(warnings.map { $0.location?.mark }, [Mark(line: 8, column: 13), Mark(line: 10, column: 13)], "\(result.warnings)")
        XCTAssertEqual(result.operationCount, 2)
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let client = try XCTUnwrap(files["KeysClient.swift"])
        XCTAssertTrue(client.contains("public func getKey(id: String, verbose: Bool? = nil) async throws -> Key {"), client)
        XCTAssertTrue(client.contains(#"path: "/keys/\(WireFormat.pathSegment(id))""#), "the placeholder is filled")
        XCTAssertTrue(client.contains("public func deleteKey(id: String) async throws {"), client)
        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    func testAMissingOperationTargetIsALocatedError() throws {
        try assertFails(Self.spec("""
            paths:
              /keys:
                get:
                  $ref: 'missing.yml'
            """), "'$ref' names a file that cannot be read: '\(folder.appendingPathComponent("missing.yml").path)'", at: 8, 13)
    }
}
