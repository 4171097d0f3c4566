import Foundation

/// Builds the context of one client method: its signature, how it fills the request, and how
/// it reads each documented response.
struct OperationContextBuilder {
    let operation: APIOperation
    let spelling: SwiftTypeSpelling
    let securitySchemes: [APISecurityScheme]
    let errorTypeName: SwiftName
    /// The error `Body` case for each error response type.
    let errorCases: [TypeRef: SwiftName]
    let errorHandlers: [ErrorHandler]
    /// The client's default server URL (the spec's first server), if any.
    let defaultServerURL: String?
    let helpers: WireHelperLog
    /// Builds the context of this stream method of the operation instead of its buffered one.
    var stream: APIStream?
    /// Builds the context of the method that sends the raw-bytes body from a file (the
    /// overload whose parameter is `body.fileParameterName`).
    var sendsFile = false

    /// The name of the file parameter, in the method that sends one.
    private var fileParameter: SwiftName? {
        sendsFile ? operation.body?.fileParameterName : nil
    }

    /// The URL of the operation's own server: its first server, unless that is the client's
    /// default one (then it goes where the client's `serverURL` points, like the others).
    private var ownServerURL: String? {
        guard let server = operation.servers.first else { return nil }
        let url = ServerURL.withDefaults(server)
        return url == defaultServerURL ? nil : url
    }

