/// One operation of a path: an HTTP method on a path template.
public struct Operation {
    /// The key the operation is written under: `get`, `query`, or an `additionalOperations` key.
    public var method: String
    /// The method as sent: the fixed fields' in capitals (`GET`, `QUERY`), an
    /// `additionalOperations` key exactly as written (OpenAPI 3.2 says it is sent as it is).
    public var httpMethod: String
    /// The path template as written, e.g. `/endpoints/sip/{id}`.
    public var path: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var deprecated: Bool
    /// Path-level and operation-level parameters merged (operation wins on name + location).
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// In document order.
    public var responses: [Response]
    /// The operation's own `security`; `nil` means the document's applies.
    public var security: [SecurityRequirement]?
    /// Operation- or path-level `servers`, when given.
    public var servers: [Server]
    public var location: SourceLocation
    /// How its pages follow one another, when a vendor extension says so.
    public var pagination: PagingHint? = nil
}

public enum ParameterLocation: String {
    /// `querystring` (OpenAPI 3.2): the whole query string is the parameter's one value.
    case path, query, querystring, header, cookie
}

public struct Parameter {
    public var name: String
    public var location: ParameterLocation
    public var required: Bool
    public var description: String?
    public var deprecated: Bool
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    /// From `schema`, or from the first media type of `content`.
    public var schema: JSONSchema?
    /// The media type of `content`, when the parameter has one instead of `schema`.
    public var contentType: String?
    public var sourceLocation: SourceLocation
}

public struct MediaType {
    public var contentType: String
    public var schema: JSONSchema?
    /// OpenAPI 3.2's `itemSchema`: one item of a sequential media type (an event of
    /// `text/event-stream`, a line of `application/jsonl`).
    public var itemSchema: JSONSchema?
    public var location: SourceLocation
}

public struct RequestBody {
    public var description: String?
    public var required: Bool
    /// In document order.
    public var content: [MediaType]
    public var location: SourceLocation
}

public struct Response {
    /// `200`, `2XX` or `default`, as written.
    public var statusCode: String
    public var description: String?
    public var content: [MediaType]
    public var headers: [(name: String, schema: JSONSchema?, description: String?, required: Bool)]
    public var location: SourceLocation
}
