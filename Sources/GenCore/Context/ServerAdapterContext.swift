/// The context of `server.mustache`: `<Name>Server`, which serves any `<Name>API` over HTTP
/// without a framework, and its Hummingbird adapter. Every key is documented in
/// Templates/CONTEXT.md.
public struct ServerAdapterContext: Encodable, Sendable {
    public var headerLines: [SwiftCode]
    public var access: SwiftCode
    public var importLines: [SwiftCode] = []
    /// `RelayRestServer`.
    public var serverName: SwiftCode
    public var apiName: SwiftCode
    public var errorName: SwiftCode
    /// The error's `Body` cases, each written as its type's JSON (or text, or bytes).
    public var errorBodies: [ServerErrorBodyContext]
    /// One per operation the server answers, in spec order.
    public var routes: [RouteContext]
    public var hasNamespace = false
    /// `nonisolated ` (with its space) with `isolation: nonisolated`, else empty: written before
    /// every type, protocol and extension the file declares.
    public var isolation: SwiftCode = ""
    public var namespace: SwiftCode = ""
    public var namespacePrefix: SwiftCode = ""
}

/// A case of the error's `Body`: how the server writes it.
public struct ServerErrorBodyContext: Encodable, Sendable {
    public var caseName: SwiftCode
    /// The helper that writes the value: `Self.json`, `Self.text` or `Self.data`.
    public var writer: SwiftCode
}

/// One operation as the server answers it.
public struct RouteContext: Encodable, Sendable {
    /// Its place in the route table, from 0.
    public var index: Int
    /// The private method serving it: `serveGetPet`.
    public var handlerName: SwiftCode
    public var httpMethodLiteral: SwiftCode
    /// The path template's segments: `.literal("pets"), .parameter(prefix: "", suffix: "")`.
    public var segmentsCode: SwiftCode
    /// Statements declaring one local per argument of the requirement, read from the request
    /// (`let petID = try …`); a refused value throws the 400 that names it.
    public var decodeLines: [SwiftCode]
    /// `try await api.getPetWithResponse(petID: petID)`.
    public var callExpression: SwiftCode
    /// The statement that writes the answer: `return try Self.json(response, contentType: …)`.
    public var replyLine: SwiftCode
}