    func build() -> OperationContext {
        // The method returns the first success body's type; other success responses (no body,
        // or another type) make it optional.
        let primary = operation.responses.first { $0.isSuccess && $0.type != nil }?.type
        let hasOtherSuccess = operation.responses.contains { $0.isSuccess && $0.type != primary }
        var bodyType: SwiftCode = "Void"
        var returnsOptional = false
        if let stream {
            bodyType = streamType(stream)
        } else if let primary {
            returnsOptional = hasOtherSuccess && !primary.isNullable
            bodyType = spelling.name(primary) + (returnsOptional ? "?" : "")
        }
        let returnsValue = primary != nil || stream != nil
        let returnClause: SwiftCode = returnsValue ? " -> \(bodyType)" : ""
        let body = operation.body
        let bodyCases = self.bodyCases()
        let bodyEncoding = bodyCases.isEmpty ? body.map { BodyEncoding(contentType: $0.contentType, type: $0.type).sent(as: $0.type) } : nil
        let query = items(.query), headers = items(.header), cookies = items(.cookie)
        let queryStrings = operation.parameters.compactMap(queryString)
        let addsToRequest = body != nil || !query.isEmpty || !queryStrings.isEmpty || !headers.isEmpty || !cookies.isEmpty
        let arguments = self.arguments(preferredBodyCase: bodyCases.first)
        let declarations = arguments.map(\.declaration)
        let responses = APIResponse.switchOrder(operation.responses)
        var contexts = responses.map { response in
            var context = ResponseContextBuilder(spelling: spelling, errorCases: errorCases)
                .build(response, primary: primary, returnsOptional: returnsOptional)
            if let stream, response.isSuccess {
                context.returnsBody = false
                context.returnsNil = false
                context.returnsVoid = false
                context.returnsStream = true
                context.streamExpression = streamExpression(stream, type: bodyType)
            }
            return context
        }
        readsEverySuccess(&contexts, of: responses)
        let handler = operation.errorHandler.map { errorHandlers[$0] }
        let methodName = stream?.methodName ?? operation.methodName
        let withResponseName = stream?.withResponseName ?? operation.withResponseName
        var context = OperationContext(
            name: "\(methodName)",
            withResponseName: "\(withResponseName)",
            docLines: documentation(),
            attributes: operation.deprecated ? ["@available(*, deprecated)"] : [],
            parameterList: .joined(declarations, separator: ", "),
            arguments: arguments,
            wrapsParameters: Self.wraps(withResponseName, declarations, " -> HTTPResponse<\(bodyType)>"),
            wrapsPlainParameters: Self.wraps(methodName, declarations, returnClause),
            parameterLines: declarations.enumerated().map { index, declaration in
                declaration + (index < declarations.count - 1 ? "," : "")
            },
            packedParameterLines: LineWrapping.commaLines(declarations, indent: 8),
            forwardArguments: .joined(arguments.map(\.forwardArgument), separator: ", "),
            returnClause: returnClause,
            bodyType: bodyType, returnsValue: returnsValue,
            httpMethodLiteral: .literal(operation.httpMethod), pathLiteral: .literal(operation.path),
            requestDeclaration: addsToRequest ? "var" : "let",
            pathExpression: pathExpression(),
            queryItems: query, queryStringItems: queryStrings, headerItems: headers, cookieItems: cookies,
            hasBody: body != nil, bodyIsOptional: body.map { !$0.required } ?? false,
            bodyIsJSON: bodyEncoding == .json, bodyIsText: bodyEncoding == .text, bodyIsData: bodyEncoding == .data,
            bodyIsForm: bodyEncoding == .form, bodyIsMultipart: bodyEncoding == .multipart,
            bodyContentTypeLiteral: .literal(body?.contentType ?? ""),
            hasBodyChoice: !bodyCases.isEmpty, bodyEnumName: operation.bodyEnumName.map { "\($0)" } ?? "",
            bodyCases: bodyCases,
            acceptLiteral: acceptLiteral(),
            securityLiteral: securityLiteral(),
            hasOwnServer: ownServerURL != nil,
            ownServerLiteral: ownServerURL.map(SwiftCode.literal) ?? "",
            responses: contexts,
            hasDefaultResponse: operation.responses.contains(where: \.isDefault),
            successResponses: zip(responses, contexts).filter { $0.0.isSuccess }.map(\.1),
            errorResponses: zip(responses, contexts).filter { !$0.0.isSuccess }.map(\.1),
            hasErrorHandler: handler != nil,
            errorHandler: handler.map { "\($0.name)" } ?? "",
            errorHandlerDocLines: handler.map { ErrorHandlerContextBuilder.documentation($0) } ?? [],
            operationID: operation.operationID ?? "", operationIDLiteral: .literal(operation.operationID ?? ""),
            tags: operation.tags, tagLiterals: operation.tags.map(SwiftCode.literal),
            summary: operation.summary ?? "", summaryLiteral: .literal(operation.summary ?? ""),
            httpMethod: operation.httpMethod, path: operation.path)
        context.declaresBodyEnum = !bodyCases.isEmpty && (stream == nil || !operation.hasBufferedMethod)
        if let body, bodyEncoding == .json {
            // Foundation's encoder writes a UUID in capitals; a body of UUIDs is written as properties are.
            context.bodyValueExpression = spelling.wireExpression("body", body.required ? body.type : body.type.makingNullable()) ?? "body"
        }
        if let file = fileParameter {
            context.bodyIsData = false
            context.bodyIsFile = true
            context.fileArgument = "\(file)"
        }
        if stream == nil, !sendsFile, let paging = operation.paging {
            context.paging = [PagingContextBuilder(operation: operation, paging: paging, spelling: spelling, arguments: arguments).build()]
        }
        if stream != nil {
            context.isStream = true
            // `self.`: a parameter may be named `stream` (as LLM APIs name one).
            context.sendFunction = "self.stream"
            context.errorArgument = "Self.collected(response)"
        }
        return context
    }

