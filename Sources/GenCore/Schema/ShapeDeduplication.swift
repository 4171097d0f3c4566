/// One type per shape: inline schemas that hoist to structurally identical types (the same
/// properties with the same types and requiredness, the same enum values, the same union
/// branches) become one type, the first one met. Component schemas are never merged: their
/// names are the spec's own.
enum ShapeDeduplication {
    /// Merges duplicate hoisted types in `types` and rewrites every reference to them, in the
    /// types and in the operations; returns the new types.
    static func merge(_ types: [NamedType], keeping components: Set<NamedTypeID>,
                      operations: inout [APIOperation]) -> [NamedType] {
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
        // The kept type speaks for all it replaces: it takes the first documentation among them
        // when it has none of its own.
        for id in types.indices where canonical[id] != id && kept[newID[canonical[id]]].documentation == nil {
            kept[newID[canonical[id]]].documentation = types[id].documentation
        }
        let remap = { (old: NamedTypeID) in newID[canonical[old]] }
        for index in kept.indices { kept[index].kind = rewrite(kept[index].kind, remap) }
        for index in operations.indices { operations[index] = rewrite(operations[index], remap) }
        return kept
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
