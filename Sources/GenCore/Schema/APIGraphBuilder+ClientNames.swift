/// The names the generator adds to the client beside the operations' methods: body-choice
/// enums, server helpers and their variable enums, shared error handlers and the error's body
/// cases. Each is claimed in the scope it is declared in, after the methods, so a spec's
/// operation keeps its name and the generator's own names give way.
extension APIGraphBuilder {
    /// `CreateThingBody` for an operation offering several media types; nested in the client,
    /// so it must not take a model's name (inside the client it would hide the model).
    func nameBodyEnums(_ operations: inout [APIOperation], in scope: inout NameScope) {
        for index in operations.indices {
            guard let body = operations[index].body, body.alternatives.count > 1 else { continue }
            operations[index].bodyEnumName = scope.claim(schemas.naming.typeName(operations[index].methodName.bare) + "Body")
        }
    }

    /// `server2(region:)` for each server with variables; an enum for each variable that lists
    /// its values.
    func serverHelpers(members: inout NameScope, types: inout NameScope) -> [ServerHelper] {
        let naming = schemas.naming
        var helpers: [ServerHelper] = []
        for (index, server) in document.servers.enumerated() where !server.variables.isEmpty {
            let name = members.claim("server\(index + 1)")
            var parameters = NameScope.plain()
            var variables: [ServerHelper.Variable] = []
            for variable in server.variables {
                var enumName: SwiftName?
                var cases: [EnumCase] = []
                if !variable.enumValues.isEmpty {
                    enumName = types.claim(naming.typeName(name.bare + " " + variable.name))
                    var caseNames = NameScope.plain()
                    var seen: Set<String> = []
                    // A value listed twice is one case (raw values of an enum are unique).
                    for value in variable.enumValues where seen.insert(value).inserted {
                        cases.append(EnumCase(swiftName: caseNames.claim(naming.memberName(value.isEmpty ? "empty" : value)),
                                              rawValue: value))
                    }
                }
                variables.append(ServerHelper.Variable(
                    name: variable.name, parameterName: parameters.claim(naming.memberName(variable.name)),
                    enumName: enumName, cases: cases, defaultValue: variable.defaultValue))
            }
            helpers.append(ServerHelper(name: name, server: server, variables: variables))
        }
        return helpers
    }

    /// Operations documenting the same error responses share one handler, named after the
    /// statuses by the first of them (`errorFor401Or404OrDefault`).
    func shareErrorHandlers(_ operations: inout [APIOperation], members: inout NameScope) -> [ErrorHandler] {
        var handlers: [ErrorHandler] = []
        var handlerByErrors: [[ErrorResponseKey]: Int] = [:]
        for index in operations.indices {
            let errors = APIResponse.switchOrder(operations[index].responses).filter { !$0.isSuccess }
            guard !errors.isEmpty else { continue }
            let key = errors.map(ErrorResponseKey.init)
            if let handler = handlerByErrors[key] {
                operations[index].errorHandler = handler
                continue
            }
            let statuses = errors.map { $0.isDefault ? "Default" : $0.statusCode.uppercased() }
            handlerByErrors[key] = handlers.count
            operations[index].errorHandler = handlers.count
            handlers.append(ErrorHandler(name: members.claim("errorFor" + statuses.joined(separator: "Or")), responses: errors))
        }
        return handlers
    }

    /// One `Body` case per distinct type of a documented error response, in order of first use.
    func errorBodyCases(_ operations: [APIOperation], types: [NamedType]) -> [ErrorBodyCase] {
        var names = NameScope.errorBodyCases()
        var cases: [ErrorBodyCase] = []
        for operation in operations {
            for response in operation.responses where !response.isSuccess {
                guard let type = response.type, !cases.contains(where: { $0.type == type }) else { continue }
                let label: String
                switch type.nonNull {
                case .named(let id): label = types[id].name.bare
                case .string: label = "text"
                case .data: label = "data"
                default: label = "json"
                }
                cases.append(ErrorBodyCase(type: type, caseName: names.claim(schemas.naming.memberName(label))))
            }
        }
        return cases
    }
}

/// What an error handler does with one response: two handlers are the same function when
/// these agree for every response.
private struct ErrorResponseKey: Hashable {
    var statuses: ClosedRange<Int>?
    var type: TypeRef?
    var encoding: BodyEncoding?

    init(_ response: APIResponse) {
        statuses = response.statuses
        type = response.type
        encoding = response.encoding
    }
}
