/// One render of a template: walks its nodes over a stack of values and appends to one string.
struct TemplateRendering {
    private let library: TemplateLibrary
    /// The values of the enclosing sections, innermost last; names are looked up from the top.
    private var stack: [TemplateValue]
    private var partialDepth = 0
    /// The blocks given by the parents being rendered, outermost first: a block takes the
    /// content the outermost one gives (the spec's "top-level substitutions take precedence").
    private var overrides: [[String: TemplateBlock]] = []
    private(set) var output = ""

    /// Partials nested deeper than this surely include themselves without end; rendering
    /// recurses once per level, so stop with an error before the stack runs out.
    static let maximumPartialDepth = 64

    init(library: TemplateLibrary, context: any TemplateContext) {
        self.library = library
        self.stack = [.context(context)]
    }

    /// Renders `nodes`; `indentation` (that of the standalone partials they are in) starts every line.
    mutating func render(_ nodes: [TemplateNode], indentation: String) throws(TemplateRenderError) {
        for node in nodes {
            switch node {
            case .text(let text):
                writeText(text, indentation: indentation)
            case .variable(let name, let escapesHTML):
                switch value(of: name) {
                case .text(let text)?: writeValue(escapesHTML ? Self.escapingHTML(text) : text, indentation: indentation)
                case .bool(let bool)?: writeValue(bool ? "true" : "false", indentation: indentation)
                // A list or a context has no text of its own (swift-mustache wrote Swift's
                // description of the value, which no template wants).
                case .list?, .context?, nil: break
                }
            case .section(let name, let body):
                switch value(of: name) {
                case .bool(let bool)?:
                    if bool { try render(body, indentation: indentation) }
                case .list(let list)?:
                    for index in 0..<list.count {
                        try render(body, on: list.element(at: index), indentation: indentation)
                    }
                case let value?:
                    // Text (even empty) or a context: once, as the current value.
                    try render(body, on: value, indentation: indentation)
                case nil:
                    break
                }
            case .invertedSection(let name, let body):
                switch value(of: name) {
                case .bool(true)?, .text?, .context?: break
                case .list(let list)? where list.count > 0: break
                case .bool(false)?, .list?, nil: try render(body, indentation: indentation)
                }
            case .partial(let name, let partialIndentation):
                try include(name, indentation: partialIndentation, within: indentation)
            case .parent(let name, let parentOverrides, let parentIndentation):
                overrides.append(parentOverrides)
                try include(name, indentation: parentIndentation, within: indentation)
                overrides.removeLast()
            case .block(let name, let block):
                if let given = override(for: name) {
                    try render(given.nodes, indentation: indentation + block.indentation)
                } else {
                    try render(block.nodes, indentation: indentation)
                }
            }
        }
    }

    /// Renders template `name` as a partial (or a parent) that `partialIndentation` is the
    /// whitespace before, when it stands alone on its line.
    private mutating func include(_ name: String, indentation partialIndentation: String, within indentation: String) throws(TemplateRenderError) {
        // The whitespace before a standalone partial starts each line the partial writes (but
        // empty ones, see `writeText`); a partial that writes nothing writes no spaces either
        // (swift-mustache wrote them), so the line after it stays where it is: `extension NAME {`,
        // an empty models file, `}`.
        // A missing partial renders as nothing, as the spec and swift-mustache have it.
        guard let partial = library.template(named: name) else { return }
        guard partialDepth < Self.maximumPartialDepth else {
            throw TemplateRenderError(message: "partials are nested more than \(Self.maximumPartialDepth) deep: does '\(name)' include itself?")
        }
        partialDepth += 1
        try render(partial.nodes, indentation: indentation + partialIndentation)
        partialDepth -= 1
    }

    private func override(for block: String) -> TemplateBlock? {
        for given in overrides {
            if let found = given[block] { return found }
        }
        return nil
    }

    private mutating func render(_ body: [TemplateNode], on value: TemplateValue, indentation: String) throws(TemplateRenderError) {
        stack.append(value)
        try render(body, indentation: indentation)
        stack.removeLast()
    }

    /// The value `name` refers to: its first part from the innermost context that has it, the
    /// other parts each in the value of the one before.
    private func value(of name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        if name.searchesStack {
            var index = stack.count - 1
            while index >= 0, found == nil {
                if case .context(let context) = stack[index] { found = context.value(for: first) }
                index -= 1
            }
        } else if case .context(let context)? = stack.last {
            found = context.value(for: first)
        }
        for part in name.parts.dropFirst() {
            guard case .context(let context)? = found else { return nil }
            found = context.value(for: part)
        }
        return found
    }

    // MARK: - Output

    private var isAtLineStart: Bool {
        output.utf8.last.map { $0 == UInt8(ascii: "\n") } ?? true
    }

    /// Template text: each of its lines starts with the indentation, but empty ones, which stay
    /// empty (the spec has no test of them; a blank line of spaces is noise in generated code).
    private mutating func writeText(_ text: String, indentation: String) {
        guard !indentation.isEmpty else {
            output.append(text)
            return
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) ?? utf8.endIndex
            // An empty line stays empty: indentation alone would be trailing whitespace.
            let isEmptyLine = utf8[lineStart] == UInt8(ascii: "\n")
            if isAtLineStart && !isEmptyLine { output.append(indentation) }
            output.append(contentsOf: text[lineStart..<lineEnd])
            lineStart = lineEnd
        }
    }

    /// An inserted value: indented if it starts a line, but not at its own newlines (the
    /// spec's rule, and swift-mustache's).
    private mutating func writeValue(_ value: String, indentation: String) {
        guard !value.isEmpty else { return }
        if !indentation.isEmpty, isAtLineStart { output.append(indentation) }
        output.append(value)
    }

    /// What swift-mustache's HTML content type wrote: `<`, `>`, `&`, `"` and `'` as entities,
    /// compared as whole characters as it did.
    static func escapingHTML(_ text: String) -> String {
        guard text.utf8.contains(where: Self.isHTMLSpecial) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped.append("&lt;")
            case ">": escaped.append("&gt;")
            case "&": escaped.append("&amp;")
            case "\"": escaped.append("&quot;")
            case "'": escaped.append("&#39;")
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
