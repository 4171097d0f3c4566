import Foundation

extension GeneratorConfig {
    /// Reads a `gen.yaml` (or `.json`); unknown keys and wrong types are located errors.
    /// `templates` is made relative to the current folder, as the file means it relative to itself.
    public static func load(path: String) throws(DiagnosticsError) -> GeneratorConfig {
        let data: Data
        switch InputFile.read(path) {
        case .success(let contents): data = contents
        case .failure(let failure): throw DiagnosticsError(.error("cannot read the config file '\(path)': \(failure.reason)", at: nil))
        }
        let root = try YAMLLoader().load([UInt8](data), file: path)
        let diagnostics = DiagnosticCollector()
        let reader = NodeReader(diagnostics: diagnostics)
        var config = GeneratorConfig()
        if root.isNull { return config }
        let known = Set(options.map(\.key))
        for (keyNode, value) in reader.mapping(root, "config") ?? [] {
            let key = keyNode.scalarText ?? ""
            guard known.contains(key) else {
                diagnostics.error("unknown option '\(key)'" + Suggestion.hint(for: key, in: options.map(\.key)), at: keyNode.location,
                                  note: "options are: " + options.map(\.key).joined(separator: ", "))
                continue
            }
            config.set(key, value, reader: reader, diagnostics: diagnostics, configPath: path)
        }
        try diagnostics.throwIfErrors()
        return config
    }

    private mutating func set(_ key: String, _ value: YAMLNode, reader: NodeReader, diagnostics: DiagnosticCollector, configPath: String) {
        func strings() -> [String] {
            (reader.sequence(value, key) ?? []).compactMap { reader.text($0, key) }
        }
        switch key {
        case "name": name = reader.text(value, key)
        case "clientName": clientName = reader.text(value, key)
        case "access":
            guard let text = reader.text(value, key) else { return }
            guard let level = AccessLevel(rawValue: text) else {
                diagnostics.error("'access' must be public, package or internal, found '\(text)'", at: value.location)
                return
            }
            access = level
        case "namespace":
            guard let text = reader.text(value, key) else { return }
            if let problem = Self.namespaceProblem(text) {
                diagnostics.error(problem, at: value.location)
                return
            }
            namespace = text
            namespaceLocation = value.location
        case "isolation":
            guard let text = reader.text(value, key) else { return }
            guard let wanted = Isolation(rawValue: text) else {
                diagnostics.error("'isolation' must be default or nonisolated, found '\(text)'", at: value.location)
                return
            }
            isolation = wanted
        case "initialisms": initialisms = strings()
        case "templates":
            guard let folder = reader.text(value, key) else { return }
            let base = URL(fileURLWithPath: configPath).deletingLastPathComponent()
            templates = folder.hasPrefix("/") ? folder : base.appendingPathComponent(folder).path
        case "includeOperations": includeOperations = strings()
        case "excludeOperations": excludeOperations = strings()
        case "includeTags": includeTags = strings()
        case "excludeTags": excludeTags = strings()
        case "includePaths": includePaths = strings()
        case "excludePaths": excludePaths = strings()
        case "typeOverrides":
            for (schema, type) in reader.mapping(value, key) ?? [] {
                if let name = schema.scalarText, let swiftType = reader.text(type, name) {
                    typeOverrides[name] = swiftType
                }
            }
        case "operationNames": operationNames = names(value, key, what: "method name", reader: reader, diagnostics: diagnostics)
        case "typeNames": typeNames = names(value, key, what: "type name", reader: reader, diagnostics: diagnostics)
        case "pagination":
            for (operation, description) in reader.mapping(value, key) ?? [] {
                guard let id = operation.scalarText, reader.mapping(description, id) != nil else { continue }
                switch PagingHint.fern(description) {
                case .success(let hint): pagination[id] = hint
                case .failure(let reason): diagnostics.error("'pagination' of '\(id)' is not read: \(reason)", at: description.location)
                }
            }
        default:
            break
        }
    }

    /// A mapping of spec keys to Swift names, each kept with where its name is written.
    private func names(_ value: YAMLNode, _ key: String, what: String, reader: NodeReader,
                       diagnostics: DiagnosticCollector) -> [String: ConfiguredName] {
        var result: [String: ConfiguredName] = [:]
        for (keyNode, nameNode) in reader.mapping(value, key) ?? [] {
            guard let specKey = keyNode.scalarText, let name = reader.text(nameNode, specKey) else { continue }
            if let problem = Self.configuredNameProblem(name, for: what) {
                diagnostics.error(problem, at: nameNode.location)
                continue
            }
            result[specKey] = ConfiguredName(name, location: nameNode.location)
        }
        return result
    }
}
