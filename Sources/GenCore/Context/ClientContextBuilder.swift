import Foundation

/// Builds the context of `Client.swift` from the API graph.
struct ClientContextBuilder {
    let api: APIGraph
    let access: SwiftCode
    let headerLines: [SwiftCode]
    /// The Support helpers the client calls, filled by `build()`.
    let helpers = WireHelperLog()
    private var spelling: SwiftTypeSpelling { SwiftTypeSpelling(graph: api.schemas) }

    func build() -> ClientContext {
        let authenticationCases = api.securitySchemes.compactMap(authenticationCase)
        let errorCases = Dictionary(api.errorBodies.map { ($0.type, $0.caseName) }, uniquingKeysWith: { first, _ in first })
        let defaultServerURL = api.defaultServer.map(ServerURL.withDefaults)
        // A stream method follows its operation's buffered one, or stands in its place.
        let operations = api.operations.flatMap { operation in
            var builder = OperationContextBuilder(
                operation: operation, spelling: spelling, securitySchemes: api.securitySchemes,
                errorTypeName: api.errorTypeName, errorCases: errorCases, errorHandlers: api.errorHandlers,
                defaultServerURL: defaultServerURL, helpers: helpers)
            var methods: [OperationContext] = operation.hasBufferedMethod ? [builder.build()] : []
            if let stream = operation.stream {
                builder.stream = stream
                methods.append(builder.build())
            }
            // The first of them is also sent from a file, when its body is raw bytes.
            if operation.body?.fileParameterName != nil {
                builder.stream = operation.hasBufferedMethod ? nil : operation.stream
                builder.sendsFile = true
                methods.insert(builder.build(), at: 1)
            }
            return methods
        }
        var context = ClientContext(
            headerLines: headerLines, access: access, clientName: "\(api.clientTypeName)",
            apiName: "\(api.protocolTypeName)", errorName: "\(api.errorTypeName)",
            docLines: SwiftCode.docLines("A client for \(api.title).", api.summary),
            defaultServerLiteral: defaultServerURL.map(SwiftCode.literal) ?? "",
            hasDefaultServer: api.defaultServer != nil,
            authenticationCases: authenticationCases,
            hasAuthentication: !authenticationCases.isEmpty,
            hasBasicCredential: authenticationCases.contains { $0.isBasic },
            hasBearerCredential: authenticationCases.contains { $0.isBearer || $0.isOAuth },
            hasAPIKeyCredential: authenticationCases.contains { $0.isAPIKey },
            hasAuthorizationCredential: authenticationCases.contains { $0.isAuthorization },
            servers: api.serverHelpers.map(serverContext),
            errorBodies: api.errorBodies.map { ErrorBodyContext(caseName: "\($0.caseName)", type: spelling.name($0.type)) },
            operations: operations,
            errorHandlers: api.errorHandlers.map { handler in
                ErrorHandlerContextBuilder(handler: handler, spelling: spelling, errorCases: errorCases).build()
            },
            usesStreaming: operations.contains(where: \.isStream),
            usesServerSentEvents: api.operations.contains { $0.stream?.encoding == .eventStream },
            usesJSONLines: api.operations.contains { $0.stream?.encoding == .jsonLines },
            usesFileBody: operations.contains(where: \.bodyIsFile))
        context.usesDateParameters = helpers.usedByClient.contains(.dateParameter)
        context.usesUnionParameters = helpers.usedByClient.contains(.unionParameter)
        return context
    }

    private func authenticationCase(_ scheme: APISecurityScheme) -> AuthenticationCaseContext? {
        let name = scheme.caseName
        let factory: SwiftCode, credential: SwiftCode
        var isAPIKey = false, isAuthorization = false
        switch scheme.kind {
        case .httpBasic:
            factory = "\(name)(username: String, password: String)"
            credential = ".basic(username: username, password: password)"
        case .httpBearer:
            factory = "\(name)(_ token: String)"
            credential = ".bearer({ token })"
        case .oauthToken:
            factory = "\(name)(token: @escaping @Sendable () async throws -> String)"
            credential = ".bearer(token)"
        case .apiKey(let keyName, let location):
            isAPIKey = true
            factory = "\(name)(_ key: String)"
            credential = ".apiKey(key, name: \(SwiftCode.literal(keyName)), location: \(SwiftCode.literal(location.rawValue)))"
        case .httpOther(let schemeName):
            isAuthorization = true
            factory = "\(name)(_ credentials: String)"
            let written = schemeName.prefix(1).uppercased() + schemeName.dropFirst()
            credential = ".authorization(scheme: \(SwiftCode.literal(written)), credentials: credentials)"
        case .unsupported:
            return nil
        }
        return AuthenticationCaseContext(
            docLines: SwiftCode.docLines(scheme.documentation), factory: factory, credentialExpression: credential,
            schemeLiteral: .literal(name.bare), name: "\(name)",
            isBasic: scheme.kind == .httpBasic, isBearer: scheme.kind == .httpBearer, isOAuth: scheme.kind == .oauthToken,
            isAPIKey: isAPIKey, isAuthorization: isAuthorization)
    }

    /// A server with variables as a static function; the first server's defaults are the
    /// client's default URL.
    private func serverContext(_ helper: ServerHelper) -> ServerContext {
        var parameters: [SwiftCode] = []
        var enums: [ServerVariableEnumContext] = []
        var optional = false
        var values: [String: SwiftCode] = [:]
        for variable in helper.variables {
            let parameter = variable.parameterName
            if let enumName = variable.enumName {
                let cases = variable.cases.map {
                    EnumCaseContext(name: "\($0.swiftName)", literal: .literal($0.rawValue), rawValue: $0.rawValue)
                }
                let defaultCase = zip(variable.cases, cases).first { $0.0.rawValue == variable.defaultValue }?.1 ?? cases[0]
                enums.append(ServerVariableEnumContext(name: "\(enumName)", cases: cases))
                parameters.append("\(parameter): \(enumName) = .\(defaultCase.name)")
                values[variable.name] = "\(parameter).rawValue"
            } else {
                optional = true
                parameters.append("\(parameter): String = \(SwiftCode.literal(variable.defaultValue))")
                // Encoded, so a value cannot change the URL's host or add a fragment.
                values[variable.name] = helpers.call(.pathSegment, "\(parameter)")
            }
        }
        return ServerContext(
            docLines: SwiftCode.docLines("`\(helper.server.url)`", helper.server.description),
            signature: "\(helper.name)(\(SwiftCode.joined(parameters, separator: ", ")))",
            returnClause: optional ? " -> URL?" : " -> URL",
            urlInterpolation: .interpolatedLiteral(TemplatedText.parts(of: helper.server.url) { values[$0] }),
            returnsOptional: optional, variableEnums: enums)
    }
}

/// Text with `{name}` placeholders (paths, server URLs), split into literal text and the code
/// that fills each placeholder.
enum TemplatedText {
    /// `fill` gives the code for a placeholder's name, or `nil` to keep `{name}` as text.
    static func parts(of template: String, fill: (String) -> SwiftCode?) -> [SwiftCode.LiteralPart] {
        var parts: [SwiftCode.LiteralPart] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            parts.append(.text(String(rest[..<open])))
            if let code = fill(String(rest[rest.index(after: open)..<close])) {
                parts.append(.code(code))
            } else {
                parts.append(.text(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.text(String(rest)))
        return parts
    }
}
