/// Builds the context of `api.mustache` from the client's: the protocol requires what the client
/// already declares, so each requirement is made from the client method's own pieces.
struct APIContextBuilder {
    let client: ClientContext
    let protocolName: SwiftName
    let stubName: SwiftName

    func build() -> APIContext {
        APIContext(
            headerLines: client.headerLines, access: client.access, apiName: "\(protocolName)", stubName: "\(stubName)",
            clientName: client.clientName, errorName: client.errorName,
            // A method sending its body from a file is the client's convenience over the one
            // sending `Data`, which the protocol requires.
            operations: client.operations.filter { !$0.bodyIsFile }.map(operation))
    }

    /// The Swift types the protocol's signatures name: every parameter's and every answer's.
    var signatureTypes: [SwiftCode] {
        client.operations.flatMap { $0.arguments.map(\.type) + [$0.bodyType] }
    }

    private func operation(_ method: OperationContext) -> APIOperationContext {
        let access = client.access
        // A body offered in several media types is an enum nested in the client.
        let types = method.arguments.map { $0.isBodyChoice ? "\(client.clientName).\($0.type)" : $0.type }
        let requirements = zip(method.arguments, types).map { argument, type -> SwiftCode in "\(argument.name): \(type)" }
        let plain = zip(method.arguments, requirements).map { argument, requirement -> SwiftCode in
            argument.declaration.description.hasSuffix(" = nil") ? requirement + " = nil" : requirement
        }
        let response: SwiftCode = " async throws -> HTTPResponse<\(method.bodyType)>"
        let closureParameters = zip(method.arguments, types).map { argument, type -> SwiftCode in "_ \(argument.name): \(type)" }
        let labels = method.arguments.map { "\($0.label):" }.joined()
        return APIOperationContext(
            name: method.name, withResponseName: method.withResponseName, attributes: method.attributes,
            requirementLines: Self.signatureLines("func \(method.withResponseName)", requirements, response),
            plainSignatureLines: Self.signatureLines("\(access) func \(method.name)", plain,
                                                     " async throws\(method.returnClause) {"),
            stubSignatureLines: Self.signatureLines("\(access) func \(method.withResponseName)", requirements, response + " {"),
            forwardArguments: method.forwardArguments, returnsValue: method.returnsValue,
            closureType: "(@Sendable (\(SwiftCode.joined(closureParameters, separator: ", "))) async throws -> \(method.bodyType))?",
            closureArguments: .joined(method.arguments.map { "\($0.name)" }, separator: ", "),
            operationLiteral: .literal("\(method.name)(\(labels))"),
            stubStatus: "\(Self.successStatus(method.successResponses))")
    }

    /// `head(parameters)tail` on one line when it fits at 4 columns, else one line for
    /// `head(`, the parameters packed on lines indented 4 more, and `)tail`.
    static func signatureLines(_ head: SwiftCode, _ parameters: [SwiftCode], _ tail: SwiftCode) -> [SwiftCode] {
        let line: SwiftCode = "\(head)(\(SwiftCode.joined(parameters, separator: ", ")))\(tail)"
        guard parameters.count > 1, LineWrapping.overflows(line, indent: 4) else { return [line] }
        return ["\(head)("] + LineWrapping.commaLines(parameters, indent: 8).map { "    \($0)" } + [")\(tail)"]
    }

    /// The first documented success status, `200` for `2XX`; `200` when none is documented.
    static func successStatus(_ responses: [ResponseContext]) -> Int {
        for response in responses {
            if let status = Int(response.statusCode) { return status }
            if let first = response.statusCode.first, let hundreds = Int(String(first)) { return hundreds * 100 }
        }
        return 200
    }
}
