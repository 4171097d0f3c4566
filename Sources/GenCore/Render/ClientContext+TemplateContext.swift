// The client file's contexts answer their keys as the models' and support's do (see
// Context+TemplateContext.swift, which also declares `DumpOnlyKeys`).

extension ClientContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "headerLines": .list(headerLines)
        case "access": .text(access)
        case "importLines": .list(importLines)
        case "hasNamespace": .bool(hasNamespace)
        case "namespace": .text(namespace)
        case "namespacePrefix": .text(namespacePrefix)
        case "isolation": .text(isolation)
        case "clientName": .text(clientName)
        case "apiName": .text(apiName)
        case "errorName": .text(errorName)
        case "docLines": .list(docLines)
        case "defaultServerLiteral": .text(defaultServerLiteral)
        case "hasDefaultServer": .bool(hasDefaultServer)
        case "authenticationCases": .list(authenticationCases)
        case "hasAuthentication": .bool(hasAuthentication)
        case "hasBasicCredential": .bool(hasBasicCredential)
        case "hasBearerCredential": .bool(hasBearerCredential)
        case "hasAPIKeyCredential": .bool(hasAPIKeyCredential)
        case "hasAuthorizationCredential": .bool(hasAuthorizationCredential)
        case "servers": .list(servers)
        case "errorBodies": .list(errorBodies)
        case "operations": .list(operations)
        case "errorHandlers": .list(errorHandlers)
        case "usesStreaming": .bool(usesStreaming)
        case "usesServerSentEvents": .bool(usesServerSentEvents)
        case "usesJSONLines": .bool(usesJSONLines)
        case "usesFileBody": .bool(usesFileBody)
        case "usesDateParameters": .bool(usesDateParameters)
        case "usesUnionParameters": .bool(usesUnionParameters)
        default: nil
        }
    }
}

extension ErrorHandlerContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "errorHandler": .text(errorHandler)
        case "errorHandlerDocLines": .list(errorHandlerDocLines)
        case "errorResponses": .list(errorResponses)
        case "hasDefaultResponse": .bool(hasDefaultResponse)
        default: nil
        }
    }
}

extension AuthenticationCaseContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "docLines": .list(docLines)
        case "factory": .text(factory)
        case "credentialExpression": .text(credentialExpression)
        case "schemeLiteral": .text(schemeLiteral)
        case "name": .text(name)
        case "isBasic": .bool(isBasic)
        case "isBearer": .bool(isBearer)
        case "isOAuth": .bool(isOAuth)
        case "isAPIKey": .bool(isAPIKey)
        case "isAuthorization": .bool(isAuthorization)
        default: nil
        }
    }
}

extension ServerContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "docLines": .list(docLines)
        case "signature": .text(signature)
        case "returnClause": .text(returnClause)
        case "urlInterpolation": .text(urlInterpolation)
        case "returnsOptional": .bool(returnsOptional)
        case "variableEnums": .list(variableEnums)
        default: nil
        }
    }
}

extension ServerVariableEnumContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "cases": .list(cases)
        default: nil
        }
    }
}

extension BodyCaseContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "caseName": .text(caseName)
        case "type": .text(type)
        case "contentTypeLiteral": .text(contentTypeLiteral)
        case "valueExpression": .text(valueExpression)
        case "isJSON": .bool(isJSON)
        case "isText": .bool(isText)
        case "isData": .bool(isData)
        case "isForm": .bool(isForm)
        case "isMultipart": .bool(isMultipart)
        default: nil
        }
    }
}

extension ArgumentContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["jsonName"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "label": .text(label)
        case "name": .text(name)
        case "type": .text(type)
        case "declaration": .text(declaration)
        case "location": .text(location)
        case "jsonNameLiteral": .text(jsonNameLiteral)
        case "isLast": .bool(isLast)
        case "isBodyChoice": .bool(isBodyChoice)
        case "isServer": .bool(isServer)
        case "preferredBodyCase": .text(preferredBodyCase)
        case "forwardArgument": .text(forwardArgument)
        case "isRequired": .bool(isRequired)
        default: nil
        }
    }
}

extension ErrorBodyContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "caseName": .text(caseName)
        case "type": .text(type)
        default: nil
        }
    }
}