    /// Real specs document one success status where servers answer another (201 on a create
    /// documented as 200, 204 where a body-less 200 is documented): when the only success
    /// response is one status, its branch of the `switch` reads every 2XX status with a body,
    /// and, without one, every 2XX that came empty (a body nobody documented stays
    /// `undocumented`, so it is not dropped in silence). `WithResponse` still reports the status
    /// that came. Several success responses, a stream, or a `default` response (which documents
    /// the other statuses): each status as documented.
    private func readsEverySuccess(_ contexts: inout [ResponseContext], of responses: [APIResponse]) {
        let successes = responses.indices.filter { responses[$0].isSuccess }
        guard stream == nil, successes.count == 1, let only = successes.first,
              let status = Int(responses[only].statusCode), !responses.contains(where: \.isDefault)
        else { return }
        if contexts[only].returnsBody {
            contexts[only].statusPattern = "200...299"
        } else if contexts[only].returnsVoid {
            contexts[only].statusPattern = "200...299 where response.status == \(status) || response.body.isEmpty"
        } else {
            return
        }
        contexts[only].caseLabel = "case \(contexts[only].statusPattern)"
    }

    /// `ServerSentEvents<ChatEvent>`, `JSONLines<Tick>`, or `ByteStream` for bytes.
    private func streamType(_ stream: APIStream) -> SwiftCode {
        switch stream.encoding {
        case .eventStream: "ServerSentEvents<\(spelling.name(stream.itemType))>"
        case .jsonLines: "JSONLines<\(spelling.name(stream.itemType))>"
        default: "ByteStream"
        }
    }

    /// The stream a success response's body is read as; events whose data is text are not
    /// decoded as JSON.
    private func streamExpression(_ stream: APIStream, type: SwiftCode) -> SwiftCode {
        switch stream.encoding {
        case .eventStream where stream.itemType == .string: "\(type)(text: response.body)"
        case .eventStream, .jsonLines: "\(type)(response.body, decoder: WireFormat.decoder())"
        default: "response.body"
        }
    }

    /// A case per offered content type, when there is more than one.
    private func bodyCases() -> [BodyCaseContext] {
        guard let body = operation.body, body.alternatives.count > 1 else { return [] }
        return body.alternatives.map { alternative in
            let encoding = BodyEncoding(contentType: alternative.contentType, type: alternative.type).sent(as: alternative.type)
            return BodyCaseContext(
                caseName: "\(alternative.caseName)",
                type: spelling.name(alternative.type), contentTypeLiteral: .literal(alternative.contentType),
                valueExpression: spelling.wireExpression("value", alternative.type) ?? "value",
                isJSON: encoding == .json, isText: encoding == .text, isData: encoding == .data, isForm: encoding == .form,
                isMultipart: encoding == .multipart)
        }
    }

    /// The media types of the responses; a stream method asks for its stream and the error
    /// responses' types.
    private func acceptLiteral() -> SwiftCode {
        var seen: [String] = []
        var types = operation.responses.flatMap(\.contentTypes)
        if let stream {
            types = [stream.contentType] + operation.responses.filter { !$0.isSuccess }.flatMap(\.contentTypes)
        }
        for type in types where !seen.contains(type) {
            seen.append(type)
        }
        return seen.isEmpty ? "nil" : .literal(seen.joined(separator: ", "))
    }

    private func documentation() -> [SwiftCode] {
        var lines = SwiftCode.docLines(operation.summary, operation.description)
        let documented = operation.parameters.filter { $0.documentation != nil }
        if !documented.isEmpty || operation.body?.documentation != nil || fileParameter != nil || ownServerURL != nil {
            if !lines.isEmpty { lines.append("///") }
            lines.append("/// - Parameters:")
            for parameter in documented {
                lines += parameterDoc("\(parameter.swiftName.bare)", parameter.documentation)
            }
            if let file = fileParameter {
                lines += parameterDoc("\(file.bare)", "The file whose bytes are the body, read as they are sent.")
            } else if let text = operation.body?.documentation {
                lines += parameterDoc("body", text)
            }
            if let server = ownServerURL {
                lines += parameterDoc("serverURL", "Where to send this operation; `nil` sends it to its own server, `\(server)`, not the client's.")
            }
        }
        if let stream {
            if !lines.isEmpty { lines.append("///") }
            lines += stream.encoding == .data
                ? SwiftCode.docLines("Returns once the response head has arrived; the body's bytes arrive as they are read. Leaving\nthe loop over them, or cancelling the task, cancels the request.")
                : SwiftCode.docLines("Returns once the response head has arrived; the items arrive as the server sends them.\nLeaving the loop over them, or cancelling the task, cancels the request.")
        }
        lines.append("/// - Throws: `\(errorTypeName)`.")
        return lines
    }

