/// Everything the generated client needs, named for Swift and with every schema translated:
/// the stage's one output.
public struct APIGraph {
    /// The UpperCamelCase name of the API, from the spec's file name (`relay-rest` → `RelayRest`).
    public var name: String
    public var clientTypeName: SwiftName
    public var errorTypeName: SwiftName
    /// The protocol the client conforms to and a server or a test double implements
    /// (`RelayRestAPI`), and its ready test double (`RelayRestAPIStub`).
    public var protocolTypeName: SwiftName
    public var stubTypeName: SwiftName
    /// The server that answers any implementation of the protocol (`RelayRestServer`).
    public var serverTypeName: SwiftName
    /// The enum every declaration lives in (`--namespace`); the module's top level when `nil`.
    public var namespace: SwiftName?
    public var title: String
    public var summary: String?
    public var schemas: SchemaGraph
    public var operations: [APIOperation]
    public var servers: [Server]
    /// The server whose URL (variables at their defaults) is the client's default: the first
    /// one, unless that URL is relative (`/api`) or not a URL, when the caller must give one.
    public var defaultServer: Server?
    /// The static functions that build the URLs of servers with variables.
    public var serverHelpers: [ServerHelper]
    public var securitySchemes: [APISecurityScheme]
    /// The cases of the error's `Body`: one per distinct type of a documented error response.
    public var errorBodies: [ErrorBodyCase]
    /// The client's shared handlers of error responses: one per distinct list of them.
    public var errorHandlers: [ErrorHandler]
    /// The naming rules every Swift name of this API was made with.
    public var naming: SwiftNaming
}

public struct APIOperation {
    public var methodName: SwiftName
    /// The twin that also returns the status and headers (`methodName` + `WithResponse`).
    public var withResponseName: SwiftName
    /// The enum nested in the client for a body offered in several media types.
    public var bodyEnumName: SwiftName?
    /// The error handler in `APIGraph.errorHandlers` (an index) for its error responses.
    public var errorHandler: Int?
    public var operationID: String?
    public var httpMethod: String
    public var path: String
    public var summary: String?
    public var description: String?
    /// The operation's `tags`, as written, in order.
    public var tags: [String] = []
    public var deprecated: Bool
    public var parameters: [APIParameter]
    public var body: APIRequestBody?
    public var responses: [APIResponse]
    /// Alternatives of scheme names (indexes into `APIGraph.securitySchemes`); an empty
    /// alternative means "no credentials needed"; `nil` means every configured credential.
    public var security: [[Int]]?
    /// Operation- or path-level `servers`: they replace the client's server for this operation.
    public var servers: [Server]
    /// The method that reads a success response as it arrives, if the operation has one.
    public var stream: APIStream?
    /// The companions that iterate its pages, when its request and response follow a paging
    /// pattern the generator recognises.
    public var paging: APIPaging? = nil
    public var location: SourceLocation

    /// Whether the operation has a method that reads the whole body: not when its success
    /// response is only a stream (then `stream` has the plain name).
    public var hasBufferedMethod: Bool {
        stream?.isTwin ?? true
    }
}

/// A method that returns a success response's body as it arrives: decoded item by item for a
/// sequential media type (`text/event-stream`, JSON Lines), or as the bytes themselves.
public struct APIStream {
    /// The operation's own name when its success response is only a stream, else `<name>Stream`.
    public var methodName: SwiftName
    public var withResponseName: SwiftName
    /// `.eventStream`, `.jsonLines`, or `.data` for the bytes as they arrive.
    public var encoding: BodyEncoding
    /// The media type the method asks for.
    public var contentType: String
    /// What each item is decoded as: from the media type's `schema` (one event's `data`, one
    /// line) or OpenAPI 3.2's `itemSchema`; `.data` for bytes.
    public var itemType: TypeRef
    /// Whether a method reading the whole body (JSON, or the bytes at once) sits beside it.
    public var isTwin: Bool
}

