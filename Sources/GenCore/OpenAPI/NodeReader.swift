/// Typed access to YAML nodes that reports a located error when a known key has the wrong type.
struct NodeReader {
    let diagnostics: DiagnosticCollector
    /// Follows the `$ref`s `followingRef` meets; `nil` (a config file) follows none.
    var resolver: RefResolver?

    /// A node written as `{$ref: '…'}` where OpenAPI allows no reference (a `properties` map,
    /// a `required` or `allOf` list, a `paths` map…): the node it points to, as the common
    /// bundlers follow it, with a located warning that other tools may not. Any other node is
    /// returned as it is; `nil` when the reference cannot be resolved (a located error says why).
    func followingRef(_ node: YAMLNode?, _ what: String) -> YAMLNode? {
        guard let node, let resolver, let pairs = node.mapping, pairs.count == 1,
              let first = node["$ref"], first.string != nil else { return node }
        diagnostics.warning("OpenAPI does not allow '$ref' for \(what); it is followed, but other tools may not",
                            at: first.location)
        var current = node
        var seen: Set<String> = []
        while current.mapping?.count == 1, let refNode = current["$ref"], let ref = refNode.string {
            do {
                let target = try resolver.resolve(ref, from: current.file, at: refNode.location)
                guard seen.insert(target.key).inserted else {
                    diagnostics.error("'$ref' loops back to itself: '\(ref)'", at: refNode.location)
                    return nil
                }
                current = target.node
            } catch {
                for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
                return nil
            }
        }
        return current
    }

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
