/// Loads one YAML or JSON document into a `YAMLNode` tree, with 1-based marks on every node.
///
/// JSON goes through the same libyaml parser, so both report errors the same way. Scalars
/// are resolved by the YAML 1.2 core schema (see `ScalarResolver`), aliases are expanded,
/// and duplicate keys are rejected. Every problem in the input is thrown as a located
/// `DiagnosticsError`; no input makes the loader trap or recurse without bound.
public struct YAMLLoader: Sendable {
    /// Bounds on what one document may cost, so hostile input fails fast instead of
    /// exhausting the stack or memory.
    public struct Limits: Sendable {
        /// Collections nested deeper than this are an error. The loader itself does not
        /// recurse, but consumers of the tree do, and so does releasing it (`YAMLNode` deinit).
        public var maxDepth: Int
        /// How many nodes alias expansion may produce in total (the "billion laughs" guard).
        public var maxAliasExpansion: Int
        /// The largest scalar, in UTF-8 bytes, that is accepted. Checked once libyaml has read
        /// the scalar, so it bounds what the tree holds, not libyaml's own buffer.
        public var maxScalarBytes: Int

        public init(maxDepth: Int = 1_000, maxAliasExpansion: Int = 100_000, maxScalarBytes: Int = 64 << 20) {
            self.maxDepth = maxDepth
            self.maxAliasExpansion = maxAliasExpansion
            self.maxScalarBytes = maxScalarBytes
        }

        public static let `default` = Limits()
    }

    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Loads the single document of `bytes`; `file` is the path used in marks and diagnostics.
    public func load(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> YAMLNode {
        var noncharacters: [SourceLocation] = []
        return try load(bytes, file: file, noncharacters: &noncharacters)
    }

    /// The same, and where a string holds a Unicode noncharacter (U+FDD0…U+FDEF, U+xxFFFE,
    /// U+xxFFFF): Swift refuses those in literals even escaped, so the generator warns there.
    public func load(_ bytes: [UInt8], file: String,
                     noncharacters: inout [SourceLocation]) throws(DiagnosticsError) -> YAMLNode {
        let firstMark = SourceLocation(file: file, line: 1, column: 1)
        if bytes.isEmpty {
            throw DiagnosticsError(.error("the file is empty", at: firstMark))
        }
        guard let parser = LibYAMLParser(bytes: bytes, file: file, maxScalarBytes: limits.maxScalarBytes) else {
            throw DiagnosticsError(.error("out of memory while parsing \(file)", at: nil))
        }
        var builder = TreeBuilder(file: file, limits: limits)
        var root: YAMLNode?
        while true {
            var finished: YAMLNode?
            switch try parser.next() {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                guard let root else {
                    // Only whitespace and comments: as good as empty for a spec.
                    throw DiagnosticsError(.error("the file is empty", at: firstMark))
                }
                return root
            case .documentStart(let start):
                if root != nil {
                    throw DiagnosticsError(.error(
                        "expected a single document",
                        at: SourceLocation(file: file, mark: start),
                        note: "a file holds one document; move this one into a file of its own"
                    ))
                }
            case let .scalar(value, anchor, start, end):
                if case .string(let text) = value, Self.holdsNoncharacter(text) {
                    noncharacters.append(SourceLocation(file: file, mark: start))
                }
                let node = YAMLNode(value, start: start, end: end, file: file)
                finished = try builder.add(node, nodeCount: 1, height: 0, anchor: anchor)
            case let .alias(anchor, start, _):
                finished = try builder.addAlias(anchor, at: start)
            case let .sequenceStart(anchor, start):
                try builder.open(isMapping: false, anchor: anchor, at: start)
            case let .mappingStart(anchor, start):
                try builder.open(isMapping: true, anchor: anchor, at: start)
            case .sequenceEnd(let end), .mappingEnd(let end):
                finished = try builder.close(at: end)
            }
            if let finished { root = finished }
        }
    }

    /// Only 3- and 4-byte UTF-8 sequences can be noncharacters, and nearly no text has them.
    private static func holdsNoncharacter(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xEF } && text.unicodeScalars.contains { $0.properties.isNoncharacterCodePoint }
    }
}

