import Foundation

/// Translates the operations and security schemes of a document, and the schemas they use,
/// into an `APIGraph`.
struct APIGraphBuilder {
    let document: OpenAPIDocument
    let schemas: SchemaGraphBuilder
    let diagnostics: DiagnosticCollector
    let name: String
    let clientTypeName: SwiftName
    let errorTypeName: SwiftName
    let config: GeneratorConfig

    /// Header parameters the OpenAPI specification says to ignore: the client sets them itself.
    private static let ignoredHeaders: Set<String> = ["authorization", "accept", "content-type"]

    func build() -> APIGraph {
        let naming = schemas.naming
        let kept = document.operations.filter {
            config.keeps(operationID: $0.operationID, tags: $0.tags, path: $0.path)
        }
        var methodNames = chooseMethodNames(kept)
        schemas.addComponents(document.schemas)
        for (name, schema) in document.extraSchemas {
            _ = schemas.typeRef(for: schema, hint: TypeNameHint(naming.typeName(name)))
        }
        let security = securitySchemes()
        var clientMembers = NameScope.clientMembers()
        var occupiedTypes = 0
        // Type names that start with `_`: only those can also be a parameter's name.
        var underscoredTypes: [SwiftName] = []
        var seenOperationIDs: [String: SourceLocation] = [:]
        var operations: [APIOperation] = []
        occupyTypeNames(in: &clientMembers, from: &occupiedTypes, underscored: &underscoredTypes)
        reserveConfiguredMethodNames(&methodNames, operations: kept, in: &clientMembers)
        for (index, operation) in kept.enumerated() {
            if let id = operation.operationID {
                if let first = seenOperationIDs[id] {
                    diagnostics.warning("operationId '\(id)' is used twice; the second method gets a number",
                                        at: operation.location,
                                        note: "first used at \(first.file):\(first.mark.line):\(first.mark.column)")
                } else {
                    seenOperationIDs[id] = operation.location
                }
            }
            occupyTypeNames(in: &clientMembers, from: &occupiedTypes, underscored: &underscoredTypes)
            let streamMedia = self.streamMedia(of: operation)
            warnUnusedItemSchemas(operation, streamMedia: streamMedia)
            let twins = twins(of: operation)
            let methodName = claimMethodName(operation, index: index, choices: methodNames, twins: twins, in: &clientMembers)
            // Inside the client a method hides a type of its name (`_1` for both an operation
            // "1" and a schema "1"): types named later avoid the methods too.
            schemas.typeNames.occupy(methodName.bare)
            for twin in twins { schemas.typeNames.occupy(methodName.bare + twin) }
            var translated = translate(operation, methodName: methodName, security: security, underscoredTypes: underscoredTypes)
            if let streamMedia {
                translated.stream = stream(streamMedia, of: translated)
                if streamMedia.isTwin, streamMedia.encoding.isSequential {
                    // The plain method reads the JSON body: it does not ask for the stream.
                    for index in translated.responses.indices {
                        translated.responses[index].contentTypes.removeAll { $0 == streamMedia.media.contentType }
                    }
                }
            }
            operations.append(translated)
        }
        occupyTypeNames(in: &clientMembers, from: &occupiedTypes, underscored: &underscoredTypes)
        schemas.types = ShapeDeduplication.merge(schemas.types, keeping: schemas.componentTypeIDs.union(schemas.configuredTypeIDs),
                                                 operations: &operations, topLevel: &schemas.typeNames)
        TypeNesting.nest(&schemas.types, operations: operations, topLevel: &schemas.typeNames,
                         reserved: SwiftKeywords.namedByGeneratedCode.union(schemas.overriddenTypeNames))
        let topLevelNames = schemas.types.filter { $0.parent == nil }.map(\.name.bare)
        let protocolNames = Self.protocolNames(name: name, clientTypeName: clientTypeName)
        var clientTypes = NameScope.clientTypes(
            topLevel: topLevelNames + [clientTypeName.bare, errorTypeName.bare, protocolNames.protocol.bare, protocolNames.stub.bare,
                                                       protocolNames.server.bare])
        nameBodyEnums(&operations, in: &clientTypes)
        let serverHelpers = self.serverHelpers(members: &clientMembers, types: &clientTypes)
        let errorHandlers = shareErrorHandlers(&operations, members: &clientMembers)
        recognisePaging(&operations, sources: kept, types: schemas.types, members: &clientMembers)
        var types = schemas.types
        CycleBreaker.breakCycles(in: &types)
        for id in RequestOnlyTypes.find(types: types, operations: operations) {
            guard case .object(var shape) = types[id].kind else { continue }
            for index in shape.properties.indices where !shape.properties[index].required && shape.properties[index].type.isNullable {
                shape.properties[index].distinguishesNull = true
            }
            types[id].kind = .object(shape)
        }
        return APIGraph(
            name: name, clientTypeName: clientTypeName, errorTypeName: errorTypeName,
            protocolTypeName: protocolNames.protocol, stubTypeName: protocolNames.stub,
            serverTypeName: protocolNames.server, namespace: nil,
            title: document.info.title, summary: document.info.summary ?? document.info.description,
            schemas: SchemaGraph(types: types), operations: operations,
            servers: document.servers, defaultServer: defaultServer(), serverHelpers: serverHelpers, securitySchemes: security,
            errorBodies: errorBodyCases(operations, types: types), errorHandlers: errorHandlers, naming: naming)
    }

