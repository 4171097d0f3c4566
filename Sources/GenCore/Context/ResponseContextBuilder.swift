/// How one documented response is read, for an operation's `switch` or an error handler's.
struct ResponseContextBuilder {
    let spelling: SwiftTypeSpelling
    let errorCases: [TypeRef: SwiftName]

    func build(_ response: APIResponse, primary: TypeRef?, returnsOptional: Bool) -> ResponseContext {
        let returnsBody = response.isSuccess && response.type != nil && response.type == primary
        let encoding = response.encoding
        let pattern: SwiftCode? = response.statuses.map { range in
            range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)...\(range.upperBound)"
        }
        return ResponseContext(
            statusPattern: pattern ?? "default",
            caseLabel: pattern.map { "case \($0)" } ?? "default",
            isSuccess: response.isSuccess, isDefault: response.isDefault,
            hasBody: response.type != nil,
            isJSON: encoding == .json, isText: encoding == .text, isData: encoding == .data,
            type: response.type.map(spelling.name) ?? "",
            errorCase: response.type.flatMap { errorCases[$0] }.map { "\($0)" } ?? "",
            returnsBody: returnsBody,
            returnsNil: response.isSuccess && !returnsBody && returnsOptional,
            returnsVoid: response.isSuccess && !returnsBody && primary == nil,
            throwsBody: !response.isSuccess && response.type != nil,
            throwsEmpty: !response.isSuccess && response.type == nil,
            statusCode: response.statusCode,
            contentType: response.contentType ?? "", contentTypeLiteral: .literal(response.contentType ?? ""),
            headers: response.headers, headerLiterals: response.headers.map(SwiftCode.literal))
    }
}

/// The context of a shared error handler.
struct ErrorHandlerContextBuilder {
    let handler: ErrorHandler
    let spelling: SwiftTypeSpelling
    let errorCases: [TypeRef: SwiftName]

    func build() -> ErrorHandlerContext {
        let responses = ResponseContextBuilder(spelling: spelling, errorCases: errorCases)
        return ErrorHandlerContext(
            errorHandler: "\(handler.name)", errorHandlerDocLines: Self.documentation(handler),
            errorResponses: handler.responses.map { responses.build($0, primary: nil, returnsOptional: false) },
            hasDefaultResponse: handler.responses.contains(where: \.isDefault))
    }

    /// What the handler does, from the statuses it documents (`default` last, if any).
    static func documentation(_ handler: ErrorHandler) -> [SwiftCode] {
        let exact = handler.responses.filter { !$0.isDefault }.map { $0.statusCode.uppercased() }
        let list = exact.count > 1 ? exact.dropLast().joined(separator: ", ") + " or " + exact[exact.count - 1] : exact.first ?? ""
        guard handler.responses.last?.isDefault == true else {
            return SwiftCode.docLines("The error for a response with status \(list), as documented; any other status is\nundocumented.")
        }
        if exact.isEmpty {
            return SwiftCode.docLines("The error for a response that is not a success, as the `default` response documents it.")
        }
        return SwiftCode.docLines("The error for a response with status \(list), as documented, or any other status, as\nthe `default` response.")
    }
}