public struct APIParameter {
    public var jsonName: String
    public var swiftName: SwiftName
    public var location: ParameterLocation
    public var type: TypeRef
    public var required: Bool
    public var documentation: String?
    public var style: String?
    public var explode: Bool?
    /// How a `querystring` parameter's value becomes the query string: `.form`, `.json` or
    /// `.text` (a string, percent-encoded); `nil` for other locations.
    public var queryStringEncoding: BodyEncoding?
}

public struct APIRequestBody {
    /// The preferred media type (JSON when offered) and its type.
    public var contentType: String
    public var type: TypeRef
    public var required: Bool
    public var documentation: String?
    /// Every media type offered, in document order; more than one lets the caller choose,
    /// by the case of `APIOperation.bodyEnumName`.
    public var alternatives: [BodyAlternative]
    /// For a body of raw bytes: the parameter of the method that sends them from a file as
    /// they are read (`file`), so a large upload never sits in memory.
    public var fileParameterName: SwiftName?
}

public struct BodyAlternative {
    public var contentType: String
    public var type: TypeRef
    public var caseName: SwiftName
}

/// How a body is written or read, from its media type (the one place that classifies them).
public enum BodyEncoding: Hashable, Sendable {
    case json, text, data, form, multipart
    /// Sequential media types, read item by item as they arrive: Server-Sent Events, and JSON
    /// Lines (`application/jsonl`, `application/x-ndjson`, the JSON text sequences of
    /// `application/json-seq`). A request body of these is sent as its text or bytes.
    case eventStream, jsonLines

    init(contentType: String, type: TypeRef?) {
        let lowercased = contentType.lowercased()
        let essence = String(lowercased.prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" })
        if Self.isJSON(lowercased) {
            self = .json
        } else if essence == "text/event-stream" {
            self = .eventStream
        } else if ["application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json-seq"].contains(essence) {
            self = .jsonLines
        } else if lowercased.hasPrefix("application/x-www-form-urlencoded") {
            self = .form
        } else if lowercased.hasPrefix("multipart/") {
            self = .multipart
        } else {
            self = type == .string ? .text : .data
        }
    }

    public var isSequential: Bool {
        self == .eventStream || self == .jsonLines
    }

    /// How a request body of this media type is written: a sequential one as the text or the
    /// bytes it is given.
    func sent(as type: TypeRef?) -> BodyEncoding {
        guard isSequential else { return self }
        return type == .string ? .text : .data
    }

    /// `application/json` and `+json` types, with or without parameters.
    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        return type == "application/json" || type.hasSuffix("+json")
    }
}

public struct APIResponse {
    /// `200`, `2XX` or `default`.
    public var statusCode: String
    public var contentType: String?
    /// Every media type the response documents, for the request's `Accept`.
    public var contentTypes: [String]
    /// The names of the headers the response documents, as written, in order.
    public var headers: [String] = []
    /// `nil` when the response has no body the client decodes.
    public var type: TypeRef?
    public var documentation: String?

    /// Statuses from 200 to 299, and `2XX`.
    public var isSuccess: Bool {
        statusCode.hasPrefix("2")
    }

    /// How the client reads the body: JSON, text or bytes; `nil` without a body. Bodies of
    /// other media types are typed `String` (`text/*`) or `Data` by the graph builder.
    public var encoding: BodyEncoding? {
        guard let type else { return nil }
        if BodyEncoding.isJSON(contentType ?? "") { return .json }
        return type == .string ? .text : .data
    }

    /// The statuses the response documents: one for `200`, a hundred for `2XX`; `nil` for
    /// `default` and for codes that are not statuses.
    public var statuses: ClosedRange<Int>? {
        Self.statuses(of: statusCode)
    }

    static func statuses(of statusCode: String) -> ClosedRange<Int>? {
        if let exact = Int(statusCode), (100...599).contains(exact) { return exact...exact }
        let upper = statusCode.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = Int(upper.prefix(1)), (1...5).contains(digit) {
            return digit * 100...digit * 100 + 99
        }
        return nil
    }

