/// Packs comma-separated items into lines that stay within a column limit, for the lists that
/// generated code would otherwise spread one item to a line (CodingKeys, enum case tables).
enum LineWrapping {
    /// The column limit of generated code.
    static let width = 120

    /// `items` in order, grouped greedily so that each group joined with ", " (plus `extra`
    /// columns of indentation and punctuation) fits in `width` columns. An item longer than the
    /// limit gets a line of its own.
    static func pack(_ items: [SwiftCode], extra: Int) -> [[SwiftCode]] {
        var groups: [[SwiftCode]] = []
        var current: [SwiftCode] = []
        var length = 0
        for item in items {
            let added = current.isEmpty ? item.count : length + 2 + item.count
            if !current.isEmpty && extra + added > width {
                groups.append(current)
                current = [item]
                length = item.count
            } else {
                current.append(item)
                length = added
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// `items` several to a line (see `pack`), joined with ", ", each line ending in a comma
    /// but the last: an argument or parameter list wrapped inside its parentheses at `indent`.
    static func commaLines(_ items: [SwiftCode], indent: Int) -> [SwiftCode] {
        let lines = pack(items, extra: indent + 1)
        return lines.enumerated().map { index, line in
            .joined(line, separator: ", ") + (index < lines.count - 1 ? "," : "")
        }
    }

    /// Whether `line`, indented by `indent` columns, passes the limit.
    static func overflows(_ line: SwiftCode, indent: Int) -> Bool {
        indent + line.count > width
    }
}
