/// How schemas that become named types get their shape: string enums, unions, and objects
/// (with `allOf` merged, `required` checked and `default`s typed).
extension SchemaGraphBuilder {
    /// A new named type for `schema`: called as the config's `typeNames` says, else `preferred`
    /// when that is free, else after `name`.
    func declare(_ schema: JSONSchema, name: TypeNameHint, preferred: String? = nil) -> NamedTypeID {
        let id = types.count
        var swiftName: SwiftName
        var localName = name.local
        if let configured = configuredNames[schema.location], usedConfiguredNames.insert(schema.location).inserted {
            swiftName = SwiftName(bare: configured.name)
            localName = nil
            configuredTypeIDs.insert(id)
        } else if let preferred, let free = typeNames.claimIfFree(preferred) {
            swiftName = free
        } else {
            swiftName = typeNames.claim(name.full)
        }
        types.append(NamedType(
            name: swiftName, localName: localName, kind: .object(ObjectShape(properties: [], additionalProperties: nil, additionalPropertiesName: nil)),
            documentation: schema.description, deprecated: schema.deprecated, location: schema.location))
        typeIDs[ObjectIdentifier(schema)] = id
        return id
    }

    func define(_ id: NamedTypeID, from schema: JSONSchema) {
        let name = TypeNameHint(types[id].name.bare)
        if let values = stringEnumValues(schema) {
            types[id].kind = .stringEnum(enumCases(values))
            return
        }
        if let values = integerEnumValues(schema) {
            types[id].kind = .integerEnum(integerCases(values))
            return
        }
        if nonNullBranches(schema).count > 1 && schema.properties.isEmpty && schema.allOf.isEmpty {
            types[id].kind = .union(union(schema, name: name))
            return
        }
        var members = ObjectMembers()
        collect(schema, into: &members, depth: 0)
        if members.properties.isEmpty, let first = members.unions.first {
            // Only alternatives, through `allOf`: the type is the union itself.
            if members.additional != nil {
                diagnostics.warning("'additionalProperties' beside 'oneOf'/'anyOf' and no properties is not modeled; "
                                    + "unknown members stay in the union's undocumented case", at: schema.location)
            }
            for extra in members.unions.dropFirst() {
                diagnostics.warning("a second 'oneOf'/'anyOf' with no properties beside it is not modeled; "
                                    + "only the first one is", at: extra.location)
            }
            types[id].kind = .union(union(first, name: name))
        } else {
            types[id].kind = .object(object(members, name: name, definedBy: schema))
        }
    }

    private func enumCases(_ values: [String]) -> [EnumCase] {
        var names = NameScope.enumCases()
        var seen: Set<String> = []
        var cases: [EnumCase] = []
        for value in values where seen.insert(value).inserted {
            let name = names.claim(naming.memberName(value.isEmpty ? "empty" : value))
            cases.append(EnumCase(swiftName: name, rawValue: value))
        }
        return cases
    }

    /// A case per distinct integer: named by its title, else by its value (`_2`, `minus1`).
    private func integerCases(_ values: [(value: Int, title: String?)]) -> [EnumCase] {
        var names = NameScope.enumCases()
        var seen: Set<Int> = []
        var cases: [EnumCase] = []
        for (value, title) in values where seen.insert(value).inserted {
            let wanted = title.map(naming.memberName) ?? (value < 0 ? "minus\(value.magnitude)" : "_\(value)")
            cases.append(EnumCase(swiftName: names.claim(wanted), rawValue: String(value)))
        }
        return cases
    }

