/// Builds the context of one named type of the schema graph, with the types nested in it.
struct TypeContextBuilder {
    let graph: SchemaGraph
    let access: SwiftCode
    let id: NamedTypeID
    /// The columns the declaration is indented by: 4 per enclosing type.
    let margin: Int
    private var spelling: SwiftTypeSpelling { SwiftTypeSpelling(graph: graph, scope: id) }
    /// Deprecated types and properties say so in their documentation rather than with
    /// `@available(*, deprecated)`: the generated code uses them itself (in initializers,
    /// coding and other types), and each use would be a compiler warning in the user's build.
    private let deprecationNote = "- Warning: Deprecated."

    init(graph: SchemaGraph, access: SwiftCode, id: NamedTypeID, margin: Int) {
        self.graph = graph
        self.access = access
        self.id = id
        self.margin = margin
    }

    func build() -> TypeContext {
        let type = graph.types[id]
        var context = TypeContext(
            name: "\(type.name)",
            docLines: SwiftCode.docLines(type.documentation, type.deprecated ? deprecationNote : nil, Self.nullNote(type)),
            attributes: [],
            isStruct: false, isEnum: false, isUnion: false, isIndirect: false, properties: [], hasProperties: false,
            initParameters: [], initParameterList: "", wrapsInitParameters: false, initParameterLines: [], codingKeyLines: [], hasCodingKeys: false, hasCustomEncoder: false, hasCustomDecoder: false,
            decodeArgumentList: "", wrapsDecodeArguments: false, decodeArgumentLines: [], hasAdditionalProperties: false, additionalPropertiesName: "",
            additionalPropertiesValueType: "", rawType: "", cases: [], documentedLines: [], branches: [], discriminatorLiteral: "", hasDiscriminator: false,
            mentionsFoundation: FileImports.usesFoundation(type))
        switch type.kind {
        case .object(let shape):
            context.isStruct = true
            context.properties = shape.properties.map(propertyContext)
            context.hasProperties = !shape.properties.isEmpty
            let order = Self.initOrder(shape)
            let parameters = initParameters(shape, in: order)
            context.initParameters = parameters.enumerated().map { index, parameter in
                index < parameters.count - 1 ? parameter + "," : parameter
            }
            context.initParameterList = .joined(parameters, separator: ", ")
            context.wrapsInitParameters = LineWrapping.overflows("\(access) init(\(context.initParameterList)) {", indent: margin + 4)
            context.initParameterLines = LineWrapping.commaLines(parameters, indent: margin + 8)
            let keyed = zip(shape.properties, context.properties).filter { !$0.0.flattened }.map(\.1)
            context.codingKeyLines = LineWrapping.pack(keyed.map(\.codingKeyCase), extra: margin + 8 + "case ".count)
                .map { "case \(SwiftCode.joined($0, separator: ", "))" }
            context.hasCustomEncoder = shape.properties.contains(where: needsCustomEncoding)
            context.constantChecks = context.properties.filter(\.isConstant).map(\.decodeLine)
            var arguments = order.map { context.properties[$0].decodeArgument }
            context.decodeArgumentsThrow = !arguments.isEmpty
            if let additional = shape.additionalProperties, let name = shape.additionalPropertiesName, !shape.properties.isEmpty {
                context.hasAdditionalProperties = true
                context.hasCustomEncoder = true
                context.additionalPropertiesName = "\(name)"
                context.additionalPropertiesValueType = spelling.name(additional)
                arguments.append("\(label: name): additional")
            }
            // Every struct with properties decodes by calling its memberwise initializer with
            // `read…` helpers: one generic method each, no overloads, type-checks in a fraction
            // of the time the synthesized `init(from:)` takes (it calls the 17-overload
            // `decode(_:forKey:)` family), in a few lines.
            context.hasCustomDecoder = !shape.properties.isEmpty
            let keysAreNames = shape.properties.allSatisfy { $0.flattened || $0.swiftName.bare == $0.jsonName }
            context.hasCodingKeys = !shape.properties.isEmpty && (context.hasCustomEncoder || !keysAreNames)
            context.hasStoredProperties = !arguments.isEmpty
            context.decodeArgumentList = .joined(arguments, separator: ", ")
            context.wrapsDecodeArguments = LineWrapping.overflows("try self.init(\(context.decodeArgumentList))", indent: margin + 8)
            context.decodeArgumentLines = LineWrapping.commaLines(arguments, indent: margin + 12)
        case .stringEnum(let cases):
            context.isEnum = true
            context.rawType = "String"
            context.cases = cases.map {
                EnumCaseContext(name: "\($0.swiftName)", literal: .literal($0.rawValue), rawValue: $0.rawValue)
            }
            context.documentedLines = documentedLines(context.cases.map { ".\($0.name)" })
            context.caseLines = caseLines(context.cases.map(\.name))
        case .integerEnum(let cases):
            context.isEnum = true
            context.rawType = "Int"
            context.cases = cases.map {
                EnumCaseContext(name: "\($0.swiftName)", literal: "\(Int($0.rawValue) ?? 0)", rawValue: $0.rawValue)
            }
            context.documentedLines = documentedLines(context.cases.map { ".\($0.name)" })
            context.caseLines = caseLines(context.cases.map(\.name))
        case .union(let shape):
            context.isUnion = true
            context.isIndirect = shape.isIndirect
            context.branches = shape.branches.map { branchContext($0, integerTag: shape.tagIsInteger) }
            context.tagType = shape.tagIsInteger ? "Int" : "String"
            if !context.branches.isEmpty { context.branches[0].isFirst = true }
            context.attempts = shape.attempts.map { attemptContext($0, shape.branches[$0.branch]) }
            if !context.attempts.isEmpty { context.attempts[0].isFirst = true }
            context.hasAttempts = !context.attempts.isEmpty
            if let property = shape.discriminatorProperty, shape.branches.contains(where: { !$0.discriminatorValues.isEmpty }) {
                context.hasDiscriminator = true
                context.discriminatorLiteral = .literal(property)
                if let index = shape.defaultBranch {
                    context.hasDefaultBranch = true
                    context.defaultCaseName = context.branches[index].caseName
                    context.defaultType = context.branches[index].type
                }
            }
        }
        return context
    }

