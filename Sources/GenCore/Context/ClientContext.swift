/// The context of `Client.swift.mustache`. Every key is documented in Templates/CONTEXT.md.
public struct ClientContext: Encodable, Sendable {
    public var headerLines: [SwiftCode]
    public var access: SwiftCode
    public var clientName: SwiftCode
    /// The protocol the client conforms to (`RelayRestAPI`, see `APIContext`).
    public var apiName: SwiftCode
    public var errorName: SwiftCode
    public var docLines: [SwiftCode]
    /// The first `servers` URL as a Swift string literal; empty when the spec has none or that
    /// URL is not absolute (`/api`).
    public var defaultServerLiteral: SwiftCode
    public var hasDefaultServer: Bool
    public var authenticationCases: [AuthenticationCaseContext]
    public var hasAuthentication: Bool
    /// Which kinds of credential the schemes take (`Authentication.Credential`'s cases).
    public var hasBasicCredential: Bool
    public var hasBearerCredential: Bool
    public var hasAPIKeyCredential: Bool
    public var hasAuthorizationCredential: Bool
    public var servers: [ServerContext]
    public var errorBodies: [ErrorBodyContext]
    public var operations: [OperationContext]
    /// The shared handlers of error responses, one per distinct list of them.
    public var errorHandlers: [ErrorHandlerContext]
    /// The file's import declarations, one a line (`public import Foundation`): see `FileImports`.
    public var importLines: [SwiftCode] = []
    /// Whether an operation has a stream method: the client then has `stream` and `collected`.
    public var usesStreaming: Bool = false
    /// Whether a stream method reads Server-Sent Events, or JSON Lines.
    public var usesServerSentEvents: Bool = false
    public var usesJSONLines: Bool = false
    /// A method sends its body from a file (its retries are off: the file is read once).
    public var usesFileBody: Bool = false
    /// A parameter is a date (the client's `dateParameter`), or a union (`unionParameter` and
    /// `unionParameterText`): helpers that refuse a value they cannot write.
    public var usesDateParameters: Bool = false
    public var usesUnionParameters: Bool = false
    /// Whether the file's declarations are wrapped in `extension NAME { … }` (`--namespace`).
    public var hasNamespace = false
    /// The namespace's name; empty without one.
    public var namespace: SwiftCode = ""
    /// `NAME.`, to qualify the types that extensions at file scope extend; empty without.
    public var namespacePrefix: SwiftCode = ""
    /// `nonisolated ` (with its space) with `isolation: nonisolated`, else empty: written before
    /// every type, protocol and extension the file declares.
    public var isolation: SwiftCode = ""
}

/// A private static function of the client turning documented error responses into the error.
public struct ErrorHandlerContext: Encodable, Sendable {
    /// Its name, from the statuses: `errorFor401Or404OrDefault`.
    public var errorHandler: SwiftCode
    public var errorHandlerDocLines: [SwiftCode]
    /// The responses it handles, in `switch` order (`default` last).
    public var errorResponses: [ResponseContext]
    public var hasDefaultResponse: Bool
}

/// A factory of the client's `Authentication`: one per security scheme the client supports.
public struct AuthenticationCaseContext: Encodable, Sendable {
    public var docLines: [SwiftCode]
    /// The factory's name and parameters: `basic(username: String, password: String)`.
    public var factory: SwiftCode
    /// The `Credential` value it stores: `.basic(username: username, password: password)`.
    public var credentialExpression: SwiftCode
    /// The scheme's name as the operations' `security` lists it, as a string literal.
    public var schemeLiteral: SwiftCode
    /// The factory's name alone.
    public var name: SwiftCode
    /// Which kind of credential the factory takes; exactly one is true.
    public var isBasic: Bool
    public var isBearer: Bool
    public var isOAuth: Bool
    public var isAPIKey: Bool
    public var isAuthorization: Bool
}

/// A server of the spec with variables, as a static function that builds its URL.
public struct ServerContext: Encodable, Sendable {
    public var docLines: [SwiftCode]
    /// `server1(region: Server1Region = .eu)`.
    public var signature: SwiftCode
    /// ` -> URL`, or ` -> URL?` when a free-form variable may make the URL invalid.
    public var returnClause: SwiftCode
    /// A string literal with interpolations for the variables.
    public var urlInterpolation: SwiftCode
    public var returnsOptional: Bool
    public var variableEnums: [ServerVariableEnumContext]
}