    private func object(_ members: ObjectMembers, name: TypeNameHint, definedBy schema: JSONSchema) -> ObjectShape {
        var propertyNames = NameScope.structProperties()
        var properties: [Property] = []
        for (jsonName, parts) in members.properties {
            let constantNode = constantValue(of: parts)
            let type: TypeRef
            if constantNode?.string != nil, parts.count == 1, parts[0].ref == nil, parts[0].enumValues?.count == 1 {
                // A one-value string enum is a constant string, not a type of one case.
                type = .string
            } else {
                type = mergedType(parts, hint: name.member(naming.typeName(jsonName)))
            }
            let swiftName = propertyNames.claim(naming.memberName(jsonName))
            let readOnly = parts.contains(where: \.readOnly), writeOnly = parts.contains(where: \.writeOnly)
            // A refining part's `default` is the one the refined schema means; a one-value enum of
            // integers or booleans is a constant, like `const`.
            // Only the property's own schemas: looking through references for this costs a
            // resolution per property.
            let enums = parts.filter { $0.enumValues != nil }
            let oneValue = enums.lazy.compactMap { part in
                self.otherEnumValues(part)?.count == 1 ? part.enumValues?.first(where: { !$0.isNull }) : nil
            }.first
            let defaultNode = parts.reversed().lazy.compactMap { $0.defaultValue ?? $0.constValue }.first ?? oneValue
            let listed = enums.lazy.compactMap { self.otherEnumValues($0) }.first.map { values in
                values.count == 1 ? "Always `\(values[0])`." : "One of: " + values.map { "`\($0)`" }.joined(separator: ", ") + "."
            }
            let documentation = [parts.lazy.compactMap { $0.description ?? $0.title }.first, listed].compactMap { $0 }
            let constant = type.isNullable ? nil : constantNode.flatMap { defaultValue($0, for: type, keyword: "const") }
            properties.append(Property(
                jsonName: jsonName, swiftName: swiftName, type: type,
                // A read-only property is required in responses only, a write-only one in requests
                // only; one Swift type serves both, so neither can be required.
                required: members.required.contains(jsonName) && !readOnly && !writeOnly,
                documentation: documentation.isEmpty ? nil : documentation.joined(separator: "\n\n"),
                deprecated: parts.contains(where: \.deprecated), readOnly: readOnly,
                writeOnly: writeOnly, boxed: false,
                defaultValue: constant == nil ? defaultNode.flatMap { defaultValue($0, for: type) } : nil,
                constant: constant))
        }
        for (requiredName, location) in members.requiredLocations where !members.properties.contains(where: { $0.name == requiredName }) {
            if members.additional == nil {
                diagnostics.warning("'required' names '\(requiredName)', which is not a property of this schema", at: location)
            }
        }
        var additional: TypeRef?
        if let extra = members.additional {
            switch extra {
            // `true` says other members are expected (pydantic's `extra="allow"`): they are kept,
            // as with `{}`, so that a value comes back with them.
            case .allowed(let flag): additional = flag ? .json : nil
            case .schema(let values): additional = typeRef(for: values, hint: name.member("Value"))
            }
        }
        for part in members.unions {
            properties.append(variant(part, of: schema, name: name, names: &propertyNames))
        }
        let additionalName = additional == nil ? nil : propertyNames.claim("additionalProperties")
        return ObjectShape(properties: properties, additionalProperties: additional, additionalPropertiesName: additionalName)
    }

    /// The union-typed property for a `oneOf`/`anyOf` beside properties: a component union
    /// keeps its type and gives the property its name; the alternatives of the schema itself (or
    /// of an inline part) become `<Name>Variant`, held by `variant`.
    private func variant(_ part: JSONSchema, of schema: JSONSchema, name: TypeNameHint, names: inout NameScope) -> Property {
        let reusable = part !== schema && part.properties.isEmpty && part.allOf.isEmpty
        let hint = name.member("Variant")
        let type = typeRef(for: reusable ? part : alternatives(of: part), hint: hint)
        var label = "variant"
        if reusable, case .named(let id) = type.nonNull, types[id].localName != hint.local {
            label = types[id].name.bare
        }
        var property = Property(
            jsonName: "", swiftName: names.claim(naming.memberName(label)), type: type.nonNull, required: true,
            documentation: "The shape the value takes: one of the alternatives its schema lists, beside the properties above.",
            deprecated: false, readOnly: false, writeOnly: false, boxed: false, defaultValue: nil)
        property.flattened = true
        return property
    }

    /// A schema of the `oneOf`/`anyOf` and discriminator of `part` alone, made once per part.
    private func alternatives(of part: JSONSchema) -> JSONSchema {
        let key = [ObjectIdentifier(part)]
        if let known = mergedSchemas[key] { return known }
        let union = JSONSchema(location: part.location)
        union.oneOf = part.oneOf
        union.anyOf = part.anyOf
        union.discriminator = part.discriminator
        mergedSchemas[key] = union
        return union
    }

