/// Where each hoisted type is declared, and what it is called there: inside the type that uses
/// it (`Booking.Payment.Source`), as a hand-written SDK would, or at the top level when types of
/// different trees or operations use it. A type used from several places inside one tree is
/// declared in the narrowest type that contains all of them. Component schemas stay at the top
/// level under the spec's names.
///
/// Type references are spelled from where they are written (`SchemaGraph.spelling`), so a
/// nested name must not hide, inside its tree, a type the tree refers to: its ancestors, the
/// top-level types the tree names, the Swift and Support types the generated code names, and
/// its parent's members.
enum TypeNesting {
    /// Sets `parent` and the nested `name` of every type that moves into another; shared
    /// top-level types whose users all call them the same get that name when it is free in
    /// `topLevel`.
    static func nest(_ types: inout [NamedType], operations: [APIOperation], topLevel: inout NameScope, reserved: Set<String>) {
        var users = Array(repeating: Set<NamedTypeID>(), count: types.count)
        var usedByOperation = Array(repeating: false, count: types.count)
        for id in types.indices {
            for used in references(of: types[id].kind) where used != id {
                users[used].insert(id)
            }
        }
        for operation in operations {
            for used in references(of: operation) { usedByOperation[used] = true }
        }
        // Only inline schemas have a local name: components and operations' own types stay put.
        let movable = types.indices.filter { id in
            types[id].localName != nil && !usedByOperation[id] && !users[id].isEmpty
        }
        placeInNarrowestScope(&types, movable: movable, users: users)
        nameSharedTypes(&types, users: users, usedByOperation: usedByOperation, topLevel: &topLevel)
        nameNestedTypes(&types, reserved: reserved)
    }

    // MARK: - Placement

    /// A type goes into the deepest type that holds all its users (each user counts as holding
    /// itself); users inside the type's own subtree do not count. Parents are usually placed
    /// before their children (they are hoisted first), so this settles in a round or two.
    private static func placeInNarrowestScope(_ types: inout [NamedType], movable: [NamedTypeID], users: [Set<NamedTypeID>]) {
        for _ in 0..<8 {
            var changed = false
            for id in movable {
                var common: [NamedTypeID]?
                for user in users[id].sorted() {
                    let scope = chain(of: user, in: types) + [user]
                    if scope.contains(id) { continue }
                    common = common.map { commonPrefix($0, scope) } ?? scope
                }
                let parent = common?.last
                if parent != types[id].parent {
                    types[id].parent = parent
                    changed = true
                }
            }
            guard changed else { break }
        }
        // A parent chain that loops (only possible while rounds had not settled) is cut.
        for id in types.indices where chain(of: id, in: types).contains(id) {
            types[id].parent = nil
        }
    }

    /// The ancestors of `id`, outermost first; stops at a repeat, so a loop cannot hang it.
    static func chain(of id: NamedTypeID, in types: [NamedType]) -> [NamedTypeID] {
        var ancestors: [NamedTypeID] = []
        var seen: Set<NamedTypeID> = [id]
        var current = types[id].parent
        while let parent = current {
            ancestors.append(parent)
            guard seen.insert(parent).inserted else { break }
            current = types[parent].parent
        }
        return ancestors.reversed()
    }