    private func propertyContext(_ property: Property) -> PropertyContext {
        let name = property.swiftName
        if property.flattened {
            let type = spelling.name(property.type)
            return PropertyContext(
                name: "\(name)", type: type, docLines: SwiftCode.docLines(property.documentation),
                attributes: property.boxed ? ["@Indirect"] : [], codingKeyCase: "",
                encodeLine: "try WireFormat.encodeMembers(self.\(name), to: encoder)",
                decodeLine: "self.\(name) = try \(type)(from: decoder)",
                decodeArgument: "\(label: name): \(type)(from: decoder)", isFlattened: true,
                isRequired: property.required, isNullable: property.type.isNullable)
        }
        let codingKey: SwiftCode = name.bare == property.jsonName ? "\(name)" : "\(name) = \(SwiftCode.literal(property.jsonName))"
        // A required property is always written (as `null` when nil), and so is a constant; an
        // optional one is left out when nil, as the synthesized encoder does.
        let alwaysWritten = property.required || property.constant != nil
        let wireType = alwaysWritten ? property.type : property.type.makingNullable()
        // `self.` spares the type checker an unqualified lookup (measurably faster in bulk).
        let member: SwiftCode = "self.\(name)"
        let value = spelling.wireExpression(member, wireType) ?? member
        let method: SwiftCode = alwaysWritten ? "write" : "writeIfPresent"
        var encodeLine: SwiftCode = "try container.\(method)(\(value), .\(name))"
        var type = spelling.name(property.type, required: property.required)
        if property.distinguishesNull {
            type += "?"
            // `writeIfPresent` of a `T??` leaves out `nil` and writes `.some(nil)` as `null`.
            if let wire = spelling.wireExpression("value", property.type) {
                encodeLine = "if let value = \(member) { try container.write(\(wire), .\(name)) }"
            } else {
                encodeLine = "try container.writeIfPresent(\(member), .\(name))"
            }
        }
        if let constant = property.constant {
            type = spelling.name(property.type)
            let check: SwiftCode = property.required ? "expect" : "expectIfPresent"
            return PropertyContext(
                name: "\(name)", type: type,
                docLines: SwiftCode.docLines(documentation(of: property), property.deprecated ? deprecationNote : nil),
                attributes: [], codingKeyCase: codingKey, encodeLine: encodeLine,
                decodeLine: "try container.\(check)(self.\(name), .\(name))", decodeArgument: "", isFlattened: false,
                jsonName: property.jsonName, jsonNameLiteral: .literal(property.jsonName),
                isRequired: property.required, isNullable: false, isConstant: true, constantValue: literal(constant))
        }
        return PropertyContext(
            name: "\(name)", type: type,
            docLines: SwiftCode.docLines(documentation(of: property), property.deprecated ? deprecationNote : nil),
            attributes: property.boxed ? ["@Indirect"] : [],
            codingKeyCase: codingKey,
            encodeLine: encodeLine,
            decodeLine: "self.\(name) = try container.\(readMethod(property))(.\(name))",
            decodeArgument: "\(label: name): container.\(readMethod(property))(.\(name))", isFlattened: false,
            jsonName: property.jsonName, jsonNameLiteral: .literal(property.jsonName),
            isRequired: property.required, isNullable: property.type.isNullable)
    }

