import Foundation
import GenCore
import XCTest

/// Input that is not YAML, not JSON, or not an OpenAPI document: every case ends in one
/// located error (the first one a user reads), never in a trap or in output.
final class InvalidInputTests: RobustnessTestCase {
    // MARK: - Bytes and syntax

    func testEmptyFile() throws {
        try assertFails(bytes: [], "the file is empty", at: 1, 1)
    }

    func testOnlyCommentsIsEmpty() throws {
        try assertFails("# nothing\n\n", "the file is empty", at: 1, 1)
    }

    func testNonUTF8Bytes() throws {
        try assertFails(bytes: Array("openapi: 3.1.0\ninfo:\n  title: ".utf8) + [0xFF, 0xFE, 0x0A],
                        "invalid leading UTF-8 octet", at: 3, 10)
    }

    func testTabIndentation() throws {
        try assertFails("openapi: 3.1.0\ninfo:\n\ttitle: x\n",
                        "found character that cannot start any token (while scanning for the next token)", at: 3, 1)
    }

    func testUnclosedQuote() throws {
        try assertFails("openapi: 3.1.0\ninfo:\n  title: \"open\n  version: x\npaths: {}\n",
                        "found unexpected end of stream (while scanning a quoted scalar)", at: 6, 1,
                        note: "started at line 3, column 10")
    }

    func testUnclosedBracket() throws {
        try assertFails(Self.spec("paths: {}\ntags: [a, b\n"),
                        "did not find expected ',' or ']' (while parsing a flow sequence)", at: 7, 1,
                        note: "started at line 6, column 7")
    }

    func testMalformedJSON() throws {
        try assertFails(#"{"openapi": "3.1.0", "info": {"title": "T" "version": "1"}, "paths": {}}"#, name: "api.json",
                        "did not find expected ',' or '}' (while parsing a flow mapping)", at: 1, 44,
                        note: "started at line 1, column 30")
    }

    func testDuplicateKey() throws {
        try assertFails("openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\n  title: y\npaths: {}\n",
                        "duplicate key 'title'", at: 5, 3, note: "first defined at line 3")
    }

    func testTwoDocuments() throws {
        try assertFails(Self.spec("paths: {}\n---\nopenapi: 3.1.0\n"), "expected a single document", at: 6, 1)
    }

    // MARK: - Not an OpenAPI document

    func testDocumentThatIsAList() throws {
        try assertFails("- openapi: 3.1.0\n- paths: {}\n", "an OpenAPI document must be a mapping, found a sequence", at: 1, 1)
    }

    func testDocumentThatIsAScalar() throws {
        try assertFails("just some words\n", "an OpenAPI document must be a mapping, found a string", at: 1, 1)
    }

    func testSwaggerOtherThan2() throws {
        try assertFails("swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n",
                        "unsupported Swagger version '1.2'; expected 2.0 (or an OpenAPI 3.0.x, 3.1.x or 3.2.x document)",
                        at: 1, 10)
    }

    func testUnknownOpenAPIVersion() throws {
        try assertFails("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
                        "unsupported OpenAPI version '4.0.0'; expected 3.0.x, 3.1.x or 3.2.x", at: 1, 10)
    }

    func testMissingOpenAPIVersion() throws {
        try assertFails("info: {title: T, version: '1'}\npaths: {}\n", "missing 'openapi' version field", at: 1, 1)
    }

    func testMissingInfo() throws {
        try assertFails("openapi: 3.1.0\npaths: {}\n", "missing 'info'", at: 1, 1)
    }

    func testNoPathsComponentsOrWebhooks() throws {
        try assertFails(Self.spec(""), "the document has no 'paths', 'webhooks' or 'components'", at: 1, 1)
    }

    // MARK: - Known keys with the wrong type

    func testRequiredThatIsNotAList() throws {
        try assertFails(Self.spec("""
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: yes

            """), "'required' must be a sequence, found a string", at: 10, 17)
    }

    func testPropertiesThatAreAList() throws {
        try assertFails(Self.spec("""
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties: []

            """), "'properties' must be a mapping, found a sequence", at: 10, 19)
    }

    func testPathsThatAreAList() throws {
        try assertFails(Self.spec("paths: []\n"), "'paths' must be a mapping, found a sequence", at: 5, 8)
    }

    func testParametersThatAreAMapping() throws {
        try assertFails(Self.spec("""
            paths:
              /pets:
                get:
                  parameters: {}
                  responses:
                    '200': {description: ok}

            """), "'parameters' must be a sequence, found a mapping", at: 8, 19)
    }

    func testInfoThatIsAString() throws {
        try assertFails("openapi: 3.1.0\ninfo: hello\npaths: {}\n", "'info' must be a mapping, found a string", at: 2, 7)
    }
}
