import GenCore

/// What a command accepts: one table that drives both parsing and `--help`, so the two cannot
/// disagree.
struct CommandLineSpec: Sendable {
    /// The command's name, as the user types it (`gen`).
    var name: String
    /// One sentence, the first line of `--help`.
    var abstract: String
    /// The one positional argument, which is required.
    var argument: ArgumentSpec
    /// The options in the order `--help` lists them, `--version` and `-h, --help` last.
    var options: [OptionSpec]
    /// Shown at the end of `--help`, under "Examples:", as written.
    var examples: String

    init(name: String, abstract: String, argument: ArgumentSpec, options: [OptionSpec], examples: String) {
        self.name = name
        self.abstract = abstract
        self.argument = argument
        self.options = options + [OptionSpec.version, OptionSpec.help]
        self.examples = examples
    }

    /// The option spelled `name` (`--output` or `-o`).
    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.shortName == name }
    }

    /// `"; did you mean '--access'?"` for a misspelt long option (`--acess`, `-access`), by
    /// edit distance to the long names; empty when none is close, and for one-letter names.
    func suggestion(for name: String) -> String {
        guard name.count > 2 else { return "" }
        return Suggestion.hint(for: name, in: options.map(\.name))
    }
}

/// The positional argument: its placeholder (`SPEC`), what it is and its help.
struct ArgumentSpec: Sendable {
    var placeholder: String
    /// What the argument is, in a few lowercase words, for the error when it is missing.
    var role: String
    var help: String
}

/// One option: its names, the value it takes if any, and its help.
struct OptionSpec: Sendable {
    /// The long name with its dashes (`--output`); `ParsedArguments` keys values by it.
    var name: String
    /// The one-letter name with its dash (`-o`), if the option has one.
    var shortName: String?
    /// What the value is (`DIR`), shown in help and errors; `nil` for a flag, which takes none.
    var valueName: String?
    /// The only values accepted, listed by `--help` and by the error for any other; empty
    /// when any value is accepted.
    var allowedValues: [String] = []
    /// Whether giving the option again adds a value; otherwise the last one given wins.
    var isRepeatable = false
    var help: String

    /// `-h, --help`, which every command has.
    static let help = OptionSpec(name: "--help", shortName: "-h", help: "Show this help.")
    /// `--version`, which prints the command's name and version.
    static let version = OptionSpec(name: "--version", help: "Show the version.")

    /// The option and its value as `--help` and errors show them, spelled `name`
    /// (`-o DIR`, `--access public|package|internal`).
    func synopsis(spelled name: String) -> String {
        let value = allowedValues.isEmpty ? valueName : allowedValues.joined(separator: "|")
        return value.map { "\(name) \($0)" } ?? name
    }
}
