import Foundation

/// A value that is only ever touched while holding an `NSLock`.
///
/// `Mutex` from the Synchronization module would express this without `@unchecked`, but it needs
/// macOS 15 and the package supports macOS 13. The conformance is sound because `value` is
/// private and every access goes through `withLock`.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
