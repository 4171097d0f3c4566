/// The parts of an OpenAPI 3.x document the generator uses, typed and still located.
public struct OpenAPIDocument {
    /// The `openapi` version string, e.g. `3.1.0`.
    public var version: String
    public var info: Info
    public var servers: [Server]
    public var operations: [Operation]
    /// `components.schemas` in document order.
    public var schemas: [(name: String, schema: JSONSchema)]
    /// Schemas of webhooks and callbacks, which become models although no client method calls them.
    public var extraSchemas: [(name: String, schema: JSONSchema)]
    public var securitySchemes: [SecurityScheme]
    /// The document-wide `security` requirement; `nil` when absent.
    public var security: [SecurityRequirement]?
    /// The file the document was read from.
    public var file: String
}

public struct Info {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
}

public struct Server {
    public var url: String
    public var description: String?
    public var variables: [(name: String, defaultValue: String, enumValues: [String], description: String?)]
    public var location: SourceLocation
}

/// One alternative of a `security` list: all of its schemes are needed together.
public struct SecurityRequirement {
    public var schemeNames: [String]
    /// Where the requirement is written.
    public var location: SourceLocation?
}

public struct SecurityScheme {
    public enum Kind: Equatable {
        case httpBasic
        case httpBearer
        /// Any other `http` scheme (e.g. `digest`): sent as `Authorization: <scheme> <token>`.
        case httpOther(scheme: String)
        case apiKey(name: String, location: ParameterLocation)
        /// `oauth2` and `openIdConnect`: a bearer token the caller supplies.
        case oauthToken
        /// `mutualTLS` and anything unknown: configured outside the client.
        case unsupported(type: String)
    }

    /// One OAuth 2 flow of an `oauth2` scheme, by its key (`clientCredentials`,
    /// `deviceAuthorization`…), with the URLs and scopes the spec gives it.
    public struct OAuthFlow {
        public var name: String
        public var authorizationURL: String?
        /// OpenAPI 3.2's `deviceAuthorizationUrl` (RFC 8628).
        public var deviceAuthorizationURL: String?
        public var tokenURL: String?
        public var refreshURL: String?
        public var scopes: [String]
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    /// `oauth2` only, in document order.
    public var flows: [OAuthFlow] = []
    /// `oauth2` only: OpenAPI 3.2's `oauth2MetadataUrl` (RFC 8414 server metadata).
    public var metadataURL: String?
    public var location: SourceLocation
}
