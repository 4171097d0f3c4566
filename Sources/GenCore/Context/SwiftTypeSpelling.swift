/// How graph types are spelled and encoded in Swift. The one place that maps `TypeRef` to text.
struct SwiftTypeSpelling {
    let graph: SchemaGraph

    /// The Swift type, e.g. `[String: UUID]` or `SipEndpointCallHandler?`.
    func name(_ type: TypeRef) -> String {
        switch type {
        case .string: return "String"
        case .integer: return "Int"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .double: return "Double"
        case .float: return "Float"
        case .boolean: return "Bool"
        case .uuid: return "UUID"
        case .dateTime: return "Date"
        case .data: return "Data"
        case .json: return "JSONValue"
        case .array(let element): return "[\(name(element))]"
        case .dictionary(let value): return "[String: \(name(value))]"
        case .named(let id): return graph.types[id].name
        case .external(let name): return name
        case .nullable(let wrapped): return name(wrapped) + "?"
        }
    }

    /// The type of a property or parameter that may be left out: optional unless required
    /// and non-null, without doubling `?`.
    func name(_ type: TypeRef, required: Bool) -> String {
        required || type.isNullable ? name(type) : name(type) + "?"
    }

    /// An expression that turns `value` into what goes on the wire, when that differs from the
    /// value's own `Encodable` form: UUIDs are written lowercase (RFC 4122), while Foundation
    /// writes them in capitals. `nil` when the value encodes as it is.
    func wireExpression(_ value: String, _ type: TypeRef, depth: Int = 0) -> String? {
        switch type {
        case .uuid:
            return "\(value).uuidString.lowercased()"
        case .nullable(.uuid):
            return "\(value)?.uuidString.lowercased()"
        case .nullable(let wrapped):
            guard containsUUID(wrapped) else { return nil }
            let element = "v\(depth)"
            return "\(value).map { \(element) in \(wireExpression(element, wrapped, depth: depth + 1) ?? element) }"
        case .array(let element):
            guard containsUUID(element) else { return nil }
            let item = "v\(depth)"
            return "\(value).map { \(item) in \(wireExpression(item, element, depth: depth + 1) ?? item) }"
        case .dictionary(let element):
            guard containsUUID(element) else { return nil }
            let item = "v\(depth)"
            return "\(value).mapValues { \(item) in \(wireExpression(item, element, depth: depth + 1) ?? item) }"
        default:
            return nil
        }
    }

    private func containsUUID(_ type: TypeRef) -> Bool {
        switch type {
        case .uuid: return true
        case .nullable(let inner), .array(let inner), .dictionary(let inner): return containsUUID(inner)
        default: return false
        }
    }

    /// A name as an argument label at a call site: keywords need no backticks there, except
    /// `inout` (Swift warns about escaping `let` and `var`).
    static func argumentLabel(_ name: String) -> String {
        let bare = SwiftNaming.unescaped(name)
        return bare == "inout" ? name : bare
    }

    /// A Swift string literal for `text`, escaped.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
