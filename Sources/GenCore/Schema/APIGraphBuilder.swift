/// Translates the operations and security schemes of a document, and the schemas they use,
/// into an `APIGraph`.
struct APIGraphBuilder {
    let document: OpenAPIDocument
    let schemas: SchemaGraphBuilder
    let diagnostics: DiagnosticCollector
    let name: String
    let clientTypeName: String
    let errorTypeName: String
    let config: GeneratorConfig

    /// Header parameters the OpenAPI specification says to ignore: the client sets them itself.
    private static let ignoredHeaders: Set<String> = ["authorization", "accept", "content-type"]

    func build() -> APIGraph {
        let naming = schemas.naming
        schemas.addComponents(document.schemas)
        for (name, schema) in document.extraSchemas {
            _ = schemas.typeRef(for: schema, hint: naming.typeName(name))
        }
        let security = securitySchemes()
        var methodNames = UniqueNames(reserved: ["init", "send", "serverURL", "authentication", "transport"], suffixForReserved: "Operation")
        var seenOperationIDs: [String: SourceLocation] = [:]
        var operations: [APIOperation] = []
        for operation in document.operations
        where config.keeps(operationID: operation.operationID, tags: operation.tags, path: operation.path) {
            if let id = operation.operationID {
                if let first = seenOperationIDs[id] {
                    diagnostics.warning("operationId '\(id)' is used twice; the second method gets a number",
                                        at: operation.location,
                                        note: "first used at \(first.file):\(first.mark.line):\(first.mark.column)")
                } else {
                    seenOperationIDs[id] = operation.location
                }
            }
            let raw = operation.operationID ?? (operation.method + " " + operation.path)
            let methodName = methodNames.claim(naming.memberName(raw))
            operations.append(translate(operation, methodName: methodName, security: security))
        }
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
            title: document.info.title, summary: document.info.summary ?? document.info.description,
            schemas: SchemaGraph(types: types), operations: operations,
            servers: document.servers, securitySchemes: security, naming: naming)
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
        var caseNames = UniqueNames(reserved: [], suffixForReserved: "")
        return document.securitySchemes.enumerated().map { index, scheme in
            let shared = labels.filter { $0 == labels[index] }.count > 1
            let name = schemas.naming.memberName(shared ? scheme.name : labels[index])
            let documentation = [scheme.description, "The `\(scheme.name)` security scheme."].compactMap { $0 }
            return APISecurityScheme(name: scheme.name, caseName: caseNames.claim(name),
                                     kind: scheme.kind, documentation: documentation.joined(separator: "\n\n"))
        }
    }

    private func translate(_ operation: Operation, methodName: String, security: [APISecurityScheme]) -> APIOperation {
        let naming = schemas.naming
        let typePrefix = naming.typeName(methodName)
        var parameterNames = UniqueNames(reserved: ["body"], suffixForReserved: "Parameter")
        var parameters: [APIParameter] = []
        for parameter in operation.parameters {
            if parameter.location == .header && Self.ignoredHeaders.contains(parameter.name.lowercased()) { continue }
            let type = parameter.schema.map { schemas.typeRef(for: $0, hint: typePrefix + naming.typeName(parameter.name)) } ?? .string
            parameters.append(APIParameter(
                jsonName: parameter.name, swiftName: naming.escaped(parameterNames.claim(naming.memberName(parameter.name))),
                location: parameter.location, type: type, required: parameter.required || parameter.location == .path,
                documentation: parameter.description, style: parameter.style, explode: parameter.explode))
        }
        var body: APIRequestBody?
        if let requestBody = operation.requestBody, let media = preferredMedia(requestBody.content) {
            let hint = typePrefix + "Request"
            body = APIRequestBody(
                contentType: media.contentType, type: bodyType(media, hint: hint),
                required: requestBody.required, documentation: requestBody.description,
                alternatives: requestBody.content.map { ($0.contentType, bodyType($0, hint: hint)) })
        }
        let bodiesCount = operation.responses.filter { !$0.content.isEmpty }.count
        let responses = operation.responses.map { response -> APIResponse in
            let media = preferredMedia(response.content)
            let hint = typePrefix + "Response" + (bodiesCount > 1 ? naming.typeName(response.statusCode) : "")
            return APIResponse(statusCode: response.statusCode, contentType: media?.contentType,
                               contentTypes: response.content.map(\.contentType),
                               type: media.map { bodyType($0, hint: hint) }, documentation: response.description)
        }
        return APIOperation(
            methodName: naming.escaped(methodName), httpMethod: operation.method.uppercased(), path: operation.path,
            summary: operation.summary, description: operation.description, deprecated: operation.deprecated,
            parameters: parameters, body: body, responses: responses,
            security: (operation.security ?? document.security).map { alternatives in
                alternatives.map { requirement in
                    requirement.schemeNames.compactMap { name in security.firstIndex { $0.name == name } }
                }
            },
            servers: operation.servers, location: operation.location)
    }

    /// JSON when offered (it is what the client models best), else the first media type.
    private func preferredMedia(_ content: [MediaType]) -> MediaType? {
        content.first { Self.isJSON($0.contentType) } ?? content.first
    }

    private func bodyType(_ media: MediaType, hint: String) -> TypeRef {
        let type = media.contentType.lowercased()
        if Self.isJSON(type) || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/") {
            return media.schema.map { schemas.typeRef(for: $0, hint: hint) } ?? .json
        }
        if type.hasPrefix("text/") { return .string }
        return .data
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        return type == "application/json" || type.hasSuffix("+json")
    }
}
