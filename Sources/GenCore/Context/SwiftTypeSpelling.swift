/// How graph types are spelled and encoded in Swift. The one place that maps `TypeRef` to code.
struct SwiftTypeSpelling {
    let graph: SchemaGraph
    /// The type whose declaration the spelled code is in (`nil`: the top level or the client):
    /// nested types are written relative to it.
    var scope: NamedTypeID? = nil

    /// The Swift type, e.g. `[String: UUID]` or `SipEndpointCallHandler?`.
    func name(_ type: TypeRef) -> SwiftCode {
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
        case .named(let id): return .joined(graph.spelling(of: id, inside: scope).map { "\($0)" }, separator: ".")
        case .external(let name): return .userType(name)
        case .nullable(let wrapped): return name(wrapped) + "?"
        }
    }

    /// The type of a property or parameter that may be left out: optional unless required
    /// and non-null, without doubling `?`.
    func name(_ type: TypeRef, required: Bool) -> SwiftCode {
        required || type.isNullable ? name(type) : name(type) + "?"
    }

    /// An expression that turns `value` into what goes on the wire, when that differs from the
    /// value's own `Encodable` form: UUIDs are written lowercase (RFC 4122), while Foundation
    /// writes them in capitals. `nil` when the value encodes as it is.
    func wireExpression(_ value: SwiftCode, _ type: TypeRef, depth: Int = 0) -> SwiftCode? {
        let element: SwiftCode = "v\(depth)"
        switch type {
        case .uuid:
            return "\(value).uuidString.lowercased()"
        case .nullable(.uuid):
            return "\(value)?.uuidString.lowercased()"
        case .nullable(let wrapped):
            guard containsUUID(wrapped) else { return nil }
            return "\(value).map { \(element) in \(wireExpression(element, wrapped, depth: depth + 1) ?? element) }"
        case .array(let wrapped):
            guard containsUUID(wrapped) else { return nil }
            return "\(value).map { \(element) in \(wireExpression(element, wrapped, depth: depth + 1) ?? element) }"
        case .dictionary(let wrapped):
            guard containsUUID(wrapped) else { return nil }
            return "\(value).mapValues { \(element) in \(wireExpression(element, wrapped, depth: depth + 1) ?? element) }"
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
}
