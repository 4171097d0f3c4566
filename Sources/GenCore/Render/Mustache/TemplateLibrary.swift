/// The compiled templates of a run, by name; each can include any other as a partial.
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    func template(named name: String) -> Template? {
        templates[name]
    }

    /// The text of template `name` rendered with `context`; `nil` when there is no such template.
    func render(_ name: String, with context: any TemplateContext) throws(TemplateRenderError) -> String? {
        guard let template = templates[name] else { return nil }
        var rendering = TemplateRendering(library: self, context: context)
        try rendering.render(template.nodes, indentation: "")
        return rendering.output
    }
}

/// A render that cannot finish: partials that include each other without end.
struct TemplateRenderError: Error {
    var message: String
}
