/// Builds the `SchemaGraph`: decides for every schema whether it is a named Swift type or a
/// spelling of another type, and names what it hoists.
final class SchemaGraphBuilder {
    var types: [NamedType] = []
    let diagnostics: DiagnosticCollector
    let naming: SwiftNaming
    var typeNames: NameScope
    /// Schemas that already became named types.
    var typeIDs: [ObjectIdentifier: NamedTypeID] = [:]
    /// Finished type references, so shared schemas are translated once.
    var memo: [ObjectIdentifier: TypeRef] = [:]
    /// Schemas being translated right now; meeting one again means a cycle without a named type.
    private var inProgress: Set<ObjectIdentifier> = []
    /// `allOf`s being inspected by `allOfDescribesMembers`, so parts that include each other end.
    var allOfsInspected: Set<ObjectIdentifier> = []
    /// The types that are component schemas (the spec names them; they are never merged).
    var componentTypeIDs: Set<NamedTypeID> = []
    /// Schemas the builder made for merged `allOf` parts, by the parts they merge.
    var mergedSchemas: [[ObjectIdentifier]: JSONSchema] = [:]
    /// Schemas the builder made for the values several enums share, by the enums.
    var enumIntersections: [[ObjectIdentifier]: JSONSchema] = [:]

    private let typeOverrides: [String: String]
    /// The names `typeNames` in the config gives schemas, by where the schema is written; each
    /// is taken before any name of the spec's, and only by the first type made from its schema.
    var configuredNames: [SourceLocation: GeneratorConfig.ConfiguredName] = [:]
    /// The locations of the configured names some type took.
    var usedConfiguredNames: Set<SourceLocation> = []
    /// The types the config names (they keep their names: never merged, nested or renamed).
    var configuredTypeIDs: Set<NamedTypeID> = []
    /// Names better than their own for component schemas (FastAPI's `Body_…`), by component
    /// name; a component takes its preferred name when it is free.
    var preferredComponentNames: [String: String] = [:]

    /// The first component of each user type that `typeOverrides` names (`Decimal`, `MyKit`).
    var overriddenTypeNames: Set<String> {
        Set(typeOverrides.values.compactMap { $0.split(separator: ".").first.map(String.init) })
    }

    init(diagnostics: DiagnosticCollector, naming: SwiftNaming, reservedTypeNames: Set<String>,
         typeOverrides: [String: String] = [:]) {
        self.typeOverrides = typeOverrides
        self.diagnostics = diagnostics
        self.naming = naming
        self.typeNames = NameScope.topLevelTypes(alsoReserved: reservedTypeNames)
    }

