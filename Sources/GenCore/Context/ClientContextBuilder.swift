import Foundation

/// Builds the context of `Client.swift` from the API graph.
struct ClientContextBuilder {
    let api: APIGraph
    let access: String
    let headerLines: [String]
    private var spelling: SwiftTypeSpelling { SwiftTypeSpelling(graph: api.schemas) }

    func build() -> ClientContext {
        let errorBodies = errorBodyCases()
        let authenticationCases = api.securitySchemes.compactMap(authenticationCase)
        var operations = api.operations.map { operation in
            OperationContextBuilder(
                operation: operation, spelling: spelling, naming: api.naming, securitySchemes: api.securitySchemes,
                errorTypeName: api.errorTypeName, errorCases: errorBodies.caseByType,
                defaultServerURL: api.servers.first.map(ServerURL.withDefaults)
            ).build()
        }
        let errorHandlers = shareErrorHandlers(&operations)
        return ClientContext(
            headerLines: headerLines, access: access, clientName: api.clientTypeName, errorName: api.errorTypeName,
            docLines: DocComment.lines("A client for \(api.title).", api.summary),
            defaultServerLiteral: api.servers.first.map { SwiftTypeSpelling.literal(ServerURL.withDefaults($0)) } ?? "",
            hasDefaultServer: !api.servers.isEmpty,
            authenticationCases: authenticationCases,
            hasAuthentication: !authenticationCases.isEmpty,
            hasBasicCredential: authenticationCases.contains { $0.isBasic },
            hasBearerCredential: authenticationCases.contains { $0.isBearer || $0.isOAuth },
            hasAPIKeyCredential: authenticationCases.contains { $0.isAPIKey },
            hasAuthorizationCredential: authenticationCases.contains { $0.isAuthorization },
            servers: serverContexts(),
            errorBodies: errorBodies.cases,
            operations: operations,
            errorHandlers: errorHandlers)
    }

    /// Operations that document the same error responses share one handler: the first of them
    /// names it (a later set with the same statuses but other bodies gets a number).
    private func shareErrorHandlers(_ operations: inout [OperationContext]) -> [OperationContext] {
        var handlers: [OperationContext] = []
        var nameByErrors: [String: String] = [:]
        var names = UniqueNames(reserved: [], suffixForReserved: "")
        for index in operations.indices where operations[index].hasErrorHandler {
            let key = operations[index].errorResponses.map { response in
                [response.caseLabel, response.type, response.errorCase, response.isJSON ? "json" : response.isText ? "text" : "data"]
                    .joined(separator: "|")
            }.joined(separator: "\n")
            if let name = nameByErrors[key] {
                operations[index].errorHandler = name
            } else {
                let name = names.claim(operations[index].errorHandler)
                nameByErrors[key] = name
                operations[index].errorHandler = name
                handlers.append(operations[index])
            }
        }
        return handlers
    }

    private func authenticationCase(_ scheme: APISecurityScheme) -> AuthenticationCaseContext? {
        let name = scheme.caseName
        let factory: String, credential: String
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
            credential = ".apiKey(key, name: \(SwiftTypeSpelling.literal(keyName)), location: \"\(location.rawValue)\")"
        case .httpOther(let schemeName):
            isAuthorization = true
            factory = "\(name)(_ credentials: String)"
            let written = schemeName.prefix(1).uppercased() + schemeName.dropFirst()
            credential = ".authorization(scheme: \(SwiftTypeSpelling.literal(written)), credentials: credentials)"
        case .unsupported:
            return nil
        }
        return AuthenticationCaseContext(
            docLines: DocComment.lines(scheme.documentation), factory: factory, credentialExpression: credential,
            schemeLiteral: SwiftTypeSpelling.literal(scheme.caseName), name: name,
            isBasic: scheme.kind == .httpBasic, isBearer: scheme.kind == .httpBearer, isOAuth: scheme.kind == .oauthToken,
            isAPIKey: isAPIKey, isAuthorization: isAuthorization)
    }

    /// Servers with variables get a function each; the first server's defaults are the client's
    /// default URL.
    private func serverContexts() -> [ServerContext] {
        var result: [ServerContext] = []
        for (index, server) in api.servers.enumerated() where !server.variables.isEmpty {
            let name = "server\(index + 1)"
            var parameters: [String] = []
            var enums: [ServerVariableEnumContext] = []
            var url = String(SwiftTypeSpelling.literal(server.url).dropFirst().dropLast())
            var optional = false
            var variableNames = UniqueNames(reserved: [], suffixForReserved: "")
            for variable in server.variables {
                let parameter = api.naming.escaped(variableNames.claim(api.naming.memberName(variable.name)))
                let placeholder = "{\(variable.name)}"
                if variable.enumValues.isEmpty {
                    optional = true
                    parameters.append("\(parameter): String = \(SwiftTypeSpelling.literal(variable.defaultValue))")
                    // Encoded, so a value cannot change the URL's host or add a fragment.
                    url = url.replacingOccurrences(of: placeholder, with: "\\(WireFormat.pathSegment(\(parameter)))")
                } else {
                    let enumName = api.naming.typeName(name + " " + variable.name)
                    var caseNames = UniqueNames(reserved: [], suffixForReserved: "")
                    let cases = variable.enumValues.map { value in
                        EnumCaseContext(name: api.naming.escaped(caseNames.claim(api.naming.memberName(value))),
                                        literal: SwiftTypeSpelling.literal(value))
                    }
                    let defaultCase = zip(variable.enumValues, cases).first { $0.0 == variable.defaultValue }?.1 ?? cases[0]
                    enums.append(ServerVariableEnumContext(name: enumName, cases: cases))
                    parameters.append("\(parameter): \(enumName) = .\(defaultCase.name)")
                    url = url.replacingOccurrences(of: placeholder, with: "\\(\(parameter).rawValue)")
                }
            }
            result.append(ServerContext(
                docLines: DocComment.lines("`\(server.url)`", server.description),
                signature: "\(name)(\(parameters.joined(separator: ", ")))",
                returnClause: optional ? " -> URL?" : " -> URL",
                urlInterpolation: "\"" + url + "\"", returnsOptional: optional, variableEnums: enums))
        }
        return result
    }

    /// One `Body` case per distinct type of a documented error response, in order of first use.
    private func errorBodyCases() -> (cases: [ErrorBodyContext], caseByType: [String: String]) {
        var names = UniqueNames(reserved: ["empty"], suffixForReserved: "Body")
        var cases: [ErrorBodyContext] = []
        var caseByType: [String: String] = [:]
        for operation in api.operations {
            for response in operation.responses where !response.isSuccess {
                guard let type = response.type else { continue }
                let typeName = spelling.name(type)
                if caseByType[typeName] != nil { continue }
                let caseName = api.naming.escaped(names.claim(api.naming.memberName(label(type))))
                caseByType[typeName] = caseName
                cases.append(ErrorBodyContext(caseName: caseName, type: typeName))
            }
        }
        return (cases, caseByType)
    }

    private func label(_ type: TypeRef) -> String {
        switch type.nonNull {
        case .named(let id): return api.schemas.types[id].name
        case .string: return "text"
        case .data: return "data"
        default: return "json"
        }
    }
}
