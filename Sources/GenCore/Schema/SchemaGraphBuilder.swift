/// Builds the `SchemaGraph`: decides for every schema whether it is a named Swift type or a
/// spelling of another type, and names what it hoists.
final class SchemaGraphBuilder {
    private(set) var types: [NamedType] = []
    private let resolver: RefResolver
    private let schemas: SchemaReader
    private let diagnostics: DiagnosticCollector
    let naming: SwiftNaming
    private var typeNames: UniqueNames
    /// Schemas that already became named types.
    private var typeIDs: [ObjectIdentifier: NamedTypeID] = [:]
    /// Finished type references, so shared schemas are translated once.
    private var memo: [ObjectIdentifier: TypeRef] = [:]
    /// Schemas being translated right now; meeting one again means a cycle without a named type.
    private var inProgress: Set<ObjectIdentifier> = []

    private let typeOverrides: [String: String]

    init(resolver: RefResolver, schemas: SchemaReader, diagnostics: DiagnosticCollector,
         naming: SwiftNaming, reservedTypeNames: Set<String>, typeOverrides: [String: String] = [:]) {
        self.typeOverrides = typeOverrides
        self.resolver = resolver
        self.schemas = schemas
        self.diagnostics = diagnostics
        self.naming = naming
        self.typeNames = UniqueNames(reserved: reservedTypeNames.union(SwiftKeywords.takenTypeNames), suffixForReserved: "Model")
    }

    /// Declares every component schema that is a named type before translating any, so that
    /// references between them (including cycles) find their names.
    func addComponents(_ components: [(name: String, schema: JSONSchema)]) {
        var nominal: [(NamedTypeID, JSONSchema)] = []
        for (name, schema) in components {
            if let swiftType = typeOverrides[name] {
                memo[ObjectIdentifier(schema)] = .external(swiftType)
            }
        }
        for (name, schema) in components where isNominal(schema) && typeOverrides[name] == nil {
            nominal.append((declare(schema, name: naming.typeName(name)), schema))
        }
        // Enums first: they depend on nothing, and property defaults name their cases.
        for (id, schema) in nominal where stringEnumValues(schema) != nil {
            define(id, from: schema)
        }
        for (id, schema) in nominal where stringEnumValues(schema) == nil {
            define(id, from: schema)
        }
        for (name, schema) in components {
            _ = typeRef(for: schema, hint: naming.typeName(name))
        }
    }

    /// The Swift-level type of a schema; inline object, enum and union schemas become named
    /// types called after `hint` (an UpperCamelCase name).
    func typeRef(for schema: JSONSchema, hint: String) -> TypeRef {
        let key = ObjectIdentifier(schema)
        if let known = memo[key] { return known }
        if let id = typeIDs[key] {
            let result = isNullable(schema) ? TypeRef.named(id).makingNullable() : .named(id)
            memo[key] = result
            return result
        }
        guard inProgress.insert(key).inserted else {
            diagnostics.warning("schema refers to itself without an object in between; using JSONValue", at: schema.location)
            return .json
        }
        defer { inProgress.remove(key) }
        warnUnmodeled(schema)
        var result: TypeRef
        if isNominal(schema) {
            let id = declare(schema, name: hint)
            define(id, from: schema)
            result = .named(id)
        } else {
            result = structuralType(schema, hint: hint)
        }
        if isNullable(schema) { result = result.makingNullable() }
        memo[key] = result
        return result
    }

    // MARK: - Deciding

    private func isNominal(_ schema: JSONSchema) -> Bool {
        if schema.ref != nil || schema.booleanSchema != nil { return false }
        if stringEnumValues(schema) != nil { return true }
        if !schema.properties.isEmpty { return true }
        if nonNullBranches(schema).count > 1 { return true }
        return schema.allOf.count > 1
    }

    private func isNullable(_ schema: JSONSchema) -> Bool {
        if schema.nullable || schema.types.contains("null") { return true }
        if let values = schema.enumValues, values.contains(where: \.isNull) { return true }
        return (schema.oneOf + schema.anyOf).contains(where: isNullSchema)
    }

    private func isNullSchema(_ schema: JSONSchema) -> Bool {
        schema.types == ["null"] && schema.ref == nil
    }

