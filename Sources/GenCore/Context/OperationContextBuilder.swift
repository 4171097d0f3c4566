import Foundation

/// Builds the context of one client method: its signature, how it fills the request, and how
/// it reads each documented response.
struct OperationContextBuilder {
    let operation: APIOperation
    let spelling: SwiftTypeSpelling
    let naming: SwiftNaming
    let securitySchemes: [APISecurityScheme]
    let errorTypeName: String
    /// The error `Body` case for each error response type, by Swift type name.
    let errorCases: [String: String]
    /// The client's default server URL (the spec's first server), if any.
    let defaultServerURL: String?

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
        var bodyType = "Void"
        if let primary {
            bodyType = spelling.name(primary) + (hasOtherSuccess && !primary.isNullable ? "?" : "")
        }
        let returnsOptional = bodyType.hasSuffix("?")
        let body = operation.body
        let bodyCases = self.bodyCases()
        let bodyKind = bodyCases.isEmpty ? body.map { Self.bodyKind($0.contentType, $0.type) } : nil
        let query = items(.query), headers = items(.header), cookies = items(.cookie)
        let addsToRequest = body != nil || !query.isEmpty || !headers.isEmpty || !cookies.isEmpty
        let arguments = self.arguments(preferredBodyCase: bodyCases.first)
        let responses = sortedResponses().map { response in
            (response: response, context: responseContext(response, primary: primary, returnsOptional: returnsOptional))
        }
        let errors = responses.filter { !$0.response.isSuccess }
        let errorStatuses = errors.map { $0.response.statusCode == "default" ? "Default" : $0.response.statusCode.uppercased() }
        return OperationContext(
            name: operation.methodName,
            docLines: documentation(),
            attributes: operation.deprecated ? ["@available(*, deprecated)"] : [],
            parameterList: arguments.map(\.declaration).joined(separator: ", "),
            arguments: arguments,
            wrapsParameters: Self.wraps("\(operation.methodName)WithResponse", arguments, " -> HTTPResponse<\(bodyType)>"),
            wrapsPlainParameters: Self.wraps(operation.methodName, arguments, bodyType == "Void" ? "" : " -> " + bodyType),
            parameterLines: arguments.enumerated().map { index, argument in
                argument.declaration + (index < arguments.count - 1 ? "," : "")
            },
            packedParameterLines: LineWrapping.commaLines(arguments.map(\.declaration), indent: 8),
            forwardArguments: arguments.map { "\(SwiftTypeSpelling.argumentLabel($0.label)): \($0.name)" }.joined(separator: ", "),
            returnClause: bodyType == "Void" ? "" : " -> " + bodyType,
            bodyType: bodyType, returnsValue: bodyType != "Void",
            httpMethod: operation.httpMethod, pathTemplate: operation.path,
            requestDeclaration: addsToRequest ? "var" : "let",
            pathExpression: pathExpression(),
            queryItems: query, headerItems: headers, cookieItems: cookies,
            hasBody: body != nil, bodyIsOptional: body.map { !$0.required } ?? false,
            bodyIsJSON: bodyKind == .json, bodyIsText: bodyKind == .text, bodyIsData: bodyKind == .data,
            bodyIsForm: bodyKind == .form, bodyIsMultipart: bodyKind == .multipart,
            bodyContentTypeLiteral: SwiftTypeSpelling.literal(body?.contentType ?? ""),
            hasBodyChoice: !bodyCases.isEmpty, bodyEnumName: bodyEnumName, bodyCases: bodyCases,
            acceptLiteral: acceptLiteral(),
            securityLiteral: securityLiteral(),
            hasOwnServer: ownServerURL != nil,
            ownServerLiteral: ownServerURL.map(SwiftTypeSpelling.literal) ?? "",
            responses: responses.map(\.context),
            hasDefaultResponse: operation.responses.contains { $0.statusCode == "default" },
            successResponses: responses.filter(\.response.isSuccess).map(\.context),
            errorResponses: errors.map(\.context),
            hasErrorHandler: !errors.isEmpty,
            errorHandler: errors.isEmpty ? "" : "errorFor" + errorStatuses.joined(separator: "Or"),
            errorHandlerDocLines: errors.isEmpty ? [] : Self.errorHandlerDoc(errorStatuses))
    }

    /// What an error handler does, from the statuses it documents (`Default` last, if any).
    private static func errorHandlerDoc(_ statuses: [String]) -> [String] {
        let exact = statuses.filter { $0 != "Default" }
        let list = exact.count > 1 ? exact.dropLast().joined(separator: ", ") + " or " + exact[exact.count - 1] : exact.first ?? ""
        guard statuses.last == "Default" else {
            return ["/// The error for a response with status \(list), as documented; any other status is",
                    "/// undocumented."]
        }
        if exact.isEmpty {
            return ["/// The error for a response that is not a success, as the `default` response documents it."]
        }
        return ["/// The error for a response with status \(list), as documented, or any other status, as",
                "/// the `default` response."]
    }

    private enum BodyKind {
        case json, text, data, form, multipart
    }

    private static func bodyKind(_ contentType: String, _ type: TypeRef) -> BodyKind {
        let lowercased = contentType.lowercased()
        if APIGraphBuilder.isJSON(lowercased) { return .json }
        if lowercased.hasPrefix("application/x-www-form-urlencoded") { return .form }
        if lowercased.hasPrefix("multipart/") { return .multipart }
        if type == .string { return .text }
        return .data
    }

    private var bodyEnumName: String {
        naming.typeName(SwiftNaming.unescaped(operation.methodName)) + "Body"
    }

    /// A case per offered content type, when there is more than one.
    private func bodyCases() -> [BodyCaseContext] {
        guard let body = operation.body, body.alternatives.count > 1 else { return [] }
        var names = UniqueNames(reserved: [], suffixForReserved: "")
        return body.alternatives.map { contentType, type in
            let kind = Self.bodyKind(contentType, type)
            return BodyCaseContext(
                caseName: naming.escaped(names.claim(Self.caseName(contentType: contentType, naming: naming))),
                type: spelling.name(type), contentTypeLiteral: SwiftTypeSpelling.literal(contentType),
                isJSON: kind == .json, isText: kind == .text, isData: kind == .data, isForm: kind == .form,
                isMultipart: kind == .multipart)
        }
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

    private func acceptLiteral() -> String {
        var seen: [String] = []
        for type in operation.responses.flatMap(\.contentTypes) where !seen.contains(type) {
            seen.append(type)
        }
        return seen.isEmpty ? "nil" : SwiftTypeSpelling.literal(seen.joined(separator: ", "))
    }

    private func documentation() -> [String] {
        var lines = DocComment.lines(operation.summary, operation.description)
        let documented = operation.parameters.filter { $0.documentation != nil }
        if !documented.isEmpty || operation.body?.documentation != nil || ownServerURL != nil {
            if !lines.isEmpty { lines.append("///") }
            lines.append("/// - Parameters:")
            for parameter in documented {
                lines += parameterDoc(SwiftNaming.unescaped(parameter.swiftName), parameter.documentation)
            }
            if let text = operation.body?.documentation {
                lines += parameterDoc("body", text)
            }
            if let server = ownServerURL {
                lines += parameterDoc("serverURL", "Where to send this operation; `nil` sends it to its own server, `\(server)`, not the client's.")
            }
        }
        lines.append("/// - Throws: `\(errorTypeName)`.")
        return lines
    }

    private func parameterDoc(_ name: String, _ text: String?) -> [String] {
        let body = DocComment.lines(text).map { String($0.dropFirst(3)) }
        guard let first = body.first else { return [] }
        return ["///   - \(name):\(first)"] + body.dropFirst().map { $0.isEmpty ? "///" : "///    " + $0 }
    }

    /// Whether the longer of the two signatures would pass 120 columns on one line.
    private static func wraps(_ name: String, _ arguments: [ArgumentContext], _ returnClause: String) -> Bool {
        let parameters = arguments.map(\.declaration).joined(separator: ", ")
        let signature = "    public func \(name)(\(parameters)) async throws\(returnClause) {"
        return arguments.count > 1 && signature.count > 120
    }

    /// Required parameters first (in spec order), then the body, then optional parameters.
    private func arguments(preferredBodyCase choice: BodyCaseContext?) -> [ArgumentContext] {
        var required: [ArgumentContext] = []
        var optional: [ArgumentContext] = []
        for parameter in operation.parameters {
            let type = spelling.name(parameter.type, required: parameter.required)
            let argument = ArgumentContext(
                label: parameter.swiftName, name: parameter.swiftName, type: type,
                declaration: "\(parameter.swiftName): \(type)" + (parameter.required ? "" : " = nil"),
                location: parameter.location.rawValue, jsonName: parameter.jsonName, isLast: false,
                isBodyChoice: false, isServer: false, preferredBodyCase: "")
            if parameter.required { required.append(argument) } else { optional.append(argument) }
        }
        if let body = operation.body {
            let base = choice == nil ? spelling.name(body.type) : bodyEnumName
            let type = body.required || (choice == nil && body.type.isNullable) ? base : base + "?"
            required.append(ArgumentContext(
                label: "body", name: "body", type: type, declaration: "body: \(type)" + (body.required ? "" : " = nil"),
                location: "body", jsonName: "", isLast: false, isBodyChoice: choice != nil,
                isServer: false, preferredBodyCase: choice?.caseName ?? ""))
        }
        if ownServerURL != nil {
            optional.append(ArgumentContext(
                label: "serverURL", name: "serverURL", type: "URL?", declaration: "serverURL: URL? = nil",
                location: "server", jsonName: "", isLast: false, isBodyChoice: false, isServer: true,
                preferredBodyCase: ""))
        }
        var all = required + optional
        if !all.isEmpty { all[all.count - 1].isLast = true }
        return all
    }

    private func pathExpression() -> String {
        var result = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += escapedLiteralBody(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            if let parameter = operation.parameters.first(where: { $0.location == .path && $0.jsonName == name }) {
                let item = item(parameter)
                if item.isSimple {
                    result += "\\(WireFormat.pathSegment(\(item.valueExpression)))"
                } else {
                    result += "\\(WireFormat.pathParameter(\(item.nameLiteral), \(item.valueExpression), "
                        + "style: \(item.styleLiteral), explode: \(item.explode)))"
                }
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

    private func items(_ location: ParameterLocation) -> [ParameterItemContext] {
        operation.parameters.filter { $0.location == location }.map(item)
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
        let expression = isSimple
            ? stringExpression(parameter.swiftName, value)
            : parameterValue(parameter.swiftName, parameter.type.nonNull, optional: value.isNullable)
        return ParameterItemContext(
            nameLiteral: SwiftTypeSpelling.literal(parameter.jsonName),
            valueExpression: expression,
            isSimple: isSimple,
            styleLiteral: SwiftTypeSpelling.literal(style),
            explode: parameter.explode ?? (style == "form"))
    }

    private enum ParameterShape { case scalar, array, object }

    private func parameterShape(_ type: TypeRef) -> ParameterShape {
        switch type {
        case .array: return .array
        case .dictionary, .external: return .object
        case .named(let id):
            if case .stringEnum = spelling.graph.types[id].kind { return .scalar }
            return .object
        default: return .scalar
        }
    }

    /// A `ParameterValue` expression for `value` (of the non-null `type`).
    private func parameterValue(_ value: String, _ type: TypeRef, optional: Bool) -> String {
        guard optional else {
            switch parameterShape(type) {
            case .scalar: return "ParameterValue.scalar(\(stringExpression(value, type)))"
            case .object: return "ParameterValue.object(WireFormat.objectFields(\(value)))"
            case .array:
                guard case .array(let element) = type else { return "ParameterValue.array([])" }
                return "ParameterValue.array(\(stringExpression(value, .array(element.nonNull))))"
            }
        }
        return "\(value).map { v in \(parameterValue("v", type, optional: false)) }"
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
            if case .stringEnum = spelling.graph.types[id].kind { return "\(value).rawValue" }
            return "WireFormat.jsonString(\(value))"
        case .nullable(let wrapped):
            let inner = stringExpression(element, wrapped, depth: depth + 1)
            return inner == element ? value : "\(value).map { \(element) in \(inner) }"
        case .array(let wrapped):
            let inner = stringExpression(element, wrapped, depth: depth + 1)
            return inner == element ? value : "\(value).map { \(element) in \(inner) }"
        case .data, .json, .dictionary, .external:
            return "WireFormat.jsonString(\(value))"
        }
    }

    private func securityLiteral() -> String {
        guard let alternatives = operation.security else { return "nil" }
        let names = alternatives.map { alternative in
            "[" + alternative.map { SwiftTypeSpelling.literal(securitySchemes[$0].caseName) }.joined(separator: ", ") + "]"
        }
        return "[" + names.joined(separator: ", ") + "]"
    }

    /// Exact codes first, then ranges, then `default`, as a Swift `switch` takes the first match.
    private func sortedResponses() -> [APIResponse] {
        let responses = operation.responses
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

    private func responseContext(_ response: APIResponse, primary: TypeRef?, returnsOptional: Bool) -> ResponseContext {
        let returnsBody = response.isSuccess && response.type != nil && response.type == primary
        let contentType = response.contentType ?? ""
        let isJSON = response.type != nil && APIGraphBuilder.isJSON(contentType)
        let typeName = response.type.map(spelling.name) ?? ""
        let pattern = statusPattern(response.statusCode)
        return ResponseContext(
            statusPattern: pattern ?? "default", caseLabel: pattern.map { "case " + $0 } ?? "default",
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
