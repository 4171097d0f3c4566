/// The leading whitespace of a block's lines, found and removed on the compiled nodes: a block
/// given to a parent is written wherever the parent's block stands, at that block's indentation.
///
/// Both walk the nodes in source order, so "at the start of a line" is where the template's
/// text puts it (the lines of standalone tags are already gone).
enum TemplateIndentation {
    /// The longest run of spaces and tabs that starts every line of `nodes` with something on
    /// it (blank lines do not count); `nodes` start at the start of a line.
    static func common(_ nodes: [TemplateNode]) -> String {
        var walk = Walk()
        walk.visit(nodes)
        return walk.common.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// `nodes` without `prefix` (or as much of it as the line has) at the start of each line,
    /// nested sections and blocks included; `nodes` start at the start of a line.
    static func removing(_ prefix: String, from nodes: [TemplateNode]) -> [TemplateNode] {
        guard !prefix.isEmpty else { return nodes }
        var walk = Walk(removing: Array(prefix.utf8))
        return walk.visit(nodes)
    }

    private struct Walk {
        var removing: [UInt8] = []
        var atLineStart = true
        var common: [UInt8]?

        @discardableResult
        mutating func visit(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.map { visit($0) }
        }

        private mutating func visit(_ node: TemplateNode) -> TemplateNode {
            switch node {
            case .text(let text):
                return .text(visitText(text))
            case .variable:
                if atLineStart { record([]) }
                atLineStart = false
                return node
            case .section(let name, let body):
                return .section(name, visit(body))
            case .invertedSection(let name, let body):
                return .invertedSection(name, visit(body))
            case .partial(let name, let indentation):
                return .partial(name, indentation: atLineStart ? visitIndentation(indentation) : indentation)
            case .block(let name, var block):
                block.nodes = visit(block.nodes)
                block.indentation = stripped(Array(block.indentation.utf8))
                block.contentIndentation = block.contentIndentation.map { stripped(Array($0.utf8)) }
                return .block(name, block)
            case .parent(let name, let overrides, let indentation):
                // The blocks given to the parent have had their own indentation removed already.
                return .parent(name, overrides: overrides, indentation: atLineStart ? visitIndentation(indentation) : indentation)
            }
        }

        private mutating func visitText(_ text: String) -> String {
            var result: [UInt8] = []
            let bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                if atLineStart {
                    var end = index
                    while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
                    let leading = Array(bytes[index..<end])
                    let isBlank = end < bytes.count && (bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: "\r"))
                    if !isBlank { record(leading) }
                    index += sharedPrefixCount(leading, removing)
                    atLineStart = false
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                result.append(byte)
                index += 1
                if byte == UInt8(ascii: "\n") { atLineStart = true }
            }
            return String(decoding: result, as: UTF8.self)
        }

        /// The indentation of a standalone partial or parent, which starts its line.
        private mutating func visitIndentation(_ indentation: String) -> String {
            let bytes = Array(indentation.utf8)
            record(bytes)
            return stripped(bytes)
        }

        private func stripped(_ bytes: [UInt8]) -> String {
            String(decoding: bytes.dropFirst(sharedPrefixCount(bytes, removing)), as: UTF8.self)
        }

        private mutating func record(_ leading: [UInt8]) {
            guard let shared = common else {
                common = leading
                return
            }
            common = Array(shared.prefix(sharedPrefixCount(shared, leading)))
        }

        private func sharedPrefixCount(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var count = 0
            while count < a.count, count < b.count, a[count] == b[count] { count += 1 }
            return count
        }
    }
}