    /// The property's documentation with its default: on the same line when the documentation
    /// is one line of text (`The page size. Default: `20`.`), else as a paragraph of its own.
    private func documentation(of property: Property) -> String? {
        guard !property.required, let value = property.defaultValue else { return property.documentation }
        let note = "Default: `\(literal(value))`."
        guard let text = property.documentation, let last = text.last else { return note }
        if text.contains("\n") || last == ":" { return text + "\n\n" + note }
        return text + (".!?".contains(last) ? " " : ". ") + note
    }

    /// Said once on the type rather than on each of its `T??` properties.
    private static func nullNote(_ type: NamedType) -> String? {
        guard case .object(let shape) = type.kind, shape.properties.contains(where: \.distinguishesNull) else { return nil }
        return "Its optional properties that may be `null` are `T??`: `nil` leaves the key out, `.some(nil)` sends `null`."
    }

    /// Whether the synthesized encoder would write this property differently: it leaves out
    /// every nil (but writes an optional `@Indirect` one as `null`), writes UUIDs in capitals,
    /// and knows nothing of constants (computed properties).
    private func needsCustomEncoding(_ property: Property) -> Bool {
        property.constant != nil || property.flattened || (property.required && property.type.isNullable) || property.distinguishesNull
            || (property.boxed && !property.required)
            || spelling.wireExpression("\(property.swiftName)", property.type) != nil
    }

    /// An optional free-form property: JSON `null` is a value (`JSONValue.null`), not absence.
    private func keepsNull(_ property: Property) -> Bool {
        !property.required && property.type == .json
    }

    /// The `KeyedDecodingContainer` helper that reads the property; its type parameter is
    /// inferred from the property's type.
    private func readMethod(_ property: Property) -> SwiftCode {
        if property.distinguishesNull { return "readAbsentOrNull" }
        if keepsNull(property) { return "readUnlessAbsent" }
        return property.required && !property.type.isNullable ? "read" : "readIfPresent"
    }

    /// The order of the initializer's parameters: the ones a caller must give first, then those
    /// with a default, each group in the spec's order, so that a call names what it must up front.
    /// Constants are no parameter: the caller cannot get them wrong.
    private static func initOrder(_ shape: ObjectShape) -> [Int] {
        let stored = shape.properties.indices.filter { shape.properties[$0].constant == nil }
        let mustGive = stored.filter { shape.properties[$0].required && shape.properties[$0].defaultValue == nil }
        return mustGive + stored.filter { !mustGive.contains($0) }
    }