    /// `///   - name: text`, continued on indented `///` lines.
    private func parameterDoc(_ name: String, _ text: String?) -> [SwiftCode] {
        let body = SwiftCode.docLines(text)
        guard !body.isEmpty else { return [] }
        // The emitter makes the lines safe; the name and the indentation are its prefix.
        return SwiftCode.docLines(text.map { "  - \(name): " + $0 }).enumerated().map { index, line in
            index == 0 ? line : SwiftCode.indentedDocLine(line, by: 4)
        }
    }

    /// Whether the longer of the two signatures would pass 120 columns on one line.
    private static func wraps(_ name: SwiftName, _ parameters: [SwiftCode], _ returnClause: SwiftCode) -> Bool {
        let signature: SwiftCode = "public func \(name)(\(SwiftCode.joined(parameters, separator: ", "))) async throws\(returnClause) {"
        return parameters.count > 1 && LineWrapping.overflows(signature, indent: 4)
    }

    /// Required parameters first (in spec order), then the body, then optional parameters.
    private func arguments(preferredBodyCase choice: BodyCaseContext?) -> [ArgumentContext] {
        var required: [ArgumentContext] = []
        var optional: [ArgumentContext] = []
        for parameter in operation.parameters {
            let type = spelling.name(parameter.type, required: parameter.required)
            let name = parameter.swiftName
            let argument = ArgumentContext(
                label: "\(name)", name: "\(name)", type: type,
                declaration: "\(name): \(type)" + (parameter.required ? "" : " = nil"),
                location: parameter.location.rawValue, jsonNameLiteral: .literal(parameter.jsonName), isLast: false,
                isBodyChoice: false, isServer: false, preferredBodyCase: "", forwardArgument: "\(label: name): \(name)",
                jsonName: parameter.jsonName, isRequired: parameter.required)
            if parameter.required { required.append(argument) } else { optional.append(argument) }
        }
        if let file = fileParameter {
            required.append(ArgumentContext(
                label: "\(file)", name: "\(file)", type: "URL", declaration: "\(file): URL",
                location: "body", jsonNameLiteral: .literal(""), isLast: false, isBodyChoice: false,
                isServer: false, preferredBodyCase: "", forwardArgument: "\(label: file): \(file)", isRequired: true))
        } else if let body = operation.body {
            let base = operation.bodyEnumName.map { "\($0)" } ?? spelling.name(body.type)
            let type = body.required || (choice == nil && body.type.isNullable) ? base : base + "?"
            required.append(ArgumentContext(
                label: "body", name: "body", type: type, declaration: "body: \(type)" + (body.required ? "" : " = nil"),
                location: "body", jsonNameLiteral: .literal(""), isLast: false, isBodyChoice: choice != nil,
                isServer: false, preferredBodyCase: choice?.caseName ?? "", forwardArgument: "body: body", isRequired: body.required))
        }
        if ownServerURL != nil {
            optional.append(ArgumentContext(
                label: "serverURL", name: "serverURL", type: "URL?", declaration: "serverURL: URL? = nil",
                location: "server", jsonNameLiteral: .literal(""), isLast: false, isBodyChoice: false, isServer: true,
                preferredBodyCase: "", forwardArgument: "serverURL: serverURL"))
        }
        var all = required + optional
        if !all.isEmpty { all[all.count - 1].isLast = true }
        return all
    }

