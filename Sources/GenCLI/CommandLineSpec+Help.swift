extension CommandLineSpec {
    /// The one-line synopsis, in `--help` and under every usage error.
    var usageLine: String {
        "Usage: \(name) \(argument.placeholder) [options]"
    }

    /// What `-h` and `--help` print: the abstract, the usage line, the argument and the
    /// options with their help, and the examples.
    var helpText: String {
        var lines = [abstract, "", usageLine, "", "Arguments:"]
        lines += Self.entry(argument.placeholder, help: argument.help)
        lines += ["", "Options:"]
        for option in options {
            let names = (option.shortName.map { "\($0), " } ?? "") + option.synopsis(spelled: option.name)
            lines += Self.entry(names, help: option.isRepeatable ? option.help + " Repeatable." : option.help)
        }
        lines += ["", "Examples:"]
        lines += examples.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where help text starts, so that the help of every entry lines up.
    private static let helpColumn = 26
    /// Help lines end by this column, which fits an 80-column terminal.
    private static let lineWidth = 80

    /// `label` indented by two, then `help` from `helpColumn`, wrapped; a label too long for
    /// the column gets a line of its own, with the help under it.
    private static func entry(_ label: String, help: String) -> [String] {
        let indent = String(repeating: " ", count: helpColumn)
        let helpLines = wrap(help, width: lineWidth - helpColumn)
        let head = "  " + label
        guard head.count < helpColumn else {
            return [head] + helpLines.map { indent + $0 }
        }
        let first = head + String(repeating: " ", count: helpColumn - head.count) + (helpLines.first ?? "")
        return [first] + helpLines.dropFirst().map { indent + $0 }
    }

    /// The words of `text` in lines of at most `width` characters; a longer word gets a line
    /// of its own rather than being cut.
    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}
