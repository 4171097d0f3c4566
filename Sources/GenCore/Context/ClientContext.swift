/// The context of `Client.swift.mustache`. Every key is documented in Templates/CONTEXT.md.
public struct ClientContext: Encodable, Sendable {
    public var headerLines: [String]
    public var access: String
    public var clientName: String
    public var errorName: String
    public var docLines: [String]
    /// The first `servers` URL as a Swift string literal; empty when the spec has none.
    public var defaultServerLiteral: String
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
    /// The shared handlers of error responses, one per distinct set of them: for each, the first
    /// operation that uses it (its `errorHandler…` and `errorResponses` keys describe it).
    public var errorHandlers: [OperationContext]
}

/// A factory of the client's `Authentication`: one per security scheme the client supports.
public struct AuthenticationCaseContext: Encodable, Sendable {
    public var docLines: [String]
    /// The factory's name and parameters: `basic(username: String, password: String)`.
    public var factory: String
    /// The `Credential` value it stores: `.basic(username: username, password: password)`.
    public var credentialExpression: String
    /// The scheme's name as the operations' `security` lists it, as a string literal.
    public var schemeLiteral: String
    /// The factory's name alone.
    public var name: String
    /// Which kind of credential the factory takes; exactly one is true.
    public var isBasic: Bool
    public var isBearer: Bool
    public var isOAuth: Bool
    public var isAPIKey: Bool
    public var isAuthorization: Bool
}

/// A server of the spec with variables, as a static function that builds its URL.
public struct ServerContext: Encodable, Sendable {
    public var docLines: [String]
    /// `server1(region: Server1Region = .eu)`.
    public var signature: String
    /// ` -> URL`, or ` -> URL?` when a free-form variable may make the URL invalid.
    public var returnClause: String
    /// A string literal with interpolations for the variables.
    public var urlInterpolation: String
    public var returnsOptional: Bool
    public var variableEnums: [ServerVariableEnumContext]
}

/// An enum for a server variable whose values the spec lists.
public struct ServerVariableEnumContext: Encodable, Sendable {
    public var name: String
    public var cases: [EnumCaseContext]
}

/// A case of the error's `Body` enum: one per distinct error response type.
public struct ErrorBodyContext: Encodable, Sendable {
    public var caseName: String
    public var type: String
}

public struct OperationContext: Encodable, Sendable {
    public var name: String
    public var docLines: [String]
    public var attributes: [String]
    /// `id: UUID, body: UpdateSipEndpointRequest? = nil`.
    public var parameterList: String
    /// The same parameters one by one, for templates that call the method.
    public var arguments: [ArgumentContext]
    /// Whether the signatures put their parameters on lines of their own, as they would be too
    /// long on one (decided on the longer, `…WithResponse`).
    public var wrapsParameters: Bool
    /// The same for the plain method's shorter signature alone.
    public var wrapsPlainParameters: Bool
    /// The parameters for a wrapped signature, each ending in a comma but the last.
    public var parameterLines: [String]
    /// The same parameters packed several to a line within 120 columns, each line ending in a
    /// comma but the last: what the built-in template writes.
    public var packedParameterLines: [String]
    /// `id: id, body: body`: the parameters passed on to the `…WithResponse` variant.
    public var forwardArguments: String
    /// ` -> SipEndpointResponse`, or empty when the method returns nothing.
    public var returnClause: String
    /// The decoded body's type, `Void` when there is none.
    public var bodyType: String
    public var returnsValue: Bool
    public var httpMethod: String
    /// The path as the spec writes it, e.g. `/endpoints/sip/{id}`.
    public var pathTemplate: String
    /// `var` when the method adds to the request after creating it, else `let`.
    public var requestDeclaration: String
    /// A Swift expression for the path with parameters filled in.
    public var pathExpression: String
    public var queryItems: [ParameterItemContext]
    public var headerItems: [ParameterItemContext]
    public var cookieItems: [ParameterItemContext]
    public var hasBody: Bool
    public var bodyIsOptional: Bool
    public var bodyIsJSON: Bool
    public var bodyIsText: Bool
    public var bodyIsData: Bool
    /// `application/x-www-form-urlencoded`: the body's properties as form fields.
    public var bodyIsForm: Bool
    /// `multipart/form-data`: one part per property of the body.
    public var bodyIsMultipart: Bool
    public var bodyContentTypeLiteral: String
    /// More than one request content type: `body` is the enum `bodyEnumName`, a case each.
    public var hasBodyChoice: Bool
    public var bodyEnumName: String
    public var bodyCases: [BodyCaseContext]
    /// The `Accept` header as a string literal (the documented response media types), or `nil`.
    public var acceptLiteral: String
    /// `nil`, or the alternatives of scheme case names the operation accepts, as a Swift
    /// `[[String]]` literal such as `[["basic"], []]` (`[]` = no credentials needed).
    public var securityLiteral: String
    /// The operation has servers of its own, other than the default one: requests go to
    /// `ownServerLiteral` unless the caller passes `serverURL`.
    public var hasOwnServer: Bool
    public var ownServerLiteral: String
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
    public var errorHandler: String
    /// The `///` lines of the handler.
    public var errorHandlerDocLines: [String]
}

