import Foundation

/// The Mustache templates of one run: the built-in ones from `Templates/`, with any of them
/// replaced (or new partials added) by the `.mustache` files of a user's folder.
struct TemplateSet {
    /// Template name → source text.
    private(set) var sources: [String: String]

    /// The templates compiled into the tool (from `Templates/`, see Scripts/embed-templates).
    static let builtIn: [String: String] = BuiltInTemplates.sources

    init(overridesDirectory: String?) throws(DiagnosticsError) {
        sources = Self.builtIn
        guard let directory = overridesDirectory else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DiagnosticsError(.error("cannot read the templates folder '\(directory)'", at: nil))
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticsError(.error("cannot read template '\(path)'", at: nil))
            }
            sources[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
    }

    /// Templates a user added whose name ends in `.swift` (file `Foo.swift.mustache`): each
    /// renders one more output file of that name, with the client's context.
    var extraOutputTemplates: [String] {
        sources.keys.filter { $0.hasSuffix(".swift") && Self.builtIn[$0] == nil }.sorted()
    }

    /// What a user's template names a built-in template by, whether or not a template of the
    /// user's folder replaces it: `builtin/client`. A `client.mustache` of the user's that
    /// changes only some blocks of the built-in one is `{{<builtin/client}}…{{/builtin/client}}`
    /// (`{{<client}}` would be itself).
    static func builtInName(_ name: String) -> String {
        "builtin/" + name
    }

    /// Compiles every template; a syntax error names the template file and its line and column.
    /// Each built-in template is also there as `builtInName(name)`.
    func library(templatesDirectory: String?) throws(DiagnosticsError) -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, source) in Self.builtIn.sorted(by: { $0.key < $1.key }) {
            let template = try Self.compile(source, file: "Templates/" + name + ".mustache")
            library.register(template, named: Self.builtInName(name))
            if sources[name] == source { library.register(template, named: name) }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) where Self.builtIn[name] != source {
            let file = (templatesDirectory.map { $0 + "/" } ?? "Templates/") + name + ".mustache"
            library.register(try Self.compile(source, file: file), named: name)
        }
        return library
    }

    private static func compile(_ source: String, file: String) throws(DiagnosticsError) -> Template {
        do {
            return try Template(source)
        } catch {
            throw DiagnosticsError(.error("template syntax error: \(error.message)",
                                          at: SourceLocation(file: file, line: error.line, column: error.column)))
        }
    }
}
