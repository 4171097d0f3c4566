/// Builds the context of `server.mustache`: for each operation with a method that reads the whole
/// body, how the server finds it (method and path template), reads each argument of its
/// requirement from the request, calls it, and writes the answer. Stream-only operations are
/// not served (a framework answers them as it answers any unknown route).
struct ServerAdapterContextBuilder {
    let api: APIGraph
    let client: ClientContext
    let apiContext: APIContext
    private var spelling: SwiftTypeSpelling { SwiftTypeSpelling(graph: api.schemas) }

    func build() -> ServerAdapterContext {
        let methods = Dictionary(client.operations.filter { !$0.bodyIsFile && !$0.isStream }.map { ($0.name.description, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let served = api.operations.compactMap { operation -> (APIOperation, OperationContext)? in
            guard operation.hasBufferedMethod, let method = methods["\(operation.methodName)"] else { return nil }
            return (operation, method)
        }
        let routes = served.enumerated().map { index, pair in route(pair.0, pair.1, index: index) }
        return ServerAdapterContext(
            headerLines: client.headerLines, access: client.access, serverName: "\(api.serverTypeName)",
            apiName: apiContext.apiName, errorName: client.errorName,
            errorBodies: api.errorBodies.map { ServerErrorBodyContext(caseName: "\($0.caseName)", writer: writer($0.type)) },
            routes: routes)
    }

    private func route(_ operation: APIOperation, _ method: OperationContext, index: Int) -> RouteContext {
        let template = PathTemplate(operation.path)
        var lines: [SwiftCode] = []
        for parameter in operation.parameters {
            lines.append(decodeLine(parameter, pathIndex: template.parameterNames.firstIndex(of: parameter.jsonName)))
        }
        if let body = operation.body {
            lines += bodyLines(body, operation: operation, method: method)
        }
        if method.hasOwnServer {
            lines.append("let serverURL: URL? = nil")
        }
        return RouteContext(
            index: index,
            handlerName: "\(SwiftName(bare: "serve" + upperFirst(operation.methodName.bare)))",
            httpMethodLiteral: .literal(operation.httpMethod),
            segmentsCode: .joined(template.segments.map { segment in
                switch segment {
                case .literal(let text): ".literal(\(SwiftCode.literal(text)))"
                case .parameter(let prefix, let suffix): ".parameter(prefix: \(SwiftCode.literal(prefix)), suffix: \(SwiftCode.literal(suffix)))"
                }
            }, separator: ", "),
            decodeLines: lines,
            callExpression: "try await api.\(method.withResponseName)(\(method.forwardArguments))",
            replyLine: replyLine(method))
    }

    private func upperFirst(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// `let limit = try request.parameter(Int.self, …)`: optional parameters are `T?`, required
    /// ones are refused when missing.
    private func decodeLine(_ parameter: APIParameter, pathIndex: Int?) -> SwiftCode {
        let name = parameter.swiftName
        let type = spelling.name(parameter.type.nonNull)
        if parameter.location == .querystring {
            let what = SwiftCode.literal("the query string '\(parameter.jsonName)'")
            let encoding: SwiftCode = switch parameter.queryStringEncoding {
            case .json?: ".json"
            case .form?: ".form"
            default: ".text"
            }
            let call: SwiftCode = "request.queryString(\(type).self, as: \(encoding), what: \(what))"
            return parameter.required ? "let \(name) = try Self.require(\(call), \(what))" : "let \(name) = try \(call)"
        }
        let jsonName = SwiftCode.literal(parameter.jsonName)
        let place: SwiftCode = switch parameter.location {
        case .path: ".path(\(pathIndex ?? 0), \(jsonName))"
        case .query, .querystring: ".query(\(jsonName))"
        case .header: ".header(\(jsonName))"
        case .cookie: ".cookie(\(jsonName))"
        }
        let defaultStyle = parameter.location == .query || parameter.location == .cookie ? "form" : "simple"
        let style = parameter.style ?? defaultStyle
        let explode = parameter.explode ?? (style == "form")
        let reader: SwiftCode = parameter.required ? "required" : "parameter"
        return "let \(name) = try request.\(reader)(\(type).self, \(place), style: \(SwiftCode.literal(style)), explode: \(explode), "
            + "\(shape(parameter.type)))"
    }

    /// `.list`, `.object` or `.scalar`: how a styled value's pieces are laid out.
    private func shape(_ type: TypeRef) -> SwiftCode {
        switch type.nonNull {
        case .array: ".list"
        case .dictionary: ".object"
        case .named(let id):
            if case .object = api.schemas.types[id].kind { ".object" } else { ".scalar" }
        default: ".scalar"
        }
    }

    private func bodyLines(_ body: APIRequestBody, operation: APIOperation, method: OperationContext) -> [SwiftCode] {
        if body.alternatives.count > 1, let enumName = operation.bodyEnumName {
            var lines: [SwiftCode] = ["let body: \(client.clientName).\(enumName)\(body.required ? "" : "?")", "switch request.mediaType {"]
            if !body.required {
                lines += ["case _ where request.body.isEmpty:", "    body = nil"]
            }
            // Two media types with one essence (`application/json` and `application/json; v=2`)
            // cannot be told apart by it: the first is read.
            var seen: Set<String> = []
            for alternative in body.alternatives where seen.insert(Self.essence(alternative.contentType)).inserted {
                let read = bodyRead(BodyEncoding(contentType: alternative.contentType, type: alternative.type), alternative.type, required: true)
                lines += ["case \(SwiftCode.literal(Self.essence(alternative.contentType))):",
                          "    body = .\(alternative.caseName)(\(read))"]
            }
            let offered = seen.sorted().joined(separator: ", ")
            lines += ["default:", "    throw ServerWire.Refusal(\(SwiftCode.literal("the request body's content type is not one of " + offered)))", "}"]
            return lines
        }
        let encoding = BodyEncoding(contentType: body.contentType, type: body.type)
        let required = body.required || body.type.isNullable
        return ["let body = \(bodyRead(encoding, body.type, required: required))"]
    }

    /// An expression reading the request's body as `type` sent as `encoding`; `required: false`
    /// makes it `nil` for an empty body.
    private func bodyRead(_ encoding: BodyEncoding, _ type: TypeRef, required: Bool) -> SwiftCode {
        let name = spelling.name(type)
        let optional: SwiftCode = required ? "" : "optional: true"
        switch encoding {
        case .json: return "try request.jsonBody(\(name).self\(required ? "" : ", optional: true"))"
        case .form: return "try request.formBody(\(name).self\(required ? "" : ", optional: true"))"
        case .multipart: return "try request.multipartBody(\(name).self\(required ? "" : ", optional: true"))"
        case .text, .eventStream, .jsonLines:
            return type.nonNull == .string ? "try request.textBody(\(optional))" : "request.dataBody(\(optional))"
        case .data: return "request.dataBody(\(optional))"
        }
    }

    /// How the requirement's answer is written: by the primary success response's encoding.
    private func replyLine(_ method: OperationContext) -> SwiftCode {
        guard let primary = method.successResponses.first(where: \.returnsBody) else {
            return "return Self.empty(response)"
        }
        let writer: SwiftCode = primary.isJSON ? "json" : primary.isText ? "text" : "data"
        return "return try Self.\(writer)(response, contentType: \(primary.contentTypeLiteral))"
    }

    private func writer(_ type: TypeRef) -> SwiftCode {
        switch type.nonNull {
        case .string: "text"
        case .data: "data"
        default: "json"
        }
    }

    /// `application/json` for `application/json; charset=utf-8`, lowercased.
    static func essence(_ contentType: String) -> String {
        String(contentType.lowercased().prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" })
    }
}

/// A path template's segments: `/pets/{id}.json` → `pets`, and a parameter between `` and `.json`.
struct PathTemplate {
    enum Segment: Equatable {
        case literal(String)
        /// A parameter, and the text around it within its segment.
        case parameter(prefix: String, suffix: String)
    }

    var segments: [Segment] = []
    /// The parameters' names, in the order of their segments.
    var parameterNames: [String] = []

    init(_ path: String) {
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            if let open = piece.firstIndex(of: "{"), let close = piece[open...].firstIndex(of: "}") {
                parameterNames.append(String(piece[piece.index(after: open)..<close]))
                segments.append(.parameter(prefix: String(piece[..<open]), suffix: String(piece[piece.index(after: close)...])))
            } else {
                segments.append(.literal(String(piece)))
            }
        }
    }
}
