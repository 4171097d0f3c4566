/// Reads a command line against a `CommandLineSpec`, in the getopt_long conventions that
/// swift-argument-parser and most Unix tools follow: `--name value` or `--name=value`, `-o value`, options and the
/// argument in any order, and `--` ending the options so that a path may start with a dash.
struct CommandLineParser {
    var spec: CommandLineSpec

    /// The arguments (without the command's own path), or the first thing wrong with them.
    /// `-h` or `--help` before any `--` wins over everything else, mistakes included, so that
    /// a user who is stuck can always get the help; `--version` comes next.
    func parse(_ arguments: [String]) throws(UsageError) -> CommandLineRequest {
        let help = OptionSpec.help
        let beforeDoubleDash = arguments.prefix(while: { $0 != "--" })
        if beforeDoubleDash.contains(where: { $0 == help.name || $0 == help.shortName }) {
            return .help
        }
        // Like `--help`, `--version` answers whatever else the line holds.
        if beforeDoubleDash.contains(OptionSpec.version.name) {
            return .version
        }
        var options: [(OptionSpec, String)] = []
        var positionals: [String] = []
        var remaining = arguments[...]
        while let token = remaining.popFirst() {
            if token == "--" {
                positionals += remaining
                break
            }
            guard Self.looksLikeOption(token) else {
                positionals.append(token)
                continue
            }
            options.append(try read(token, from: &remaining))
        }
        guard let argument = positionals.first else {
            throw UsageError(message: "missing \(spec.argument.placeholder), \(spec.argument.role)")
        }
        if positionals.count > 1 {
            throw UsageError(message: "unexpected argument '\(positionals[1])' (\(spec.name) takes one \(spec.argument.placeholder))")
        }
        return .run(ParsedArguments(argument: argument, options: options))
    }

    /// Reads the option `token` and, when it takes one, its value: after `=` in the same token
    /// (long names only), or else the next token. A flag's value is an empty string.
    private func read(_ token: String, from remaining: inout ArraySlice<String>) throws(UsageError) -> (OptionSpec, String) {
        var name = token
        var attached: String?
        if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
            name = String(token[..<equals])
            attached = String(token[token.index(after: equals)...])
        }
        guard let option = spec.option(named: name) else {
            throw UsageError(message: "unknown option '\(name)'" + spec.suggestion(for: name))
        }
        guard option.valueName != nil else {
            if let attached { throw UsageError(message: "'\(name)' takes no value, got '\(attached)'") }
            return (option, "")
        }
        let value: String
        if let attached {
            value = attached
        } else if let next = remaining.first, !Self.looksLikeOption(next) {
            value = next
            remaining.removeFirst()
        } else {
            // `-o --check` is far more likely a forgotten value than a folder named "--check";
            // `--name=-x` is how to give a value that starts with a dash.
            throw UsageError(message: "missing value for '\(option.synopsis(spelled: name))'")
        }
        if !option.allowedValues.isEmpty && !option.allowedValues.contains(value) {
            throw .invalidValue(value, for: name, expected: "one of: " + option.allowedValues.joined(separator: ", "))
        }
        return (option, value)
    }

    /// Whether `token` is an option (or `--`) rather than a value; a lone `-` is a value, as
    /// it conventionally names standard input.
    private static func looksLikeOption(_ token: String) -> Bool {
        token.hasPrefix("-") && token != "-"
    }
}
