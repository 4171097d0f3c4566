@testable import GenCore
import XCTest

/// Standalone lines, comments, set delimiters and the indentation of partials.
final class TemplateWhitespaceTests: XCTestCase {
    private let yes: TestContext = ["yes": .bool(true), "no": .bool(false), "name": .text("n")]

    // MARK: - Standalone lines

    func testSectionTagsAloneOnTheirLinesLeaveNoLine() throws {
        XCTAssertEqual(try render("a\n{{#yes}}\n  b\n{{/yes}}\nc\n", yes), "a\n  b\nc\n")
        XCTAssertEqual(try render("a\n  {{#no}}  \n  b\n\t{{/no}}\nc\n", yes), "a\nc\n")
        XCTAssertEqual(try render("a\n  {{^no}}\n  b\n  {{/no}}\nc\n", yes), "a\n  b\nc\n")
    }

    func testStandaloneLinesWithCRLFAndAtTheEnd() throws {
        XCTAssertEqual(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", yes), "a\r\nb\r\n")
        XCTAssertEqual(try render("{{#yes}}\nb\n  {{/yes}}", yes), "b\n", "the last line has no newline")
        XCTAssertEqual(try render("{{#yes}}\nb\n{{/yes}}  ", yes), "b\n  ", "spaces after it keep a last line without newline")
    }

    func testTagsSharingALineAreNotStandalone() throws {
        XCTAssertEqual(try render("  {{#yes}}x{{/yes}}\n", yes), "  x\n")
        XCTAssertEqual(try render("{{#yes}}{{/yes}}\n", yes), "\n", "two tags on one line")
        XCTAssertEqual(try render("  {{name}}\n", yes), "  n\n", "a variable is never standalone")
        XCTAssertEqual(try render("x {{#yes}}\ny{{/yes}} z\n", yes), "x \ny z\n")
    }

    func testComments() throws {
        XCTAssertEqual(try render("a{{! note }}b\n", yes), "ab\n")
        XCTAssertEqual(try render("a\n  {{! a whole line }}\nb\n", yes), "a\nb\n")
        XCTAssertEqual(try render("a\n{{! spans\n  two lines }}\nb\n", yes), "a\nb\n")
        XCTAssertEqual(try render("  {{! before text }} x\n", yes), "   x\n")
    }

    func testPragmaAloneOnTheFirstLineLeavesNoLine() throws {
        XCTAssertEqual(try render("{{% CONTENT_TYPE: TEXT}}\n{{name}}\n", yes), "n\n")
    }

    // MARK: - Set delimiters

    func testSetDelimiters() throws {
        let template = "{{name}}\n{{=<% %>=}}\n<%name%> {{name}} <%{name}%> <%&name%>\n<%={{ }}=%>\n{{name}}"
        XCTAssertEqual(try render(template, ["name": .text("<n>")]), "&lt;n&gt;\n&lt;n&gt; {{name}} <n> <n>\n&lt;n&gt;")
        XCTAssertEqual(try render("{{= | | =}}|#yes|[|name|]|/yes|", yes), "[n]")
        XCTAssertEqual(try render("{{=[ ]=}}\n[#yes]\n  [> part]\n[/yes]\n", yes, partials: ["part": "{{name}}\n"]), "  n\n",
                       "a partial keeps the default delimiters")
    }

    // MARK: - Partial indentation

    /// Every line but an empty one: indentation alone would be trailing whitespace.
    func testStandalonePartialIndentsEveryLineButEmptyOnes() throws {
        let partials = ["part": "first {{name}}\n\nlast\n"]
        XCTAssertEqual(try render("a\n    {{> part}}\nb\n", yes, partials: partials), "a\n    first n\n\n    last\nb\n")
        XCTAssertEqual(try render("a {{> part}}b\n", yes, partials: partials), "a first n\n\nlast\nb\n", "not standalone: no indentation")
    }

    func testIndentationReachesLinesThatSectionsRepeat() throws {
        // swift-mustache 2.1.1 left the lines that begin a second iteration unindented.
        let context: TestContext = ["items": .list(["a", "b"])]
        let partials = ["list": "{{#items}}\n- {{.}}\n{{/items}}\n"]
        XCTAssertEqual(try render("  {{> list}}\n", context, partials: partials), "  - a\n  - b\n")
    }

    func testIndentationOfNestedPartialsAddsUp() throws {
        let partials = ["outer": "o\n  {{> inner}}\n", "inner": "i1\ni2\n"]
        XCTAssertEqual(try render("\t{{> outer}}\n", yes, partials: partials), "\to\n\t  i1\n\t  i2\n")
    }

    func testValuesAreNotIndentedAtTheirOwnNewlines() throws {
        let partials = ["part": "{{{body}}}\nend\n"]
        XCTAssertEqual(try render("  {{> part}}\n", ["body": .text("x\ny")], partials: partials), "  x\ny\n  end\n")
    }

    func testAPartialThatWritesNothingWritesNoIndentation() throws {
        // swift-mustache wrote the whitespace anyway, which moved the next line: an empty models
        // file's `extension NAME {` then closed with an indented `}`.
        XCTAssertEqual(try render("a\n  {{> empty}}\nb\n", yes, partials: ["empty": "{{#no}}x{{/no}}"]), "a\nb\n")
        XCTAssertEqual(try render("a {\n    {{> empty}}\n}\n", yes, partials: ["empty": ""]), "a {\n}\n")
    }

    func testWhitespaceEndingTheTemplateWithoutANewlineIsDropped() throws {
        // As swift-mustache had it; what follows a tag on that line stays.
        XCTAssertEqual(try render("a\n  ", yes), "a\n")
        XCTAssertEqual(try render("a\n  {{! note }}", yes), "a\n")
        XCTAssertEqual(try render("a\n{{! note }}  ", yes), "a\n  ")
    }
}
