import Foundation

/// How a `oneOf`/`anyOf` becomes a union, and how its decoder tells the branches apart: by a
/// tag (the `discriminator`, or a property whose constant differs between the object
/// branches), else by what else tells them apart (the JSON kind, an enum's listed values, a
/// `pattern`, required properties), never by "the first branch that happens to decode".
extension SchemaGraphBuilder {
    func union(_ schema: JSONSchema, name: TypeNameHint) -> UnionShape {
        let discriminator = schema.discriminator
        let mapping = discriminator?.mapping ?? []
        let all = nonNullBranches(schema)
        let looked = all.map(inspected)
        let inferred = discriminator == nil ? inferredTag(looked) : nil
        let tag = discriminator?.propertyName ?? inferred?.property
        var claimedValues: Set<String> = []
        var typed: [(type: TypeRef, values: [String], label: String?)] = []
        var defaultBranch: Int?
        let defaultTarget = discriminator?.defaultMapping?.target
        for (index, branch) in all.enumerated() {
            let label = branchLabel(branch, among: all, discriminator: tag)
            var type = typeRef(for: branch, hint: name.member(naming.typeName(label ?? "Option\(index + 1)")))
            // A free-form object branch holds objects only, so that it cannot take an array or a string.
            if type.nonNull == .json, kind(of: looked[index]) == .object {
                type = type.isNullable ? .nullable(.dictionary(.json)) : .dictionary(.json)
            }
            var values: [String] = []
            if let discriminator {
                if branch.ref != nil, let target = branch.target {
                    values = mapping.filter { $0.target === target }.map(\.value)
                    if defaultBranch == nil, let fallback = defaultTarget, fallback === target { defaultBranch = index }
                }
                if values.isEmpty { values = implicitValue(of: branch, looked: looked[index], property: discriminator.propertyName) }
            } else if let inferred, let value = constantTag(of: inferred.property, in: looked[index]) {
                values = [value.text]
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
        var branches: [UnionShape.Branch] = []
        for (index, branch) in typed.enumerated() {
            let caseName = caseNames.claim(naming.memberName(branch.label ?? caseLabel(for: branch.type, index: index)))
            branches.append(.init(caseName: caseName, type: branch.type, discriminatorValues: branch.values))
        }
        // One that leads nowhere was reported where it was read.
        if let fallback = discriminator?.defaultMapping, fallback.target != nil, defaultBranch == nil {
            diagnostics.warning("'defaultMapping' names no branch of the union ('\(fallback.ref)'); a value no mapping names "
                                + "decodes as the union's undocumented case", at: fallback.location)
        }
        let tagged = branches.contains { !$0.discriminatorValues.isEmpty }
        // Without a tag every branch is tried; with one, the branches it cannot select: those
        // without a value, and (for a tag the spec does not declare) those that may leave it out.
        let triedByShape = typed.indices.filter { index in
            guard tagged else { return true }
            if typed[index].values.isEmpty { return defaultBranch == nil }
            return discriminator == nil && !requiredNames(of: looked[index]).contains(tag ?? "")
        }
        var shape = UnionShape(branches: branches, discriminatorProperty: tagged ? tag : nil, defaultBranch: defaultBranch)
        shape.tagIsInteger = inferred?.isInteger ?? false
        shape.attempts = attempts(triedByShape, looked: looked, types: typed.map(\.type))
        return shape
    }

    /// The value that selects a branch of a discriminator without a `mapping` entry for it: the
    /// one value the branch's discriminator property allows (`type: {enum: [track]}`), else its
    /// schema name. When both exist and differ, the allowed value wins (the branch could not
    /// decode the other), with a warning.
    private func implicitValue(of branch: JSONSchema, looked: JSONSchema, property: String) -> [String] {
        let allowed = constantString(of: property, in: looked)
        if let allowed, let schemaName = branch.refName, allowed != schemaName {
            diagnostics.warning("this branch's '\(property)' allows only '\(allowed)', not its schema name '\(schemaName)'; "
                                + "'\(allowed)' selects it", at: branch.location)
        }
        if let allowed { return [allowed] }
        return branch.ref != nil ? branch.refName.map { [$0] } ?? [] : []
    }

    /// A property that every object branch (two or more) gives a different constant, all strings
    /// (`type: {const: delayed}`, as pydantic writes tagged unions) or all integers (`type:
    /// {enum: [2]}`): the tag of a union without a discriminator.
    private func inferredTag(_ looked: [JSONSchema]) -> (property: String, isInteger: Bool)? {
        let objects = looked.filter { kind(of: $0) == .object }
        guard objects.count > 1 else { return nil }
        for candidate in properties(of: objects[0]) {
            let values = objects.compactMap { constantTag(of: candidate, in: $0) }
            guard values.count == objects.count, Set(values).count == values.count else { continue }
            if values.allSatisfy({ !$0.isInteger }) { return (candidate, false) }
            if values.allSatisfy(\.isInteger) { return (candidate, true) }
        }
        return nil
    }

    /// A tag's value: a string, or an integer written in decimal.
    struct TagValue: Hashable {
        var text: String
        var isInteger: Bool
    }

    /// The one string or integer a property of `schema` (or of what it `allOf`-includes) allows.
    private func constantTag(of property: String, in schema: JSONSchema) -> TagValue? {
        if let text = constantString(of: property, in: schema) { return TagValue(text: text, isInteger: false) }
        return constantInteger(of: property, in: schema).map { TagValue(text: String($0), isInteger: true) }
    }

    /// The one value a property's schema allows: its own `const` or one-value `enum` (beside an
    /// `allOf` of the type it narrows, as Discord writes them), else its target's.
    private func singleValue(of schema: JSONSchema) -> SchemaValue? {
        for candidate in [schema, inspected(schema)] {
            if let constant = candidate.constValue { return constant }
            if let values = candidate.enumValues, values.count == 1 { return values[0] }
        }
        return nil
    }

    private func constantInteger(of property: String, in schema: JSONSchema, depth: Int = 0) -> Int? {
        guard depth < 8 else { return nil }
        if let own = schema.properties.first(where: { $0.name == property }), let value = singleValue(of: own.schema) {
            if case .int(let number) = value.kind { return number }
            return nil
        }
        for part in schema.allOf {
            if let found = constantInteger(of: property, in: inspected(part), depth: depth + 1) { return found }
        }
        return nil
    }

    /// The branches in `indices` in the order a decoder tries them. Each branch takes only
    /// JSON of its kind, so the order matters only between branches of one kind: exact matches
    /// first (the more required properties and constants, the earlier; an object whose keys are
    /// all a branch's own, before that branch or another takes it as any object), then what takes
    /// any value of its kind (a plain string, a number, an object), then an
    /// enum's or a union's `undocumented` fallback, and any JSON last; ties in spec order.
    private func attempts(_ indices: [Int], looked: [JSONSchema], types branchTypes: [TypeRef]) -> [UnionShape.Attempt] {
        var tries: [(rank: Int, specificity: Int, attempt: UnionShape.Attempt)] = []
        for index in indices {
            let schema = looked[index]
            let type = branchTypes[index].nonNull
            if case .named(let id) = type, isEnum(types[id].kind) {
                // The values it lists are exact; the others only a fallback.
                tries.append((0, 0, .init(branch: index, documentedOnly: true)))
                tries.append((2, 0, .init(branch: index)))
                continue
            }
            switch type {
            case .json: tries.append((3, 0, .init(branch: index)))
            case .string:
                if let pattern = checkedPattern(schema) {
                    tries.append((0, 0, .init(branch: index, pattern: pattern)))
                } else {
                    tries.append((1, 0, .init(branch: index)))
                }
            case .data, .double, .float, .external, .array(.json): tries.append((1, 0, .init(branch: index)))
            case .dictionary(.json): tries.append((1, -2, .init(branch: index)))
            case .dictionary: tries.append((1, -1, .init(branch: index)))
            case .named:
                if kind(of: schema) == .union {
                    tries.append((2, 0, .init(branch: index)))
                } else if case .allowed(false) = schema.additionalProperties {
                    // A closed object takes only its own keys: exact, and more so than an open one.
                    let keys = Array(Set(properties(of: schema))).sorted()
                    tries.append((0, exactness(of: schema) + 1, .init(branch: index, closedKeys: keys)))
                } else {
                    // An object whose keys are all this branch's own is tried here first, before
                    // any branch that would take it but drop some of its members (JSON Schema
                    // lets an object carry members its schema does not name); then as any object.
                    let specificity = exactness(of: schema)
                    let keys = Array(Set(properties(of: schema))).sorted()
                    if !keys.isEmpty {
                        tries.append((0, specificity + 1, .init(branch: index, closedKeys: keys)))
                    }
                    tries.append((1, specificity, .init(branch: index)))
                }
            default: tries.append((0, 0, .init(branch: index)))
            }
        }
        // `sorted` is not stable: the attempt's branch keeps spec order among ties.
        return tries.sorted { ($0.rank, -$0.specificity, $0.attempt.branch) < ($1.rank, -$1.specificity, $1.attempt.branch) }
            .map(\.attempt)
    }

    private func isEnum(_ kind: NamedType.Kind) -> Bool {
        switch kind {
        case .stringEnum, .integerEnum: true
        default: false
        }
    }

    /// How many properties an object must have, or must have with one value: its required
    /// ones (that are not read- or write-only) and its constants. 0 for one that takes any object.
    private func exactness(of schema: JSONSchema) -> Int {
        let required = requiredNames(of: schema)
        var count = 0
        for (name, property) in declaredProperties(of: schema) {
            let looked = inspected(property)
            if required.contains(name), !property.readOnly, !property.writeOnly, !looked.readOnly, !looked.writeOnly {
                count += 1
            } else if constantTag(of: name, in: schema) != nil {
                count += 1
            }
        }
        return count
    }

    /// The branch's `pattern`, when Foundation's regular expressions (what the generated code
    /// checks it with) read it; one they cannot read is a warning, and the branch takes any string.
    private func checkedPattern(_ schema: JSONSchema) -> String? {
        guard let (pattern, location) = schema.pattern else { return nil }
        guard (try? NSRegularExpression(pattern: pattern)) != nil else {
            diagnostics.warning("this 'pattern' is not a regular expression the generated code can check; the branch "
                                + "takes any string", at: location)
            return nil
        }
        return pattern
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
    func constantString(of property: String, in schema: JSONSchema, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        if let own = schema.properties.first(where: { $0.name == property }), let value = singleValue(of: own.schema) {
            return value.string
        }
        for part in schema.allOf {
            if let found = constantString(of: property, in: inspected(part), depth: depth + 1) { return found }
        }
        return nil
    }

    /// The property names a branch declares, itself and through `allOf` (a few levels deep, so
    /// an `allOf` that includes itself ends).
    private func properties(of schema: JSONSchema) -> [String] {
        declaredProperties(of: schema).map(\.name)
    }

    /// The properties of a branch, with their schemas.
    private func declaredProperties(of schema: JSONSchema, depth: Int = 0) -> [(name: String, schema: JSONSchema)] {
        guard depth < 8 else { return [] }
        return schema.properties + schema.allOf.flatMap { declaredProperties(of: inspected($0), depth: depth + 1) }
    }

    /// The names `required` lists, in the schema and what it `allOf`-includes.
    private func requiredNames(of schema: JSONSchema, depth: Int = 0) -> Set<String> {
        guard depth < 8 else { return [] }
        return Set(schema.required.map(\.name)).union(schema.allOf.flatMap { requiredNames(of: inspected($0), depth: depth + 1) })
    }

    /// A case named after the branch's type: its name, or its kind (`string`, `date`,
    /// `integers` for an array of integers, `object` for a free-form object).
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
        case .dictionary(.json): "object"
        case .dictionary: "dictionary"
        default: nil
        }
    }
}