    private static func commonPrefix(_ a: [NamedTypeID], _ b: [NamedTypeID]) -> [NamedTypeID] {
        var prefix: [NamedTypeID] = []
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            prefix.append(x)
        }
        return prefix
    }

    // MARK: - Names

    /// A hoisted top-level type that several types or operations use was named after the first
    /// of them (`CreateARequestState`); its own name (`State`) says what it is to all of them.
    private static func nameSharedTypes(_ types: inout [NamedType], users: [Set<NamedTypeID>], usedByOperation: [Bool],
                                        topLevel: inout NameScope) {
        for id in types.indices where types[id].parent == nil {
            guard let local = types[id].localName, local != types[id].name.bare, !local.hasPrefix("_"),
                  users[id].count + (usedByOperation[id] ? 1 : 0) > 1,
                  let name = topLevel.claimIfFree(local) else { continue }
            types[id].name = name
        }
    }

    /// Names nested types in their parents' scopes, outer types first (a name that is taken
    /// falls back to the parent's name before it: `Booking.BookingType`).
    private static func nameNestedTypes(_ types: inout [NamedType], reserved: Set<String>) {
        let nested = types.indices.filter { types[$0].parent != nil }
        guard !nested.isEmpty else { return }
        let roots = types.indices.map { chain(of: $0, in: types).first ?? $0 }
        // The top-level types each tree names: a nested type must not hide them.
        var namedInTree: [NamedTypeID: Set<String>] = [:]
        for id in types.indices {
            for used in references(of: types[id].kind) where roots[used] != roots[id] {
                namedInTree[roots[id], default: []].insert(types[roots[used]].name.bare)
            }
        }
        var scopes: [NamedTypeID: NameScope] = [:]
        let depth = Dictionary(uniqueKeysWithValues: nested.map { ($0, chain(of: $0, in: types).count) })
        for id in nested.sorted(by: { (depth[$0]!, $0) < (depth[$1]!, $1) }) {
            guard let parent = types[id].parent else { continue }
            if scopes[parent] == nil {
                var taken = reserved.union(namedInTree[roots[id]] ?? []).union(memberNames(of: types[parent].kind))
                for ancestor in chain(of: parent, in: types) + [parent] { taken.insert(types[ancestor].name.bare) }
                scopes[parent] = NameScope(reserved: taken, suffixForReserved: "")
            }
            let parentName = types[parent].name.bare
            let local = types[id].localName ?? types[id].name.bare
            var name: SwiftName?
            for candidate in candidates(local, in: parentName) where name == nil {
                name = scopes[parent]!.claimIfFree(candidate)
            }
            types[id].name = name ?? scopes[parent]!.claim(parentName + local)
        }
    }

    /// Words APIs often give properties whose type Swift or Foundation already names, and the
    /// word a nested type takes instead: `Booking.Type` is the metatype, `Data` is Foundation's.
    private static let synonyms = ["Type": "Kind", "Data": "Payload"]

    /// The names a nested type may take, best first: without the parent's name in front
    /// (`Booking.BookingStatus` says `Booking` twice), as it is, a synonym, and with the
    /// parent's name.
    private static func candidates(_ local: String, in parentName: String) -> [String] {
        var names: [String] = []
        if local.hasPrefix(parentName), let next = local.dropFirst(parentName.count).first, next.isUppercase {
            names.append(String(local.dropFirst(parentName.count)))
        }
        names.append(local)
        if let synonym = synonyms[local] { names.append(synonym) }
        names.append(parentName + local)
        return names
    }

    /// The names a type's declaration puts in its scope besides nested types: properties and cases.
    private static func memberNames(of kind: NamedType.Kind) -> [String] {
        switch kind {
        case .object(let shape):
            shape.properties.map(\.swiftName.bare) + (shape.additionalPropertiesName.map { [$0.bare] } ?? [])
        case .union(let shape):
            shape.branches.map(\.caseName.bare) + ["undocumented"]
        case .stringEnum(let cases), .integerEnum(let cases):
            cases.map(\.swiftName.bare) + ["undocumented", "documented"]
        }
    }

    // MARK: - References

    static func references(of kind: NamedType.Kind) -> [NamedTypeID] {
        switch kind {
        case .object(let shape):
            shape.properties.flatMap { references(of: $0.type) } + (shape.additionalProperties.map(references) ?? [])
        case .union(let shape):
            shape.branches.flatMap { references(of: $0.type) }
        case .stringEnum, .integerEnum:
            []
        }
    }

    private static func references(of operation: APIOperation) -> [NamedTypeID] {
        var found = operation.parameters.flatMap { references(of: $0.type) }
        if let body = operation.body {
            found += references(of: body.type) + body.alternatives.flatMap { references(of: $0.type) }
        }
        for response in operation.responses {
            if let type = response.type { found += references(of: type) }
        }
        return found
    }

    static func references(of type: TypeRef) -> [NamedTypeID] {
        switch type {
        case .named(let id): [id]
        case .array(let inner), .dictionary(let inner), .nullable(let inner): references(of: inner)
        default: []
        }
    }
}
