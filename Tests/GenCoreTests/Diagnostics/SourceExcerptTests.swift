import GenCore
import XCTest

/// The source line under a diagnostic: whole when short, else a window around the column.
final class SourceExcerptTests: XCTestCase {
    func testShortLineIsShownWholeWithTheCaretUnderTheColumn() {
        XCTAssertEqual(SourceExcerpt.lines("paths: []", column: 8), "paths: []\n       ^")
        XCTAssertEqual(SourceExcerpt.lines("\tkey: x\r", column: 3), "\tkey: x\n\t ^", "tabs kept, CR dropped")
    }

    func testLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "a", count: 1000) + "TARGET" + String(repeating: "b", count: 1000)
        let excerpt = SourceExcerpt.lines(line, column: 1001).split(separator: "\n").map(String.init)
        XCTAssertEqual(excerpt.count, 2)
        let source = excerpt[0], caret = excerpt[1]
        XCTAssertTrue(source.hasPrefix("…a") && source.hasSuffix("b…"), source)
        XCTAssertEqual(source.count, SourceExcerpt.width + 2)
        XCTAssertEqual(Array(source)[caret.count - 1], "T", "the caret is under the column")
    }

    func testColumnsNearEitherEndKeepThatEnd() {
        let line = String(repeating: "0123456789", count: 100)
        let start = SourceExcerpt.lines(line, column: 5).split(separator: "\n").map(String.init)
        XCTAssertTrue(start[0].hasPrefix("0123") && start[0].hasSuffix("…"))
        XCTAssertEqual(start[1], "    ^")
        let end = SourceExcerpt.lines(line, column: 1000).split(separator: "\n").map(String.init)
        XCTAssertTrue(end[0].hasPrefix("…") && end[0].hasSuffix("789"))
        XCTAssertEqual(Array(end[0])[end[1].count - 1], "9")
        // A column past the end (an unexpected end of file) puts the caret after the text.
        let past = SourceExcerpt.lines(line, column: 1001).split(separator: "\n").map(String.init)
        XCTAssertEqual(past[1].count, past[0].count + 1)
    }

    /// Columns count Unicode scalars, as marks do; the window does too.
    func testWindowCountsUnicodeScalars() {
        let line = String(repeating: "é", count: 300) + "X" + String(repeating: "ü", count: 300)
        let excerpt = SourceExcerpt.lines(line, column: 301).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(excerpt[0].unicodeScalars)[excerpt[1].unicodeScalars.count - 1], "X")
    }
}