/// An enum for a server variable whose values the spec lists.
public struct ServerVariableEnumContext: Encodable, Sendable {
    public var name: SwiftCode
    public var cases: [EnumCaseContext]
}

/// A case of the error's `Body` enum: one per distinct error response type.
public struct ErrorBodyContext: Encodable, Sendable {
    public var caseName: SwiftCode
    public var type: SwiftCode
}

public struct OperationContext: Encodable, Sendable {
    public var name: SwiftCode
    /// The twin that also returns the status and headers: `nameWithResponse`, escaped as a whole.
    public var withResponseName: SwiftCode
    public var docLines: [SwiftCode]
    public var attributes: [SwiftCode]
    /// `id: UUID, body: UpdateSipEndpointRequest? = nil`.
    public var parameterList: SwiftCode
    /// The same parameters one by one, for templates that call the method.
    public var arguments: [ArgumentContext]
    /// Whether the signatures put their parameters on lines of their own, as they would be too
    /// long on one (decided on the longer, `…WithResponse`).
    public var wrapsParameters: Bool
    /// The same for the plain method's shorter signature alone.
    public var wrapsPlainParameters: Bool
    /// The parameters for a wrapped signature, each ending in a comma but the last.
    public var parameterLines: [SwiftCode]
    /// The same parameters packed several to a line within 120 columns, each line ending in a
    /// comma but the last: what the built-in template writes.
    public var packedParameterLines: [SwiftCode]
    /// `id: id, body: body`: the parameters passed on to the `…WithResponse` variant.
    public var forwardArguments: SwiftCode
    /// ` -> SipEndpointResponse`, or empty when the method returns nothing.
    public var returnClause: SwiftCode
    /// The decoded body's type, `Void` when there is none.
    public var bodyType: SwiftCode
    public var returnsValue: Bool
    /// The HTTP method as a string literal: `"PATCH"`.
    public var httpMethodLiteral: SwiftCode
    /// The path as the spec writes it, e.g. `/endpoints/sip/{id}`, as a string literal.
    public var pathLiteral: SwiftCode
    /// `var` when the method adds to the request after creating it, else `let`.
    public var requestDeclaration: SwiftCode
    /// A Swift expression for the path with parameters filled in.
    public var pathExpression: SwiftCode
    public var queryItems: [ParameterItemContext]
    /// The `querystring` parameter (OpenAPI 3.2), if the operation has one: at most one item.
    public var queryStringItems: [QueryStringContext]
    public var headerItems: [ParameterItemContext]
    public var cookieItems: [ParameterItemContext]
    public var hasBody: Bool
    public var bodyIsOptional: Bool
    public var bodyIsJSON: Bool
    public var bodyIsText: Bool
    public var bodyIsData: Bool
    /// The body's bytes are read from the file `fileArgument` (a `URL`) as they are sent.
    public var bodyIsFile: Bool = false
    public var fileArgument: SwiftCode = ""
    /// `application/x-www-form-urlencoded`: the body's properties as form fields.
    public var bodyIsForm: Bool
    /// `multipart/form-data`: one part per property of the body.
    public var bodyIsMultipart: Bool
    public var bodyContentTypeLiteral: SwiftCode
    /// The JSON body as it goes on the wire: `body`, or with its UUIDs written lowercase
    /// (`body.map { v0 in v0.uuidString.lowercased() }`), as properties write them.
    public var bodyValueExpression: SwiftCode = "body"
    /// More than one request content type: `body` is the enum `bodyEnumName`, a case each.
    public var hasBodyChoice: Bool
    /// Whether this method's context declares the body enum: the operation's first method does.
    public var declaresBodyEnum: Bool = false
    public var bodyEnumName: SwiftCode
    public var bodyCases: [BodyCaseContext]
    /// The `Accept` header as a string literal (the documented response media types), or `nil`.
    public var acceptLiteral: SwiftCode
    /// `nil`, or the alternatives of scheme case names the operation accepts, as a Swift
    /// `[[String]]` literal such as `[["basic"], []]` (`[]` = no credentials needed).
    public var securityLiteral: SwiftCode
    /// The operation has servers of its own, other than the default one: requests go to
    /// `ownServerLiteral` unless the caller passes `serverURL`.
    public var hasOwnServer: Bool
    public var ownServerLiteral: SwiftCode
    public var responses: [ResponseContext]
    public var hasDefaultResponse: Bool
    /// The 2XX responses, which the operation's own `switch` handles.
    public var successResponses: [ResponseContext]
    /// The other responses (`default` included), which `errorHandler` turns into the error.
    public var errorResponses: [ResponseContext]
    /// Whether the operation documents error responses: its `switch` hands every status it does
    /// not return for to `errorHandler`, which operations documenting the same errors share.
    public var hasErrorHandler: Bool
    /// The handler's name, from the statuses: `errorFor401Or404OrDefault`.
    public var errorHandler: SwiftCode
    /// The `///` lines of the handler.
    public var errorHandlerDocLines: [SwiftCode]
    /// The spec's `operationId`, empty when it has none. Dump only: templates get
    /// `operationIDLiteral`.
    public var operationID: String = ""
    /// The same as a Swift string literal (`""` when the spec has none).
    public var operationIDLiteral: SwiftCode = .literal("")
    /// The operation's `tags`, in order. Dump only: templates get `tagLiterals`.
    public var tags: [String] = []
    /// The same tags, each as a Swift string literal.
    public var tagLiterals: [SwiftCode] = []
    /// The operation's `summary`, empty when it has none. Dump only: templates get
    /// `summaryLiteral` (and the `///` lines in `docLines`).
    public var summary: String = ""
    /// The same as a Swift string literal.
    public var summaryLiteral: SwiftCode = .literal("")
    /// The HTTP method in capitals (`PATCH`). Dump only: templates get `httpMethodLiteral`.
    public var httpMethod: String = ""
    /// The path as the spec writes it. Dump only: templates get `pathLiteral`.
    public var path: String = ""
    /// A method that returns once the response head has arrived, its body a stream of the
    /// items (or bytes) as they arrive: `bodyType` is `ServerSentEvents<…>`, `JSONLines<…>` or
    /// `ByteStream`, and its success responses have `returnsStream`.
    public var isStream: Bool = false
    /// The client's private function that sends the request: `send` (the body read whole), or
    /// `self.stream` (`self.`, as a parameter may be named `stream`).
    public var sendFunction: SwiftCode = "send"
    /// What the error handlers are given: `response`, or for a stream the body read whole,
    /// `Self.collected(response)` (to be awaited).
    public var errorArgument: SwiftCode = "response"
    /// The paging companions, when the operation's pages follow a recognised pattern: none or one.
    public var paging: [PagingContext] = []
}

