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
    /// `{{$name}}…{{/name}}`: its content, unless the caller of a parent being rendered gave
    /// content of its own for `name`.
    case block(String, TemplateBlock)
    /// `{{<name}}…{{/name}}`: template `name` rendered like a partial, with the blocks given
    /// here (only those; other content inside the tag is ignored) in place of its own.
    case parent(String, overrides: [String: TemplateBlock], indentation: String)
}

/// The content of a `{{$name}}` block.
struct TemplateBlock: Sendable {
    var nodes: [TemplateNode]
    /// What starts each line of content written in the block's place instead of its own: when
    /// the opening tag stands alone on its line, the indentation of the block's own content
    /// (or, with no content, of the tag); else nothing.
    var indentation: String
    /// The indentation that all lines of the content share, when the opening tag stands alone
    /// on its line; `nil` when it does not. A block given to a parent drops it (the spec's
    /// "block indentation is removed at the site of definition").
    var contentIndentation: String?
}

/// A tag's name, split on `.` once when the template is compiled.
struct TemplateName: Sendable, Equatable {
    /// Empty for `{{.}}`, the value on top of the stack.
    let parts: [String]
    /// Whether the first part is looked up through the whole stack, innermost first (`a.b`),
    /// or only in the top context (`.a`, as swift-mustache allowed).
    let searchesStack: Bool
}