/// Builds the tree from events with an explicit stack, so depth costs heap, not call stack.
///
/// The children of every open collection wait in one shared array, innermost collection
/// last, and each collection's array is made once, at its exact size, when it closes: far
/// fewer allocations than growing an array per collection.
private struct TreeBuilder {
    /// A collection whose end event has not come yet.
    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        let start: Mark
        /// Where this collection's children begin in `children`; a mapping's alternate
        /// key, value, key, value.
        let firstChild: Int
        /// Nodes in the finished subtree so far, this collection included.
        var nodeCount = 1
        /// The deepest child's height; a scalar has height 0, a collection 1 + its children's.
        var childHeight = 0
        /// The keys by scalar text, filled only once the mapping is large (see `duplicate`).
        var keyIndex: [String: Mark] = [:]
    }

    /// A finished anchored node, with the cost of repeating it.
    private struct Anchored {
        let node: YAMLNode
        let nodeCount: Int
        let height: Int
    }

    /// Below this many keys a mapping is searched linearly for duplicates: comparing a few
    /// strings beats hashing every key, and most mappings are small.
    private static let linearKeyLimit = 16

    let file: String
    let limits: YAMLLoader.Limits
    private var stack: [Frame] = []
    private var children: [YAMLNode] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedNodes = 0

    init(file: String, limits: YAMLLoader.Limits) {
        self.file = file
        self.limits = limits
    }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, mark: mark)
    }

    private func depthError(at mark: Mark) -> DiagnosticsError {
        DiagnosticsError(.error("nesting deeper than \(limits.maxDepth) levels", at: location(mark)))
    }

    mutating func open(isMapping: Bool, anchor: String?, at start: Mark) throws(DiagnosticsError) {
        if stack.count >= limits.maxDepth {
            throw depthError(at: start)
        }
        stack.append(Frame(isMapping: isMapping, anchor: anchor, start: start, firstChild: children.count))
    }

    /// Finishes the innermost collection; returns it when it was the document's root.
    mutating func close(at end: Mark) throws(DiagnosticsError) -> YAMLNode? {
        guard let frame = stack.popLast() else { return nil }
        let first = frame.firstChild
        let value: YAMLNode.Value
        if frame.isMapping {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity((children.count - first) / 2)
            var index = first
            while index + 1 < children.count {
                pairs.append((key: children[index], value: children[index + 1]))
                index += 2
            }
            value = .mapping(pairs)
        } else {
            value = .sequence(Array(children[first...]))
        }
        children.removeSubrange(first...)
        let node = YAMLNode(value, start: frame.start, end: end, file: file)
        return try add(node, nodeCount: frame.nodeCount, height: frame.childHeight + 1, anchor: frame.anchor)
    }

    /// Expands an alias into the node its anchor names, charging the whole subtree to the
    /// expansion budget each time, which stops exponential "billion laughs" documents.
    mutating func addAlias(_ name: String, at start: Mark) throws(DiagnosticsError) -> YAMLNode? {
        guard let anchored = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw DiagnosticsError(.error("alias '*\(name)' refers to a node that contains it", at: location(start)))
            }
            throw DiagnosticsError(.error("unknown anchor '\(name)'", at: location(start)))
        }
        expandedNodes += anchored.nodeCount
        if expandedNodes > limits.maxAliasExpansion {
            throw DiagnosticsError(.error("alias expansion exceeds \(limits.maxAliasExpansion) nodes", at: location(start)))
        }
        if stack.count + anchored.height > limits.maxDepth {
            throw depthError(at: start)
        }
        return try add(anchored.node, nodeCount: anchored.nodeCount, height: anchored.height, anchor: nil)
    }

    /// Places a finished node in its parent; returns it when it has none (the root).
    mutating func add(_ node: YAMLNode, nodeCount: Int, height: Int, anchor: String?) throws(DiagnosticsError) -> YAMLNode? {
        if let anchor {
            anchors[anchor] = Anchored(node: node, nodeCount: nodeCount, height: height)
        }
        let top = stack.count - 1
        guard top >= 0 else { return node }
        stack[top].nodeCount += nodeCount
        stack[top].childHeight = max(stack[top].childHeight, height)
        if stack[top].isMapping && (children.count - stack[top].firstChild) % 2 == 0 {
            try checkKey(node, of: top)
        }
        children.append(node)
        return nil
    }

    /// Rejects a key that is no scalar or that the mapping at `frameIndex` already has.
    private mutating func checkKey(_ key: YAMLNode, of frameIndex: Int) throws(DiagnosticsError) {
        guard let text = key.scalarText else {
            throw DiagnosticsError(.error("mapping keys must be scalars, found \(key.kindDescription)", at: location(key.start)))
        }
        if let first = duplicate(of: text, at: key.start, in: frameIndex) {
            throw DiagnosticsError(.error(
                "duplicate key '\(text)'",
                at: location(key.start),
                note: "first defined at line \(first.line)"
            ))
        }
    }

    /// Where `text` was first defined when it is already a key of the mapping; otherwise
    /// records it.
    private mutating func duplicate(of text: String, at mark: Mark, in frameIndex: Int) -> Mark? {
        let first = stack[frameIndex].firstChild
        let keyCount = (children.count - first) / 2
        if keyCount < Self.linearKeyLimit {
            for index in stride(from: first, to: children.count, by: 2) where children[index].scalarText == text {
                return children[index].start
            }
            return nil
        }
        if stack[frameIndex].keyIndex.isEmpty {
            var index: [String: Mark] = [:]
            index.reserveCapacity(Self.linearKeyLimit * 4)
            for position in stride(from: first, to: children.count, by: 2) {
                if let key = children[position].scalarText { index[key] = children[position].start }
            }
            stack[frameIndex].keyIndex = index
        }
        return stack[frameIndex].keyIndex.updateValue(mark, forKey: text)
    }
}
