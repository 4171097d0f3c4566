@testable import GenCore
import XCTest

/// Parents and blocks (the spec's optional inheritance module; Scripts/mustache-spec-check runs
/// its tests): what the built-in templates and users' overrides rely on.
final class TemplateInheritanceTests: XCTestCase {
    func testABlockRendersItsContentUnlessAParentIsGivenOther() throws {
        let parent = "{{% CONTENT_TYPE: TEXT}}\n/// {{$docs}}{{name}} docs{{/docs}}\nstruct {{name}}: {{$conformances}}Codable{{/conformances}} {}\n"
        XCTAssertEqual(try render("{{> parent}}", ["name": .text("Pet")], partials: ["parent": parent]),
                       "/// Pet docs\nstruct Pet: Codable {}\n")
        XCTAssertEqual(try render("{{<parent}}{{$conformances}}Codable, Identifiable{{/conformances}}{{/parent}}",
                                  ["name": .text("Pet")], partials: ["parent": parent]),
                       "/// Pet docs\nstruct Pet: Codable, Identifiable {}\n")
    }

    func testStandaloneBlockTagsLeaveTheOutputAsItWas() throws {
        let body = "{{#items}}\n\n    {{.}}\n  \n{{/items}}\n"
        let items: TestContext = ["items": .list(["a", "b"])]
        XCTAssertEqual(try render("x\n{{$list}}\n" + body + "{{/list}}\ny\n", items), try render("x\n" + body + "y\n", items))
    }

    /// A block given to a parent loses its own indentation and takes that of the block it
    /// replaces, in the partials the parent includes too.
    func testAGivenBlockIsIndentedLikeTheBlockItReplaces() throws {
        let partials = [
            "client": "struct Client {\n{{> operation}}\n}\n",
            "operation": "    {{$docs}}\n    /// Default.\n    {{/docs}}\n    func run() {}\n",
        ]
        let child = "{{<client}}\n{{$docs}}\n/// One.\n///\n/// Two.\n{{/docs}}\n{{/client}}\n"
        XCTAssertEqual(try render(child, partials: partials),
                       "struct Client {\n    /// One.\n    ///\n    /// Two.\n    func run() {}\n}\n")
    }

    func testTheOutermostGivenBlockWins() throws {
        let partials = ["middle": "{{<inner}}{{$a}}middle{{/a}}{{/inner}}", "inner": "[{{$a}}inner{{/a}}]"]
        XCTAssertEqual(try render("{{<middle}}{{$a}}outer{{/a}}{{/middle}}", partials: partials), "[outer]")
        XCTAssertEqual(try render("{{<middle}}{{/middle}}", partials: partials), "[middle]")
    }

    /// A given block is rendered where the parent's block stands, with the values there.
    func testAGivenBlockSeesTheValuesWhereItIsWritten() throws {
        let context: TestContext = ["name": .text("outer"), "types": .list([["name": .text("Pet")] as TestContext])]
        XCTAssertEqual(try render("{{<parent}}{{$each}}<{{name}}>{{/each}}{{/parent}}", context,
                                  partials: ["parent": "{{#types}}{{$each}}{{/each}}{{/types}}"]),
                       "<Pet>")
    }

    func testAParentThatIncludesItselfIsAnErrorNotACrash() {
        var library = TemplateLibrary()
        XCTAssertNoThrow(library.register(try Template("{{<loop}}{{$a}}x{{/a}}{{/loop}}"), named: "loop"))
        XCTAssertThrowsError(try library.render("loop", with: [:] as TestContext)) { error in
            XCTAssertEqual((error as? TemplateRenderError)?.message, "partials are nested more than 64 deep: does 'loop' include itself?")
        }
    }
}
