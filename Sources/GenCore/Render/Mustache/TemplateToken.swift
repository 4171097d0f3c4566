/// One token of a template's source: a run of text or a tag.
struct TemplateToken {
    enum Kind {
        /// Text that ends with its line's newline, or before a tag, or at the end.
        case text
        case tag(TemplateTag)
    }

    var kind: Kind
    /// The token's bytes in the source; a tag's run from its opening delimiter to its closing one.
    var range: Range<Int>
}

/// A tag, its syntax already checked.
enum TemplateTag {
    /// `{{name}}` escapes (when the template's content type is HTML); `{{{name}}}` and `{{&name}}` do not.
    case variable(TemplateName, escapes: Bool)
    /// `{{#name}}` or `{{^name}}`; `spelling` is the name as written, which the closing tag repeats.
    case sectionStart(TemplateName, spelling: String, inverted: Bool)
    case sectionEnd(spelling: String)
    case partial(String)
    /// `{{<name}}`: template `name`, with the blocks up to its closing tag overridden.
    case parentStart(String)
    /// `{{$name}}`: a block, whose content up to its closing tag a parent's caller may replace.
    case blockStart(String)
    case comment
    /// `{{=<% %>=}}`: the scanner has already switched to the new delimiters.
    case delimiters
    /// `{{% CONTENT_TYPE: TEXT}}` (false) or `{{% CONTENT_TYPE: HTML}}` (true).
    case contentType(escapesHTML: Bool)

    /// Whether the tag leaves no trace on a line of its own: the spec's "standalone" tags.
    var canStandAlone: Bool {
        if case .variable = self { false } else { true }
    }

    /// The name as written, which the closing tag repeats; `nil` for a tag that opens nothing.
    var openedSpelling: String? {
        switch self {
        case .sectionStart(_, let spelling, _): spelling
        case .parentStart(let name), .blockStart(let name): name
        default: nil
        }
    }
}
