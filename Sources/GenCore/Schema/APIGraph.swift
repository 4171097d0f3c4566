/// Everything the generated client needs, named for Swift and with every schema translated:
/// the stage's one output.
public struct APIGraph {
    /// The UpperCamelCase name of the API, from the spec's file name (`relay-rest` → `RelayRest`).
    public var name: String
    public var clientTypeName: String
    public var errorTypeName: String
    public var title: String
    public var summary: String?
    public var schemas: SchemaGraph
    public var operations: [APIOperation]
    public var servers: [Server]
    public var securitySchemes: [APISecurityScheme]
    /// The naming rules every Swift name of this API was made with.
    public var naming: SwiftNaming
}

public struct APIOperation {
    public var methodName: String
    public var httpMethod: String
    public var path: String
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    public var parameters: [APIParameter]
    public var body: APIRequestBody?
    public var responses: [APIResponse]
    /// Alternatives of scheme names (indexes into `APIGraph.securitySchemes`); an empty
    /// alternative means "no credentials needed"; `nil` means every configured credential.
    public var security: [[Int]]?
    /// Operation- or path-level `servers`: they replace the client's server for this operation.
    public var servers: [Server]
    public var location: SourceLocation
}

public struct APIParameter {
    public var jsonName: String
    public var swiftName: String
    public var location: ParameterLocation
    public var type: TypeRef
    public var required: Bool
    public var documentation: String?
    public var style: String?
    public var explode: Bool?
}

public struct APIRequestBody {
    /// The preferred media type (JSON when offered) and its type.
    public var contentType: String
    public var type: TypeRef
    public var required: Bool
    public var documentation: String?
    /// Every media type offered, in document order; more than one lets the caller choose.
    public var alternatives: [(contentType: String, type: TypeRef)]
}

public struct APIResponse {
    /// `200`, `2XX` or `default`.
    public var statusCode: String
    public var contentType: String?
    /// Every media type the response documents, for the request's `Accept`.
    public var contentTypes: [String]
    /// `nil` when the response has no body the client decodes.
    public var type: TypeRef?
    public var documentation: String?

    /// Statuses from 200 to 299, and `2XX`.
    public var isSuccess: Bool {
        statusCode.hasPrefix("2")
    }
}

public struct APISecurityScheme {
    public var name: String
    /// The Swift case name in the client's `Authentication`.
    public var caseName: String
    public var kind: SecurityScheme.Kind
    public var documentation: String?
}
