/// One type per shape: inline schemas that hoist to structurally identical types (the same
/// properties with the same types and requiredness, the same enum values, the same union
/// branches) become one type, the first one met. Component schemas are never merged: their
/// names are the spec's own.
///
/// The type speaks for every place it stands for: when those places call it differently
/// (`within` in one, `interval` in another), it takes a name true of all (`WithinOrInterval`,
/// or the words their names share) and only the documentation all of them give.
enum ShapeDeduplication {
    /// Merges duplicate hoisted types in `types` and rewrites every reference to them, in the
    /// types and in the operations; returns the new types. A merged type's new name is claimed
    /// in `topLevel`.
    static func merge(_ types: [NamedType], keeping components: Set<NamedTypeID>,
                      operations: inout [APIOperation], topLevel: inout NameScope) -> [NamedType] {
        var canonical = Array(types.indices)
        // A type's shape depends on the types it refers to, so shapes are compared again after
        // each round of merging, until no more merge (a few rounds in practice).
        for _ in 0..<8 {
            var firstByShape: [String: NamedTypeID] = [:]
            var changed = false
            for id in types.indices where !components.contains(id) && canonical[id] == id {
                let shape = key(types[id], canonical)
                if let first = firstByShape[shape] {
                    canonical[id] = first
                    changed = true
                } else {
                    firstByShape[shape] = id
                }
            }
            guard changed else { break }
            for id in canonical.indices { canonical[id] = canonical[canonical[id]] }
        }
        guard canonical.enumerated().contains(where: { $0.offset != $0.element }) else { return types }

        var newID = Array(repeating: 0, count: types.count)
        var kept: [NamedType] = []
        for id in types.indices where canonical[id] == id {
            newID[id] = kept.count
            kept.append(types[id])
        }
        var merged: [NamedTypeID: [NamedTypeID]] = [:]
        for id in types.indices where canonical[id] != id { merged[canonical[id], default: [canonical[id]]].append(id) }
        for (keptID, group) in merged.sorted(by: { $0.key < $1.key }) {
            speakForAll(&kept[newID[keptID]], group.map { types[$0] }, topLevel: &topLevel)
        }
        let remap = { (old: NamedTypeID) in newID[canonical[old]] }
        for index in kept.indices { kept[index].kind = rewrite(kept[index].kind, remap) }
        for index in operations.indices { operations[index] = rewrite(operations[index], remap) }
        return kept
    }

    /// Names and documents `type` for all the places in `group` (itself first) it stands for.
    /// Places that call it the same are one thing: it keeps its documentation, or takes the
    /// first of theirs. Places that call it differently share only what all of them say.
    private static func speakForAll(_ type: inout NamedType, _ group: [NamedType], topLevel: inout NameScope) {
        // A union's unnamed branches (`Option2`) say nothing of what the type is.
        let localNames = group.compactMap(\.localName).filter { !isPlaceholder($0) }
        var distinct: [String] = []
        for name in localNames where !distinct.contains(name) { distinct.append(name) }
        guard group.allSatisfy({ $0.localName != nil }), let first = distinct.first else {
            if type.documentation == nil { type.documentation = group.lazy.compactMap(\.documentation).first }
            return
        }
        if distinct.count == 1 {
            if type.documentation == nil { type.documentation = group.lazy.compactMap(\.documentation).first }
        } else {
            let documentation = Set(group.map(\.documentation))
            type.documentation = documentation.count == 1 ? documentation.first! : nil
        }
        guard let neutral = distinct.count == 1 ? first : neutralName(distinct), neutral != type.localName else { return }
        // The words the full names put before the local ones (`Schedule` of `ScheduleWithin`), where all agree.
        let prefixes = group.map { member -> String in
            let local = member.localName ?? ""
            return member.name.bare.hasSuffix(local) ? String(member.name.bare.dropLast(local.count)) : ""
        }
        let prefix = prefixes.allSatisfy { $0 == prefixes[0] } ? prefixes[0] : ""
        type.localName = neutral
        type.name = topLevel.claim(prefix + neutral)
    }

