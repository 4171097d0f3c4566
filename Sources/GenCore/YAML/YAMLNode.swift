/// One node of a loaded YAML or JSON document, with where it starts in the file.
///
/// Scalars are already resolved by the YAML 1.2 core schema: a plain `200` is an integer, a
/// quoted `'200'` a string, and `yes`, `no`, `on`, `off` are strings.
/// Aliases are expanded by the loader, so the tree has no references of its own.
public final class YAMLNode: Sendable {
    public enum Value: Sendable {
        case string(String)
        /// An integer literal that fits `Int`; larger ones stay `.number` with their text.
        case int(Int)
        /// A floating-point literal, or an integer too large for `Int`, as written.
        case number(String)
        case bool(Bool)
        case null
        /// Key/value pairs in document order. Keys are unique (the loader rejects duplicates).
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public let value: Value
    /// Where the node starts, 1-based.
    public let start: Mark
    /// Just past where the node ends, 1-based.
    public let end: Mark
    /// The file the node was read from, as the user named it.
    public let file: String
    /// Key text → index into the pairs, for big mappings only: `$ref`s into a spec's hundreds
    /// of components would otherwise scan them one by one.
    let keyIndex: [String: Int]?

    public init(_ value: Value, start: Mark, end: Mark, file: String) {
        self.value = value
        self.start = start
        self.end = end
        self.file = file
        if case .mapping(let pairs) = value, pairs.count > 16 {
            var index: [String: Int] = [:]
            index.reserveCapacity(pairs.count)
            for (position, pair) in pairs.enumerated() {
                if let key = pair.key.scalarText, index[key] == nil { index[key] = position }
            }
            keyIndex = index
        } else {
            keyIndex = nil
        }
    }

    public var location: SourceLocation {
        SourceLocation(file: file, mark: start)
    }
}
