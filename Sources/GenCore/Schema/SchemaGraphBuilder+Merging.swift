/// `allOf` by JSON Schema's meaning: every part applies, so a property that several parts define
/// gets the narrowest type they allow together.
extension SchemaGraphBuilder {
    /// What a schema constrains a value to, for merging.
    enum ValueKind: Equatable {
        case object, array, string, integer, number, boolean, stringEnum, union
    }

    /// The type of a property that `parts` (in `allOf` order) all describe.
    func mergedType(_ parts: [JSONSchema], hint: TypeNameHint) -> TypeRef {
        guard parts.count > 1 else { return typeRef(for: parts[0], hint: hint) }
        let nullable = parts.allSatisfy(allowsNull)
        let looked = parts.map(inspected)
        // `{}` and bare `type: object` / `type: array` add nothing to a part that says more.
        let constrained = parts.indices.filter { !isUnconstrained(looked[$0]) }
        var result: TypeRef
        if constrained.isEmpty {
            result = typeRef(for: parts[0], hint: hint)
        } else if let merged = narrowest(constrained.map { parts[$0] }, looked: constrained.map { looked[$0] }, hint: hint),
                  unconstrainedAgree(looked, with: merged.kind) {
            result = merged.type
        } else {
            let kinds = parts.indices.map { index in kind(of: looked[index]).map { "\($0)" } ?? "any" }
            diagnostics.warning("the parts of 'allOf' give this property contradicting types (\(kinds.joined(separator: ", "))); "
                                + "using JSONValue", at: parts[0].location)
            return nullable ? .nullable(.json) : .json
        }
        return nullable ? result.makingNullable() : result.nonNull
    }

    /// The type all constrained parts allow together, or `nil` when they contradict.
    private func narrowest(_ parts: [JSONSchema], looked: [JSONSchema], hint: TypeNameHint) -> (type: TypeRef, kind: ValueKind?)? {
        let first = looked[0]
        if parts.count == 1 || looked.allSatisfy({ $0 === first }) {
            return (typeRef(for: parts[0], hint: hint), kind(of: first))
        }
        let kinds = looked.map(kind(of:))
        guard let kind = kinds[0], kinds.allSatisfy({ Self.compatible($0, kind) }) else { return nil }
        switch kind {
        case .array:
            let items = looked.compactMap(\.items)
            return (.array(items.isEmpty ? .json : mergedType(items, hint: hint.item)), .array)
        case .object:
            return (typeRef(for: syntheticAllOf(parts), hint: hint), .object)
        case .stringEnum, .string:
            let enums = looked.filter { stringEnumValues($0) != nil }
            guard !enums.isEmpty else {
                // Plain strings: the one with a format (a date, a UUID) says the most.
                let index = looked.firstIndex { $0.format != nil } ?? 0
                return (typeRef(for: parts[index], hint: hint), .string)
            }
            guard let intersection = enumIntersection(enums) else { return nil }
            return (typeRef(for: intersection, hint: hint), .stringEnum)
        case .integer, .number:
            // An integer is a number: the integer part is the narrower one.
            let index = kinds.firstIndex(of: .integer) ?? 0
            return (typeRef(for: parts[index], hint: hint), kinds[index])
        case .boolean:
            return (typeRef(for: parts[0], hint: hint), .boolean)
        case .union:
            return (typeRef(for: syntheticAllOf(parts), hint: hint), .object)
        }
    }

    private static func compatible(_ kind: ValueKind?, _ other: ValueKind) -> Bool {
        guard let kind else { return false }
        switch (kind, other) {
        case (.string, .stringEnum), (.stringEnum, .string), (.integer, .number), (.number, .integer): return true
        case (.union, .object), (.object, .union): return true
        default: return kind == other
        }
    }

    /// A bare `type: object` next to an array contradicts it; `{}` agrees with anything.
    private func unconstrainedAgree(_ looked: [JSONSchema], with kind: ValueKind?) -> Bool {
        looked.filter(isUnconstrained).allSatisfy { part in
            guard let own = self.kind(of: part) else { return true }
            return kind.map { Self.compatible(own, $0) } ?? true
        }
    }

    /// The schema a part stands for once references, single `allOf`s and null branches are
    /// looked through (for inspection only; types are still made from the part itself).
    func inspected(_ schema: JSONSchema) -> JSONSchema {
        var current = schema
        for _ in 0..<32 {
            if let target = current.target {
                current = target
            } else if current.allOf.count == 1, current.properties.isEmpty {
                current = current.allOf[0]
            } else if nonNullBranches(current).count == 1, current.properties.isEmpty, let only = nonNullBranches(current).first {
                current = only
            } else {
                break
            }
        }
        return current
    }

