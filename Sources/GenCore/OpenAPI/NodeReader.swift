/// Typed access to YAML nodes that reports a located error when a known key has the wrong type.
struct NodeReader {
    let diagnostics: DiagnosticCollector

    func mapping(_ node: YAMLNode?, _ what: String) -> [(key: YAMLNode, value: YAMLNode)]? {
        guard let node else { return nil }
        if let pairs = node.mapping { return pairs }
        mismatch(node, what, expected: "a mapping")
        return nil
    }

    func sequence(_ node: YAMLNode?, _ what: String) -> [YAMLNode]? {
        guard let node else { return nil }
        if let items = node.sequence { return items }
        mismatch(node, what, expected: "a sequence")
        return nil
    }

    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        if let text = node.string { return text }
        mismatch(node, what, expected: "a string")
        return nil
    }

    /// Like `string`, but a number or boolean written without quotes is taken as its text, as
    /// people write `version: 1.0` and mean the string.
    func text(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        if node.mapping == nil, node.sequence == nil, !node.isNull, let text = node.scalarText { return text }
        mismatch(node, what, expected: "a string")
        return nil
    }

    func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if let flag = node.bool { return flag }
        mismatch(node, what, expected: "true or false")
        return nil
    }

    private func mismatch(_ node: YAMLNode, _ what: String, expected: String) {
        diagnostics.error("'\(what)' must be \(expected), found \(node.kindDescription)", at: node.location)
    }
}
