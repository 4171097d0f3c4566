import ArgumentParser
import GenCore

/// The flags that set `GeneratorConfig` options; their help text is the options' own summary,
/// so `--help`, `gen.yaml` and the README describe each option the same way.
struct ConfigFlags: ParsableArguments {
    @Option(help: "A gen.yaml (or .json) with options; flags override it.")
    var config: String?

    @Option(help: help("name"))
    var name: String?

    @Option(help: help("clientName"))
    var clientName: String?

    @Option(help: help("access"))
    var access: AccessLevel?

    @Option(help: help("initialisms"))
    var initialism: [String] = []

    @Option(help: help("templates"))
    var templates: String?

    @Option(help: help("includeOperations"))
    var includeOperation: [String] = []

    @Option(help: help("excludeOperations"))
    var excludeOperation: [String] = []

    @Option(help: help("includeTags"))
    var includeTag: [String] = []

    @Option(help: help("excludeTags"))
    var excludeTag: [String] = []

    @Option(help: help("includePaths"))
    var includePath: [String] = []

    @Option(help: help("excludePaths"))
    var excludePath: [String] = []

    @Option(help: help("typeOverrides"))
    var typeOverride: [String] = []

    private static func help(_ key: String) -> ArgumentHelp {
        ArgumentHelp(stringLiteral: GeneratorConfig.options.first { $0.key == key }?.summary ?? "")
    }

    func validate() throws {
        for entry in typeOverride where !entry.contains("=") {
            throw ValidationError("--type-override takes Schema=SwiftType, got '\(entry)'")
        }
    }

    /// The config file's options with the flags' over them.
    func resolved() throws(DiagnosticsError) -> GeneratorConfig {
        let file = try config.map { path throws(DiagnosticsError) in try GeneratorConfig.load(path: path) } ?? GeneratorConfig()
        var flags = GeneratorConfig()
        flags.name = name
        flags.clientName = clientName
        flags.access = access
        flags.initialisms = initialism
        flags.templates = templates
        flags.includeOperations = includeOperation
        flags.excludeOperations = excludeOperation
        flags.includeTags = includeTag
        flags.excludeTags = excludeTag
        flags.includePaths = includePath
        flags.excludePaths = excludePath
        for entry in typeOverride {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { flags.typeOverrides[parts[0]] = parts[1] }
        }
        return file.overridden(by: flags)
    }
}