/// One request content type of an operation that offers several.
public struct BodyCaseContext: Encodable, Sendable {
    public var caseName: String
    public var type: String
    public var contentTypeLiteral: String
    /// How the body is written; exactly one is true.
    public var isJSON: Bool
    public var isText: Bool
    public var isData: Bool
    public var isForm: Bool
    public var isMultipart: Bool
}

/// One parameter of a client method.
public struct ArgumentContext: Encodable, Sendable {
    public var label: String
    /// The name inside the method (the label, backticked when it is a keyword).
    public var name: String
    public var type: String
    /// `label: Type` with its default, as in the method's signature.
    public var declaration: String
    /// `path`, `query`, `header`, `cookie` or `body`.
    public var location: String
    /// The parameter's name in the spec; empty for the body.
    public var jsonName: String
    public var isLast: Bool
    /// A body with a choice of content types (its type is the operation's body enum).
    public var isBodyChoice: Bool
    /// The `serverURL` argument of an operation with servers of its own.
    public var isServer: Bool
    /// For such a body: the case of the preferred content type.
    public var preferredBodyCase: String
}

public struct ParameterItemContext: Encodable, Sendable {
    public var nameLiteral: String
    /// The Swift value for the wire: a `String`/`String?` when `isSimple`, else a
    /// `ParameterValue`/`ParameterValue?`.
    public var valueExpression: String
    /// A scalar in its location's default style (`form` in query and cookie, `simple` in path
    /// and header).
    public var isSimple: Bool
    /// The OpenAPI `style` as a string literal.
    public var styleLiteral: String
    public var explode: Bool
}

public struct ResponseContext: Encodable, Sendable {
    /// `200`, `200...299` for `2XX`.
    public var statusPattern: String
    /// What opens the response's branch of the status `switch`: `case 200` or `default`.
    public var caseLabel: String
    public var isSuccess: Bool
    public var isDefault: Bool
    public var hasBody: Bool
    /// How the body is read: exactly one is true when `hasBody`.
    public var isJSON: Bool
    public var isText: Bool
    public var isData: Bool
    public var type: String
    /// For error responses with a body: the `Body` case that carries it.
    public var errorCase: String
    /// For success responses: the method returns the decoded body.
    public var returnsBody: Bool
    /// For success responses without a body in a method that returns an optional body.
    public var returnsNil: Bool
    /// For success responses of a method that returns `Void`.
    public var returnsVoid: Bool
    /// For error responses: thrown with the decoded body, or with `.empty`.
    public var throwsBody: Bool
    public var throwsEmpty: Bool
}

/// The context of `support.mustache`: the transport, `JSONValue` and wire helpers. The `uses…`
/// flags say which internal helpers the models and the client call, so that the file holds only
/// those (the public types are always there).
public struct SupportContext: Encodable, Sendable {
    public var headerLines: [String]
    public var access: String
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
}