    private func nonNullBranches(_ schema: JSONSchema) -> [JSONSchema] {
        (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !isNullSchema($0) }
    }

    /// The enum's string values when the schema is a string enum (null allowed beside them),
    /// written as `enum`, as a string `const`, or as `oneOf`/`anyOf` branches that each are one
    /// of those (a common way to document each value).
    /// A lone `const` is a plain string (`allowConst` is false); only as a branch is it a case.
    private func stringEnumValues(_ schema: JSONSchema, allowConst: Bool = false) -> [String]? {
        guard schema.types.allSatisfy({ $0 == "string" || $0 == "null" }) else { return nil }
        if let values = schema.enumValues {
            let nonNull = values.filter { !$0.isNull }
            guard !nonNull.isEmpty else { return nil }
            var strings: [String] = []
            for value in nonNull {
                guard let text = value.string else { return nil }
                strings.append(text)
            }
            return strings
        }
        if let constant = schema.constValue {
            return allowConst ? constant.string.map { [$0] } : nil
        }
        let branches = nonNullBranches(schema)
        guard branches.count > 1, schema.properties.isEmpty else { return nil }
        var strings: [String] = []
        for branch in branches {
            guard branch.ref == nil, branch.oneOf.isEmpty, branch.anyOf.isEmpty,
                  let values = stringEnumValues(branch, allowConst: true) else { return nil }
            strings += values
        }
        return strings
    }

    // MARK: - Non-named types

    private func structuralType(_ schema: JSONSchema, hint: String) -> TypeRef {
        if let flag = schema.booleanSchema {
            if !flag { diagnostics.warning("a 'false' schema admits no value; using JSONValue", at: schema.location) }
            return .json
        }
        if let ref = schema.ref {
            return referencedType(ref, from: schema, hint: hint)
        }
        if let only = schema.allOf.first, schema.allOf.count == 1 {
            return typeRef(for: only, hint: hint)
        }
        let branches = nonNullBranches(schema)
        if branches.count == 1, let only = branches.first {
            return typeRef(for: only, hint: hint)
        }
        let types = schema.types.filter { $0 != "null" }
        if types.count > 1 { return .json }
        let type = types.first ?? inferredType(schema)
        switch type {
        case "string": return stringType(format: schema.format)
        case "integer":
            switch schema.format {
            case "int32": return .int32
            case "int64": return .int64
            default: return .integer
            }
        case "number": return schema.format == "float" ? .float : .double
        case "boolean": return .boolean
        case "array":
            guard let items = schema.items else { return .array(.json) }
            return .array(typeRef(for: items, hint: hint + "Item"))
        case "object":
            if case .schema(let values) = schema.additionalProperties {
                return .dictionary(typeRef(for: values, hint: hint + "Value"))
            }
            return .json
        default:
            return .json
        }
    }

    private func inferredType(_ schema: JSONSchema) -> String {
        if schema.items != nil { return "array" }
        if schema.additionalProperties != nil { return "object" }
        if let constant = schema.constValue {
            switch constant.value {
            case .string: return "string"
            case .int: return "integer"
            case .number: return "number"
            case .bool: return "boolean"
            default: return ""
            }
        }
        return ""
    }

    private func stringType(format: String?) -> TypeRef {
        switch format {
        case "uuid": return .uuid
        case "date-time": return .dateTime
        case "byte", "binary": return .data
        default: return .string
        }
    }

    private func referencedType(_ ref: String, from schema: JSONSchema, hint: String) -> TypeRef {
        do {
            let target = try resolver.resolve(ref, from: schema.node.file, at: schema.location)
            let name = lastPointerToken(ref).map(naming.typeName) ?? hint
            return typeRef(for: schemas.schema(target.node), hint: name)
        } catch {
            for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
            return .json
        }
    }

    /// The name a `$ref` suggests: the last token of its JSON pointer, or the file's base name
    /// for a whole-file reference.
    private func lastPointerToken(_ ref: String) -> String? {
        if let hash = ref.firstIndex(of: "#") {
            let pointer = ref[ref.index(after: hash)...]
            guard let slash = pointer.lastIndex(of: "/") else { return nil }
            let token = RefResolver.unescape(String(pointer[pointer.index(after: slash)...]))
            return token.isEmpty ? nil : token
        }
        let file = ref.split(separator: "/").last.map(String.init) ?? ref
        let base = file.split(separator: ".").first.map(String.init) ?? file
        return base.isEmpty ? nil : base
    }