    /// Properties of a schema and of everything it `allOf`-includes, in order of first mention,
    /// each with every schema that describes it (all of them apply), and the `oneOf`/`anyOf`
    /// alternatives met on the way.
    struct ObjectMembers {
        var unions: [JSONSchema] = []
        var properties: [(name: String, schemas: [JSONSchema])] = []
        var required: Set<String> = []
        var requiredLocations: [(name: String, location: SourceLocation)] = []
        var additional: JSONSchema.AdditionalProperties?
        var visited: Set<ObjectIdentifier> = []
    }

    func collect(_ schema: JSONSchema, into members: inout ObjectMembers, depth: Int) {
        guard members.visited.insert(ObjectIdentifier(schema)).inserted else { return }
        if let target = schema.target {
            collect(target, into: &members, depth: depth + 1)
        }
        for part in schema.allOf {
            collect(part, into: &members, depth: depth + 1)
        }
        if nonNullBranches(schema).count > 1, stringEnumValues(schema) == nil {
            members.unions.append(schema)
        }
        for (name, property) in schema.properties {
            if let index = members.properties.firstIndex(where: { $0.name == name }) {
                members.properties[index].schemas.append(property)
            } else {
                members.properties.append((name, [property]))
            }
        }
        var seenRequired: Set<String> = []
        for (name, location) in schema.required {
            if !seenRequired.insert(name).inserted {
                diagnostics.warning("'required' lists '\(name)' twice", at: location)
            }
            members.required.insert(name)
            members.requiredLocations.append((name, location))
        }
        if depth == 0 || members.additional == nil {
            members.additional = schema.additionalProperties ?? members.additional
        }
    }

    /// The one value `parts` allow: a `const`, or an `enum` of one value, when it is a string,
    /// number or boolean. Only the property's own schemas: a `$ref`'d enum is a type of the
    /// spec's, open to values the server adds, and stays one.
    private func constantValue(of parts: [JSONSchema]) -> SchemaValue? {
        for schema in parts where schema.ref == nil {
            let single = schema.constValue ?? (schema.enumValues?.count == 1 ? schema.enumValues?.first : nil)
            switch single?.kind {
            case .string, .int, .number, .bool: return single
            default: continue
            }
        }
        return nil
    }

    /// The `default` (or `const`) as a value of `type`; one of another type is reported and dropped.
    private func defaultValue(_ value: SchemaValue, for type: TypeRef, keyword: String = "default") -> DefaultValue? {
        var result: DefaultValue?
        switch (type.nonNull, value.kind) {
        case (.string, .string(let text)): result = .string(text)
        case (.integer, .int(let number)), (.int64, .int(let number)): result = .integer(number)
        case (.int32, .int(let number)) where Int32(exactly: number) != nil: result = .integer(number)
        case (.double, .int(let number)), (.float, .int(let number)): result = Self.number(Double(number), for: type.nonNull)
        case (.double, .number(let text)), (.float, .number(let text)): result = Double(text).flatMap { Self.number($0, for: type.nonNull) }
        case (.boolean, .bool(let flag)): result = .boolean(flag)
        case (.named(let id), .string(let text)):
            if case .stringEnum(let cases) = types[id].kind, let match = cases.first(where: { $0.rawValue == text }) {
                result = .enumCase(match.swiftName)
            }
        case (.named(let id), .int(let number)):
            if case .integerEnum(let cases) = types[id].kind, let match = cases.first(where: { $0.rawValue == String(number) }) {
                result = .enumCase(match.swiftName)
            }
        case (_, .null): return nil
        default: break
        }
        if result == nil, !isStructured(type) {
            diagnostics.warning("'\(keyword)' does not match the schema's type; it is ignored", at: value.location)
        }
        return result
    }

    /// A number Swift can write as a literal of the property's type: finite, and in range.
    private static func number(_ value: Double, for type: TypeRef) -> DefaultValue? {
        let fits = type == .float ? Float(value).isFinite : value.isFinite
        return fits ? .number(value) : nil
    }

    /// Object, array and free-form defaults are legal but not rendered as Swift literals.
    private func isStructured(_ type: TypeRef) -> Bool {
        switch type.nonNull {
        case .array, .dictionary, .json, .data, .uuid, .dateTime: return true
        case .named(let id):
            if case .stringEnum = types[id].kind { return false }
            if case .integerEnum = types[id].kind { return false }
            return true
        default: return false
        }
    }
}