    /// Takes the names `typeNames` gives (by the location of the schema each names) before any
    /// other; a name that is taken already (reserved, or given twice) is a located error.
    func reserveConfiguredNames(_ names: [SourceLocation: GeneratorConfig.ConfiguredName]) {
        for (location, configured) in names.sorted(by: { ($0.value.name, $0.key.mark) < ($1.value.name, $1.key.mark) }) {
            guard typeNames.isFree(configured.name) else {
                diagnostics.error("the type name '\(configured.name)' in 'typeNames' is already taken "
                                  + "(by the generated code, or by another entry)", at: configured.location)
                continue
            }
            typeNames.occupy(configured.name)
            configuredNames[location] = configured
        }
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
            let id = declare(schema, name: TypeNameHint(naming.typeName(name)), preferred: preferredComponentNames[name])
            componentTypeIDs.insert(id)
            nominal.append((id, schema))
        }
        // Enums first: they depend on nothing, and property defaults name their cases.
        let isEnum = { (schema: JSONSchema) in self.stringEnumValues(schema) != nil || self.integerEnumValues(schema) != nil }
        for (id, schema) in nominal where isEnum(schema) {
            define(id, from: schema)
        }
        for (id, schema) in nominal where !isEnum(schema) {
            define(id, from: schema)
        }
        for (name, schema) in components {
            _ = typeRef(for: schema, hint: TypeNameHint(naming.typeName(name)))
        }
    }

    /// The Swift-level type of a schema; inline object, enum and union schemas become named
    /// types called after `hint`.
    func typeRef(for schema: JSONSchema, hint: TypeNameHint) -> TypeRef {
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

    func isNominal(_ schema: JSONSchema) -> Bool {
        if schema.ref != nil || schema.booleanSchema != nil { return false }
        if stringEnumValues(schema) != nil || integerEnumValues(schema) != nil { return true }
        if !schema.properties.isEmpty { return true }
        if nonNullBranches(schema).count > 1 { return true }
        return schema.allOf.count > 1 && allOfDescribesMembers(schema)
    }

    func isNullable(_ schema: JSONSchema) -> Bool {
        if schema.nullable || schema.types.contains("null") { return true }
        if let values = schema.enumValues, values.contains(where: \.isNull) { return true }
        return (schema.oneOf + schema.anyOf).contains(where: isNullSchema)
    }

    func isNullSchema(_ schema: JSONSchema) -> Bool {
        schema.types == ["null"] && schema.ref == nil
    }

    func nonNullBranches(_ schema: JSONSchema) -> [JSONSchema] {
        (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !isNullSchema($0) }
    }

    /// The enum's string values when the schema is a string enum (null allowed beside them),
    /// written as `enum`, as a string `const`, or as `oneOf`/`anyOf` branches that each are one
    /// of those (a common way to document each value).
    /// A lone `const` is a plain string (`allowConst` is false); only as a branch is it a case.
    func stringEnumValues(_ schema: JSONSchema, allowConst: Bool = false) -> [String]? {
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

    private func structuralType(_ schema: JSONSchema, hint: TypeNameHint) -> TypeRef {
        if let flag = schema.booleanSchema {
            if !flag { diagnostics.warning("a 'false' schema admits no value; using JSONValue", at: schema.location) }
            return .json
        }
        if schema.ref != nil {
            // A reference that leads nowhere was reported where it is read.
            guard let target = schema.target else { return .json }
            return typeRef(for: target, hint: schema.refName.map { TypeNameHint(naming.typeName($0)) } ?? hint)
        }
        if let only = schema.allOf.first, schema.allOf.count == 1 {
            return typeRef(for: only, hint: hint)
        }
        if schema.allOf.count > 1 {
            // A value that is not an object with members (`allOfDescribesMembers`): the parts merged.
            return mergedType(schema.allOf, hint: hint)
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
            return .array(typeRef(for: items, hint: hint.item))
        case "object":
            if case .schema(let values) = schema.additionalProperties {
                return .dictionary(typeRef(for: values, hint: hint.value))
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
            switch constant.kind {
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

    private func warnUnmodeled(_ schema: JSONSchema) {
        for (keyword, location) in schema.unmodeledKeywords {
            if keyword == "prefixItems" {
                // Say what the array becomes: the tuple's positions are not typed.
                diagnostics.warning("'prefixItems' (a tuple) is not supported by the generator: every item of the array is "
                                    + (schema.items == nil ? "read as any JSON value (JSONValue)" : "read as 'items' says"),
                                    at: location)
            } else {
                diagnostics.warning("'\(keyword)' is not supported by the generator and is ignored", at: location)
            }
        }
        if let values = otherEnumValues(schema), values.count > 1, let location = schema.enumLocation {
            diagnostics.warning("an enum of \(schema.types.first { $0 != "null" } ?? "non-string") values is read as a plain "
                                + "value of its type; its values are listed in the documentation", at: location)
        }
    }

    /// The values of an `enum` that is neither a string enum nor an integer enum (booleans, a
    /// mix, a single integer), as written; a single one is a constant, which properties take as
    /// their default.
    func otherEnumValues(_ schema: JSONSchema) -> [String]? {
        // `enum` first: every schema comes through here, few have one.
        guard let values = schema.enumValues?.filter({ !$0.isNull }), !values.isEmpty,
              stringEnumValues(schema) == nil, integerEnumValues(schema) == nil else {
            return nil
        }
        return values.map { $0.scalarText ?? "…" }
    }

    /// The cases of an integer enum: `enum` with two or more integers, or `oneOf`/`anyOf` of
    /// two or more branches that each allow one integer (`const`, or a one-value `enum`), named
    /// by their `title` where they have one. One integer alone is a constant, not an enum.
    func integerEnumValues(_ schema: JSONSchema) -> [(value: Int, title: String?)]? {
        guard schema.types.allSatisfy({ $0 == "integer" || $0 == "number" || $0 == "null" }), schema.properties.isEmpty else {
            return nil
        }
        if let values = schema.enumValues {
            var numbers: [(Int, String?)] = []
            for value in values where !value.isNull {
                guard case .int(let number) = value.kind else { return nil }
                numbers.append((number, nil))
            }
            return numbers.count > 1 ? numbers : nil
        }
        let branches = nonNullBranches(schema)
        guard branches.count > 1 else { return nil }
        var numbers: [(Int, String?)] = []
        for branch in branches {
            guard branch.ref == nil, branch.oneOf.isEmpty, branch.anyOf.isEmpty, branch.properties.isEmpty,
                  branch.types.allSatisfy({ $0 == "integer" || $0 == "number" }) else { return nil }
            let single = branch.constValue ?? (branch.enumValues?.count == 1 ? branch.enumValues?.first : nil)
            guard let single, case .int(let number) = single.kind else { return nil }
            numbers.append((number, branch.title))
        }
        return numbers
    }
}