    /// Discriminator mappings may name a component schema instead of referencing it.
    private func mappingRef(_ value: String) -> String {
        value.contains("/") || value.contains("#") ? value : "#/components/schemas/" + value
    }

    /// Where a reference leads, so that two spellings of one target compare equal.
    private func targetKey(_ ref: String, from schema: JSONSchema) -> String? {
        try? resolver.resolve(ref, from: schema.node.file, at: schema.location).key
    }

    // MARK: - Named types

    private func declare(_ schema: JSONSchema, name: String) -> NamedTypeID {
        let id = types.count
        types.append(NamedType(
            name: typeNames.claim(name), kind: .object(ObjectShape(properties: [], additionalProperties: nil, additionalPropertiesName: "")),
            documentation: schema.description, deprecated: schema.deprecated, location: schema.location))
        typeIDs[ObjectIdentifier(schema)] = id
        return id
    }

    private func define(_ id: NamedTypeID, from schema: JSONSchema) {
        let name = types[id].name
        if let values = stringEnumValues(schema) {
            types[id].kind = .stringEnum(enumCases(values))
        } else if nonNullBranches(schema).count > 1 {
            types[id].kind = .union(union(schema, name: name))
        } else {
            types[id].kind = .object(object(schema, name: name))
        }
    }

    private func enumCases(_ values: [String]) -> [EnumCase] {
        var names = UniqueNames(reserved: ["undocumented"], suffixForReserved: "Value")
        var seen: Set<String> = []
        var cases: [EnumCase] = []
        for value in values where seen.insert(value).inserted {
            let name = names.claim(naming.memberName(value.isEmpty ? "empty" : value))
            cases.append(EnumCase(swiftName: naming.escaped(name), rawValue: value))
        }
        return cases
    }

    private func union(_ schema: JSONSchema, name: String) -> UnionShape {
        var caseNames = UniqueNames(reserved: ["undocumented"], suffixForReserved: "Value")
        var branches: [UnionShape.Branch] = []
        let mapping = schema.discriminator?.mapping ?? []
        for (index, branch) in nonNullBranches(schema).enumerated() {
            let type = typeRef(for: branch, hint: name + "Option\(index + 1)")
            var values: [String] = []
            if let ref = branch.ref, schema.discriminator != nil {
                let target = targetKey(ref, from: branch)
                values = mapping.filter { targetKey(mappingRef($0.ref), from: schema) == target }.map(\.value)
                if values.isEmpty, let implicit = lastPointerToken(ref) { values = [implicit] }
            }
            let caseName = caseNames.claim(naming.memberName(caseLabel(for: type, index: index)))
            branches.append(.init(caseName: naming.escaped(caseName), type: type, discriminatorValues: values))
        }
        return UnionShape(branches: branches, discriminatorProperty: schema.discriminator?.propertyName)
    }

    private func caseLabel(for type: TypeRef, index: Int) -> String {
        switch type.nonNull {
        case .named(let id): return types[id].name
        case .string: return "string"
        case .integer, .int32, .int64: return "integer"
        case .double, .float: return "number"
        case .boolean: return "boolean"
        case .array: return "array"
        case .dictionary: return "dictionary"
        default: return "option\(index + 1)"
        }
    }

