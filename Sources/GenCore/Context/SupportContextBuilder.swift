/// Builds the context of `Support.swift`: which of its internal helpers the models and the
/// client call, from the other contexts' flags, the helpers the client's builders recorded,
/// and the schema graph.
struct SupportContextBuilder {
    let headerLines: [SwiftCode]
    let access: SwiftCode
    let models: ModelsContext
    let client: ClientContext
    /// The `WireFormat` helpers the client's code calls.
    let wireHelpers: Set<WireHelper>
    let graph: SchemaGraph

    func build() -> SupportContext {
        let operations = client.operations
        let types = models.allTypes
        func calls(_ helper: WireHelper) -> Bool {
            wireHelpers.contains(helper)
        }
        func sends(_ isKind: (OperationContext) -> Bool, _ isCaseKind: (BodyCaseContext) -> Bool) -> Bool {
            operations.contains { isKind($0) || $0.bodyCases.contains(where: isCaseKind) }
        }
        let queryStyles = operations.contains { $0.queryItems.contains { !$0.isSimple } }
        let pathStyles = calls(.pathParameter)
        let headerStyles = operations.contains { $0.headerItems.contains { !$0.isSimple } }
        let cookies = operations.contains { !$0.cookieItems.isEmpty }
        let cookieStyles = operations.contains { $0.cookieItems.contains { !$0.isSimple } }
        let form = sends(\.bodyIsForm, \.isForm)
        let multipart = sends(\.bodyIsMultipart, \.isMultipart)
        let objectFields = calls(.objectFields)
        let formEncoded = form || calls(.formEncoded)
        // `formFields` (form bodies and query strings, object parameters) and `multipartParts`
        // write field values with `formText`, which writes arrays and objects with `jsonString`.
        let formText = formEncoded || multipart || objectFields
        let attempts = graph.types.flatMap { type -> [UnionShape.Attempt] in
            if case .union(let shape) = type.kind { return shape.attempts }
            return []
        }
        return SupportContext(
            headerLines: headerLines, access: access,
            usesStringEnums: types.contains { $0.isEnum },
            usesKeyedCoding: types.contains { $0.isStruct && ($0.hasCustomEncoder || $0.hasCustomDecoder) },
            usesUnions: types.contains { $0.isUnion },
            usesIndirect: graph.types.contains { type in
                if case .object(let shape) = type.kind { return shape.properties.contains(where: \.boxed) }
                return false
            },
            usesParameterValue: queryStyles || pathStyles || headerStyles || cookieStyles,
            usesQueryStyles: queryStyles, usesPathStyles: pathStyles, usesHeaderStyles: headerStyles,
            usesCookies: cookies,
            usesQueryString: operations.contains { !$0.queryStringItems.isEmpty },
            usesFormEncoded: formEncoded, usesJSONQuery: calls(.jsonQuery),
            usesCookieStyles: cookieStyles,
            usesSimpleStyle: pathStyles || headerStyles || cookieStyles,
            usesJSONBody: sends(\.bodyIsJSON, \.isJSON), usesTextBody: sends(\.bodyIsText, \.isText),
            usesDataBody: sends(\.bodyIsData, \.isData), usesFormBody: form, usesMultipartBody: multipart,
            usesFormFields: formEncoded || objectFields, usesFormText: formText,
            usesObjectFields: objectFields,
            usesJSONString: calls(.jsonString) || formText,
            usesAPIKey: client.authenticationCases.contains { $0.isAPIKey },
            usesVariants: types.contains { $0.properties.contains(where: \.isFlattened) },
            usesPatterns: attempts.contains { $0.pattern != nil },
            usesClosedObjects: attempts.contains { $0.closedKeys != nil }, usesConstants: types.contains { !$0.constantChecks.isEmpty },
            usesFileBody: operations.contains(where: \.bodyIsFile), usesUnionParameters: client.usesUnionParameters,
            usesStreaming: client.usesStreaming, usesServerSentEvents: client.usesServerSentEvents,
            usesJSONLines: client.usesJSONLines, usesStreamItems: client.usesServerSentEvents || client.usesJSONLines)
    }
}