    /// The first server, when its URL is absolute. A relative one (`/api`: relative to where
    /// the document is served, as FastAPI apps behind a prefix write it) would fail only at
    /// request time, so the client gets no default and its initializer asks for `serverURL`.
    private func defaultServer() -> Server? {
        guard let first = document.servers.first else { return nil }
        let url = ServerURL.withDefaults(first)
        if let parsed = URL(string: url), parsed.scheme != nil, parsed.host != nil { return first }
        diagnostics.warning("the first server's URL '\(url)' is not absolute; the client has no default server URL, "
                            + "so its initializer takes 'serverURL' (the absolute URL of that server)", at: first.location)
        return nil
    }

    /// Marks the types named since the last call (from `count` on) as taken among the
    /// client's members.
    private func occupyTypeNames(in scope: inout NameScope, from count: inout Int, underscored: inout [SwiftName]) {
        while count < schemas.types.count {
            let name = schemas.types[count].name
            scope.occupy(name.bare)
            if name.bare.hasPrefix("_") { underscored.append(name) }
            count += 1
        }
    }

    /// Each scheme's factory is named after its kind (`basic`, `bearer`, `apiKey`, `oauth2`)
    /// when it is the only one of that kind, else after the scheme's own name.
    private func securitySchemes() -> [APISecurityScheme] {
        func label(_ kind: SecurityScheme.Kind) -> String {
            switch kind {
            case .httpBasic: return "basic"
            case .httpBearer: return "bearer"
            case .oauthToken: return "oauth2"
            case .httpOther(let name): return name
            case .apiKey: return "apiKey"
            case .unsupported(let type): return type
            }
        }
        let labels = document.securitySchemes.map { label($0.kind) }
        var caseNames = NameScope.authenticationFactories()
        return document.securitySchemes.enumerated().map { index, scheme in
            let shared = labels.filter { $0 == labels[index] }.count > 1
            let name = schemas.naming.memberName(shared ? scheme.name : labels[index])
            let documentation = [scheme.description, "The `\(scheme.name)` security scheme.", Self.flowsDocumentation(scheme)]
                .compactMap { $0 }
            return APISecurityScheme(name: scheme.name, caseName: caseNames.claim(name),
                                     kind: scheme.kind, documentation: documentation.joined(separator: "\n\n"))
        }
    }

