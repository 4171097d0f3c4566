/// Turns a template's tokens into its node tree: drops the lines of standalone tags (the
/// Mustache spec's rule), nests sections, and decides escaping from the content-type pragma.
struct TemplateTreeBuilder {
    private let source: [UInt8]

    /// Deeper nesting is surely a mistake, and rendering recurses once per level.
    static let maximumSectionDepth = 100

    init(source: String) {
        self.source = Array(source.utf8)
    }

    func build() throws(TemplateSyntaxError) -> [TemplateNode] {
        var scanner = TemplateScanner(source: source)
        var current = OpenSection(start: nil, escapesHTML: true)
        var enclosing: [OpenSection] = []
        for (token, indentation) in try standaloneLinesRemoved(scanner.tokens()) {
            guard case .tag(let tag) = token.kind else {
                current.text.append(contentsOf: source[token.range])
                continue
            }
            switch tag {
            case .variable(let name, let escapes):
                current.append(.variable(name, escapesHTML: escapes && current.escapesHTML))
            case .sectionStart:
                guard enclosing.count < Self.maximumSectionDepth else {
                    throw error("sections are nested more than \(Self.maximumSectionDepth) deep", at: token.range.lowerBound)
                }
                enclosing.append(current)
                current = OpenSection(start: token, escapesHTML: current.escapesHTML)
            case .sectionEnd(let spelling):
                guard let start = current.start, case .tag(.sectionStart(let name, let opened, let inverted)) = start.kind else {
                    throw error("'\(written(token))' closes no open section", at: token.range.lowerBound)
                }
                guard opened == spelling else {
                    let (line, column) = position(of: start)
                    throw error("'\(written(token))' does not close the open section '\(written(start))' (line \(line), column \(column))",
                                at: token.range.lowerBound)
                }
                let body = current.finished()
                current = enclosing.removeLast()
                current.append(inverted ? .invertedSection(name, body) : .section(name, body))
            case .partial(let name):
                current.append(.partial(name, indentation: indentation))
            case .contentType(let escapesHTML):
                current.escapesHTML = escapesHTML
            case .comment, .delimiters:
                break
            }
        }
        if let unclosed = current.start, case .tag(.sectionStart(_, let spelling, _)) = unclosed.kind {
            throw error("section '\(spelling)' opened by '\(written(unclosed))' is never closed", at: unclosed.range.lowerBound)
        }
        return current.finished()
    }

    /// A section whose closing tag is not read yet, and the nodes read inside it so far.
    private struct OpenSection {
        /// The opening tag; `nil` for the template itself.
        let start: TemplateToken?
        /// Whether `{{name}}` escapes here: HTML until a `CONTENT_TYPE` pragma says otherwise,
        /// which holds to the end of the section it is in (as swift-mustache's did); a section
        /// starts with the mode of the one it is in.
        var escapesHTML: Bool
        var nodes: [TemplateNode] = []
        /// Text read since the last node: consecutive text becomes one node.
        var text: [UInt8] = []

        mutating func append(_ node: TemplateNode) {
            flushText()
            nodes.append(node)
        }

        mutating func finished() -> [TemplateNode] {
            flushText()
            return nodes
        }

        private mutating func flushText() {
            guard !text.isEmpty else { return }
            nodes.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Standalone lines

    /// The tokens without the lines that hold only whitespace and one tag other than a
    /// variable: such a line leaves nothing, not even its newline. A partial alone on its
    /// line gets the whitespace before it as its indentation (empty for every other token).
    private func standaloneLinesRemoved(_ tokens: [TemplateToken]) -> [(TemplateToken, indentation: String)] {
        var result: [(TemplateToken, indentation: String)] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        for index in tokens.indices where index == tokens.count - 1 || endsLine(tokens[index]) {
            let line = tokens[lineStart...index]
            lineStart = index + 1
            if let tag = standaloneTag(of: line) {
                let before = line[..<tag].map { source[$0.range] }.joined()
                result.append((line[tag], indentation: String(decoding: before, as: UTF8.self)))
            } else if !endsLine(tokens[index]), let first = line.first, isBlank(first), line.dropFirst().allSatisfy(writesNothing) {
                // The spaces and tabs that start a last line without a newline, when only
                // tags that write nothing follow, are dropped, as swift-mustache did: users'
                // templates may end so.
                result.append(contentsOf: line.dropFirst().map { ($0, indentation: "") })
            } else {
                result.append(contentsOf: line.map { ($0, indentation: "") })
            }
        }
        return result
    }

    /// The index of the line's only tag if the line is standalone.
    private func standaloneTag(of line: ArraySlice<TemplateToken>) -> Int? {
        var tagIndex: Int?
        for index in line.indices {
            switch line[index].kind {
            case .text:
                guard isBlank(line[index].range) else { return nil }
            case .tag(let tag):
                guard tagIndex == nil, tag.canStandAlone else { return nil }
                tagIndex = index
            }
        }
        // On a last line without a newline, whitespace after the tag keeps the line (as
        // swift-mustache did; the spec does not say).
        guard let last = line.last, endsLine(last) || tagIndex == line.indices.last else { return nil }
        return tagIndex
    }

    private func isBlank(_ token: TemplateToken) -> Bool {
        if case .text = token.kind { isBlank(token.range) } else { false }
    }

    /// A comment, a pragma or a set-delimiter tag.
    private func writesNothing(_ token: TemplateToken) -> Bool {
        switch token.kind {
        case .tag(.comment), .tag(.contentType), .tag(.delimiters): true
        case .text, .tag: false
        }
    }

    private func endsLine(_ token: TemplateToken) -> Bool {
        if case .text = token.kind { source[token.range.upperBound - 1] == UInt8(ascii: "\n") } else { false }
    }

    /// Spaces and tabs, and the line's end (`\n` or `\r\n`) if it has one.
    private func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, source[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > range.lowerBound, source[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return source[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: - Errors

    private func written(_ token: TemplateToken) -> String {
        String(decoding: source[token.range], as: UTF8.self)
    }

    private func position(of token: TemplateToken) -> (line: Int, column: Int) {
        let located = error("", at: token.range.lowerBound)
        return (located.line, located.column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(message, at: offset, in: source)
    }
}