/// The companions of a paged operation: a sequence of its pages and one of their items.
public struct PagingContext: Encodable, Sendable {
    /// `listPetsPages`: returns `PageSequence<Page, Cursor>`.
    public var pagesName: SwiftCode
    /// `listPetsItems`: returns `PageItemSequence<Page, Cursor, Item>`.
    public var itemsName: SwiftCode
    /// What tells the pages apart: the type of the query parameter they differ in, as the
    /// method takes it (`String?`), or `PageLink?` when a link gives the next page.
    public var cursorType: SwiftCode
    /// The closure's parameter: the cursor parameter's own name (shadowing it), or `link`.
    public var cursorName: SwiftCode
    /// The first page's cursor: the parameter, or `nil` for a link.
    public var startExpression: SwiftCode
    /// The item type.
    public var itemType: SwiftCode
    /// `response.data` (`(response.data ?? [])` when it may be missing, `response` when the
    /// page is the array): the page's items.
    public var itemsExpression: SwiftCode
    /// The closure's lines: the call that fetches the page as `response`, and
    /// `return (response, next)` with the next page's cursor, or `nil` after the last page.
    public var fetchLines: [SwiftCode]
    /// The `///` lines of the pages companion.
    public var pagesDocLines: [SwiftCode]
    /// The `///` lines of the items companion.
    public var itemsDocLines: [SwiftCode]
}

/// One request content type of an operation that offers several.
public struct BodyCaseContext: Encodable, Sendable {
    public var caseName: SwiftCode
    public var type: SwiftCode
    public var contentTypeLiteral: SwiftCode
    /// The case's `value` as it goes on the wire (UUIDs lowercase), for a JSON body.
    public var valueExpression: SwiftCode
    /// How the body is written; exactly one is true.
    public var isJSON: Bool
    public var isText: Bool
    public var isData: Bool
    public var isForm: Bool
    public var isMultipart: Bool
}

