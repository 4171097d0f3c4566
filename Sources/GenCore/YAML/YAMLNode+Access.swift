extension YAMLNode {
    /// The node's text when it is a string scalar.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The key/value pairs when the node is a mapping.
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The value for a string key of a mapping; `nil` when absent or when this is no mapping.
    public subscript(key: String) -> YAMLNode? {
        guard let pairs = mapping else { return nil }
        if let keyIndex {
            return keyIndex[key].map { pairs[$0].value }
        }
        for pair in pairs where pair.key.scalarText == key {
            return pair.value
        }
        return nil
    }

    /// A scalar's text as a key: strings as they are, numbers and booleans as written.
    ///
    /// OpenAPI keys such as response codes may be written `200` or `'200'`; both mean "200".
    public var scalarText: String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .mapping, .sequence: return nil
        }
    }

    /// A short name of the node's kind for messages ("a mapping", "a string", …).
    public var kindDescription: String {
        switch value {
        case .string: return "a string"
        case .int, .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}