    /// The path as a literal whose placeholders are filled by the path parameters.
    private func pathExpression() -> SwiftCode {
        .interpolatedLiteral(TemplatedText.parts(of: operation.path) { name in
            guard let parameter = operation.parameters.first(where: { $0.location == .path && $0.jsonName == name }) else {
                return nil
            }
            let item = item(parameter)
            if item.isSimple {
                return helpers.call(.pathSegment, item.valueExpression)
            }
            return helpers.call(.pathParameter,
                                "\(item.nameLiteral), \(item.valueExpression), style: \(item.styleLiteral), explode: \(item.explode)")
        })
    }

    private func items(_ location: ParameterLocation) -> [ParameterItemContext] {
        operation.parameters.filter { $0.location == location }.map(item)
    }

    /// An optional string `Idempotency-Key` header of a `POST` or `PATCH`: the client makes one
    /// when the caller passes none, and the request, carrying it, may be retried
    /// (`RetryPolicy`), as the key lets the server tell a retry from a new request.
    private func isGeneratedIdempotencyKey(_ parameter: APIParameter, simple: Bool) -> Bool {
        simple && parameter.location == .header && parameter.jsonName.lowercased() == "idempotency-key" && !parameter.required
            && parameter.type.nonNull == .string && ["POST", "PATCH"].contains(operation.httpMethod)
    }

    /// How a parameter goes on the wire. Scalars in their location's default style take the
    /// plain `String` path; arrays, objects and other styles go through `ParameterValue`.
    private func item(_ parameter: APIParameter) -> ParameterItemContext {
        let defaultStyle = parameter.location == .query || parameter.location == .cookie ? "form" : "simple"
        let style = parameter.style ?? defaultStyle
        let optional = !parameter.required && !parameter.type.isNullable
        let value = optional ? parameter.type.makingNullable() : parameter.type
        let isScalar = parameterShape(parameter.type.nonNull) == .scalar
        let isSimple = isScalar && style == defaultStyle
        let name: SwiftCode = "\(parameter.swiftName)"
        let jsonName = SwiftCode.literal(parameter.jsonName)
        var expression = isSimple
            ? stringExpression(name, value, parameter: jsonName)
            : parameterValue(name, parameter.type.nonNull, optional: value.isNullable, parameter: jsonName)
        if isGeneratedIdempotencyKey(parameter, simple: isSimple) {
            // One key per call, made before the retries, so every attempt sends the same.
            expression = "\(name) ?? UUID().uuidString.lowercased()"
        }
        return ParameterItemContext(
            nameLiteral: .literal(parameter.jsonName),
            valueExpression: expression,
            isSimple: isSimple,
            styleLiteral: .literal(style),
            explode: parameter.explode ?? (style == "form"),
            jsonName: parameter.jsonName, style: style, isRequired: parameter.required)
    }

    /// How a `querystring` parameter writes the whole query, by the encoding the graph chose.
    private func queryString(_ parameter: APIParameter) -> QueryStringContext? {
        guard let encoding = parameter.queryStringEncoding else { return nil }
        let optional = !parameter.required || parameter.type.isNullable
        let value: SwiftCode = optional ? "$0" : "\(parameter.swiftName)"
        let encoded: SwiftCode
        switch encoding {
        case .form: encoded = helpers.call(.formEncoded, value)
        case .json: encoded = helpers.call(.jsonQuery, value)
        default: encoded = "WireFormat.queryComponent(\(value))"
        }
        let throwing = encoding == .form || encoding == .json
        return QueryStringContext(
            valueExpression: optional ? "\(parameter.swiftName).map { \(throwing ? "try " : "")\(encoded) }" : encoded,
            isThrowing: throwing, jsonName: parameter.jsonName)
    }

    /// How a parameter's type is laid out; a union is laid out by the value its JSON holds.
    private enum ParameterShape { case scalar, array, object, union }