/// One parameter of a client method.
public struct ArgumentContext: Encodable, Sendable {
    public var label: SwiftCode
    /// The name inside the method (the label, backticked when it is a keyword).
    public var name: SwiftCode
    public var type: SwiftCode
    /// `label: Type` with its default, as in the method's signature.
    public var declaration: SwiftCode
    /// `path`, `query`, `querystring`, `header`, `cookie`, `body` or `server`.
    public var location: String
    /// The parameter's name in the spec as a string literal; `""` for the body.
    public var jsonNameLiteral: SwiftCode
    public var isLast: Bool
    /// A body with a choice of content types (its type is the operation's body enum).
    public var isBodyChoice: Bool
    /// The `serverURL` argument of an operation with servers of its own.
    public var isServer: Bool
    /// For such a body: the case of the preferred content type.
    public var preferredBodyCase: SwiftCode
    /// `label: name`, as the plain method passes it on to the `…WithResponse` one.
    public var forwardArgument: SwiftCode
    /// The parameter's name in the spec; empty for the body and `serverURL`. Dump only:
    /// templates get `jsonNameLiteral`.
    public var jsonName: String = ""
    /// The caller must pass it (a required parameter, or a required body).
    public var isRequired = false
}

public struct ParameterItemContext: Encodable, Sendable {
    public var nameLiteral: SwiftCode
    /// The Swift value for the wire: a `String`/`String?` when `isSimple`, else a
    /// `ParameterValue`/`ParameterValue?`.
    public var valueExpression: SwiftCode
    /// A scalar in its location's default style (`form` in query and cookie, `simple` in path
    /// and header).
    public var isSimple: Bool
    /// The OpenAPI `style` as a string literal.
    public var styleLiteral: SwiftCode
    public var explode: Bool
    /// The parameter's name in the spec. Dump only: templates get `nameLiteral`.
    public var jsonName: String = ""
    /// The OpenAPI `style`, defaulted for its location. Dump only: templates get `styleLiteral`.
    public var style: String = ""
    /// The spec marks the parameter `required`.
    public var isRequired = false
}

/// How a `querystring` parameter fills the whole query string.
public struct QueryStringContext: Encodable, Sendable {
    /// A `String` (or `String?`) expression: the parameter's value encoded by its media type.
    public var valueExpression: SwiftCode
    /// The encoding can throw (form fields and JSON encode the value first).
    public var isThrowing: Bool
    /// The parameter's name in the spec. Dump only.
    public var jsonName: String = ""
}

public struct ResponseContext: Encodable, Sendable {
    /// `200`, `200...299` for `2XX`.
    public var statusPattern: SwiftCode
    /// What opens the response's branch of the status `switch`: `case 200` or `default`.
    public var caseLabel: SwiftCode
    public var isSuccess: Bool
    public var isDefault: Bool
    public var hasBody: Bool
    /// How the body is read: exactly one is true when `hasBody`.
    public var isJSON: Bool
    public var isText: Bool
    public var isData: Bool
    public var type: SwiftCode
    /// For error responses with a body: the `Body` case that carries it.
    public var errorCase: SwiftCode
    /// For success responses: the method returns the decoded body.
    public var returnsBody: Bool
    /// For success responses without a body in a method that returns an optional body.
    public var returnsNil: Bool
    /// For success responses of a method that returns `Void`.
    public var returnsVoid: Bool
    /// For error responses: thrown with the decoded body, or with `.empty`.
    public var throwsBody: Bool
    public var throwsEmpty: Bool
    /// The status as the spec writes it: `200`, `2XX` or `default`. Dump only: templates get
    /// `statusPattern`.
    public var statusCode: String = ""
    /// The media type the body is read as; empty without a body. Dump only: templates get
    /// `contentTypeLiteral`.
    public var contentType: String = ""
    /// The same as a Swift string literal (`""` without a body).
    public var contentTypeLiteral: SwiftCode = .literal("")
    /// The names of the headers the response documents, in spec order. Dump only: templates
    /// get `headerLiterals`.
    public var headers: [String] = []
    /// The same names, each as a Swift string literal.
    public var headerLiterals: [SwiftCode] = []
    /// For the success responses of a stream method: it returns `streamExpression`, the stream
    /// over `response.body`.
    public var returnsStream: Bool = false
    public var streamExpression: SwiftCode = ""
}

