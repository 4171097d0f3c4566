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

    /// Random templates of parents, blocks, sections, partials, text, spaces and line ends
    /// (seeded: the same every run) either compile or give a located syntax error, and those
    /// that compile render or stop with a render error; some of each happen.
    func testRandomInheritanceTemplatesCompileOrFailCleanly() {
        var generator = SplitMix64(seed: 0x1B10C5)
        let pieces = ["{{<p}}", "{{/p}}", "{{$a}}", "{{/a}}", "{{$b}}", "{{/b}}", "{{#s}}", "{{/s}}", "{{> p}}",
                      "{{x}}", "x", " ", "  ", "\t", "\n", "\r\n", "{{! c }}",
                      // Balanced pieces, so that many templates compile.
                      "{{$a}}\n  x\n{{/a}}", "{{<p}}{{$b}}\n y{{/b}}{{/p}}", "{{#s}}\n{{$b}}z{{/b}}\n{{/s}}", "  {{<p}}{{/p}}\n",
                      "{{<p}}\n{{$a}}\n\tq\n  {{> p}}\n{{/a}}\n{{/p}}", "\t{{$a}}{{/a}}\n"]
        var compiled = 0, refused = 0
        for index in 0..<3_000 {
            let sources = (0..<2).map { _ in
                (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            }
            var library = TemplateLibrary()
            do {
                library.register(try Template(sources[0]), named: "main")
                library.register(try Template(sources[1]), named: "p")
                compiled += 1
            } catch {
                refused += 1
                XCTAssertGreaterThan(error.line, 0, "input \(index): \(sources)")
                XCTAssertGreaterThan(error.column, 0, "input \(index): \(sources)")
                continue
            }
            let context: TestContext = ["s": .bool(true), "x": .text("v")]
            _ = try? library.render("main", with: context)
        }
        XCTAssertGreaterThan(compiled, 150, "too few random templates compile for the test to mean much")
        XCTAssertGreaterThan(refused, 300, "too few random templates are refused for the test to mean much")
    }
}
