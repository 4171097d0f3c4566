/// Finds where named types contain themselves by value (directly or through other types) and
/// marks those places for indirection, so no generated type has infinite size.
///
/// Arrays and dictionaries already store elements on the heap, so only plain and optional
/// references count. Each back edge of a depth-first walk in type order is broken: a struct
/// property is boxed, a union becomes an `indirect enum`. Removing every back edge leaves no
/// cycle, and the walk order makes the choice deterministic.
struct CycleBreaker {
    private enum Mark { case unvisited, inProgress, done }

    static func breakCycles(in types: inout [NamedType]) {
        var marks = Array(repeating: Mark.unvisited, count: types.count)
        for start in types.indices where marks[start] == .unvisited {
            visit(start, &types, &marks)
        }
    }

    // Recursion depth is bounded by the number of types on one value path, which real
    // specs keep small; the YAML loader's depth limit bounds it for hostile ones.
    private static func visit(_ id: NamedTypeID, _ types: inout [NamedType], _ marks: inout [Mark]) {
        marks[id] = .inProgress
        switch types[id].kind {
        case .object(var shape):
            for index in shape.properties.indices {
                guard let target = valueTarget(shape.properties[index].type) else { continue }
                if marks[target] == .inProgress {
                    shape.properties[index].boxed = true
                } else if marks[target] == .unvisited {
                    types[id].kind = .object(shape)
                    visit(target, &types, &marks)
                    if case .object(let updated) = types[id].kind { shape = updated }
                }
            }
            types[id].kind = .object(shape)
        case .union(var shape):
            for branch in shape.branches {
                guard let target = valueTarget(branch.type) else { continue }
                if marks[target] == .inProgress {
                    shape.isIndirect = true
                } else if marks[target] == .unvisited {
                    types[id].kind = .union(shape)
                    visit(target, &types, &marks)
                    if case .union(let updated) = types[id].kind { shape = updated }
                }
            }
            types[id].kind = .union(shape)
        case .stringEnum, .integerEnum:
            break
        }
        marks[id] = .done
    }

    /// The named type a value of `type` stores inline, if any.
    private static func valueTarget(_ type: TypeRef) -> NamedTypeID? {
        if case .named(let id) = type.nonNull { return id }
        return nil
    }
}
