/// Gathers the diagnostics of one generator run, so that a run reports every problem it can
/// find, not only the first.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []
    /// A schema reached along several paths is checked once per path; say each thing once.
    private var seen: Set<Diagnostic> = []

    public init() {}

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    public func emit(_ diagnostic: Diagnostic) {
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    public func error(_ message: String, at location: SourceLocation?, note: String? = nil) {
        emit(.error(message, at: location, note: note))
    }

    public func warning(_ message: String, at location: SourceLocation?, note: String? = nil) {
        emit(.warning(message, at: location, note: note))
    }

    /// Throws everything gathered so far when any of it is an error.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors {
            throw DiagnosticsError(diagnostics)
        }
    }
}
