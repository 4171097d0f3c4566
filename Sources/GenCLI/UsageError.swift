/// A command line that does not fit its spec; `gen` prints it with the usage line and exits
/// with status 64 (EX_USAGE), as a mistyped command line is not a generation failure.
struct UsageError: Error {
    /// One line, without the `error: ` that is printed before it.
    var message: String

    /// A value the option does not accept (named as the user spelled it), and what it takes.
    static func invalidValue(_ value: String, for name: String, expected: String) -> UsageError {
        UsageError(message: "invalid value '\(value)' for '\(name)'; use \(expected)")
    }
}
