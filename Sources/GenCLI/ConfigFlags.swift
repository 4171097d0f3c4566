import GenCore

/// The flags that set `GeneratorConfig` options. Each flag's name and help are its option's
/// `flag` and `summary` in `GeneratorConfig.options`, so that `--help`, `gen.yaml` and the
/// README describe each option the same way; this table adds only how the flag is typed.
enum ConfigFlags {
    /// `--config FILE` first, then one flag per option, in the README's order.
    static let options: [OptionSpec] = [config] + table.map { row in
        let documented = documentedOption(row.key)
        return OptionSpec(name: documented.flag, valueName: row.valueName, allowedValues: row.allowedValues,
                          isRepeatable: row.isRepeatable, help: documented.summary)
    }

    /// The options the flags set, or the first flag value that is not valid.
    static func flags(_ parsed: ParsedArguments) throws(UsageError) -> GeneratorConfig {
        var config = GeneratorConfig()
        for row in table {
            let values = parsed.values(documentedOption(row.key).flag)
            if !values.isEmpty { try row.apply(&config, values) }
        }
        return config
    }

    /// The config file whose options the flags override; read only once the command line is
    /// known to be right, as a bad file is a generation failure rather than a usage error.
    static let config = OptionSpec(name: "--config", valueName: "FILE",
                                   help: "A gen.yaml (or .json) with options; flags override it.")

    /// How one option's flag is typed, and where its values go; `values` are all those given,
    /// so a single-valued option takes the last.
    private struct Row: Sendable {
        var key: String
        var valueName: String
        var allowedValues: [String] = []
        var isRepeatable = false
        var apply: @Sendable (_ config: inout GeneratorConfig, _ values: [String]) throws(UsageError) -> Void
    }

    private static let table: [Row] = [
        Row(key: "name", valueName: "NAME") { $0.name = $1.last },
        Row(key: "clientName", valueName: "NAME") { $0.clientName = $1.last },
        // The parser has already refused any other value.
        Row(key: "access", valueName: "LEVEL", allowedValues: AccessLevel.allCases.map(\.rawValue)) {
            $0.access = $1.last.flatMap(AccessLevel.init(rawValue:))
        },
        Row(key: "namespace", valueName: "NAME") { config, values throws(UsageError) in
            guard let name = values.last else { return }
            if let problem = GeneratorConfig.namespaceProblem(name) { throw UsageError(message: problem) }
            config.namespace = name
        },
        // The parser has already refused any other value.
        Row(key: "isolation", valueName: "ISOLATION", allowedValues: Isolation.allCases.map(\.rawValue)) {
            $0.isolation = $1.last.flatMap(Isolation.init(rawValue:))
        },
        Row(key: "initialisms", valueName: "WORD", isRepeatable: true) { $0.initialisms = $1 },
        Row(key: "templates", valueName: "DIR") { $0.templates = $1.last },
        Row(key: "includeOperations", valueName: "ID", isRepeatable: true) { $0.includeOperations = $1 },
        Row(key: "excludeOperations", valueName: "ID", isRepeatable: true) { $0.excludeOperations = $1 },
        Row(key: "includeTags", valueName: "TAG", isRepeatable: true) { $0.includeTags = $1 },
        Row(key: "excludeTags", valueName: "TAG", isRepeatable: true) { $0.excludeTags = $1 },
        Row(key: "includePaths", valueName: "PREFIX", isRepeatable: true) { $0.includePaths = $1 },
        Row(key: "excludePaths", valueName: "PREFIX", isRepeatable: true) { $0.excludePaths = $1 },
        Row(key: "typeOverrides", valueName: "SCHEMA=TYPE", isRepeatable: true) { config, values throws(UsageError) in
            for entry in values {
                let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .invalidValue(entry, for: documentedOption("typeOverrides").flag, expected: "Schema=SwiftType")
                }
                config.typeOverrides[String(parts[0])] = String(parts[1])
            }
        },
        Row(key: "operationNames", valueName: "ID=NAME", isRepeatable: true) { config, values throws(UsageError) in
            for (key, name) in try pairs(values, option: "operationNames", expected: "operationId=name") {
                config.operationNames[key] = .init(name)
            }
        },
        Row(key: "typeNames", valueName: "SCHEMA=NAME", isRepeatable: true) { config, values throws(UsageError) in
            for (key, name) in try pairs(values, option: "typeNames", expected: "Schema=Name") {
                config.typeNames[key] = .init(name)
            }
        },
        Row(key: "pagination", valueName: "ID=FORM", isRepeatable: true) { config, values throws(UsageError) in
            for entry in values {
                let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw .invalidValue(entry, for: documentedOption("pagination").flag, expected: "operationId={cursor: ..., ...}")
                }
                switch GeneratorConfig.pagination(fromFlag: String(parts[1])) {
                case .success(let hint): config.pagination[String(parts[0])] = hint
                case .failure(let problem): throw UsageError(message: "--pagination: \(problem)")
                }
            }
        },
    ]

    /// `KEY=NAME` values split at their first `=`, each name a Swift identifier.
    private static func pairs(_ values: [String], option: String, expected: String) throws(UsageError) -> [(String, String)] {
        var result: [(String, String)] = []
        for entry in values {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalidValue(entry, for: documentedOption(option).flag, expected: expected)
            }
            if let problem = GeneratorConfig.configuredNameProblem(String(parts[1]), for: "name") {
                throw UsageError(message: problem)
            }
            result.append((String(parts[0]), String(parts[1])))
        }
        return result
    }

    /// The option `key` of `GeneratorConfig.options`. Every key in `table` is one: a typo
    /// there stops `gen` at its first run, which every CLI test makes.
    private static func documentedOption(_ key: String) -> GeneratorConfig.Option {
        guard let option = GeneratorConfig.options.first(where: { $0.key == key }) else {
            preconditionFailure("ConfigFlags.table names '\(key)', which GeneratorConfig.options does not have")
        }
        return option
    }
}
