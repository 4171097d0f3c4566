@testable import GenCore
import XCTest

/// What the engine refuses to compile, and where it says the problem is (1-based line:column).
final class TemplateSyntaxErrorTests: XCTestCase {
    private func assertError(_ template: String, _ message: String, line: Int, column: Int,
                             file: StaticString = #filePath, sourceLine: UInt = #line) {
        guard let error = syntaxError(template, file: file, line: sourceLine) else { return }
        XCTAssertEqual(error.message, message, file: file, line: sourceLine)
        XCTAssertEqual("\(error.line):\(error.column)", "\(line):\(column)", file: file, line: sourceLine)
    }

    func testSections() {
        assertError("a\n  {{#types}}\n{{name}}\n", "section 'types' opened by '{{#types}}' is never closed", line: 2, column: 3)
        assertError("{{% CONTENT_TYPE: TEXT}}\n// fine\n{{#access}} x {{/headerLines}}\n",
                    "'{{/headerLines}}' does not close the open section '{{#access}}' (line 3, column 1)", line: 3, column: 15)
        assertError("x\n{{/types}}", "'{{/types}}' closes no open section", line: 2, column: 1)
        assertError(String(repeating: "{{#a}}", count: 101), "sections are nested more than 100 deep", line: 1, column: 601)
    }

    func testTags() {
        assertError("ok\nhé {{name", "'{{' has no closing '}}'", line: 2, column: 4)
        assertError("{{{name}}", "'{{{' has no closing '}}}'", line: 1, column: 1)
        assertError("{{ }}", "'{{ }}' has no name", line: 1, column: 1)
        assertError("{{a b}}", "'{{a b}}': a name is made of letters, digits and '_', '-', '?', '*', joined by '.'", line: 1, column: 1)
        assertError("{{#a..b}}{{/a..b}}", "'{{#a..b}}': a dotted name has an empty part", line: 1, column: 1)
        assertError("{{>}}", "'{{>}}' names no partial", line: 1, column: 1)
        assertError("{{> my banner}}", "'{{> my banner}}': a partial's name is made of letters, digits and '_', '-', '?', '*', '.', '/'",
                    line: 1, column: 1)
        assertError("a {{#items}\n{{name}}", "'{{' is not closed before the next one", line: 1, column: 3)
    }

    func testUnsupportedFeaturesAreRefusedRatherThanMisrendered() {
        assertError("{{uppercased(name)}}", "'{{uppercased(name)}}': transforms such as 'uppercased(name)' are not supported", line: 1, column: 1)
        assertError("{{>*dynamic}}", "'{{>*dynamic}}': dynamic partial names are not supported", line: 1, column: 1)
    }

    func testParentsAndBlocks() {
        assertError("{{<builtin/client}}\n{{$docs}}x{{/docs}}\n", "section 'builtin/client' opened by '{{<builtin/client}}' is never closed",
                    line: 1, column: 1)
        assertError("{{$docs}}\nx\n{{/doc}}", "'{{/doc}}' does not close the open section '{{$docs}}' (line 1, column 1)", line: 3, column: 1)
        assertError("{{$}}{{/}}", "'{{$}}' names no block", line: 1, column: 1)
        assertError("{{< my parent}}", "'{{< my parent}}': a parent's name is made of letters, digits and '_', '-', '?', '*', '.', '/'",
                    line: 1, column: 1)
        assertError("{{<*dynamic}}{{/*dynamic}}", "'{{<*dynamic}}': dynamic parent names are not supported", line: 1, column: 1)
    }

    func testPragmasAndDelimiters() {
        let pragmas = "only '{{% CONTENT_TYPE: TEXT}}' and '{{% CONTENT_TYPE: HTML}}' are supported"
        assertError("{{% CONTENT_TYPE: JSON}}", "unknown pragma '{{% CONTENT_TYPE: JSON}}': " + pragmas, line: 1, column: 1)
        assertError("\n {{%FILTERS}}", "unknown pragma '{{%FILTERS}}': " + pragmas, line: 2, column: 2)
        assertError("{{=<%=}}", "'{{=<%=}}' does not set two delimiters, as in '{{=<% %>=}}'", line: 1, column: 1)
        assertError("{{=<% %>}}", "'{{=' has no closing '=}}'", line: 1, column: 1)
        assertError("{{=<% % %>=}}", "'{{=<% % %>=}}' does not set two delimiters, as in '{{=<% %>=}}'", line: 1, column: 1)
        assertError("{{=<% %>=}}\n<%#a%>", "section 'a' opened by '<%#a%>' is never closed", line: 2, column: 1)
    }
}
