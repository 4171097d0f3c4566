/// The client methods' names: the config's `operationNames` first, then the names a person
/// would have given machine-made ids (`OperationNaming`) where they stay unique, then the ids
/// as written.
extension APIGraphBuilder {
    /// What the methods of `operations` (those the config keeps) want to be called, in order:
    /// the configured name, or the short name when it is unique, or `nil` for the full name.
    struct MethodNameChoices {
        var configured: [String: GeneratorConfig.ConfiguredName]
        var short: [String?]
    }

    /// The short names of the kept operations, and the better names of FastAPI's `Body_…`
    /// components, which `schemas` takes when it declares them.
    func chooseMethodNames(_ operations: [Operation]) -> MethodNameChoices {
        let naming = schemas.naming
        let short = OperationNaming.uniqueShortNames(operations.map { operation in
            (raw: Self.rawName(operation),
             short: OperationNaming.shortName(operationID: operation.operationID, path: operation.path, method: operation.method))
        }, naming: naming)
        // FastAPI names an operation's combined body model `Body_{operationId}`.
        for operation in document.operations {
            guard let id = operation.operationID,
                  let function = OperationNaming.fastAPIFunction(operationID: id, path: operation.path, method: operation.method)
            else { continue }
            schemas.preferredComponentNames["Body_" + id] = naming.typeName(function) + "Body"
        }
        var known: [String] = []
        for operation in document.operations { if let id = operation.operationID { known.append(id) } }
        var configured: [String: GeneratorConfig.ConfiguredName] = [:]
        for (id, name) in config.operationNames.sorted(by: { $0.key < $1.key }) {
            guard known.contains(id) else {
                diagnostics.warning("'operationNames' names the operationId '\(id)', which no operation has; it is ignored"
                                    + Suggestion.hint(for: id, in: known), at: name.location)
                continue
            }
            configured[id] = name
        }
        return MethodNameChoices(configured: configured, short: short)
    }

    /// Takes the configured method names in `scope` before any other, so the spec's names give
    /// way to them; a name that is taken (the client's own, or given twice) is a located error.
    func reserveConfiguredMethodNames(_ choices: inout MethodNameChoices, operations: [Operation], in scope: inout NameScope) {
        // The names the other operations want: taking one would rename them behind the user's back.
        var wanted: [String: String] = [:]
        for (index, operation) in operations.enumerated() where choices.configured[operation.operationID ?? ""] == nil {
            let label = operation.operationID ?? "\(operation.httpMethod) \(operation.path)"
            wanted[schemas.naming.memberName(Self.rawName(operation))] = label
            if let short = choices.short[index] { wanted[short] = label }
        }
        for (id, name) in choices.configured.sorted(by: { $0.key < $1.key }) {
            guard let operation = operations.first(where: { $0.operationID == id }) else {
                choices.configured[id] = nil  // left out by the config's filters
                continue
            }
            if let other = wanted[name.name] {
                diagnostics.error("the method name '\(name.name)' in 'operationNames' is the name of the operation '\(other)'",
                                  at: name.location)
                choices.configured[id] = nil
                continue
            }
            guard scope.claimIfFree(name.name, twins: twins(of: operation)) != nil else {
                diagnostics.error("the method name '\(name.name)' in 'operationNames' is already taken "
                                  + "(by the client's own members, a type, or another entry)", at: name.location)
                choices.configured[id] = nil
                continue
            }
            schemas.typeNames.occupy(name.name)
        }
    }

    /// The names a method brings with it: `…WithResponse`, and the stream's for a streamed one.
    func twins(of operation: Operation) -> [String] {
        ["WithResponse"] + (streamMedia(of: operation)?.isTwin == true ? Self.streamTwins : [])
    }

    /// The method name of the `index`th kept operation, claimed in `scope` (the configured one
    /// was claimed already).
    func claimMethodName(_ operation: Operation, index: Int, choices: MethodNameChoices, twins: [String],
                         in scope: inout NameScope) -> SwiftName {
        if let id = operation.operationID, let configured = choices.configured[id] {
            return SwiftName(bare: configured.name)
        }
        if let short = choices.short[index], let name = scope.claimIfFree(short, twins: twins) {
            return name
        }
        return scope.claim(schemas.naming.memberName(Self.rawName(operation)), twins: twins)
    }

    /// What an operation's full name is made from: its id, or its method and path.
    static func rawName(_ operation: Operation) -> String {
        operation.operationID ?? (operation.method + " " + operation.path)
    }
}
