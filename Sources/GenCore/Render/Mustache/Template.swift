/// A Mustache template compiled once into a tree: whitespace of standalone lines already
/// removed, names already split, escaping already decided for each tag.
struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Compiles `source`; a syntax error carries its 1-based line and column.
    init(_ source: String) throws(TemplateSyntaxError) {
        nodes = try TemplateTreeBuilder(source: source).build()
    }
}

/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Template text, written as it is.
    case text(String)
    /// `{{name}}` (escaped unless the template chose `CONTENT_TYPE: TEXT`), `{{{name}}}`, `{{&name}}`.
    case variable(TemplateName, escapesHTML: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}`, looked up in the library when rendered. A partial alone on its line is
    /// indented by the whitespace before it, every line of it.
    case partial(String, indentation: String)
}

/// A tag's name, split on `.` once when the template is compiled.
struct TemplateName: Sendable, Equatable {
    /// Empty for `{{.}}`, the value on top of the stack.
    let parts: [String]
    /// Whether the first part is looked up through the whole stack, innermost first (`a.b`),
    /// or only in the top context (`.a`, as swift-mustache allowed).
    let searchesStack: Bool
}