    /// A name true of every one of `names`: the words at the end all of them share
    /// (`StartTime`, `EndTime` → `Time`), else two names joined by `Or` (`WithinOrInterval`);
    /// `nil` for three or more that share nothing (the type keeps its name).
    static func neutralName(_ names: [String]) -> String? {
        let words = names.map { SwiftNaming.camelWords(Substring($0)).map(String.init) }
        var shared: [String] = []
        while let last = words[0].dropLast(shared.count).last,
              words.allSatisfy({ $0.count > shared.count && $0[$0.count - 1 - shared.count] == last }) {
            shared.insert(last, at: 0)
        }
        if !shared.isEmpty { return shared.joined() }
        return names.count == 2 ? names.joined(separator: "Or") : nil
    }

    /// Whether a local name is the one an unnamed union branch gets (`Option2`, `Option2Item`).
    private static func isPlaceholder(_ name: String) -> Bool {
        guard name.hasPrefix("Option"), let next = name.dropFirst("Option".count).first else { return false }
        return next.isDigitLike
    }

    /// The shape of a type as text, with referenced types by their canonical ids.
    private static func key(_ type: NamedType, _ canonical: [NamedTypeID]) -> String {
        func ref(_ type: TypeRef) -> String {
            "\(rewrite(type) { canonical[$0] })"
        }
        switch type.kind {
        case .stringEnum(let cases):
            return "S" + cases.map(\.rawValue).joined(separator: "\u{1}")
        case .integerEnum(let cases):
            return "I" + cases.map(\.rawValue).joined(separator: "\u{1}")
        case .object(let shape):
            var parts = shape.properties.map { property in
                [property.jsonName, ref(property.type), "\(property.required)", "\(property.readOnly)", "\(property.writeOnly)",
                 "\(property.flattened)", "\(String(describing: property.defaultValue))",
                 "\(String(describing: property.constant))"].joined(separator: "\u{2}")
            }
            parts.append(shape.additionalProperties.map(ref) ?? "-")
            return "O" + parts.joined(separator: "\u{1}")
        case .union(let shape):
            let parts = shape.branches.map { [$0.caseName.bare, ref($0.type)] + $0.discriminatorValues }
                .map { $0.joined(separator: "\u{2}") }
            return "U" + (shape.discriminatorProperty ?? "-") + "\u{3}" + (shape.defaultBranch.map(String.init) ?? "-")
                + "\u{3}" + parts.joined(separator: "\u{1}") + "\u{3}" + "\(shape.attempts)" + "\(shape.tagIsInteger)"
        }
    }

    private static func rewrite(_ type: TypeRef, _ remap: (NamedTypeID) -> NamedTypeID) -> TypeRef {
        switch type {
        case .named(let id): return .named(remap(id))
        case .array(let element): return .array(rewrite(element, remap))
        case .dictionary(let value): return .dictionary(rewrite(value, remap))
        case .nullable(let wrapped): return .nullable(rewrite(wrapped, remap))
        default: return type
        }
    }

    private static func rewrite(_ kind: NamedType.Kind, _ remap: (NamedTypeID) -> NamedTypeID) -> NamedType.Kind {
        switch kind {
        case .object(var shape):
            for index in shape.properties.indices {
                shape.properties[index].type = rewrite(shape.properties[index].type, remap)
            }
            shape.additionalProperties = shape.additionalProperties.map { rewrite($0, remap) }
            return .object(shape)
        case .union(var shape):
            for index in shape.branches.indices {
                shape.branches[index].type = rewrite(shape.branches[index].type, remap)
            }
            return .union(shape)
        case .stringEnum, .integerEnum:
            return kind
        }
    }

    private static func rewrite(_ operation: APIOperation, _ remap: (NamedTypeID) -> NamedTypeID) -> APIOperation {
        var operation = operation
        for index in operation.parameters.indices {
            operation.parameters[index].type = rewrite(operation.parameters[index].type, remap)
        }
        if var body = operation.body {
            body.type = rewrite(body.type, remap)
            for index in body.alternatives.indices {
                body.alternatives[index].type = rewrite(body.alternatives[index].type, remap)
            }
            operation.body = body
        }
        for index in operation.responses.indices {
            operation.responses[index].type = operation.responses[index].type.map { rewrite($0, remap) }
        }
        if let itemType = operation.stream?.itemType {
            operation.stream?.itemType = rewrite(itemType, remap)
        }
        return operation
    }
}
