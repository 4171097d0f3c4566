import Foundation
@testable import GenCore

/// A JSON value whose objects keep their key order: what the generative robustness tests build
/// and mutate, and write out as a spec (JSON is YAML, so the generator reads it as it is).
indirect enum JSONTree {
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    case integer(Int)
    case number(Double)
    /// A number kept as written (an integer beyond `Int`, `1e400`).
    case literal(String)
    case bool(Bool)
    case null

    /// The tree of a loaded YAML or JSON node (keys that are not scalars become their text).
    init(_ node: YAMLNode) {
        switch node.value {
        case .string(let text): self = .string(text)
        case .int(let value): self = .integer(value)
        case .number(let text): self = .literal(text)
        case .bool(let value): self = .bool(value)
        case .null: self = .null
        case .sequence(let items): self = .array(items.map(JSONTree.init))
        case .mapping(let pairs):
            self = .object(pairs.map { (key: $0.key.scalarText ?? "", value: JSONTree($0.value)) })
        }
    }

    /// Loads a YAML or JSON file into a tree.
    static func load(_ url: URL) throws -> JSONTree {
        let bytes = try [UInt8](Data(contentsOf: url))
        return JSONTree(try YAMLLoader().load(bytes, file: url.path))
    }

    subscript(key: String) -> JSONTree? {
        get {
            guard case .object(let pairs) = self else { return nil }
            return pairs.first { $0.key == key }?.value
        }
        set {
            guard case .object(var pairs) = self else { return }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key: key, value: newValue))
            }
            self = .object(pairs)
        }
    }

    var pairs: [(key: String, value: JSONTree)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    var items: [JSONTree]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var keys: [String] { pairs?.map(\.key) ?? [] }
}

extension JSONTree: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONTree...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONTree)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
}

/// Writes a tree as indented JSON, one key per line, so the generator's diagnostics point at
/// distinct lines.
///
/// Strings are escaped where JSON requires it (quote, backslash, U+0000–U+001F). U+2028 and
/// U+2029 are legal raw in JSON: every other occurrence is written raw and the rest as `\u2028`,
/// so a document exercises both spellings. Other characters (NEL, bidi controls, emoji) are
/// written as they are. Duplicate keys are dropped (the first wins): they make a document
/// invalid, which is not what these tests are after.
struct JSONWriter {
    private var output = ""
    private var lineSeparators = 0

    static func write(_ tree: JSONTree) -> String {
        var writer = JSONWriter()
        writer.value(tree, indent: "")
        writer.output += "\n"
        return writer.output
    }

    private mutating func value(_ tree: JSONTree, indent: String) {
        switch tree {
        case .object(let pairs):
            var seen: Set<String> = []
            let unique = pairs.filter { seen.insert($0.key).inserted }
            guard !unique.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, pair) in unique.enumerated() {
                output += indent + "  "
                string(pair.key)
                output += ": "
                value(pair.value, indent: indent + "  ")
                output += index == unique.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += indent + "  "
                value(item, indent: indent + "  ")
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .string(let text): string(text)
        case .integer(let number): output += String(number)
        case .number(let number): output += number.isFinite ? "\(number)" : "0"
        case .literal(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private mutating func string(_ text: String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}", "\u{2029}":
                lineSeparators += 1
                if lineSeparators % 2 == 1 {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += scalar == "\u{2028}" ? "\\u2028" : "\\u2029"
                }
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
                // C0 controls must be escaped; DEL and C1 controls (NEL among them) are
                // escaped too, because YAML reads a raw NEL as a line break.
                output += String(format: "\\u%04X", scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
