import XCTest
@testable import GenCore

final class YAMLLoaderTests: XCTestCase {
    // MARK: - Helpers

    private func load(_ text: String, limits: YAMLLoader.Limits = .default) throws -> YAMLNode {
        try YAMLLoader(limits: limits).load(Array(text.utf8), file: "spec.yaml")
    }

    /// The single diagnostic a failing load throws.
    private func loadError(
        _ bytes: [UInt8], limits: YAMLLoader.Limits = .default,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Diagnostic? {
        do {
            let node = try YAMLLoader(limits: limits).load(bytes, file: "spec.yaml")
            XCTFail("expected an error, loaded \(node.value)", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            return error.diagnostics.first
        }
    }

    private func loadError(
        _ text: String, limits: YAMLLoader.Limits = .default,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Diagnostic? {
        loadError(Array(text.utf8), limits: limits, file: file, line: line)
    }

    /// The value of `key: <scalar>` in a one-entry document.
    private func scalar(_ scalar: String, file: StaticString = #filePath, line: UInt = #line) throws -> YAMLNode.Value {
        let root = try load("key: \(scalar)\n")
        return try XCTUnwrap(root["key"], file: file, line: line).value
    }

    private func assertString(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .string(let text) = try scalar(source, file: file, line: line) else {
            return XCTFail("\(source) is not a string", file: file, line: line)
        }
        XCTAssertEqual(text, expected, file: file, line: line)
    }

    private func assertInt(_ source: String, _ expected: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .int(let value) = try scalar(source, file: file, line: line) else {
            return XCTFail("\(source) is not an int", file: file, line: line)
        }
        XCTAssertEqual(value, expected, file: file, line: line)
    }

    private func assertNumber(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .number(let text) = try scalar(source, file: file, line: line) else {
            return XCTFail("\(source) is not a .number", file: file, line: line)
        }
        XCTAssertEqual(text, source, file: file, line: line)
    }

    private func assertNull(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(try XCTUnwrap(load("key: \(source)\n")["key"]).isNull, "\(source) is not null", file: file, line: line)
    }

    private func assertBool(_ source: String, _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try XCTUnwrap(load("key: \(source)\n")["key"]).bool, expected, source, file: file, line: line)
    }

    // MARK: - Marks

    func testMarksOfKeysAndValuesAreOneBased() throws {
        let root = try load("""
        openapi: 3.1.0
        info:
          title: Relay
          version: '1.0'
        """)
        XCTAssertEqual(root.start, Mark(line: 1, column: 1))
        XCTAssertEqual(root.file, "spec.yaml")
        let pairs = try XCTUnwrap(root.mapping)
        XCTAssertEqual(pairs[0].key.start, Mark(line: 1, column: 1))
        XCTAssertEqual(pairs[0].value.start, Mark(line: 1, column: 10))
        XCTAssertEqual(pairs[0].value.end, Mark(line: 1, column: 15))
        XCTAssertEqual(pairs[1].key.start, Mark(line: 2, column: 1))
        let info = try XCTUnwrap(pairs[1].value.mapping)
        XCTAssertEqual(pairs[1].value.start, Mark(line: 3, column: 3))
        XCTAssertEqual(info[0].key.start, Mark(line: 3, column: 3))
        XCTAssertEqual(info[0].value.start, Mark(line: 3, column: 10))
        XCTAssertEqual(info[1].key.start, Mark(line: 4, column: 3))
        XCTAssertEqual(info[1].value.start, Mark(line: 4, column: 12))
        XCTAssertEqual(info[1].value.location, SourceLocation(file: "spec.yaml", line: 4, column: 12))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try load("é: ü\n")
        let pair = try XCTUnwrap(root.mapping?.first)
        XCTAssertEqual(pair.key.string, "é")
        XCTAssertEqual(pair.value.start, Mark(line: 1, column: 4))
    }

    func testMarksInJSON() throws {
        let root = try load("""
        {
          "openapi": "3.1.0",
          "paths": {"/a": [1, true, null]}
        }
        """)
        XCTAssertEqual(root.start, Mark(line: 1, column: 1))
        let pairs = try XCTUnwrap(root.mapping)
        XCTAssertEqual(pairs[0].key.start, Mark(line: 2, column: 3))
        XCTAssertEqual(pairs[0].value.start, Mark(line: 2, column: 14))
        XCTAssertEqual(pairs[0].value.string, "3.1.0")
        XCTAssertEqual(pairs[1].key.start, Mark(line: 3, column: 3))
        XCTAssertEqual(pairs[1].value.start, Mark(line: 3, column: 12))
        let items = try XCTUnwrap(root["paths"]?["/a"]?.sequence)
        XCTAssertEqual(items.map(\.start), [Mark(line: 3, column: 20), Mark(line: 3, column: 23), Mark(line: 3, column: 29)])
        guard case .int(1) = items[0].value else { return XCTFail("\(items[0].value)") }
        XCTAssertEqual(items[1].bool, true)
        XCTAssertTrue(items[2].isNull)
    }

    func testCompactJSONAndTabsInJSON() throws {
        let compact = try load(#"{"a":1,"b":["x"]}"#)
        XCTAssertEqual(compact.mapping?.map { $0.key.string }, ["a", "b"])
        let tabbed = try load("{\n\t\"a\": 1\n}")
        XCTAssertEqual(tabbed["a"]?.start, Mark(line: 2, column: 7))
    }

    // MARK: - Scalar resolution

    func testQuotedNumberIsStringButPlainIsInt() throws {
        try assertString("'200'", "200")
        try assertString("\"200\"", "200")
        try assertInt("200", 200)
    }

    func testYAML11BooleansStayStrings() throws {
        for word in ["on", "off", "yes", "no", "y", "n", "Yes", "ON"] {
            try assertString(word, word)
        }
    }

    func testNulls() throws {
        for source in ["~", "null", "Null", "NULL", ""] {
            try assertNull(source)
        }
        try assertString("nULL", "nULL")
        try assertString("'~'", "~")
        try assertString("''", "")
    }

    func testBooleans() throws {
        for source in ["true", "True", "TRUE"] { try assertBool(source, true) }
        for source in ["false", "False", "FALSE"] { try assertBool(source, false) }
        try assertString("tRUE", "tRUE")
        try assertString("'true'", "true")
    }

    func testIntegers() throws {
        try assertInt("0", 0)
        try assertInt("-17", -17)
        try assertInt("+17", 17)
        try assertInt("007", 7)
        try assertInt("0x1F", 31)
        try assertInt("0xff", 255)
        try assertInt("0o17", 15)
        try assertInt("9223372036854775807", Int.max)
        try assertInt("-9223372036854775808", Int.min)
        try assertString("0x", "0x")
        try assertString("0xG", "0xG")
        try assertString("0o8", "0o8")
        try assertString("-0x1F", "-0x1F")
        try assertString("1_000", "1_000")
        try assertString("0b101", "0b101")
        try assertString("1.2.3", "1.2.3")
        try assertString("-x", "-x")
        try assertString("+", "+")
    }

    func testIntegersBeyondInt64AreNumbers() throws {
        try assertNumber("12345678901234567890123")
        try assertNumber("9223372036854775808")
        try assertNumber("-9223372036854775809")
        try assertNumber("0xFFFFFFFFFFFFFFFFFF")
    }

    func testFloats() throws {
        for source in ["1.5", "-1.5", "+0.5", ".5", "1.", "1e10", "1E-3", "-2.5e+3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN"] {
            try assertNumber(source)
        }
        for source in [".", "1e", "e5", ".e5", "1.5e", "-.nan", ".infinity", "1,5"] {
            try assertString(source, source)
        }
    }

    func testBlockScalarsAreStrings() throws {
        let root = try load("a: |\n  200\nb: >\n  true\n")
        XCTAssertEqual(root["a"]?.string, "200\n")
        XCTAssertEqual(root["b"]?.string, "true\n")
    }

    func testStringTagForcesString() throws {
        try assertString("!!str 200", "200")
        try assertString("!!str true", "true")
        try assertString("! 12", "12")
        try assertInt("!!int 12", 12)
    }

    // MARK: - Mappings

    func testMappingOrderIsKept() throws {
        let root = try load("zeta: 1\nalpha: 2\nmid: 3\n200: ok\n")
        XCTAssertEqual(root.mapping?.map { $0.key.scalarText }, ["zeta", "alpha", "mid", "200"])
    }

    func testDuplicateKey() throws {
        let diagnostic = try XCTUnwrap(loadError("""
        paths:
          /a: {}
          /b: {}
          /a: {}
        """))
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.message, "duplicate key '/a'")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "spec.yaml", line: 4, column: 3))
        XCTAssertEqual(diagnostic.note, "first defined at line 2")
        XCTAssertEqual(diagnostic.description, "spec.yaml:4:3: error: duplicate key '/a'\n  note: first defined at line 2")
    }

