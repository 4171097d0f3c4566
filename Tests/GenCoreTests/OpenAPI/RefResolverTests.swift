import XCTest
@testable import GenCore

/// `$ref`s as the schema graph follows them: cycles, missing targets, pointer escapes and
/// references into other files.
final class RefResolverTests: XCTestCase {
    // MARK: - Cycles

    func testSelfReferencingObjectReferencesItselfByID() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Node:
              type: object
              properties:
                value: {type: string}
                next: {$ref: '#/components/schemas/Node'}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
            """))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.warnings, [])
        let node = try run.id(of: "Node")
        XCTAssertEqual(try run.typeOf("next", in: "Node"), .named(node))
        XCTAssertEqual(try run.typeOf("children", in: "Node"), .array(.named(node)))
        XCTAssertEqual(run.types.count, 1)
    }

    /// `struct Node { var next: Node? }` does not compile: the property that closes the cycle
    /// must be boxed. An array of itself needs no box (arrays store their elements out of line).
    func testSelfReferencingPropertyIsBoxed() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Node:
              type: object
              properties:
                next: {$ref: '#/components/schemas/Node'}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
            """))
        XCTAssertTrue(try run.property("next", of: "Node").boxed, "Node.next closes a cycle of struct values")
    }

    func testMutuallyRecursiveObjectsBoxAtLeastOneProperty() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Person:
              type: object
              properties:
                employer: {$ref: '#/components/schemas/Company'}
            Company:
              type: object
              properties:
                owner: {$ref: '#/components/schemas/Person'}
            """))
        XCTAssertEqual(try run.typeOf("employer", in: "Person"), .named(try run.id(of: "Company")))
        XCTAssertEqual(try run.typeOf("owner", in: "Company"), .named(try run.id(of: "Person")))
        let boxed = [try run.property("employer", of: "Person").boxed, try run.property("owner", of: "Company").boxed]
        XCTAssertTrue(boxed.contains(true), "the Person ⇄ Company cycle has no boxed property")
    }

    func testRefChainLoopWithoutSchemaIsReportedNotHung() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/A'}
            User:
              type: object
              properties:
                a: {$ref: '#/components/schemas/A'}
            """))
        let reports = run.diagnostics.filter { $0.message.contains("itself") || $0.message.contains("loop") }
        XCTAssertFalse(reports.isEmpty, "no diagnostic for the A → B → A loop: \(run.diagnostics)")
        for report in reports {
            XCTAssertNotNil(report.location, "\(report)")
            XCTAssertEqual(report.location?.file, run.specPath)
        }
        XCTAssertEqual(try run.typeOf("a", in: "User"), .json)
    }

    func testSelfRefWithoutSchemaIsReported() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Loop: {$ref: '#/components/schemas/Loop'}
            """))
        XCTAssertFalse(run.diagnostics.isEmpty)
        XCTAssertTrue(run.diagnostics.allSatisfy { $0.location != nil }, "\(run.diagnostics)")
    }

    // MARK: - Missing targets

    func testRefToMissingPointerIsALocatedError() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            User:
              type: object
              properties:
                pet: {$ref: '#/components/schemas/Missing'}
            """))
        XCTAssertEqual(run.errors.count, 1, "\(run.diagnostics)")
        let error = try XCTUnwrap(run.errors.first)
        XCTAssertTrue(error.message.contains("#/components/schemas/Missing"), error.message)
        let position = try run.position(of: "{$ref: '#/components/schemas/Missing'}")
        assertLocated(error, fileSuffix: "spec.yaml", line: position.line, column: position.column)
    }

    func testRefToMissingOperationBodySchemaIsALocatedError() throws {
        let run = try buildGraph(SpecBuilder.document(paths: """
            /pets:
              get:
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Nope'
            """))
        let error = try XCTUnwrap(run.errors.first, "\(run.diagnostics)")
        let position = try run.position(of: "$ref: '#/components/schemas/Nope'")
        assertLocated(error, fileSuffix: "spec.yaml", line: position.line, column: position.column)
    }

    // MARK: - Pointer escapes

    func testPointerEscapesResolve() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            a/b:
              type: object
              properties:
                slash: {type: string}
            c~d:
              type: object
              properties:
                tilde: {type: string}
            e f:
              type: object
              properties:
                space: {type: string}
            Holder:
              type: object
              properties:
                slash: {$ref: '#/components/schemas/a~1b'}
                tilde: {$ref: '#/components/schemas/c~0d'}
                space: {$ref: '#/components/schemas/e%20f'}
            """))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(try run.typeOf("slash", in: "Holder"), .named(try run.id(of: "AB")))
        XCTAssertEqual(try run.typeOf("tilde", in: "Holder"), .named(try run.id(of: "CD")))
        XCTAssertEqual(try run.typeOf("space", in: "Holder"), .named(try run.id(of: "EF")))
    }

    func testUnescapeOrder() {
        XCTAssertEqual(RefResolver.unescape("a~1b"), "a/b")
        XCTAssertEqual(RefResolver.unescape("a~0b"), "a~b")
        // `~01` is an escaped `~` followed by `1`, not a slash.
        XCTAssertEqual(RefResolver.unescape("~01"), "~1")
        XCTAssertEqual(RefResolver.unescape("a%20b"), "a b")
    }
}

/// Percent-decoding of `$ref` fragments keeps every character, a leading U+FEFF included
/// (Foundation's `removingPercentEncoding` drops it on Linux).
final class RefPercentDecodingTests: XCTestCase {
    func testPercentEscapesDecodeAsUTF8() {
        XCTAssertEqual(RefResolver.percentDecoded("%EF%BB%BFbom"), "\u{FEFF}bom")
        XCTAssertEqual(RefResolver.percentDecoded("a%20b%2Fc"), "a b/c")
        XCTAssertEqual(RefResolver.unescape("%7Efoo~1bar"), "~foo/bar")
        XCTAssertNil(RefResolver.percentDecoded("%E"), "a cut escape")
        XCTAssertNil(RefResolver.percentDecoded("%FF"), "not UTF-8")
    }
}