/// The context of `support.mustache`: the transport, `JSONValue` and wire helpers. The `uses…`
/// flags say which internal helpers the models and the client call, so that the file holds only
/// those (the public types are always there).
public struct SupportContext: Encodable, Sendable {
    public var headerLines: [SwiftCode]
    public var access: SwiftCode
    /// A string enum: `WireFormat.documentedCase`.
    public var usesStringEnums: Bool
    /// A struct with its own `init(from:)` or `encode(to:)`: the keyed container helpers.
    public var usesKeyedCoding: Bool
    /// A union: the single-value container helpers.
    public var usesUnions: Bool
    /// A property boxed to break a value cycle: `Indirect`.
    public var usesIndirect: Bool
    /// A parameter laid out by a style: `ParameterValue`.
    public var usesParameterValue: Bool
    public var usesQueryStyles: Bool
    public var usesPathStyles: Bool
    public var usesHeaderStyles: Bool
    public var usesCookies: Bool
    /// A `querystring` parameter: `RequestBuilder.setQueryString`.
    public var usesQueryString: Bool
    /// Form fields as text, for form bodies and form query strings: `WireFormat.formEncoded`.
    public var usesFormEncoded: Bool
    /// A JSON query string: `WireFormat.jsonQuery`.
    public var usesJSONQuery: Bool
    public var usesCookieStyles: Bool
    /// RFC 6570 simple expansion, for styled path, header and cookie parameters.
    public var usesSimpleStyle: Bool
    /// Request bodies by how they are sent.
    public var usesJSONBody: Bool
    public var usesTextBody: Bool
    public var usesDataBody: Bool
    public var usesFormBody: Bool
    public var usesMultipartBody: Bool
    /// A body's JSON form as fields: form bodies and object parameters.
    public var usesFormFields: Bool
    /// Field values as text: form and multipart bodies, object parameters.
    public var usesFormText: Bool
    public var usesObjectFields: Bool
    public var usesJSONString: Bool
    /// An API key security scheme: `APIKey`.
    public var usesAPIKey: Bool
    /// A struct whose `oneOf`/`anyOf` shares its JSON object: `WireFormat.encodeMembers`.
    public var usesVariants: Bool
    /// A union branch is a string with a `pattern`: `WireFormat.matches`.
    public var usesPatterns = false
    /// A union's object branch has `additionalProperties: false`: `WireFormat.hasOnlyKeys`.
    public var usesClosedObjects = false
    /// A struct has a constant property: the containers' `expect` and `expectIfPresent`.
    public var usesConstants = false
    /// A method sends its body from a file: `RequestBuilder.setFileBody`.
    public var usesFileBody: Bool = false
    /// A union parameter: `WireFormat.parameterValue`.
    public var usesUnionParameters: Bool = false
    /// An operation has a stream method: `ByteStream`, `ServerSentEvents`, `JSONLines`, the
    /// transport's `stream` and the middleware's `interceptStream`.
    public var usesStreaming: Bool = false
    /// A stream method reads Server-Sent Events (`ServerSentEvents`), JSON Lines (`JSONLines`),
    /// or either (`StreamItemError` and the line splitter they share).
    public var usesServerSentEvents: Bool = false
    public var usesJSONLines: Bool = false
    public var usesStreamItems: Bool = false
    /// An operation has paging companions: `PageSequence` and `PageItemSequence`.
    public var usesPaging: Bool = false
    /// The file's import declarations, one a line (`public import Foundation`): see `FileImports`.
    public var importLines: [SwiftCode] = []
    /// Whether the file's declarations are wrapped in `extension NAME { … }` (`--namespace`).
    public var hasNamespace = false
    /// The namespace's name; empty without one.
    public var namespace: SwiftCode = ""
    /// `NAME.`, to qualify the types that extensions at file scope extend; empty without.
    public var namespacePrefix: SwiftCode = ""
    /// `nonisolated ` (with its space) with `isolation: nonisolated`, else empty: written before
    /// every type, protocol and extension the file declares.
    public var isolation: SwiftCode = ""
}