    private func object(_ schema: JSONSchema, name: String) -> ObjectShape {
        var members = ObjectMembers()
        collect(schema, into: &members, depth: 0)
        // `self` cannot even be backticked as an initializer parameter without hiding `self`.
        var propertyNames = UniqueNames(reserved: ["self", "Self", "init", "deinit"], suffixForReserved: "Value")
        var properties: [Property] = []
        for (jsonName, propertySchema) in members.properties {
            let type = typeRef(for: propertySchema, hint: name + naming.typeName(jsonName))
            let swiftName = propertyNames.claim(naming.memberName(jsonName))
            properties.append(Property(
                jsonName: jsonName, swiftName: naming.escaped(swiftName), type: type,
                // A read-only property is required in responses only, a write-only one in requests
                // only; one Swift type serves both, so neither can be required.
                required: members.required.contains(jsonName) && !propertySchema.readOnly && !propertySchema.writeOnly,
                documentation: propertySchema.description ?? propertySchema.title,
                deprecated: propertySchema.deprecated, readOnly: propertySchema.readOnly,
                writeOnly: propertySchema.writeOnly, boxed: false,
                defaultValue: (propertySchema.defaultValue ?? propertySchema.constValue).flatMap { defaultValue($0, for: type) }))
        }
        for (requiredName, node) in members.requiredNodes where !members.properties.contains(where: { $0.name == requiredName }) {
            if members.additional == nil {
                diagnostics.warning("'required' names '\(requiredName)', which is not a property of this schema", at: node.location)
            }
        }
        var additional: TypeRef?
        if let extra = members.additional {
            switch extra {
            case .allowed(let flag): additional = flag && members.properties.isEmpty ? .json : nil
            case .schema(let values): additional = typeRef(for: values, hint: name + "Value")
            }
        }
        let additionalName = additional == nil ? "" : naming.escaped(propertyNames.claim("additionalProperties"))
        return ObjectShape(properties: properties, additionalProperties: additional, additionalPropertiesName: additionalName)
    }

    /// Properties of a schema and of everything it `allOf`-includes, in order, first one wins.
    private struct ObjectMembers {
        var properties: [(name: String, schema: JSONSchema)] = []
        var required: Set<String> = []
        var requiredNodes: [(name: String, node: YAMLNode)] = []
        var additional: JSONSchema.AdditionalProperties?
        var visited: Set<ObjectIdentifier> = []
    }

    private func collect(_ schema: JSONSchema, into members: inout ObjectMembers, depth: Int) {
        guard members.visited.insert(ObjectIdentifier(schema)).inserted else { return }
        if let ref = schema.ref {
            do {
                let target = try resolver.resolve(ref, from: schema.node.file, at: schema.location)
                collect(schemas.schema(target.node), into: &members, depth: depth + 1)
            } catch {
                for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
            }
        }
        for part in schema.allOf {
            collect(part, into: &members, depth: depth + 1)
        }
        for (name, property) in schema.properties where !members.properties.contains(where: { $0.name == name }) {
            members.properties.append((name, property))
        }
        var seenRequired: Set<String> = []
        for (name, node) in schema.required {
            if !seenRequired.insert(name).inserted {
                diagnostics.warning("'required' lists '\(name)' twice", at: node.location)
            }
            members.required.insert(name)
            members.requiredNodes.append((name, node))
        }
        if depth == 0 || members.additional == nil {
            members.additional = schema.additionalProperties ?? members.additional
        }
    }

    /// The `default` as a value of `type`; a default of another type is reported and dropped.
    private func defaultValue(_ node: YAMLNode, for type: TypeRef) -> DefaultValue? {
        var result: DefaultValue?
        switch (type.nonNull, node.value) {
        case (.string, .string(let text)): result = .string(text)
        case (.integer, .int(let number)), (.int64, .int(let number)): result = .integer(number)
        case (.int32, .int(let number)) where Int32(exactly: number) != nil: result = .integer(number)
        case (.double, .int(let number)), (.float, .int(let number)): result = .number(String(number))
        case (.double, .number(let text)), (.float, .number(let text)): result = Double(text) == nil ? nil : .number(text)
        case (.boolean, .bool(let flag)): result = .boolean(flag)
        case (.named(let id), .string(let text)):
            if case .stringEnum(let cases) = types[id].kind, let match = cases.first(where: { $0.rawValue == text }) {
                result = .enumCase(match.swiftName)
            }
        case (_, .null): return nil
        default: break
        }
        if result == nil, !isStructured(type) {
            diagnostics.warning("'default' does not match the schema's type; it is ignored", at: node.location)
        }
        return result
    }

    /// Object, array and free-form defaults are legal but not rendered as Swift literals.
    private func isStructured(_ type: TypeRef) -> Bool {
        switch type.nonNull {
        case .array, .dictionary, .json, .data, .uuid, .dateTime: return true
        case .named(let id):
            if case .stringEnum = types[id].kind { return false }
            return true
        default: return false
        }
    }

    private func warnUnmodeled(_ schema: JSONSchema) {
        for (keyword, node) in schema.unmodeledKeywords {
            diagnostics.warning("'\(keyword)' is not supported by the generator and is ignored", at: node.location)
        }
    }
}
