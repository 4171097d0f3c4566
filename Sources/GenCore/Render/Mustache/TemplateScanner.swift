/// Splits a template's UTF-8 source into text and tags, following set-delimiter tags as it goes.
struct TemplateScanner {
    private let source: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(source: [UInt8]) {
        self.source = source
    }

    /// The template's text and tags in order; the first tag that is not valid stops the scan.
    mutating func tokens() throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var position = 0, textStart = 0
        while position < source.count {
            if source[position] == UInt8(ascii: "\n") {
                position += 1
                tokens.append(TemplateToken(kind: .text, range: textStart..<position))
                textStart = position
            } else if source[position] == open[0], matches(open, at: position) {
                if textStart < position {
                    tokens.append(TemplateToken(kind: .text, range: textStart..<position))
                }
                let tag = try scanTag(at: position)
                tokens.append(tag)
                position = tag.range.upperBound
                textStart = position
            } else {
                position += 1
            }
        }
        if textStart < source.count {
            tokens.append(TemplateToken(kind: .text, range: textStart..<source.count))
        }
        return tokens
    }

    /// The tag whose opening delimiter is at `start`.
    private mutating func scanTag(at start: Int) throws(TemplateSyntaxError) -> TemplateToken {
        let bodyStart = start + open.count
        let sigil = bodyStart < source.count ? source[bodyStart] : 0
        let hasSigil = Self.sigils.contains(sigil)
        // A triple mustache closes with `}` before the closing delimiter, `{{{name}}}`, and a
        // set-delimiter tag with `=`, `{{=<% %>=}}`.
        let closingSigil: UInt8? = switch sigil {
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        case UInt8(ascii: "="): UInt8(ascii: "=")
        default: nil
        }
        let terminator = (closingSigil.map { [$0] } ?? []) + close
        guard let bodyEnd = firstIndex(of: terminator, in: (hasSigil ? bodyStart + 1 : bodyStart)..<source.count) else {
            let opening = closingSigil == nil ? open : open + [sigil]
            throw error("'\(String(decoding: opening, as: UTF8.self))' has no closing '\(String(decoding: terminator, as: UTF8.self))'",
                        at: start)
        }
        // A tag that runs into the next one was most likely left unclosed (a comment's text
        // and the new delimiters of a set-delimiter tag may hold anything).
        if sigil != UInt8(ascii: "!"), sigil != UInt8(ascii: "="), firstIndex(of: open, in: bodyStart..<bodyEnd) != nil {
            throw error("'\(String(decoding: open, as: UTF8.self))' is not closed before the next one", at: start)
        }
        let range = start..<(bodyEnd + terminator.count)
        let written = text(range)
        let body = trimmed(text((hasSigil ? bodyStart + 1 : bodyStart)..<bodyEnd))
        let tag: TemplateTag
        switch sigil {
        case UInt8(ascii: "!"): tag = .comment
        case UInt8(ascii: "{"), UInt8(ascii: "&"): tag = .variable(try name(body, in: written, at: start), escapes: false)
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            tag = .sectionStart(try name(body, in: written, at: start), spelling: body, inverted: sigil == UInt8(ascii: "^"))
        case UInt8(ascii: "/"):
            // Closes a section (a name) or a parent or block (a template name, which may hold `/`):
            // the tree builder checks that it matches what it closes.
            guard !body.isEmpty else { throw error("'\(written)' has no name", at: start) }
            tag = .sectionEnd(spelling: body)
        case UInt8(ascii: ">"): tag = .partial(try partialName(body, in: written, at: start))
        case UInt8(ascii: "="):
            try setDelimiters(body, in: written, at: start)
            tag = .delimiters
        case UInt8(ascii: "%"): tag = .contentType(escapesHTML: try contentType(body, in: written, at: start))
        case UInt8(ascii: "<"): tag = .parentStart(try partialName(body, in: written, at: start, naming: "parent"))
        case UInt8(ascii: "$"): tag = .blockStart(try partialName(body, in: written, at: start, naming: "block"))
        default: tag = .variable(try name(body, in: written, at: start), escapes: true)
        }
        return TemplateToken(kind: .tag(tag), range: range)
    }

    /// `name`, `a.b.c`, `.` (the current value) or `.a` (a key of the current context only).
    private func name(_ body: String, in written: String, at offset: Int) throws(TemplateSyntaxError) -> TemplateName {
        if body == "." { return TemplateName(parts: [], searchesStack: false) }
        guard !body.isEmpty else { throw error("'\(written)' has no name", at: offset) }
        if body.contains("(") {
            throw error("'\(written)': transforms such as 'uppercased(name)' are not supported", at: offset)
        }
        guard body.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
            throw error("'\(written)': a name is made of letters, digits and '_', '-', '?', '*', joined by '.'", at: offset)
        }
        var parts = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let anchored = parts.first == ""
        if anchored { parts.removeFirst() }
        guard !parts.contains("") else { throw error("'\(written)': a dotted name has an empty part", at: offset) }
        return TemplateName(parts: parts, searchesStack: !anchored)
    }

    /// The name of a partial, a parent (both template names) or a block.
    private func partialName(_ body: String, in written: String, at offset: Int,
                             naming what: String = "partial") throws(TemplateSyntaxError) -> String {
        guard !body.isEmpty else { throw error("'\(written)' names no \(what)", at: offset) }
        guard !body.hasPrefix("*") else { throw error("'\(written)': dynamic \(what) names are not supported", at: offset) }
        guard body.unicodeScalars.allSatisfy({ Self.isNameCharacter($0) || $0 == "/" }) else {
            throw error("'\(written)': a \(what)'s name is made of letters, digits and '_', '-', '?', '*', '.', '/'", at: offset)
        }
        return body
    }

    /// `{{=<% %>=}}`: two delimiters, without spaces or `=`, separated by spaces.
    private mutating func setDelimiters(_ body: String, in written: String, at offset: Int) throws(TemplateSyntaxError) {
        let parts = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("'\(written)' does not set two delimiters, as in '{{=<% %>=}}'", at: offset)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// The pragma swift-mustache had and our templates use: whether `{{name}}` escapes HTML.
    private func contentType(_ body: String, in written: String, at offset: Int) throws(TemplateSyntaxError) -> Bool {
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map { trimmed(String($0)) }
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("CONTENT_TYPE", "TEXT"): return false
        case ("CONTENT_TYPE", "HTML"): return true
        default:
            throw error("unknown pragma '\(written)': only '{{% CONTENT_TYPE: TEXT}}' and '{{% CONTENT_TYPE: HTML}}' are supported",
                        at: offset)
        }
    }

    // MARK: - Bytes

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= source.count else { return false }
        for (offset, byte) in delimiter.enumerated() where source[position + offset] != byte {
            return false
        }
        return true
    }

    /// Where `delimiter` first starts inside `range`, ending in it too.
    private func firstIndex(of delimiter: [UInt8], in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index + delimiter.count <= range.upperBound {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    private func trimmed(_ string: String) -> String {
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(message, at: offset, in: source)
    }

    /// The bytes that, right after the opening delimiter, make a tag other than a variable.
    private static let sigils: Set<UInt8> = Set("!{&#^/>=%<$".utf8)

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// The characters swift-mustache accepted in names (but for its transforms' parentheses),
    /// so that users' templates keep compiling.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "?", "*", ".": true
        default: false
        }
    }
}
