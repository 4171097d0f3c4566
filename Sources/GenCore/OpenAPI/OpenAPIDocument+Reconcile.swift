extension OpenAPIDocument {
    /// Settles what a document says in two places that disagree, each with a located warning
    /// that says what the client does, where the client would otherwise do the wrong thing in
    /// silence: a path template and its path parameters, and security requirements naming
    /// schemes the document never declares.
    mutating func reconcile(diagnostics: DiagnosticCollector) {
        let declared = Set(securitySchemes.map(\.name))
        security = Self.declaredAlternatives(security, declared: declared, diagnostics: diagnostics)
        for index in operations.indices {
            operations[index].security = Self.declaredAlternatives(operations[index].security, declared: declared,
                                                                   diagnostics: diagnostics)
            Self.matchPathTemplate(&operations[index], diagnostics: diagnostics)
        }
    }

    /// The alternatives whose schemes are all declared. One naming an undeclared scheme can never
    /// be met: kept, it would read as "no credentials needed".
    private static func declaredAlternatives(_ requirements: [SecurityRequirement]?, declared: Set<String>,
                                             diagnostics: DiagnosticCollector) -> [SecurityRequirement]? {
        guard let requirements else { return nil }
        let kept = requirements.filter { requirement in
            let unknown = requirement.schemeNames.filter { !declared.contains($0) }
            guard let first = unknown.first else { return true }
            diagnostics.warning("security requirement names '\(first)', which no security scheme declares; this "
                                + "alternative is left out" + (requirements.count == 1 ? ", so no credentials are sent" : ""),
                                at: requirement.location)
            return false
        }
        return kept
    }

    /// The `{name}`s of a path template, in order.
    static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// A `{name}` no path parameter declares becomes a required string parameter (else the
    /// client would send the braces); a path parameter the template lacks is left out (its
    /// argument would go nowhere).
    private static func matchPathTemplate(_ operation: inout Operation, diagnostics: DiagnosticCollector) {
        let names = placeholders(in: operation.path)
        let label = operation.operationID.map { "operation '\($0)'" } ?? "\(operation.method) \(operation.path)"
        operation.parameters.removeAll { parameter in
            guard parameter.location == .path, !names.contains(parameter.name) else { return false }
            diagnostics.warning("path parameter '\(parameter.name)' of \(label) is not in the path template "
                                + "'\(operation.path)'; it is left out", at: parameter.sourceLocation)
            return true
        }
        for name in names where !operation.parameters.contains(where: { $0.location == .path && $0.name == name }) {
            diagnostics.warning("the path template '\(operation.path)' has '{\(name)}', which no path parameter of \(label) "
                                + "declares; it is taken as a required string parameter", at: operation.location)
            let schema = JSONSchema(location: operation.location)
            schema.types = ["string"]
            operation.parameters.append(Parameter(
                name: name, location: .path, required: true, description: nil, deprecated: false, style: nil, explode: nil,
                allowReserved: false, schema: schema, contentType: nil, sourceLocation: operation.location))
        }
    }
}
