@testable import GenCore
import XCTest

/// Values, sections and lookups of the template engine (Render/Mustache).
final class TemplateRenderingTests: XCTestCase {
    private let text = "{{% CONTENT_TYPE: TEXT}}\n"

    // MARK: - Interpolation

    func testInterpolationWritesTextAndBooleans() throws {
        let context: TestContext = ["name": .text("Pet"), "yes": .bool(true), "no": .bool(false)]
        XCTAssertEqual(try render("struct {{name}} {{yes}}/{{no}}", context), "struct Pet true/false")
        XCTAssertEqual(try render("{{ name }}|{{{ name }}}|{{& name }}", context), "Pet|Pet|Pet")
    }

    func testMissingKeysListsAndContextsWriteNothing() throws {
        let context: TestContext = ["list": .list(["a"]), "inner": .context(["x": .text("1")] as TestContext)]
        XCTAssertEqual(try render("[{{missing}}][{{list}}][{{inner}}][{{.}}][{{missing.x}}]", context), "[][][][][]")
    }

    // MARK: - Escaping

    func testVariablesEscapeHTMLUnlessTheTemplateIsText() throws {
        let context: TestContext = ["code": .text(#"a < b && c > "d" 'e'"#)]
        XCTAssertEqual(try render("{{code}}", context), "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
        XCTAssertEqual(try render("{{{code}}}|{{&code}}", context), #"a < b && c > "d" 'e'|a < b && c > "d" 'e'"#)
        XCTAssertEqual(try render(text + "{{code}}", context), #"a < b && c > "d" 'e'"#)
        XCTAssertEqual(try render("{{code}}{{%CONTENT_TYPE:TEXT}}{{code}}{{% CONTENT_TYPE: HTML }}{{code}}", ["code": .text("<")]),
                       "&lt;<&lt;")
        XCTAssertEqual(try render("<&>", [:]), "<&>", "template text is never escaped")
    }

    func testContentTypeHoldsToTheEndOfItsSectionAndNotInPartials() throws {
        let context: TestContext = ["code": .text("<"), "on": .bool(true)]
        XCTAssertEqual(try render("{{#on}}{{code}}{{% CONTENT_TYPE: TEXT}}{{code}}{{/on}}{{code}}", context), "&lt;<&lt;")
        XCTAssertEqual(try render(text + "{{code}}{{> part}}", context, partials: ["part": "{{code}}"]), "<&lt;")
    }

    // MARK: - Sections

    func testSectionOverBooleans() throws {
        let context: TestContext = ["yes": .bool(true), "no": .bool(false), "name": .text("n")]
        XCTAssertEqual(try render("{{#yes}}[{{name}}]{{/yes}}{{#no}}never{{/no}}", context), "[n]")
        XCTAssertEqual(try render("{{^yes}}never{{/yes}}{{^no}}[{{name}}]{{/no}}", context), "[n]")
    }

    func testSectionOverListsRendersOncePerElement() throws {
        let people: [TestContext] = [["name": .text("Ann")], ["name": .text("Bo")]]
        let context: TestContext = ["lines": .list(["a", "b", "c"]), "people": .list(people), "none": .list([String]())]
        XCTAssertEqual(try render("{{#lines}}<{{.}}>{{/lines}}", context), "<a><b><c>")
        XCTAssertEqual(try render("{{#people}}{{name}},{{/people}}", context), "Ann,Bo,")
        XCTAssertEqual(try render("{{#none}}never{{/none}}{{^none}}empty{{/none}}{{^people}}never{{/people}}", context), "empty")
    }

    func testSectionOverTextRendersEvenWhenItIsEmpty() throws {
        // swift-mustache's rule, which user templates may rely on: only `false`, an empty list
        // and a missing key are falsey.
        let context: TestContext = ["full": .text("x"), "empty": .text("")]
        XCTAssertEqual(try render("{{#full}}[{{.}}]{{/full}}{{#empty}}[{{.}}]{{/empty}}", context), "[x][]")
        XCTAssertEqual(try render("{{^full}}no{{/full}}{{^empty}}no{{/empty}}{{^missing}}missing{{/missing}}", context), "missing")
    }

    func testSectionOverAContextPushesIt() throws {
        let context: TestContext = ["server": .context(["url": .text("https://a")] as TestContext), "url": .text("outer")]
        XCTAssertEqual(try render(text + "{{#server}}{{url}}{{/server}} {{url}}", context), "https://a outer")
        XCTAssertEqual(try render("{{^server}}never{{/server}}", context), "")
    }

    func testNestedSections() throws {
        let types: [TestContext] = [
            ["name": .text("A"), "props": .list([["p": .text("x")], ["p": .text("y")]] as [TestContext])],
            ["name": .text("B"), "props": .list([TestContext]())],
        ]
        let template = "{{#types}}{{name}}({{#props}}{{p}}{{/props}}{{^props}}-{{/props}}){{/types}}"
        XCTAssertEqual(try render(template, ["types": .list(types)]), "A(xy)B(-)")
    }

    // MARK: - Lookup

    func testNamesAreLookedUpThroughEnclosingContextsInnermostFirst() throws {
        let inner: TestContext = ["name": .text("inner")]
        let context: TestContext = ["access": .text("public"), "name": .text("outer"), "items": .list([inner])]
        XCTAssertEqual(try render("{{#items}}{{access}} {{name}}{{/items}}", context), "public inner")
    }

    func testBooleanSectionsDoNotChangeTheCurrentValue() throws {
        XCTAssertEqual(try render("{{#lines}}{{#on}}{{.}}{{/on}}{{/lines}}", ["lines": .list(["a", "b"]), "on": .bool(true)]), "ab")
    }

    func testDottedNames() throws {
        let c: TestContext = ["value": .text("deep")]
        let b: TestContext = ["c": .context(c)]
        let context: TestContext = ["a": .context(["b": .context(b)] as TestContext), "value": .text("top")]
        XCTAssertEqual(try render("{{a.b.c.value}}|{{#a.b}}{{c.value}}{{/a.b}}|{{^a.b.x}}none{{/a.b.x}}", context), "deep|deep|none")
        // Only the first part climbs the stack: `a.b.value` is not found, even though `value` is.
        XCTAssertEqual(try render("[{{a.b.value}}]", context), "[]")
        XCTAssertEqual(try render("[{{name.x}}]", ["name": .text("n")]), "[]", "text has no keys")
    }

    func testLeadingDotLooksOnlyAtTheCurrentContext() throws {
        let context: TestContext = ["outer": .text("o"), "items": .list([["own": .text("i")]] as [TestContext])]
        XCTAssertEqual(try render("{{#items}}[{{.own}}][{{.outer}}][{{outer}}]{{/items}}", context), "[i][][o]")
    }

    // MARK: - Partials

    func testPartialsRenderWithTheCurrentContext() throws {
        let context: TestContext = ["items": .list([["name": .text("a")], ["name": .text("b")]] as [TestContext])]
        XCTAssertEqual(try render("{{#items}}{{>item}}{{/items}}", context, partials: ["item": "<{{name}}>"]), "<a><b>")
        XCTAssertEqual(try render("[{{> missing}}]", context), "[]", "a missing partial renders as nothing")
    }

    func testPartialsThatIncludeThemselvesForeverAreAnError() throws {
        var library = TemplateLibrary()
        library.register(try Template("x{{> loop}}"), named: "loop")
        XCTAssertThrowsError(try library.render("loop", with: [:] as TestContext)) { error in
            XCTAssertTrue((error as? TemplateRenderError)?.message.contains("'loop' include itself") == true, "\(error)")
        }
        XCTAssertNil(try library.render("none", with: [:] as TestContext))
    }
}