    /// Required properties take the spec's `default` or nothing; the others default to nil so
    /// callers name only what they set.
    private func initParameters(_ shape: ObjectShape, in order: [Int]) -> [SwiftCode] {
        var parameters: [SwiftCode] = []
        for property in order.map({ shape.properties[$0] }) {
            let optionality: SwiftCode = property.distinguishesNull ? "?" : ""
            var parameter: SwiftCode = "\(property.swiftName): \(spelling.name(property.type, required: property.required))\(optionality)"
            if !property.required {
                parameter += " = nil"
            } else if let value = property.defaultValue {
                parameter += " = \(literal(value))"
            }
            parameters.append(parameter)
        }
        if let additional = shape.additionalProperties, let name = shape.additionalPropertiesName, !shape.properties.isEmpty {
            parameters.append("\(name): [String: \(spelling.name(additional))] = [:]")
        }
        return parameters
    }

    private func literal(_ value: DefaultValue) -> SwiftCode {
        switch value {
        case .string(let text): .literal(text)
        case .integer(let number): "\(number)"
        case .number(let number): SwiftCode.number(number) ?? "0"
        case .boolean(let flag): "\(flag)"
        case .enumCase(let name): ".\(name)"
        }
    }

    /// `case a, b`, packed into lines that fit in the type's body (indented 4 past the margin).
    private func caseLines(_ names: [SwiftCode]) -> [SwiftCode] {
        LineWrapping.pack(names, extra: margin + 4 + "case ".count).map { "case \(SwiftCode.joined($0, separator: ", "))" }
    }

    /// `private static let documented: [Self] = [.a, .b]`, on one line when it fits in the type's
    /// body (indented 4 past the margin), else one line per group of cases (indented 8).
    private func documentedLines(_ cases: [SwiftCode]) -> [SwiftCode] {
        let declaration: SwiftCode = "private static let documented: [Self] = ["
        let single = declaration + .joined(cases, separator: ", ") + "]"
        if !LineWrapping.overflows(single, indent: margin + 4) { return [single] }
        return [declaration] + LineWrapping.pack(cases, extra: margin + 8 + 1).map { "    \(SwiftCode.joined($0, separator: ", "))," } + ["]"]
    }

    private func branchContext(_ branch: UnionShape.Branch, integerTag: Bool) -> BranchContext {
        let patterns: [SwiftCode] = branch.discriminatorValues.map { value in
            integerTag ? "\(Int(value) ?? 0)" : .literal(value)
        }
        return BranchContext(
            caseName: "\(branch.caseName)", type: spelling.name(branch.type),
            discriminatorPatterns: .joined(patterns, separator: ", "),
            hasDiscriminatorValues: !branch.discriminatorValues.isEmpty,
            encodeExpression: spelling.wireExpression("value", branch.type) ?? "value", isFirst: false)
    }

    /// One try of the union's decoder: the branch's type and what else the value must satisfy.
    private func attemptContext(_ attempt: UnionShape.Attempt, _ branch: UnionShape.Branch) -> AttemptContext {
        var condition: SwiftCode = ""
        if attempt.documentedOnly {
            // An enum's `undocumented` case is never what its `init(rawValue:)` makes of a listed value.
            condition = "value != .undocumented(value.rawValue)"
        } else if let pattern = attempt.pattern {
            condition = "WireFormat.matches(value, \(SwiftCode.literal(pattern)))"
        } else if let keys = attempt.closedKeys {
            condition = "WireFormat.hasOnlyKeys(decoder, [\(SwiftCode.joined(keys.map(SwiftCode.literal), separator: ", "))])"
        }
        return AttemptContext(caseName: "\(branch.caseName)", type: spelling.name(branch.type.nonNull),
                              condition: condition, hasCondition: !condition.text.isEmpty, isFirst: false)
    }
}
