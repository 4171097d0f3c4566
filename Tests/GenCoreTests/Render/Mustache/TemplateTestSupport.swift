@testable import GenCore
import XCTest

/// A context whose keys are given as a dictionary, for tests of the engine alone.
struct TestContext: TemplateContext, ExpressibleByDictionaryLiteral {
    var values: [String: TemplateValue]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        values = Dictionary(uniqueKeysWithValues: elements)
    }

    func value(for key: String) -> TemplateValue? {
        values[key]
    }
}

/// Compiles `template` and `partials` into one library and renders `template` with `context`.
func render(_ template: String, _ context: TestContext = [:], partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    library.register(try Template(template), named: "main")
    for (name, source) in partials {
        library.register(try Template(source), named: name)
    }
    return try XCTUnwrap(library.render("main", with: context))
}

/// The syntax error `template` is rejected with.
func syntaxError(_ template: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateSyntaxError? {
    do {
        _ = try Template(template)
        XCTFail("the template compiled: \(template)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}
