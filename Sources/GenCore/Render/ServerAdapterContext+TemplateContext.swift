// The server file's contexts answer their keys as the client's do (see Context+TemplateContext.swift).

extension ServerAdapterContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "headerLines": .list(headerLines)
        case "access": .text(access)
        case "importLines": .list(importLines)
        case "isolation": .text(isolation)
        case "serverName": .text(serverName)
        case "apiName": .text(apiName)
        case "errorName": .text(errorName)
        case "errorBodies": .list(errorBodies)
        case "routes": .list(routes)
        case "hasNamespace": .bool(hasNamespace)
        case "namespace": .text(namespace)
        case "namespacePrefix": .text(namespacePrefix)
        default: nil
        }
    }
}

extension ServerErrorBodyContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "caseName": .text(caseName)
        case "writer": .text(writer)
        default: nil
        }
    }
}

extension RouteContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "index": .text("\(index)")
        case "handlerName": .text(handlerName)
        case "httpMethodLiteral": .text(httpMethodLiteral)
        case "segmentsCode": .text(segmentsCode)
        case "decodeLines": .list(decodeLines)
        case "callExpression": .text(callExpression)
        case "replyLine": .text(replyLine)
        default: nil
        }
    }
}
