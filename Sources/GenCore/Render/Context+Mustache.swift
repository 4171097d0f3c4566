import Mustache

// Lookups by `switch` rather than by reflection: swift-mustache falls back to `Mirror` for
// plain values, which is several times slower on big specs (see shared/NOTES.md). A key
// missing here renders as empty, so `TemplateContextTests` checks every key of every context
// answers, and every key a template uses exists.

extension ModelsContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "headerLines": headerLines
        case "access": access
        case "types": types
        default: nil
        }
    }
}

extension TypeContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": docLines
        case "attributes": attributes
        case "isStruct": isStruct
        case "isEnum": isEnum
        case "isUnion": isUnion
        case "isIndirect": isIndirect
        case "properties": properties
        case "hasProperties": hasProperties
        case "initParameters": initParameters
        case "initParameterList": initParameterList
        case "wrapsInitParameters": wrapsInitParameters
        case "initParameterLines": initParameterLines
        case "codingKeyLines": codingKeyLines
        case "hasCodingKeys": hasCodingKeys
        case "hasCustomEncoder": hasCustomEncoder
        case "hasCustomDecoder": hasCustomDecoder
        case "decodeArgumentList": decodeArgumentList
        case "wrapsDecodeArguments": wrapsDecodeArguments
        case "decodeArgumentLines": decodeArgumentLines
        case "hasAdditionalProperties": hasAdditionalProperties
        case "additionalPropertiesName": additionalPropertiesName
        case "additionalPropertiesValueType": additionalPropertiesValueType
        case "cases": cases
        case "documentedLines": documentedLines
        case "branches": branches
        case "discriminatorLiteral": discriminatorLiteral
        case "hasDiscriminator": hasDiscriminator
        default: nil
        }
    }
}

extension PropertyContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "type": type
        case "docLines": docLines
        case "attributes": attributes
        case "codingKeyCase": codingKeyCase
        case "encodeLine": encodeLine
        case "decodeLine": decodeLine
        case "decodeArgument": decodeArgument
        default: nil
        }
    }
}

extension EnumCaseContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "literal": literal
        default: nil
        }
    }
}

extension BranchContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caseName": caseName
        case "type": type
        case "discriminatorPatterns": discriminatorPatterns
        case "hasDiscriminatorValues": hasDiscriminatorValues
        case "encodeExpression": encodeExpression
        case "isFirst": isFirst
        default: nil
        }
    }
}

extension ClientContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "headerLines": headerLines
        case "access": access
        case "clientName": clientName
        case "errorName": errorName
        case "docLines": docLines
        case "defaultServerLiteral": defaultServerLiteral
        case "hasDefaultServer": hasDefaultServer
        case "authenticationCases": authenticationCases
        case "hasAuthentication": hasAuthentication
        case "hasBasicCredential": hasBasicCredential
        case "hasBearerCredential": hasBearerCredential
        case "hasAPIKeyCredential": hasAPIKeyCredential
        case "hasAuthorizationCredential": hasAuthorizationCredential
        case "servers": servers
        case "errorBodies": errorBodies
        case "operations": operations
        case "errorHandlers": errorHandlers
        default: nil
        }
    }
}

extension AuthenticationCaseContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "docLines": docLines
        case "factory": factory
        case "credentialExpression": credentialExpression
        case "schemeLiteral": schemeLiteral
        case "name": self.name
        case "isBasic": isBasic
        case "isBearer": isBearer
        case "isOAuth": isOAuth
        case "isAPIKey": isAPIKey
        case "isAuthorization": isAuthorization
        default: nil
        }
    }
}

extension ServerContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "docLines": docLines
        case "signature": signature
        case "returnClause": returnClause
        case "urlInterpolation": urlInterpolation
        case "returnsOptional": returnsOptional
        case "variableEnums": variableEnums
        default: nil
        }
    }
}

extension ServerVariableEnumContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "cases": cases
        default: nil
        }
    }
}

extension BodyCaseContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caseName": caseName
        case "type": type
        case "contentTypeLiteral": contentTypeLiteral
        case "isJSON": isJSON
        case "isText": isText
        case "isData": isData
        case "isForm": isForm
        case "isMultipart": isMultipart
        default: nil
        }
    }
}