    public var isDefault: Bool { statusCode == "default" }

    /// Exact codes first, then ranges, then `default`, as a Swift `switch` takes the first
    /// match; codes that are no status are left out (the graph builder warns about them).
    static func switchOrder(_ responses: [APIResponse]) -> [APIResponse] {
        func rank(_ response: APIResponse) -> Int {
            if response.isDefault { return 2 }
            return Int(response.statusCode) == nil ? 1 : 0
        }
        let valid = responses.filter { $0.isDefault || $0.statuses != nil }
        return valid.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}

/// A case of the error's `Body` enum.
public struct ErrorBodyCase {
    public var type: TypeRef
    public var caseName: SwiftName
}

/// A private static function of the client that turns a response with one of the documented
/// error statuses into the error; operations documenting the same errors share it.
public struct ErrorHandler {
    public var name: SwiftName
    /// The error responses it handles, in `switch` order.
    public var responses: [APIResponse]
}

/// A static function of the client that builds a server's URL from its variables.
public struct ServerHelper {
    public struct Variable {
        public var name: String
        public var parameterName: SwiftName
        /// The enum nested in the client for a variable whose values the spec lists.
        public var enumName: SwiftName?
        /// One case per listed value, in order.
        public var cases: [EnumCase]
        public var defaultValue: String
    }

    public var name: SwiftName
    public var server: Server
    public var variables: [Variable]
}

public struct APISecurityScheme {
    public var name: String
    /// The factory's name in the client's `Authentication`.
    public var caseName: SwiftName
    public var kind: SecurityScheme.Kind
    public var documentation: String?
}

/// How an operation's pages follow one another, and the companions that iterate them.
public struct APIPaging {
    /// What the next page's request changes: always one query parameter of the operation.
    public enum Pattern {
        /// The response's `nextCursor` (a string; none or empty on the last page) is the next
        /// `parameter`; with `hasMore`, a `false` there ends the pages too.
        case cursor(next: Property, hasMore: Property?)
        /// Stripe's: while `hasMore` is true, the next `parameter` (`starting_after`) is the last
        /// item's `id`.
        case lastItemID(hasMore: Property, id: Property)
        /// The next `parameter` (`offset`) is this one plus the items received, until `total`.
        case offset(total: Property?)
        /// The next `parameter` (`page`) is this one (or `first`, the spec's default) plus one,
        /// until a page has no items. (A page shorter than the size asked for is not the end:
        /// servers cap the size, GitHub's `per_page` at 100.)
        case page(first: Int)
        /// The response's `property` is the next page's URL, whose query the next request sends
        /// as the operation's query parameters.
        case nextLink(property: Property)
        /// The `Link` header's `rel="next"` target (RFC 8288), its query sent the same way.
        case linkHeader
    }

    /// A property of the page or of an item: its Swift name, and whether it can be `nil`.
    public struct Property {
        public var swiftName: SwiftName
        public var isOptional: Bool
    }

    public var pattern: Pattern
    /// The query parameter the pages differ in; `nil` when a link gives the next page's query.
    public var parameter: APIParameter?
    /// The page's array of items; `nil` when the page is the array.
    public var items: Property?
    public var itemType: TypeRef
    /// `listPetsPages` and `listPetsItems`, claimed among the client's members.
    public var pagesName: SwiftName
    public var itemsName: SwiftName

    /// What the README and the companions' documentation call the pattern.
    public var summary: String {
        switch pattern {
        case .cursor: "the cursor each page gives for the next"
        case .lastItemID: "the last item's id, while the page says it has more"
        case .offset: "offset and limit, up to the total"
        case .page: "page numbers"
        case .nextLink: "the link each page gives to the next"
        case .linkHeader: "the `Link` header's `rel=\"next\"`"
        }
    }
}
