// The API file's contexts answer their keys as the client's do (see Context+TemplateContext.swift).

extension APIContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "headerLines": .list(headerLines)
        case "access": .text(access)
        case "importLines": .list(importLines)
        case "isolation": .text(isolation)
        case "apiName": .text(apiName)
        case "stubName": .text(stubName)
        case "clientName": .text(clientName)
        case "errorName": .text(errorName)
        case "operations": .list(operations)
        case "hasNamespace": .bool(hasNamespace)
        case "namespace": .text(namespace)
        case "namespacePrefix": .text(namespacePrefix)
        default: nil
        }
    }
}

extension APIOperationContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "withResponseName": .text(withResponseName)
        case "attributes": .list(attributes)
        case "requirementLines": .list(requirementLines)
        case "plainSignatureLines": .list(plainSignatureLines)
        case "stubSignatureLines": .list(stubSignatureLines)
        case "forwardArguments": .text(forwardArguments)
        case "returnsValue": .bool(returnsValue)
        case "closureType": .text(closureType)
        case "closureArguments": .text(closureArguments)
        case "operationLiteral": .text(operationLiteral)
        case "stubStatus": .text(stubStatus)
        default: nil
        }
    }
}