extension ArgumentContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "name": self.name
        case "type": type
        case "declaration": declaration
        case "location": location
        case "jsonName": jsonName
        case "isLast": isLast
        case "isBodyChoice": isBodyChoice
        case "isServer": isServer
        case "preferredBodyCase": preferredBodyCase
        default: nil
        }
    }
}

extension ErrorBodyContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caseName": caseName
        case "type": type
        default: nil
        }
    }
}

extension OperationContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": docLines
        case "attributes": attributes
        case "parameterList": parameterList
        case "arguments": arguments
        case "wrapsParameters": wrapsParameters
        case "wrapsPlainParameters": wrapsPlainParameters
        case "parameterLines": parameterLines
        case "packedParameterLines": packedParameterLines
        case "forwardArguments": forwardArguments
        case "returnClause": returnClause
        case "bodyType": bodyType
        case "returnsValue": returnsValue
        case "httpMethod": httpMethod
        case "pathTemplate": pathTemplate
        case "requestDeclaration": requestDeclaration
        case "pathExpression": pathExpression
        case "queryItems": queryItems
        case "headerItems": headerItems
        case "cookieItems": cookieItems
        case "hasBody": hasBody
        case "bodyIsOptional": bodyIsOptional
        case "bodyIsJSON": bodyIsJSON
        case "bodyIsText": bodyIsText
        case "bodyIsData": bodyIsData
        case "bodyIsForm": bodyIsForm
        case "bodyIsMultipart": bodyIsMultipart
        case "bodyContentTypeLiteral": bodyContentTypeLiteral
        case "hasBodyChoice": hasBodyChoice
        case "bodyEnumName": bodyEnumName
        case "bodyCases": bodyCases
        case "acceptLiteral": acceptLiteral
        case "securityLiteral": securityLiteral
        case "hasOwnServer": hasOwnServer
        case "ownServerLiteral": ownServerLiteral
        case "responses": responses
        case "hasDefaultResponse": hasDefaultResponse
        case "successResponses": successResponses
        case "errorResponses": errorResponses
        case "hasErrorHandler": hasErrorHandler
        case "errorHandler": errorHandler
        case "errorHandlerDocLines": errorHandlerDocLines
        default: nil
        }
    }
}

extension ParameterItemContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "nameLiteral": nameLiteral
        case "valueExpression": valueExpression
        case "isSimple": isSimple
        case "styleLiteral": styleLiteral
        case "explode": explode
        default: nil
        }
    }
}

extension ResponseContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "statusPattern": statusPattern
        case "caseLabel": caseLabel
        case "isSuccess": isSuccess
        case "isDefault": isDefault
        case "hasBody": hasBody
        case "isJSON": isJSON
        case "isText": isText
        case "isData": isData
        case "type": type
        case "errorCase": errorCase
        case "returnsBody": returnsBody
        case "returnsNil": returnsNil
        case "returnsVoid": returnsVoid
        case "throwsBody": throwsBody
        case "throwsEmpty": throwsEmpty
        default: nil
        }
    }
}

extension SupportContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "headerLines": headerLines
        case "access": access
        case "usesStringEnums": usesStringEnums
        case "usesKeyedCoding": usesKeyedCoding
        case "usesUnions": usesUnions
        case "usesIndirect": usesIndirect
        case "usesParameterValue": usesParameterValue
        case "usesQueryStyles": usesQueryStyles
        case "usesPathStyles": usesPathStyles
        case "usesHeaderStyles": usesHeaderStyles
        case "usesCookies": usesCookies
        case "usesCookieStyles": usesCookieStyles
        case "usesSimpleStyle": usesSimpleStyle
        case "usesJSONBody": usesJSONBody
        case "usesTextBody": usesTextBody
        case "usesDataBody": usesDataBody
        case "usesFormBody": usesFormBody
        case "usesMultipartBody": usesMultipartBody
        case "usesFormFields": usesFormFields
        case "usesFormText": usesFormText
        case "usesObjectFields": usesObjectFields
        case "usesJSONString": usesJSONString
        case "usesAPIKey": usesAPIKey
        default: nil
        }
    }
}
