/// How schemas that become named types get their shape: string enums, unions, and objects
/// (with `allOf` merged, `required` checked and `default`s typed).
extension SchemaGraphBuilder {
    func declare(_ schema: JSONSchema, name: TypeNameHint) -> NamedTypeID {
        let id = types.count
        types.append(NamedType(
            name: typeNames.claim(name.full), localName: name.local, kind: .object(ObjectShape(properties: [], additionalProperties: nil, additionalPropertiesName: nil)),
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

    private func union(_ schema: JSONSchema, name: TypeNameHint) -> UnionShape {
        var branches: [UnionShape.Branch] = []
        let mapping = schema.discriminator?.mapping ?? []
        var claimedValues: Set<String> = []
        var typed: [(type: TypeRef, values: [String], label: String?)] = []
        var defaultBranch: Int?
        let defaultTarget = schema.discriminator?.defaultMapping?.target
        let all = nonNullBranches(schema)
        for (index, branch) in all.enumerated() {
            let label = branchLabel(branch, among: all, discriminator: schema.discriminator?.propertyName)
            let type = typeRef(for: branch, hint: name.member(naming.typeName(label ?? "Option\(index + 1)")))
            var values: [String] = []
            if branch.ref != nil, schema.discriminator != nil {
                if let target = branch.target {
                    values = mapping.filter { $0.target === target }.map(\.value)
                    if defaultBranch == nil, let fallback = defaultTarget, fallback === target { defaultBranch = index }
                }
                if values.isEmpty, let implicit = branch.refName { values = [implicit] }
            }
            // A value selects one branch: the first that claims it, as a `switch` would.
            let repeated = values.filter { claimedValues.contains($0) }
            if !repeated.isEmpty {
                diagnostics.warning("discriminator value '\(repeated[0])' already selects an earlier branch; this branch is "
                                    + "tried only for other values", at: branch.location)
            }
            values = values.filter { claimedValues.insert($0).inserted }
            typed.append((type, values, label))
        }
        // Inside the enum a case hides a type of the same name (`_1Result(from:)` would be the case).
        // Nesting may give a branch's type its local name later, so both are reserved.
        var caseNames = NameScope.unionCases(typeNames: typed.flatMap { branch -> [String] in
            guard case .named(let id) = branch.type.nonNull else { return [] }
            return [types[id].name.bare] + (types[id].localName.map { [$0] } ?? [])
        })
        for (index, branch) in typed.enumerated() {
            let caseName = caseNames.claim(naming.memberName(branch.label ?? caseLabel(for: branch.type, index: index)))
            branches.append(.init(caseName: caseName, type: branch.type, discriminatorValues: branch.values))
        }
        // One that leads nowhere was reported where it was read.
        if let fallback = schema.discriminator?.defaultMapping, fallback.target != nil, defaultBranch == nil {
            diagnostics.warning("'defaultMapping' names no branch of the union ('\(fallback.ref)'); a value no mapping names "
                                + "decodes as the union's undocumented case", at: fallback.location)
        }
        return UnionShape(branches: branches, discriminatorProperty: schema.discriminator?.propertyName,
                          defaultBranch: defaultBranch)
    }

    /// What a branch is called, by what it means: its `title`; for an inline object the one
    /// value its discriminator property allows (`const: card`), else a required property no
    /// other branch has. `nil` otherwise: `$ref`s take their target's name and other shapes
    /// their kind (`caseLabel`), inline objects `Option<N>`.
    private func branchLabel(_ branch: JSONSchema, among all: [JSONSchema], discriminator: String?) -> String? {
        if let title = branch.title, !SwiftNaming.pieces(title).isEmpty { return title }
        let looked = inspected(branch)
        guard branch.ref == nil, kind(of: looked) == .object else { return nil }
        if let discriminator, let value = constantString(of: discriminator, in: looked), !SwiftNaming.pieces(value).isEmpty {
            return value
        }
        let others = all.filter { $0 !== branch }.map { Set(properties(of: inspected($0))) }
        let own = looked.required.map(\.name).filter { name in looked.properties.contains { $0.name == name } }
        return own.first { name in !others.contains { $0.contains(name) } }
    }

    /// The one string a property of `schema` (or of what it `allOf`-includes) allows: a
    /// `const`, or an `enum` of one value.
    private func constantString(of property: String, in schema: JSONSchema, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        if let own = schema.properties.first(where: { $0.name == property }) {
            let looked = inspected(own.schema)
            if let constant = looked.constValue?.string { return constant }
            if let values = looked.enumValues, values.count == 1 { return values[0].string }
        }
        for part in schema.allOf {
            if let found = constantString(of: property, in: inspected(part), depth: depth + 1) { return found }
        }
        return nil
    }

    /// The property names a branch declares, itself and through `allOf` (a few levels deep, so
    /// an `allOf` that includes itself ends).
    private func properties(of schema: JSONSchema, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        return schema.properties.map(\.name) + schema.allOf.flatMap { properties(of: inspected($0), depth: depth + 1) }
    }

    /// A case named after the branch's type: its name, or its kind (`string`, `date`,
    /// `integers` for an array of integers).
    private func caseLabel(for type: TypeRef, index: Int) -> String {
        switch type.nonNull {
        case .named(let id): return types[id].localName ?? types[id].name.bare
        case .array(let element):
            let item = caseLabel(for: element, index: index)
            return item.hasPrefix("option") || !item.allSatisfy(\.isLowercase) ? "array" : item + "s"
        default: return primitiveLabel(type.nonNull) ?? "option\(index + 1)"
        }
    }

    private func primitiveLabel(_ type: TypeRef) -> String? {
        switch type {
        case .string: "string"
        case .integer, .int32, .int64: "integer"
        case .double, .float: "number"
        case .boolean: "boolean"
        case .uuid: "uuid"
        case .dateTime: "date"
        case .data: "data"
        case .dictionary: "dictionary"
        default: nil
        }
    }

    private func object(_ members: ObjectMembers, name: TypeNameHint, definedBy schema: JSONSchema) -> ObjectShape {
        var propertyNames = NameScope.structProperties()
        var properties: [Property] = []
        for (jsonName, parts) in members.properties {
            let type = mergedType(parts, hint: name.member(naming.typeName(jsonName)))
            let swiftName = propertyNames.claim(naming.memberName(jsonName))
            let readOnly = parts.contains(where: \.readOnly), writeOnly = parts.contains(where: \.writeOnly)
            // A refining part's `default` is the one the refined schema means; a one-value enum of
            // integers or booleans is a constant, like `const`.
            // Only the property's own schemas: looking through references for this costs a
            // resolution per property.
            let enums = parts.filter { $0.enumValues != nil }
            let constant = enums.lazy.compactMap { part in
                self.otherEnumValues(part)?.count == 1 ? part.enumValues?.first(where: { !$0.isNull }) : nil
            }.first
            let defaultNode = parts.reversed().lazy.compactMap { $0.defaultValue ?? $0.constValue }.first ?? constant
            let listed = enums.lazy.compactMap { self.otherEnumValues($0) }.first.map { values in
                values.count == 1 ? "Always `\(values[0])`." : "One of: " + values.map { "`\($0)`" }.joined(separator: ", ") + "."
            }
            let documentation = [parts.lazy.compactMap { $0.description ?? $0.title }.first, listed].compactMap { $0 }
            properties.append(Property(
                jsonName: jsonName, swiftName: swiftName, type: type,
                // A read-only property is required in responses only, a write-only one in requests
                // only; one Swift type serves both, so neither can be required.
                required: members.required.contains(jsonName) && !readOnly && !writeOnly,
                documentation: documentation.isEmpty ? nil : documentation.joined(separator: "\n\n"),
                deprecated: parts.contains(where: \.deprecated), readOnly: readOnly,
                writeOnly: writeOnly, boxed: false,
                defaultValue: defaultNode.flatMap { defaultValue($0, for: type) }))
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

    /// The `default` as a value of `type`; a default of another type is reported and dropped.
    private func defaultValue(_ value: SchemaValue, for type: TypeRef) -> DefaultValue? {
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
            diagnostics.warning("'default' does not match the schema's type; it is ignored", at: value.location)
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