    private func allowsNull(_ schema: JSONSchema) -> Bool {
        let looked = inspected(schema)
        if isNullable(schema) || isNullable(looked) { return true }
        // A schema without `type` admits null, unless it describes objects, arrays or enums.
        return kind(of: looked) == nil && looked.booleanSchema != false
    }

    /// `{}`, `true`, and `type: object` or `type: array` with nothing more.
    func isUnconstrained(_ schema: JSONSchema) -> Bool {
        if schema.booleanSchema == true { return true }
        guard schema.booleanSchema == nil, schema.ref == nil, schema.properties.isEmpty, schema.items == nil,
              schema.additionalProperties == nil, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
              schema.enumValues == nil, schema.constValue == nil, schema.format == nil else { return false }
        let types = schema.types.filter { $0 != "null" }
        return types.isEmpty || types == ["object"] || types == ["array"]
    }

    func kind(of schema: JSONSchema) -> ValueKind? {
        if stringEnumValues(schema) != nil { return .stringEnum }
        if integerEnumValues(schema) != nil { return .integer }
        if nonNullBranches(schema).count > 1 { return .union }
        if schema.allOf.count > 1, schema.properties.isEmpty, !allOfDescribesMembers(schema) {
            return schema.allOf.map(inspected).first { !isUnconstrained($0) }.flatMap(kind(of:))
        }
        if !schema.properties.isEmpty || schema.allOf.count > 1 || schema.additionalProperties != nil { return .object }
        if schema.items != nil { return .array }
        switch schema.types.first(where: { $0 != "null" }) {
        case "object": return .object
        case "array": return .array
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        default: return nil
        }
    }

    /// Whether an `allOf` of several parts is an object with members of its own (a struct): some
    /// part has properties or alternatives, or several parts describe objects. Parts that only
    /// annotate (`description`, `nullable: false`, a bare `type: object`) add nothing, so
    /// `allOf: [{type: string, enum: [...]}, {description: …}]` is that enum, one array part is the
    /// array, and one map part (`additionalProperties`) the dictionary: not an empty struct that
    /// decodes from anything and encodes `{}`.
    func allOfDescribesMembers(_ schema: JSONSchema) -> Bool {
        // Parts that include each other: a struct, as any `allOf` was before annotations counted.
        guard allOfsInspected.insert(ObjectIdentifier(schema)).inserted else { return true }
        defer { allOfsInspected.remove(ObjectIdentifier(schema)) }
        let constrained = schema.allOf.map(inspected).filter { !isUnconstrained($0) }
        let objects = constrained.filter { part in
            guard let kind = kind(of: part) else { return false }
            return kind == .object || kind == .union
        }
        guard let only = objects.first else { return false }
        guard objects.count == 1 else { return true }
        let isMap = only.properties.isEmpty && only.allOf.count <= 1 && nonNullBranches(only).count <= 1
        return !isMap
    }

    /// One schema for several object parts: their `allOf`, made once per combination so the
    /// same merge is one type.
    private func syntheticAllOf(_ parts: [JSONSchema]) -> JSONSchema {
        let key = parts.map { ObjectIdentifier($0) }
        if let known = mergedSchemas[key] { return known }
        let merged = JSONSchema(location: parts[0].location)
        merged.allOf = parts
        merged.description = parts.lazy.compactMap { self.inspected($0).description }.first
        mergedSchemas[key] = merged
        return merged
    }

    /// The values every enum allows, as one string enum; `nil` when none is left.
    private func enumIntersection(_ enums: [JSONSchema]) -> JSONSchema? {
        let sets = enums.map { Set(stringEnumValues($0) ?? []) }
        let values = (enums[0].enumValues ?? []).filter { value in
            value.string.map { text in sets.allSatisfy { $0.contains(text) } } ?? false
        }
        guard !values.isEmpty else { return nil }
        if values.count == (enums[0].enumValues ?? []).filter({ !$0.isNull }).count { return enums[0] }
        let key = enums.map { ObjectIdentifier($0) }
        if let known = enumIntersections[key] { return known }
        let merged = JSONSchema(location: enums[0].location)
        merged.types = ["string"]
        merged.enumValues = values
        enumIntersections[key] = merged
        return merged
    }
}
