import Foundation

/// Builds the context of `Models.swift` from the schema graph: the top-level types, each with
/// the types nested in it.
struct ModelsContextBuilder {
    let graph: SchemaGraph
    let access: SwiftCode
    let headerLines: [SwiftCode]
    /// Each type's `schemaPointer`, by the location of its schema; empty but for the dump.
    var pointers: [SourceLocation: String] = [:]

    func build() -> ModelsContext {
        var nested: [NamedTypeID: [NamedTypeID]] = [:]
        for (id, type) in graph.types.enumerated() {
            if let parent = type.parent { nested[parent, default: []].append(id) }
        }
        func typeContext(_ id: NamedTypeID, depth: Int) -> TypeContext {
            var context = TypeContextBuilder(graph: graph, access: access, id: id, margin: 4 * depth).build()
            context.nestedTypes = (nested[id] ?? []).map { typeContext($0, depth: depth + 1) }
            context.schemaPointer = pointers[graph.types[id].location] ?? ""
            return context
        }
        let topLevel = graph.types.indices.filter { graph.types[$0].parent == nil }
        return ModelsContext(headerLines: headerLines, access: access, types: topLevel.map { typeContext($0, depth: 0) })
    }
}
