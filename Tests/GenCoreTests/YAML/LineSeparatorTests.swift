import XCTest
@testable import GenCore

/// U+2028, U+2029 and U+0085 are ordinary characters in YAML 1.2 and JSON; libyaml (YAML 1.1)
/// breaks lines at them unless the loader shields them.
final class LineSeparatorTests: XCTestCase {
    private func load(_ text: String) throws -> YAMLNode {
        try YAMLLoader().load(Array(text.utf8), file: "spec.json")
    }

    func testJSONKeysKeepRawSeparators() throws {
        let root = try load("{\"a\u{2028}b\": 1, \"c\u{2029}d\": 2, \"e\u{85}f\": 3}")
        XCTAssertEqual(root.mapping?.map { $0.key.scalarText }, ["a\u{2028}b", "c\u{2029}d", "e\u{85}f"])
    }

    func testJSONAndYAMLValuesKeepRawSeparators() throws {
        let json = try load("{\"summary\": \"one\u{2028}two\u{2029}three\u{85}four\"}")
        XCTAssertEqual(json["summary"]?.scalarText, "one\u{2028}two\u{2029}three\u{85}four")
        let plain = try load("summary: one\u{2028}two\ndescription: 'x\u{85}y'\n")
        XCTAssertEqual(plain["summary"]?.scalarText, "one\u{2028}two")
        XCTAssertEqual(plain["description"]?.scalarText, "x\u{85}y")
    }

    /// The shield swaps one character for one, so marks after a separator stay right.
    func testMarksCountSeparatorsAsOneColumn() throws {
        let root = try load("{\"a\u{2028}b\": {\"c\": 1}}\n")
        let inner = try XCTUnwrap(root["a\u{2028}b"]?["c"])
        XCTAssertEqual(inner.start, Mark(line: 1, column: 15))
        let yaml = try load("k: a\u{2029}b\nnext: 2\n")
        XCTAssertEqual(yaml["next"]?.start, Mark(line: 2, column: 7))
    }

    /// A document that already holds the noncharacters the shield prefers keeps them as they are.
    func testNoncharactersInTheInputSurvive() throws {
        // Swift's lexer refuses noncharacters in literals, so they are built from scalars.
        let stand = (0xFDD0...0xFDD2).map { String(Unicode.Scalar($0)!) }.joined()
        let root = try load("{\"\(stand)\": \"x\u{2028}\(stand)\"}")
        XCTAssertEqual(root.mapping?.first?.key.scalarText, stand)
        XCTAssertEqual(root[stand]?.scalarText, "x\u{2028}" + stand)
    }

    /// Other characters with the same lead bytes (`€` is E2 82 AC, `¢` is C2 A2) come before the
    /// separators here: the scan must look past them.
    func testSeparatorsAfterLookalikeLeadBytesAreFound() throws {
        let root = try load("{\"€¢\": \"a\u{2028}b\", \"c\": \"¢\u{85}\"}")
        XCTAssertEqual(root["€¢"]?.scalarText, "a\u{2028}b")
        XCTAssertEqual(root["c"]?.scalarText, "¢\u{85}")
    }
}