    private func translate(_ operation: Operation, methodName: SwiftName, security: [APISecurityScheme],
                           underscoredTypes: [SwiftName]) -> APIOperation {
        let naming = schemas.naming
        let typePrefix = naming.typeName(methodName.bare)
        let withResponseName = SwiftName(bare: methodName.bare + "WithResponse")
        // Only names that start with `_` can be a type's and a parameter's at once.
        var parameterNames = NameScope.operationParameters(twin: withResponseName, typeNames: underscoredTypes)
        var parameters: [APIParameter] = []
        for parameter in operation.parameters {
            if parameter.location == .header && Self.ignoredHeaders.contains(parameter.name.lowercased()) { continue }
            var type = parameter.schema.map { schemas.typeRef(for: $0, hint: TypeNameHint(typePrefix + naming.typeName(parameter.name))) } ?? .string
            var queryStringEncoding: BodyEncoding?
            if parameter.location == .querystring {
                guard let encoding = self.queryStringEncoding(parameter, type: type) else { continue }
                queryStringEncoding = encoding
            }
            // A path segment cannot be null; the placeholder always gets a value. No style writes
            // a null element of an array, so the elements are not optional.
            if parameter.location == .path { type = type.nonNull }
            if case .array(let element) = type.nonNull {
                type = type.isNullable ? .nullable(.array(element.nonNull)) : .array(element.nonNull)
            }
            parameters.append(APIParameter(
                jsonName: parameter.name, swiftName: parameterNames.claim(naming.memberName(parameter.name)),
                location: parameter.location, type: type, required: parameter.required || parameter.location == .path,
                documentation: parameter.description, style: parameter.style, explode: parameter.explode,
                queryStringEncoding: queryStringEncoding))
        }
        var body: APIRequestBody?
        if let requestBody = operation.requestBody, let media = preferredMedia(requestBody.content) {
            let hint = TypeNameHint(typePrefix + "Request")
            var caseNames = NameScope.plain()
            body = APIRequestBody(
                contentType: media.contentType, type: bodyType(media, hint: hint),
                required: requestBody.required, documentation: requestBody.description,
                alternatives: requestBody.content.map { media in
                    BodyAlternative(contentType: media.contentType, type: bodyType(media, hint: hint),
                                    caseName: caseNames.claim(Self.caseName(contentType: media.contentType, naming: naming)))
                })
            if requestBody.content.count == 1, body?.type == .data,
               BodyEncoding(contentType: media.contentType, type: .data).sent(as: .data) == .data {
                body?.fileParameterName = parameterNames.claim("file")
            }
        }
        let bodiesCount = operation.responses.filter { !$0.content.isEmpty }.count
        for response in operation.responses where response.statusCode != "default" && APIResponse.statuses(of: response.statusCode) == nil {
            diagnostics.warning("'\(response.statusCode)' is not an HTTP status code; the response is left out",
                                at: response.location)
        }
        let responses = operation.responses.map { response -> APIResponse in
            let media = preferredMedia(response.content)
            // `GetStationsResponse`, or with several bodies `GetStationsResponse201` (the status is
            // one more word, so it gets no `_` as a name of its own would).
            let hint = TypeNameHint(typePrefix + naming.typeName("Response " + (bodiesCount > 1 ? response.statusCode : "")))
            return APIResponse(statusCode: response.statusCode, contentType: media?.contentType,
                               contentTypes: response.content.map(\.contentType), headers: response.headers.map(\.name),
                               type: media.map { responseType($0, hint: hint) }, documentation: response.description)
        }
        return APIOperation(
            methodName: methodName, withResponseName: withResponseName,
            bodyEnumName: nil, errorHandler: nil, operationID: operation.operationID,
            httpMethod: operation.httpMethod, path: operation.path,
            summary: operation.summary, description: operation.description, tags: operation.tags,
            deprecated: operation.deprecated,
            parameters: parameters, body: body, responses: responses,
            security: (operation.security ?? document.security).map { alternatives in
                alternatives.map { requirement in
                    requirement.schemeNames.compactMap { name in security.firstIndex { $0.name == name } }
                }
            },
            servers: operation.servers, stream: nil, location: operation.location)
    }

