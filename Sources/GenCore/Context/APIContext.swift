/// The context of `api.mustache`: the protocol `<Name>API` that the client conforms to and a
/// server or a test double implements, its extension with the plain methods, and the stub.
/// Every key is documented in Templates/CONTEXT.md.
public struct APIContext: Encodable, Sendable {
    public var headerLines: [SwiftCode]
    public var access: SwiftCode
    /// The file's import declarations, one a line: see `FileImports`.
    public var importLines: [SwiftCode] = []
    /// The protocol's name (`RelayRestAPI`) and its test double's (`RelayRestAPIStub`).
    public var apiName: SwiftCode
    public var stubName: SwiftCode
    public var clientName: SwiftCode
    public var errorName: SwiftCode
    /// The methods the protocol requires: one per client method but those that send a file.
    public var operations: [APIOperationContext]
    /// Whether the file's declarations are wrapped in `extension NAME { … }` (`--namespace`).
    public var hasNamespace = false
    /// `nonisolated ` (with its space) with `isolation: nonisolated`, else empty: written before
    /// every type, protocol and extension the file declares.
    public var isolation: SwiftCode = ""
    /// The namespace's name; empty without one.
    public var namespace: SwiftCode = ""
    /// `NAME.`, to qualify the types that extensions at file scope extend; empty without.
    public var namespacePrefix: SwiftCode = ""
}

/// One method of the protocol: its requirement (the client's `…WithResponse` method), the plain
/// method the protocol's extension derives from it, and the stub's closure that answers it.
public struct APIOperationContext: Encodable, Sendable {
    /// The plain method's name (`getPet`); also the stub's closure property.
    public var name: SwiftCode
    public var withResponseName: SwiftCode
    public var attributes: [SwiftCode]
    /// The requirement, `func getPetWithResponse(id: String) async throws -> HTTPResponse<Pet>`,
    /// on one line or wrapped: the lines, indented past the first.
    public var requirementLines: [SwiftCode]
    /// The plain method's signature, with the client's default arguments and the opening brace.
    public var plainSignatureLines: [SwiftCode]
    /// The stub's implementation of the requirement's signature, with the opening brace.
    public var stubSignatureLines: [SwiftCode]
    /// `id: id, body: body`: the arguments the plain method passes on.
    public var forwardArguments: SwiftCode
    public var returnsValue: Bool
    /// The stub's closure: `(@Sendable (_ id: String) async throws -> Pet)?`.
    public var closureType: SwiftCode
    /// The closure's arguments, in order: `id, body`.
    public var closureArguments: SwiftCode
    /// How the requirement is named in the stub's error: `getPet(id:)`, as a string literal.
    public var operationLiteral: SwiftCode
    /// The status the stub answers with: the first documented success status (`200` for `2XX`,
    /// or when none is documented).
    public var stubStatus: SwiftCode
}
