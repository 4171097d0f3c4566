import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Spec text that once broke out of its place in the generated Swift, or names that collided
/// with the generator's own: one spec with every case, type-checked once.
final class SpecTextSafetyTests: RobustnessTestCase {
    private static let document = """
        {
          "openapi": "3.1.0",
          "info": {"title": "T\\r#error(\\"title\\")", "version": "1", "description": "Line\\r\\nCode()\\u2028more\\u0085end \\u202E"},
          "servers": [{"url": "https://{region}.example.com", "variables": {"region": {"default": "eu", "enum": ["eu", "us", "eu"]}}}],
          "paths": {
            "/things/{id}": {
              "post": {
                "operationId": "self",
                "summary": "Hi\\r#error(\\"x\\")",
                "description": "one\\rtwo\\r\\nthree\\u2029four\\u000bfive",
                "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": ["string", "null"]}},
                  {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": ["string", "null"]}}},
                  {"name": "request", "in": "query", "schema": {"type": "string"}},
                  {"name": "send", "in": "header", "schema": {"type": "string"}},
                  {"name": "selfOperationWithResponse", "in": "query", "schema": {"type": "string"}},
                  {"name": "grid", "in": "query", "schema": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}
                ],
                "responses": {
                  "200": {"description": "ok", "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                  "default": {"description": "form", "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
                }
              }
            },
            "/init": {"get": {"operationId": "init", "responses": {"204": {"description": "none"}}}},
            "/one/{1}": {"get": {"operationId": "1", "parameters": [{"name": "1", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "a one", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/1"}}}}}}},
            "/class": {"get": {"operationId": "class", "responses": {"204": {"description": "none"}}}},
            "/things": {
              "post": {
                "operationId": "createThing",
                "requestBody": {"content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/CreateThingBody"}},
                  "multipart/form-data": {"schema": {"$ref": "#/components/schemas/Thing"}}
                }},
                "responses": {"201": {"description": "made"}}
              }
            }
          },
          "components": {"schemas": {
            "CreateThingBody": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Thing": {"type": "object", "properties": {
              "a\\u2028b": {"type": "string", "description": "key with a line separator\\r#warning(\\"w\\")"},
              "ratio": {"type": "number", "default": 1e400},
              "hashValue": {"type": "integer"},
              "small": {"type": "number", "format": "float", "default": 1e39},
              "kind": {"type": "string", "enum": ["\\ufdd0", "\\u202e", "a\\"b\\\\c\\\\(x)", "documented", "Self"]}
            }},
            "1Result": {"type": "object", "properties": {"x": {"type": "string"}}},
            "1": {"type": "object", "properties": {"y": {"type": "string"}}},
            "RetryPolicy": {"type": "object", "properties": {"z": {"type": "string"}}},
            "Pick": {"oneOf": [{"$ref": "#/components/schemas/1Result"}, {"type": "string"}]},
            "Pet": {
              "oneOf": [{"$ref": "#/components/schemas/Thing"}, {"$ref": "#/components/schemas/Thing"}],
              "discriminator": {"propertyName": "kind"}
            }
          }}
        }
        """

    func testSpecTextStaysInCommentsLiteralsAndEscapedNames() throws {
        let path = try write(Self.document, "spec.json")
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "Safety"))
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let all = result.files.map(\.contents).joined()
        for terminator in ["\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{202E}"] {
            XCTAssertFalse(all.unicodeScalars.contains(terminator.unicodeScalars.first!),
                           "raw U+\(String(terminator.unicodeScalars.first!.value, radix: 16)) in the output")
        }
        XCTAssertFalse(all.unicodeScalars.contains { $0.properties.isNoncharacterCodePoint }, "a raw noncharacter in the output")
        for line in all.split(separator: "\n") where line.contains("#error") || line.contains("#warning") {
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasPrefix("//"), "code outside a comment: \(line)")
        }
        let client = try XCTUnwrap(files["SafetyClient.swift"])
        // Suffixes are added to the bare name and the result escaped: no `` `self`WithResponse ``.
        XCTAssertTrue(client.contains("public func selfOperation(") || client.contains("public func `self`("), client)
        XCTAssertTrue(client.contains("func `class`(") && client.contains("func classWithResponse("), client)
        XCTAssertFalse(client.contains("`WithResponse"), client)
        // The body choice enum nested in the client must not hide the component of its name.
        XCTAssertTrue(client.contains("enum CreateThingBodyChoice"), client)
        XCTAssertTrue(client.contains("case json(CreateThingBody)"), client)
        let models = try XCTUnwrap(files["SafetyModels.swift"])
        XCTAssertTrue(models.contains("\"\\u{fffd}\""), "a noncharacter, which no Swift literal spells, is U+FFFD")
        let noncharacters = result.warnings.filter { $0.message.contains("noncharacter") }
        XCTAssertEqual(noncharacters.count, 1, "the U+FFFD stand-in is said, where the spec has it: \(result.warnings)")
        XCTAssertEqual(noncharacters.first?.location?.file, path)
        XCTAssertTrue(models.contains("case _1ResultValue(_1Result)"), models)
        XCTAssertEqual(result.warnings.filter { $0.message.contains("already selects an earlier branch") }.count, 1,
                       "\(result.warnings)")

        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }
}