    /// How a `querystring` parameter is written, by its media type: form fields, JSON text, or
    /// a string as it is; `nil` (with a warning) for what none of them can write.
    private func queryStringEncoding(_ parameter: Parameter, type: TypeRef) -> BodyEncoding? {
        let contentType = parameter.contentType ?? ""
        let encoding = BodyEncoding(contentType: contentType, type: type.nonNull).sent(as: type.nonNull)
        switch encoding {
        case .form where hasFields(type.nonNull), .json, .text:
            return encoding
        case .form, .data, .multipart, .eventStream, .jsonLines:
            diagnostics.warning("parameter '\(parameter.name)' is a query string of type '\(contentType)', which the generator "
                                + "writes only as the fields of an object, as JSON, or as a string; it is left out",
                                at: parameter.sourceLocation)
            return nil
        }
    }

    /// Whether a value of `type` is written as named fields (an object, a map, free-form JSON).
    private func hasFields(_ type: TypeRef) -> Bool {
        switch type {
        case .json, .dictionary, .external: return true
        case .named(let id):
            if case .object = schemas.types[id].kind { return true }
            return false
        default: return false
        }
    }

    /// What an `oauth2` scheme's flows are, for the factory's documentation; `nil` without flows.
    private static func flowsDocumentation(_ scheme: SecurityScheme) -> String? {
        var lines: [String] = []
        for flow in scheme.flows {
            let title = flowTitles[flow.name] ?? "`\(flow.name)`"
            let scopes = flow.scopes.isEmpty ? "" : ", scopes " + flow.scopes.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("- \(title) flow\(scopes).")
            for (label, url) in [("Authorization URL", flow.authorizationURL), ("Device authorization URL", flow.deviceAuthorizationURL),
                                 ("Token URL", flow.tokenURL), ("Refresh URL", flow.refreshURL)] {
                if let url { lines.append("  - \(label): `\(url)`") }
            }
        }
        if let url = scheme.metadataURL { lines.append("- Server metadata (RFC 8414): `\(url)`") }
        guard !lines.isEmpty else { return nil }
        return (["The token closure returns an access token got by one of its OAuth 2 flows:"] + lines).joined(separator: "\n")
    }

    private static let flowTitles = [
        "implicit": "Implicit", "password": "Password", "clientCredentials": "Client credentials",
        "authorizationCode": "Authorization code", "deviceAuthorization": "Device authorization (RFC 8628)",
    ]

    /// JSON when offered (it is what the client models best), else the first media type.
    func preferredMedia(_ content: [MediaType]) -> MediaType? {
        content.first { BodyEncoding.isJSON($0.contentType) } ?? content.first
    }

    private func bodyType(_ media: MediaType, hint: TypeNameHint) -> TypeRef {
        switch BodyEncoding(contentType: media.contentType, type: nil) {
        case .json, .form, .multipart:
            return media.schema.map { schemas.typeRef(for: $0, hint: hint) } ?? .json
        case .text, .data, .eventStream, .jsonLines:
            return media.contentType.lowercased().hasPrefix("text/") ? .string : .data
        }
    }

    /// What the client decodes a response's body as: JSON by its schema, `text/*` as a string,
    /// anything else (form fields, multipart, images) as the bytes it is.
    func responseType(_ media: MediaType, hint: TypeNameHint) -> TypeRef {
        if BodyEncoding.isJSON(media.contentType) {
            return media.schema.map { schemas.typeRef(for: $0, hint: hint) } ?? .json
        }
        return media.contentType.lowercased().hasPrefix("text/") ? .string : .data
    }

    /// `application/json` → `json`, `multipart/form-data` → `multipart`, `text/plain` → `text`.
    private static func caseName(contentType: String, naming: SwiftNaming) -> String {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? contentType
        switch type {
        case "application/json": return "json"
        case "application/x-www-form-urlencoded": return "form"
        case "multipart/form-data": return "multipart"
        case "text/plain": return "text"
        default:
            let subtype = type.split(separator: "/").last.map(String.init) ?? type
            return naming.memberName(subtype)
        }
    }
}
