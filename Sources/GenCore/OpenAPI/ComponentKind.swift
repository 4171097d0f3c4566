/// The kind of object a `$ref` names by where it points: `#/components/<kind>/<name>` in
/// OpenAPI 3, `#/definitions|parameters|responses/<name>` in Swagger 2.0 (in any file). A `$ref`
/// that points at a response where a schema is expected would otherwise read as an empty
/// schema, or a schema where a parameter is expected as a parameter without a name.
enum ComponentKind: String {
    case schema = "schemas", response = "responses", parameter = "parameters", example = "examples"
    case requestBody = "requestBodies", header = "headers", securityScheme = "securitySchemes", link = "links"
    case callback = "callbacks", pathItem = "pathItems", mediaType = "mediaTypes"

    /// The kind `ref` points at, when its pointer is a component's own place; `nil` for any
    /// other pointer (`#/components/schemas/Pet/properties/id` is a schema inside a schema, and
    /// a pointer elsewhere says nothing).
    init?(of ref: String, swagger2: Bool) {
        guard let hash = ref.firstIndex(of: "#") else { return nil }
        let tokens = ref[ref.index(after: hash)...].split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if tokens.count == 3, tokens.first == "components" {
            self.init(rawValue: String(tokens[tokens.startIndex + 1]))
        } else if swagger2, tokens.count == 2 {
            switch tokens.first {
            case "definitions": self = .schema
            case "parameters": self = .parameter
            case "responses": self = .response
            default: return nil
            }
        } else {
            return nil
        }
    }

    var singular: String {
        switch self {
        case .schema: "a schema"
        case .response: "a response"
        case .parameter: "a parameter"
        case .example: "an example"
        case .requestBody: "a request body"
        case .header: "a header"
        case .securityScheme: "a security scheme"
        case .link: "a link"
        case .callback: "a callback"
        case .pathItem: "a path item"
        case .mediaType: "a media type"
        }
    }

    /// A located error when `ref` points at another kind than `expected`; `true` when it does not.
    static func check(_ ref: String, expected: ComponentKind, swagger2: Bool, at location: SourceLocation,
                      diagnostics: DiagnosticCollector) -> Bool {
        guard let kind = ComponentKind(of: ref, swagger2: swagger2), kind != expected else { return true }
        diagnostics.error("'$ref' points at \(kind.singular) ('\(ref)') where \(expected.singular) is expected",
                          at: location)
        return false
    }
}
