/// Finds the named types that only request bodies use. Their optional nullable properties can
/// tell "leave unchanged" (absent) from "clear" (explicit `null`), as PATCH bodies need,
/// without making response models harder to read.
enum RequestOnlyTypes {
    static func find(types: [NamedType], operations: [APIOperation]) -> Set<NamedTypeID> {
        var requestRoots: [TypeRef] = []
        var otherRoots: [TypeRef] = []
        for operation in operations {
            if let body = operation.body { requestRoots.append(body.type) }
            otherRoots += operation.responses.compactMap(\.type)
            otherRoots += [operation.stream?.itemType].compactMap { $0 }
            otherRoots += operation.parameters.map(\.type)
        }
        let usedByRequests = reachable(from: requestRoots, in: types)
        let usedElsewhere = reachable(from: otherRoots, in: types)
        return usedByRequests.subtracting(usedElsewhere)
    }

    private static func reachable(from roots: [TypeRef], in types: [NamedType]) -> Set<NamedTypeID> {
        var seen: Set<NamedTypeID> = []
        var pending = roots
        while let type = pending.popLast() {
            switch type {
            case .array(let inner), .dictionary(let inner), .nullable(let inner):
                pending.append(inner)
            case .named(let id):
                guard seen.insert(id).inserted else { continue }
                switch types[id].kind {
                case .object(let shape):
                    pending += shape.properties.map(\.type)
                    if let additional = shape.additionalProperties { pending.append(additional) }
                case .union(let shape):
                    pending += shape.branches.map(\.type)
                case .stringEnum, .integerEnum:
                    break
                }
            default:
                break
            }
        }
        return seen
    }
}
