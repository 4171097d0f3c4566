import Foundation

/// Builds the context of `Client.swift` from the API graph.
struct ClientContextBuilder {
    let api: APIGraph
    let access: String
    let headerLines: [String]
    private var spelling: SwiftTypeSpelling { SwiftTypeSpelling(graph: api.schemas) }

    func build() -> ClientContext {
        let errorBodies = errorBodyCases()
        return ClientContext(
            headerLines: headerLines, access: access, clientName: api.clientTypeName, errorName: api.errorTypeName,
            docLines: DocComment.lines("A client for \(api.title).", api.summary),
            defaultServerLiteral: api.servers.first.map { SwiftTypeSpelling.literal(defaultURL($0)) } ?? "",
            hasDefaultServer: !api.servers.isEmpty,
            authenticationCases: api.securitySchemes.compactMap(authenticationCase),
            hasAuthentication: api.securitySchemes.contains { authenticationCase($0) != nil },
            errorBodies: errorBodies.cases,
            operations: api.operations.map { operationContext($0, errorCases: errorBodies.caseByType) })
    }

    /// The server URL with its variables replaced by their defaults.
    private func defaultURL(_ server: Server) -> String {
        var url = server.url
        for variable in server.variables {
            url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
        }
        return url
    }

    private func authenticationCase(_ scheme: APISecurityScheme) -> AuthenticationCaseContext? {
        var context = AuthenticationCaseContext(
            docLines: DocComment.lines(scheme.documentation), declaration: "", isBasic: false, isBearer: false,
            isAPIKey: false, isOAuth: false, name: scheme.caseName, keyNameLiteral: "", keyLocation: "")
        switch scheme.kind {
        case .httpBasic:
            context.isBasic = true
            context.declaration = "\(scheme.caseName)(username: String, password: String)"
        case .httpBearer:
            context.isBearer = true
            context.declaration = "\(scheme.caseName)(token: String)"
        case .oauthToken:
            context.isOAuth = true
            context.declaration = "\(scheme.caseName)(token: @Sendable () async throws -> String)"
        case .apiKey(let name, let location):
            context.isAPIKey = true
            context.declaration = "\(scheme.caseName)(key: String)"
            context.keyNameLiteral = SwiftTypeSpelling.literal(name)
            context.keyLocation = location.rawValue
        case .httpOther, .unsupported:
            return nil
        }
        return context
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

    private func operationContext(_ operation: APIOperation, errorCases: [String: String]) -> OperationContext {
        // The method returns the first success body's type; other success responses (no body,
        // or another type) make it optional.
        let primary = operation.responses.first { $0.isSuccess && $0.type != nil }?.type
        let hasOtherSuccess = operation.responses.contains { $0.isSuccess && $0.type != primary }
        var returnType = "Void"
        if let primary {
            returnType = spelling.name(primary) + (hasOtherSuccess && !primary.isNullable ? "?" : "")
        }
        let returnsOptional = returnType.hasSuffix("?")
        let body = operation.body
        let bodyKind = body.map(self.bodyKind)
        let query = items(operation, .query), headers = items(operation, .header), cookies = items(operation, .cookie)
        let addsToRequest = bodyKind != nil || !query.isEmpty || !headers.isEmpty || !cookies.isEmpty
        return OperationContext(
            name: operation.methodName,
            docLines: documentation(operation),
            attributes: operation.deprecated ? ["@available(*, deprecated)"] : [],
            parameterList: parameterList(operation),
            returnClause: returnType == "Void" ? "" : " -> " + returnType, httpMethod: operation.httpMethod,
            requestDeclaration: addsToRequest ? "var" : "let",
            pathExpression: pathExpression(operation),
            queryItems: query, headerItems: headers, cookieItems: cookies,
            hasBody: body != nil, bodyIsOptional: body.map { !$0.required } ?? false,
            bodyIsJSON: bodyKind == .json, bodyIsText: bodyKind == .text, bodyIsData: bodyKind == .data,
            bodyIsForm: bodyKind == .form, bodyIsMultipart: bodyKind == .multipart,
            bodyContentTypeLiteral: SwiftTypeSpelling.literal(body?.contentType ?? ""),
            securityLiteral: securityLiteral(operation),
            responses: sortedResponses(operation.responses).map { response in
                responseContext(response, primary: primary, returnsOptional: returnsOptional, errorCases: errorCases)
            },
            hasDefaultResponse: operation.responses.contains { $0.statusCode == "default" })
    }

    private enum BodyKind {
        case json, text, data, form, multipart
    }

    private func bodyKind(_ body: APIRequestBody) -> BodyKind {
        let type = body.contentType.lowercased()
        if APIGraphBuilder.isJSON(type) { return .json }
        if type.hasPrefix("application/x-www-form-urlencoded") { return .form }
        if type.hasPrefix("multipart/") { return .multipart }
        if body.type == .string { return .text }
        return .data
    }

    private func documentation(_ operation: APIOperation) -> [String] {
        var lines = DocComment.lines(operation.summary, operation.description)
        let documented = operation.parameters.filter { $0.documentation != nil }
        if !documented.isEmpty || operation.body?.documentation != nil {
            if !lines.isEmpty { lines.append("///") }
            lines.append("/// - Parameters:")
            for parameter in documented {
                lines += parameterDoc(parameter.swiftName.trimmingCharacters(in: ["`"]), parameter.documentation)
            }
            if let text = operation.body?.documentation {
                lines += parameterDoc("body", text)
            }
        }
        lines.append("/// - Throws: `\(api.errorTypeName)`.")
        return lines
    }

    private func parameterDoc(_ name: String, _ text: String?) -> [String] {
        let body = DocComment.lines(text).map { String($0.dropFirst(3)) }
        guard let first = body.first else { return [] }
        return ["///   - \(name):\(first)"] + body.dropFirst().map { $0.isEmpty ? "///" : "///    " + $0 }
    }

    /// Required parameters first (in spec order), then the body, then optional parameters.
    private func parameterList(_ operation: APIOperation) -> String {
        var required: [String] = []
        var optional: [String] = []
        for parameter in operation.parameters {
            let type = spelling.name(parameter.type, required: parameter.required)
            if parameter.required {
                required.append("\(parameter.swiftName): \(type)")
            } else {
                optional.append("\(parameter.swiftName): \(type) = nil")
            }
        }
        if let body = operation.body {
            let type = spelling.name(body.type, required: body.required)
            required.append(body.required ? "body: \(type)" : "body: \(type) = nil")
        }
        return (required + optional).joined(separator: ", ")
    }

    private func pathExpression(_ operation: APIOperation) -> String {
        var result = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += escapedLiteralBody(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            if let parameter = operation.parameters.first(where: { $0.location == .path && $0.jsonName == name }) {
                result += "\\(WireFormat.pathSegment(\(stringExpression(parameter.swiftName, parameter.type))))"
            } else {
                result += escapedLiteralBody(rest[open...close])
            }
            rest = rest[rest.index(after: close)...]
        }
        result += escapedLiteralBody(rest)
        return "\"" + result + "\""
    }

    private func escapedLiteralBody(_ text: Substring) -> String {
        String(SwiftTypeSpelling.literal(String(text)).dropFirst().dropLast())
    }

    private func items(_ operation: APIOperation, _ location: ParameterLocation) -> [ParameterItemContext] {
        operation.parameters.filter { $0.location == location }.map { parameter in
            var value = parameter.required || parameter.type.isNullable ? parameter.type : parameter.type.makingNullable()
            var isArray = false
            if case .array = value.nonNull { isArray = true }
            if location == .header, value.isNullable, parameter.required { value = parameter.type }
            return ParameterItemContext(
                nameLiteral: SwiftTypeSpelling.literal(parameter.jsonName),
                valueExpression: stringExpression(parameter.swiftName, value),
                isArray: isArray,
                explode: parameter.explode ?? ((parameter.style ?? "form") == "form"))
        }
    }

    /// `value` of `type` as the string (or strings, for arrays) a parameter puts on the wire.
    private func stringExpression(_ value: String, _ type: TypeRef, depth: Int = 0) -> String {
        let element = "v\(depth)"
        switch type {
        case .string: return value
        case .uuid: return "\(value).uuidString.lowercased()"
        case .integer, .int32, .int64, .double, .float, .boolean: return "String(\(value))"
        case .dateTime: return "WireFormat.dateString(\(value))"
        case .named(let id):
            if case .stringEnum = api.schemas.types[id].kind { return "\(value).rawValue" }
            return "WireFormat.jsonString(\(value))"
        case .nullable(let wrapped):
            let inner = stringExpression(element, wrapped, depth: depth + 1)
            return inner == element ? value : "\(value).map { \(element) in \(inner) }"
        case .array(let wrapped):
            let inner = stringExpression(element, wrapped, depth: depth + 1)
            return inner == element ? value : "\(value).map { \(element) in \(inner) }"
        case .data, .json, .dictionary:
            return "WireFormat.jsonString(\(value))"
        }
    }

    private func securityLiteral(_ operation: APIOperation) -> String {
        guard let alternatives = operation.security else { return "nil" }
        let names = alternatives.map { alternative in
            "[" + alternative.map { SwiftTypeSpelling.literal(api.securitySchemes[$0].caseName) }.joined(separator: ", ") + "]"
        }
        return "[" + names.joined(separator: ", ") + "]"
    }

    /// Exact codes first, then ranges, then `default`, as a Swift `switch` takes the first match.
    private func sortedResponses(_ responses: [APIResponse]) -> [APIResponse] {
        func rank(_ response: APIResponse) -> Int {
            if response.statusCode == "default" { return 2 }
            return Int(response.statusCode) == nil ? 1 : 0
        }
        let valid = responses.filter { $0.statusCode == "default" || statusPattern($0.statusCode) != nil }
        return valid.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    private func statusPattern(_ code: String) -> String? {
        if let exact = Int(code), (100...599).contains(exact) { return String(exact) }
        let upper = code.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = Int(upper.prefix(1)), (1...5).contains(digit) {
            return "\(digit * 100)...\(digit * 100 + 99)"
        }
        return nil
    }

    private func responseContext(_ response: APIResponse, primary: TypeRef?, returnsOptional: Bool,
                                 errorCases: [String: String]) -> ResponseContext {
        let returnsBody = response.isSuccess && response.type != nil && response.type == primary
        let contentType = response.contentType ?? ""
        let isJSON = response.type != nil && APIGraphBuilder.isJSON(contentType)
        let typeName = response.type.map(spelling.name) ?? ""
        return ResponseContext(
            statusPattern: statusPattern(response.statusCode) ?? "default",
            isSuccess: response.isSuccess, isDefault: response.statusCode == "default",
            hasBody: response.type != nil,
            isJSON: isJSON, isText: !isJSON && response.type == .string, isData: !isJSON && response.type == .data,
            type: typeName, errorCase: errorCases[typeName] ?? "",
            returnsBody: returnsBody,
            returnsNil: response.isSuccess && !returnsBody && returnsOptional,
            returnsVoid: response.isSuccess && !returnsBody && primary == nil,
            throwsBody: !response.isSuccess && response.type != nil,
            throwsEmpty: !response.isSuccess && response.type == nil)
    }
}