extension OperationContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["operationID", "tags", "summary", "httpMethod", "path"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "withResponseName": .text(withResponseName)
        case "docLines": .list(docLines)
        case "attributes": .list(attributes)
        case "parameterList": .text(parameterList)
        case "arguments": .list(arguments)
        case "wrapsParameters": .bool(wrapsParameters)
        case "wrapsPlainParameters": .bool(wrapsPlainParameters)
        case "parameterLines": .list(parameterLines)
        case "packedParameterLines": .list(packedParameterLines)
        case "forwardArguments": .text(forwardArguments)
        case "returnClause": .text(returnClause)
        case "bodyType": .text(bodyType)
        case "returnsValue": .bool(returnsValue)
        case "httpMethodLiteral": .text(httpMethodLiteral)
        case "pathLiteral": .text(pathLiteral)
        case "requestDeclaration": .text(requestDeclaration)
        case "pathExpression": .text(pathExpression)
        case "queryItems": .list(queryItems)
        case "queryStringItems": .list(queryStringItems)
        case "headerItems": .list(headerItems)
        case "cookieItems": .list(cookieItems)
        case "hasBody": .bool(hasBody)
        case "bodyIsOptional": .bool(bodyIsOptional)
        case "bodyIsJSON": .bool(bodyIsJSON)
        case "bodyIsText": .bool(bodyIsText)
        case "bodyIsData": .bool(bodyIsData)
        case "bodyIsFile": .bool(bodyIsFile)
        case "fileArgument": .text(fileArgument)
        case "bodyIsForm": .bool(bodyIsForm)
        case "bodyIsMultipart": .bool(bodyIsMultipart)
        case "bodyContentTypeLiteral": .text(bodyContentTypeLiteral)
        case "bodyValueExpression": .text(bodyValueExpression)
        case "hasBodyChoice": .bool(hasBodyChoice)
        case "declaresBodyEnum": .bool(declaresBodyEnum)
        case "bodyEnumName": .text(bodyEnumName)
        case "bodyCases": .list(bodyCases)
        case "acceptLiteral": .text(acceptLiteral)
        case "securityLiteral": .text(securityLiteral)
        case "hasOwnServer": .bool(hasOwnServer)
        case "ownServerLiteral": .text(ownServerLiteral)
        case "responses": .list(responses)
        case "hasDefaultResponse": .bool(hasDefaultResponse)
        case "successResponses": .list(successResponses)
        case "errorResponses": .list(errorResponses)
        case "hasErrorHandler": .bool(hasErrorHandler)
        case "errorHandler": .text(errorHandler)
        case "errorHandlerDocLines": .list(errorHandlerDocLines)
        case "operationIDLiteral": .text(operationIDLiteral)
        case "tagLiterals": .list(tagLiterals)
        case "summaryLiteral": .text(summaryLiteral)
        case "isStream": .bool(isStream)
        case "sendFunction": .text(sendFunction)
        case "errorArgument": .text(errorArgument)
        case "paging": .list(paging)
        default: nil
        }
    }
}

extension PagingContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "pagesName": .text(pagesName)
        case "itemsName": .text(itemsName)
        case "cursorType": .text(cursorType)
        case "cursorName": .text(cursorName)
        case "itemType": .text(itemType)
        case "itemsExpression": .text(itemsExpression)
        case "startExpression": .text(startExpression)
        case "fetchLines": .list(fetchLines)
        case "pagesDocLines": .list(pagesDocLines)
        case "itemsDocLines": .list(itemsDocLines)
        default: nil
        }
    }
}

extension ParameterItemContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["jsonName", "style"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "nameLiteral": .text(nameLiteral)
        case "valueExpression": .text(valueExpression)
        case "isSimple": .bool(isSimple)
        case "styleLiteral": .text(styleLiteral)
        case "explode": .bool(explode)
        case "isRequired": .bool(isRequired)
        default: nil
        }
    }
}

extension QueryStringContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["jsonName"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "valueExpression": .text(valueExpression)
        case "isThrowing": .bool(isThrowing)
        default: nil
        }
    }
}

extension ResponseContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["statusCode", "contentType", "headers"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "statusPattern": .text(statusPattern)
        case "caseLabel": .text(caseLabel)
        case "isSuccess": .bool(isSuccess)
        case "isDefault": .bool(isDefault)
        case "hasBody": .bool(hasBody)
        case "isJSON": .bool(isJSON)
        case "isText": .bool(isText)
        case "isData": .bool(isData)
        case "type": .text(type)
        case "errorCase": .text(errorCase)
        case "returnsBody": .bool(returnsBody)
        case "returnsNil": .bool(returnsNil)
        case "returnsVoid": .bool(returnsVoid)
        case "throwsBody": .bool(throwsBody)
        case "throwsEmpty": .bool(throwsEmpty)
        case "contentTypeLiteral": .text(contentTypeLiteral)
        case "headerLiterals": .list(headerLiterals)
        case "returnsStream": .bool(returnsStream)
        case "streamExpression": .text(streamExpression)
        default: nil
        }
    }
}
