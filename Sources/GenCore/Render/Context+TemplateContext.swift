// Each context answers its keys with a `switch`, returning its stored values as they are (an
// array is not copied). A key missing here renders as empty, so `TemplateContextTests` checks
// every key of every context answers, and every key a template uses exists, but for the
// dump-only keys below.

/// A context that also holds spec text as it is, for `gen --dump-context`: its `dumpOnlyKeys`
/// are encoded (the dump is data) but never answered to templates, which get the same facts
/// as string literals (`jsonNameLiteral`) and so cannot paste spec text into code.
protocol DumpOnlyKeys {
    static var dumpOnlyKeys: Set<String> { get }
}

extension ModelsContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "headerLines": .list(headerLines)
        case "access": .text(access)
        case "types": .list(types)
        case "hasTypes": .bool(hasTypes)
        case "importLines": .list(importLines)
        case "hasNamespace": .bool(hasNamespace)
        case "namespace": .text(namespace)
        case "namespacePrefix": .text(namespacePrefix)
        default: nil
        }
    }
}

extension TypeContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["schemaPointer"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "docLines": .list(docLines)
        case "attributes": .list(attributes)
        case "isStruct": .bool(isStruct)
        case "isEnum": .bool(isEnum)
        case "isUnion": .bool(isUnion)
        case "isIndirect": .bool(isIndirect)
        case "properties": .list(properties)
        case "hasProperties": .bool(hasProperties)
        case "initParameters": .list(initParameters)
        case "initParameterList": .text(initParameterList)
        case "wrapsInitParameters": .bool(wrapsInitParameters)
        case "initParameterLines": .list(initParameterLines)
        case "codingKeyLines": .list(codingKeyLines)
        case "hasCodingKeys": .bool(hasCodingKeys)
        case "hasCustomEncoder": .bool(hasCustomEncoder)
        case "hasCustomDecoder": .bool(hasCustomDecoder)
        case "constantChecks": .list(constantChecks)
        case "hasStoredProperties": .bool(hasStoredProperties)
        case "decodeArgumentsThrow": .bool(decodeArgumentsThrow)
        case "decodeArgumentList": .text(decodeArgumentList)
        case "wrapsDecodeArguments": .bool(wrapsDecodeArguments)
        case "decodeArgumentLines": .list(decodeArgumentLines)
        case "hasAdditionalProperties": .bool(hasAdditionalProperties)
        case "additionalPropertiesName": .text(additionalPropertiesName)
        case "additionalPropertiesValueType": .text(additionalPropertiesValueType)
        case "rawType": .text(rawType)
        case "cases": .list(cases)
        case "caseLines": .list(caseLines)
        case "documentedLines": .list(documentedLines)
        case "branches": .list(branches)
        case "discriminatorLiteral": .text(discriminatorLiteral)
        case "hasDiscriminator": .bool(hasDiscriminator)
        case "tagType": .text(tagType)
        case "attempts": .list(attempts)
        case "hasAttempts": .bool(hasAttempts)
        case "hasDefaultBranch": .bool(hasDefaultBranch)
        case "defaultCaseName": .text(defaultCaseName)
        case "defaultType": .text(defaultType)
        case "nestedTypes": .list(nestedTypes)
        case "mentionsFoundation": .bool(mentionsFoundation)
        default: nil
        }
    }
}

extension PropertyContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["jsonName"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "type": .text(type)
        case "docLines": .list(docLines)
        case "attributes": .list(attributes)
        case "codingKeyCase": .text(codingKeyCase)
        case "encodeLine": .text(encodeLine)
        case "decodeLine": .text(decodeLine)
        case "decodeArgument": .text(decodeArgument)
        case "isFlattened": .bool(isFlattened)
        case "jsonNameLiteral": .text(jsonNameLiteral)
        case "isRequired": .bool(isRequired)
        case "isNullable": .bool(isNullable)
        case "isConstant": .bool(isConstant)
        case "constantValue": .text(constantValue)
        default: nil
        }
    }
}

extension EnumCaseContext: TemplateContext, DumpOnlyKeys {
    static let dumpOnlyKeys: Set<String> = ["rawValue"]

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": .text(name)
        case "literal": .text(literal)
        default: nil
        }
    }
}

extension BranchContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "caseName": .text(caseName)
        case "type": .text(type)
        case "discriminatorPatterns": .text(discriminatorPatterns)
        case "hasDiscriminatorValues": .bool(hasDiscriminatorValues)
        case "encodeExpression": .text(encodeExpression)
        case "isFirst": .bool(isFirst)
        default: nil
        }
    }
}

extension AttemptContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "caseName": .text(caseName)
        case "type": .text(type)
        case "condition": .text(condition)
        case "hasCondition": .bool(hasCondition)
        case "isFirst": .bool(isFirst)
        default: nil
        }
    }
}

extension SupportContext: TemplateContext {
    func value(for key: String) -> TemplateValue? {
        switch key {
        case "headerLines": .list(headerLines)
        case "access": .text(access)
        case "importLines": .list(importLines)
        case "hasNamespace": .bool(hasNamespace)
        case "namespace": .text(namespace)
        case "namespacePrefix": .text(namespacePrefix)
        case "usesStringEnums": .bool(usesStringEnums)
        case "usesKeyedCoding": .bool(usesKeyedCoding)
        case "usesUnions": .bool(usesUnions)
        case "usesIndirect": .bool(usesIndirect)
        case "usesParameterValue": .bool(usesParameterValue)
        case "usesQueryStyles": .bool(usesQueryStyles)
        case "usesPathStyles": .bool(usesPathStyles)
        case "usesHeaderStyles": .bool(usesHeaderStyles)
        case "usesCookies": .bool(usesCookies)
        case "usesCookieStyles": .bool(usesCookieStyles)
        case "usesSimpleStyle": .bool(usesSimpleStyle)
        case "usesJSONBody": .bool(usesJSONBody)
        case "usesTextBody": .bool(usesTextBody)
        case "usesDataBody": .bool(usesDataBody)
        case "usesFileBody": .bool(usesFileBody)
        case "usesUnionParameters": .bool(usesUnionParameters)
        case "usesFormBody": .bool(usesFormBody)
        case "usesMultipartBody": .bool(usesMultipartBody)
        case "usesFormFields": .bool(usesFormFields)
        case "usesQueryString": .bool(usesQueryString)
        case "usesFormEncoded": .bool(usesFormEncoded)
        case "usesJSONQuery": .bool(usesJSONQuery)
        case "usesFormText": .bool(usesFormText)
        case "usesObjectFields": .bool(usesObjectFields)
        case "usesJSONString": .bool(usesJSONString)
        case "usesAPIKey": .bool(usesAPIKey)
        case "usesVariants": .bool(usesVariants)
        case "usesPatterns": .bool(usesPatterns)
        case "usesClosedObjects": .bool(usesClosedObjects)
        case "usesConstants": .bool(usesConstants)
        case "usesStreaming": .bool(usesStreaming)
        case "usesServerSentEvents": .bool(usesServerSentEvents)
        case "usesJSONLines": .bool(usesJSONLines)
        case "usesStreamItems": .bool(usesStreamItems)
        default: nil
        }
    }
}