    func testDuplicateKeyByScalarTextAcrossQuoting() throws {
        let diagnostic = try XCTUnwrap(loadError("200: a\n'200': b\n"))
        XCTAssertEqual(diagnostic.message, "duplicate key '200'")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 2, column: 1))
    }

    func testSameKeyInDifferentMappingsIsFine() throws {
        let root = try load("a: {x: 1}\nb: {x: 2}\n")
        XCTAssertEqual(root.mapping?.count, 2)
    }

    func testNonScalarKey() throws {
        let diagnostic = try XCTUnwrap(loadError("? [1, 2]\n: value\n"))
        XCTAssertEqual(diagnostic.message, "mapping keys must be scalars, found a sequence")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 1, column: 3))
        let mappingKey = try XCTUnwrap(loadError("{{a: 1}: b}"))
        XCTAssertEqual(mappingKey.message, "mapping keys must be scalars, found a mapping")
    }

    // MARK: - Aliases

    func testAliasIsExpanded() throws {
        let root = try load("""
        base: &base
          type: string
          maxLength: 10
        copy: *base
        """)
        let copy = try XCTUnwrap(root["copy"])
        XCTAssertEqual(copy["type"]?.string, "string")
        guard case .int(10) = copy["maxLength"]?.value else { return XCTFail("maxLength not expanded") }
    }

    func testUnknownAnchor() throws {
        let diagnostic = try XCTUnwrap(loadError("a: 1\nb: *nowhere\n"))
        XCTAssertEqual(diagnostic.description, "spec.yaml:2:4: error: unknown anchor 'nowhere'")
    }

    func testSelfReferentialAlias() throws {
        let diagnostic = try XCTUnwrap(loadError("a: &x [*x]\n"))
        XCTAssertEqual(diagnostic.message, "alias '*x' refers to a node that contains it")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 1, column: 8))
    }

    func testBillionLaughsFailsQuickly() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var diagnostic: Diagnostic?
        let elapsed = clock.measure { diagnostic = loadError(text) }
        XCTAssertEqual(diagnostic?.message, "alias expansion exceeds 100000 nodes")
        // Levels 1 to 3 expand 12,330 nodes; the 8th alias of level 4 (11,111 nodes each) trips.
        XCTAssertEqual(diagnostic?.location?.mark, Mark(line: 5, column: 45))
        XCTAssertLessThan(elapsed, .seconds(1))
    }

    func testAliasExpansionLimitIsConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        XCTAssertNoThrow(try load(text, limits: .init(maxAliasExpansion: 8)))
        let diagnostic = try XCTUnwrap(loadError(text, limits: .init(maxAliasExpansion: 7)))
        XCTAssertEqual(diagnostic.message, "alias expansion exceeds 7 nodes")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 2, column: 9))
    }

    // MARK: - Limits

    func testDeepNestingFailsWithoutCrashing() throws {
        let depth = 100_000
        let bytes = Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
        let diagnostic = try XCTUnwrap(loadError(bytes))
        XCTAssertEqual(diagnostic.description, "spec.yaml:1:1001: error: nesting deeper than 1000 levels")
    }

    func testNestingUpToTheLimitLoads() throws {
        let text = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        XCTAssertNoThrow(try load(text))
        XCTAssertNotNil(loadError(text, limits: .init(maxDepth: 999)))
    }

    func testAliasCannotExceedDepthLimit() throws {
        let diagnostic = try XCTUnwrap(loadError("a: &a [[[1]]]\nb: [*a]\n", limits: .init(maxDepth: 4)))
        XCTAssertEqual(diagnostic.message, "nesting deeper than 4 levels")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 2, column: 5))
    }

    func testLargeScalar() throws {
        let big = String(repeating: "x", count: 50_000_000)
        let root = try load("a: \(big)\n")
        XCTAssertEqual(root["a"]?.string?.utf8.count, 50_000_000)
        let diagnostic = try XCTUnwrap(loadError("a: b\nc: \(String(repeating: "y", count: 2_000))\n", limits: .init(maxScalarBytes: 1_000)))
        XCTAssertEqual(diagnostic.description, "spec.yaml:2:4: error: scalar larger than 1000 bytes")
    }

    // MARK: - libyaml errors

    func testTabIndentation() throws {
        let diagnostic = try XCTUnwrap(loadError("info:\n\ttitle: x\n"))
        XCTAssertEqual(diagnostic.description, "spec.yaml:2:1: error: found character that cannot start any token (while scanning for the next token)")
    }

    func testUnclosedQuote() throws {
        let diagnostic = try XCTUnwrap(loadError("a: 1\nb: 'open\nc: 2\n"))
        XCTAssertEqual(diagnostic.message, "found unexpected end of stream (while scanning a quoted scalar)")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "spec.yaml", line: 4, column: 1))
        XCTAssertEqual(diagnostic.note, "started at line 2, column 4")
    }

    func testInvalidUTF8() throws {
        let diagnostic = try XCTUnwrap(loadError(Array("a: ok\nb: x".utf8) + [0xFF, 0x0A]))
        XCTAssertEqual(diagnostic.description, "spec.yaml:2:5: error: invalid leading UTF-8 octet")
        let truncated = try XCTUnwrap(loadError(Array("a: é".utf8).dropLast()))
        XCTAssertEqual(truncated.description, "spec.yaml:1:4: error: incomplete UTF-8 octet sequence")
    }

    func testControlCharacter() throws {
        let diagnostic = try XCTUnwrap(loadError([UInt8(ascii: "a"), UInt8(ascii: ":"), 0x20, 0x00]))
        XCTAssertEqual(diagnostic.description, "spec.yaml:1:4: error: control characters are not allowed")
    }

    func testBadJSON() throws {
        let diagnostic = try XCTUnwrap(loadError(#"{"a": 1 "b": 2}"#))
        XCTAssertEqual(diagnostic.message, "did not find expected ',' or '}' (while parsing a flow mapping)")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 1, column: 12))
        XCTAssertEqual(diagnostic.note, "started at line 1, column 1")
    }

    func testEmptyFile() throws {
        let diagnostic = try XCTUnwrap(loadError([UInt8]()))
        XCTAssertEqual(diagnostic.description, "spec.yaml:1:1: error: the file is empty")
        let comments = try XCTUnwrap(loadError("# nothing here\n\n"))
        XCTAssertEqual(comments.description, "spec.yaml:1:1: error: the file is empty")
    }

    func testExplicitEmptyDocumentIsNull() throws {
        XCTAssertTrue(try load("---\n").isNull)
    }

    func testTwoDocuments() throws {
        let diagnostic = try XCTUnwrap(loadError("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(diagnostic.message, "expected a single document")
        XCTAssertEqual(diagnostic.location?.mark, Mark(line: 2, column: 1))
        XCTAssertNoThrow(try load("---\na: 1\n...\n"))
    }

    /// Random bytes from YAML's punctuation (seeded: the same inputs every run) end in a tree
    /// or in exactly one located error, and some of each happen (so the check is not vacuous).
    func testGarbageEndsInATreeOrOneLocatedError() {
        var generator = SplitMix64(seed: 0x9A7B_A6E5)
        let alphabet = Array("[]{}:,-?&*!|>'\"#%@` \t\n\r\u{0}az09.~".utf8) + [0xC3, 0xFF, 0x80, 0xE2, 0x80, 0xA8]
        var loaded = 0, refused = 0
        for index in 0..<2_000 {
            let count = Int.random(in: 0..<64, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            do {
                _ = try YAMLLoader().load(bytes, file: "fuzz.yaml")
                loaded += 1
            } catch {
                refused += 1
                XCTAssertEqual(error.diagnostics.count, 1, "input \(index): \(bytes)")
                for diagnostic in error.diagnostics {
                    XCTAssertEqual(diagnostic.location?.file, "fuzz.yaml", "input \(index): \(bytes): \(diagnostic)")
                    XCTAssertGreaterThan(diagnostic.location?.mark.line ?? 0, 0, "input \(index): \(diagnostic)")
                }
            }
        }
        XCTAssertGreaterThan(loaded, 20, "too few inputs load for the test to mean much")
        XCTAssertGreaterThan(refused, 20, "too few inputs are refused for the test to mean much")
    }
}
