/// One message for the user about their input, located where the cause is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the cause is; `nil` only for problems that have no place in a file (I/O, arguments).
    public var location: SourceLocation?
    /// A second line that helps to fix the problem.
    public var note: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, note: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.note = note
    }

    public static func error(_ message: String, at location: SourceLocation?, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, note: note)
    }

    public static func warning(_ message: String, at location: SourceLocation?, note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, note: note)
    }

    /// `path:line:column: severity: message`, the form Xcode, SwiftPM and editors link to.
    public var headline: String {
        var text = ""
        if let location {
            text = "\(location.file):\(location.mark.line):\(location.mark.column): "
        }
        return text + "\(severity.rawValue): \(message)"
    }

    /// The headline, then the note on its own line.
    public var description: String {
        guard let note else { return headline }
        return headline + "\n  note: \(note)"
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic gathered up to that point.
public struct DiagnosticsError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
