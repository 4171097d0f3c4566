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
        var current = OpenSection(start: nil, opener: nil, escapesHTML: true)
        var enclosing: [OpenSection] = []
        for (token, standaloneIndentation) in try standaloneLinesRemoved(scanner.tokens()) {
            guard case .tag(let tag) = token.kind else {
                current.text.append(contentsOf: source[token.range])
                continue
            }
            if let opener = OpenSection.Opener(opening: tag) {
                guard enclosing.count < Self.maximumSectionDepth else {
                    throw error("sections are nested more than \(Self.maximumSectionDepth) deep", at: token.range.lowerBound)
                }
                enclosing.append(current)
                current = OpenSection(start: token, opener: opener, escapesHTML: current.escapesHTML,
                                      standaloneIndentation: standaloneIndentation)
                continue
            }
            switch tag {
            case .variable(let name, let escapes):
                current.append(.variable(name, escapesHTML: escapes && current.escapesHTML))
            case .sectionStart, .parentStart, .blockStart:
                break  // opened above
            case .sectionEnd(let spelling):
                guard let start = current.start, let opener = current.opener, case .tag(let opening) = start.kind,
                      let opened = opening.openedSpelling else {
                    throw error("'\(written(token))' closes no open section", at: token.range.lowerBound)
                }
                guard opened == spelling else {
                    let (line, column) = position(of: start)
                    throw error("'\(written(token))' does not close the open section '\(written(start))' (line \(line), column \(column))",
                                at: token.range.lowerBound)
                }
                let closed = current
                current = enclosing.removeLast()
                current.append(closed.node(closing: opener))
            case .partial(let name):
                current.append(.partial(name, indentation: standaloneIndentation ?? ""))
            case .contentType(let escapesHTML):
                current.escapesHTML = escapesHTML
            case .comment, .delimiters:
                break
            }
        }
        if let unclosed = current.start, case .tag(let opening) = unclosed.kind, let spelling = opening.openedSpelling {
            throw error("section '\(spelling)' opened by '\(written(unclosed))' is never closed", at: unclosed.range.lowerBound)
        }
        return current.finished()
    }

    /// A section whose closing tag is not read yet, and the nodes read inside it so far.
    private struct OpenSection {
        /// The opening tag; `nil` for the template itself.
        let start: TemplateToken?
        /// What the opening tag opens; `nil` for the template itself.
        let opener: Opener?
        /// Whether `{{name}}` escapes here: HTML until a `CONTENT_TYPE` pragma says otherwise,
        /// which holds to the end of the section it is in (as swift-mustache's did); a section
        /// starts with the mode of the one it is in.
        var escapesHTML: Bool
        /// The whitespace before the opening tag when it stands alone on its line; `nil` when it does not.
        var standaloneIndentation: String? = nil
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

        enum Opener {
            case section(TemplateName, inverted: Bool)
            case parent(String)
            case block(String)

            /// What `tag` opens; `nil` for a tag that opens nothing.
            init?(opening tag: TemplateTag) {
                switch tag {
                case .sectionStart(let name, _, let inverted): self = .section(name, inverted: inverted)
                case .parentStart(let name): self = .parent(name)
                case .blockStart(let name): self = .block(name)
                default: return nil
                }
            }
        }

        /// The node this section makes once the closing tag of `opener`, its opening tag, is read.
        func node(closing opener: Opener) -> TemplateNode {
            var section = self
            let body = section.finished()
            switch opener {
            case .parent(let name):
                // Only the blocks right inside a parent count; they are written where the
                // parent's blocks stand, so they lose their own indentation.
                var overrides: [String: TemplateBlock] = [:]
                for case .block(let blockName, var block) in body where overrides[blockName] == nil {
                    block.nodes = TemplateIndentation.removing(block.contentIndentation ?? "", from: block.nodes)
                    overrides[blockName] = block
                }
                return .parent(name, overrides: overrides, indentation: standaloneIndentation ?? "")
            case .block(let name):
                guard let tagIndentation = standaloneIndentation else {
                    return .block(name, TemplateBlock(nodes: body, indentation: "", contentIndentation: nil))
                }
                let contentIndentation = TemplateIndentation.common(body)
                let indentation = contentIndentation.isEmpty ? tagIndentation : contentIndentation
                return .block(name, TemplateBlock(nodes: body, indentation: indentation, contentIndentation: contentIndentation))
            case .section(let name, let inverted):
                return inverted ? .invertedSection(name, body) : .section(name, body)
            }
        }

        private mutating func flushText() {
            guard !text.isEmpty else { return }
            nodes.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Standalone lines

    /// The tokens without the lines that hold only whitespace and one tag other than a
    /// variable: such a line leaves nothing, not even its newline. Each tag of such a line gets
    /// the whitespace before it (`nil` for every other token): a partial is indented by it.
    ///
    /// Two tags of parents and blocks side by side stand alone together (the inheritance spec's
    /// `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`, `{{<parent}}{{/parent}}`), but an empty
    /// block `{{$block}}{{/block}}` keeps its line's end: what replaces it is written there.
    private func standaloneLinesRemoved(_ tokens: [TemplateToken]) -> [(TemplateToken, indentation: String?)] {
        let inheritance = inheritanceTags(tokens)
        var result: [(TemplateToken, indentation: String?)] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        for index in tokens.indices where index == tokens.count - 1 || endsLine(tokens[index]) {
            let line = tokens[lineStart...index]
            lineStart = index + 1
            if let tags = standaloneTags(of: line, inheritance: inheritance) {
                let before = String(decoding: line[..<tags.lowerBound].map { source[$0.range] }.joined(), as: UTF8.self)
                result.append(contentsOf: line[tags].map { ($0, indentation: before) })
                if tags.count == 2, case .tag(.blockStart) = line[tags.lowerBound].kind, let last = line.last, endsLine(last) {
                    result.append((last, indentation: nil))
                }
            } else if !endsLine(tokens[index]), let first = line.first, isBlank(first), line.dropFirst().allSatisfy(writesNothing) {
                // The spaces and tabs that start a last line without a newline, when only
                // tags that write nothing follow, are dropped, as swift-mustache did: users'
                // templates may end so.
                result.append(contentsOf: line.dropFirst().map { ($0, indentation: nil) })
            } else {
                result.append(contentsOf: line.map { ($0, indentation: nil) })
            }
        }
        return result
    }

    /// The indices of the line's tags if the line is standalone: one tag, or two tags of
    /// parents and blocks side by side.
    private func standaloneTags(of line: ArraySlice<TemplateToken>, inheritance: [Bool]) -> ClosedRange<Int>? {
        var tags: ClosedRange<Int>?
        for index in line.indices {
            switch line[index].kind {
            case .text:
                guard isBlank(line[index].range) else { return nil }
            case .tag(let tag):
                guard tag.canStandAlone else { return nil }
                if let first = tags?.lowerBound {
                    guard first == index - 1, tags?.count == 1, inheritance[first], inheritance[index] else { return nil }
                    tags = first...index
                } else {
                    tags = index...index
                }
            }
        }
        // On a last line without a newline, whitespace after the tag keeps the line (as
        // swift-mustache did; the spec does not say).
        guard let found = tags, let last = line.last, endsLine(last) || found.upperBound == line.indices.last else { return nil }
        return found
    }

    /// For each token, whether it opens or closes a parent or a block.
    private func inheritanceTags(_ tokens: [TemplateToken]) -> [Bool] {
        var open: [Bool] = []
        return tokens.map { token in
            switch token.kind {
            case .tag(.parentStart), .tag(.blockStart):
                open.append(true)
                return true
            case .tag(.sectionStart):
                open.append(false)
                return false
            case .tag(.sectionEnd):
                return open.popLast() ?? false
            case .text, .tag:
                return false
            }
        }
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
