/// What the command line asks for: the help, the version, or a run with these arguments.
enum CommandLineRequest: Sendable {
    case help
    case version
    case run(ParsedArguments)
}

/// What the command line said, checked against its `CommandLineSpec`: the positional
/// argument and each option's values, keyed by the option's long name (`--output`).
struct ParsedArguments: Sendable {
    var argument: String
    /// Each option's values in the order given; a flag's are empty strings.
    private var valuesByName: [String: [String]] = [:]

    /// `options` are the options given, each with its value, in order.
    init(argument: String, options: [(OptionSpec, String)]) {
        self.argument = argument
        for (option, value) in options {
            valuesByName[option.name, default: []].append(value)
        }
    }

    /// The option's last value: for an option that is not repeatable, the last one wins.
    func value(_ name: String) -> String? {
        valuesByName[name]?.last
    }

    /// Every value given to a repeatable option, in order.
    func values(_ name: String) -> [String] {
        valuesByName[name] ?? []
    }

    /// Whether the flag (or option) was given at all.
    func isSet(_ name: String) -> Bool {
        valuesByName[name] != nil
    }
}