    private func parameterShape(_ type: TypeRef) -> ParameterShape {
        switch type {
        case .array: return .array
        case .dictionary, .external: return .object
        case .named(let id):
            switch spelling.graph.types[id].kind {
            case .stringEnum, .integerEnum: return .scalar
            case .union: return .union
            case .object: return .object
            }
        default: return .scalar
        }
    }

    /// A `ParameterValue` expression for `value` (of the non-null `type`). `parameter` is the
    /// parameter's name as a literal, for the refusal of a value that cannot be written.
    private func parameterValue(_ value: SwiftCode, _ type: TypeRef, optional: Bool, parameter: SwiftCode) -> SwiftCode {
        guard optional else {
            switch parameterShape(type) {
            case .scalar: return "ParameterValue.scalar(\(stringExpression(value, type, parameter: parameter)))"
            case .object: return "ParameterValue.object(\(helpers.call(.objectFields, value)))"
            case .union: return helpers.clientCall(.unionParameter, "unionParameter", "\(value), \(parameter)")
            case .array:
                guard case .array(let element) = type else { return "ParameterValue.array([])" }
                return "ParameterValue.array(\(stringExpression(value, .array(element.nonNull), parameter: parameter)))"
            }
        }
        let inner = parameterValue("v", type, optional: false, parameter: parameter)
        return "\(throwsWriting(type) ? "try " : "")\(value).map { v in \(inner) }"
    }

    /// `value` of `type` as the string (or strings, for arrays) a parameter puts on the wire.
    private func stringExpression(_ value: SwiftCode, _ type: TypeRef, parameter: SwiftCode, depth: Int = 0) -> SwiftCode {
        let element: SwiftCode = "v\(depth)"
        switch type {
        case .string: return value
        case .uuid: return "\(value).uuidString.lowercased()"
        case .integer, .int32, .int64, .double, .float, .boolean: return "String(\(value))"
        case .dateTime: return helpers.clientCall(.dateParameter, "dateParameter", "\(value), \(parameter)")
        case .named(let id):
            switch spelling.graph.types[id].kind {
            case .stringEnum: return "\(value).rawValue"
            case .integerEnum: return "String(\(value).rawValue)"
            case .union: return helpers.clientCall(.unionParameter, "unionParameterText", "\(value), \(parameter)")
            case .object: return helpers.call(.jsonString, value)
            }
        case .array where depth > 0:
            // No style writes an array inside an array: the inner one goes as JSON text.
            return helpers.call(.jsonString, value)
        case .nullable(let wrapped), .array(let wrapped):
            let inner = stringExpression(element, wrapped, parameter: parameter, depth: depth + 1)
            guard inner != element else { return value }
            return "\(throwsWriting(wrapped, depth: depth + 1) ? "try " : "")\(value).map { \(element) in \(inner) }"
        case .data, .json, .dictionary, .external:
            return helpers.call(.jsonString, value)
        }
    }

    /// Whether writing a value of `type` as a parameter may refuse it (`try`): a date RFC 3339
    /// cannot write, a union value with no text form. Follows `stringExpression`'s cases.
    private func throwsWriting(_ type: TypeRef, depth: Int = 0) -> Bool {
        switch type {
        case .dateTime: return true
        case .named(let id):
            if case .union = spelling.graph.types[id].kind { return true }
            return false
        case .array where depth > 0: return false
        case .nullable(let wrapped), .array(let wrapped): return throwsWriting(wrapped, depth: depth + 1)
        default: return false
        }
    }

    private func securityLiteral() -> SwiftCode {
        guard let alternatives = operation.security else { return "nil" }
        let names = alternatives.map { alternative in
            "[\(SwiftCode.joined(alternative.map { SwiftCode.literal(securitySchemes[$0].caseName.bare) }, separator: ", "))]" as SwiftCode
        }
        return "[\(SwiftCode.joined(names, separator: ", "))]"
    }
}
