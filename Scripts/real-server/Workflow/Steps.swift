// The workflow's small test harness: numbered steps that each print one line, checks that say
// what they expected, and the closing "N passed, M failed" line that CI reads.
import Foundation
import Prefect

/// A check that did not hold, with what was expected and what came back.
struct CheckFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs the steps in order and counts them. A step that cannot run because an earlier one
/// failed counts as failed too (it says which value it was missing), never as skipped.
@MainActor
final class Steps {
    private(set) var passed = 0
    private(set) var failed = 0
    private var number = 0

    /// Runs `body`; it returns a short account of what it checked, printed after PASS.
    func run(_ title: String, _ body: () async throws -> String) async {
        number += 1
        let label = String(repeating: " ", count: max(0, 2 - String(number).count)) + String(number)
        do {
            let detail = try await body()
            passed += 1
            print("\(label) PASS \(title): \(detail)")
        } catch {
            failed += 1
            print("\(label) FAIL \(title): \(Self.describe(error))")
        }
    }

    /// The closing line CI reads, and the process's exit status.
    func finish() -> Never {
        print("\(passed) passed, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }
}

/// Fails unless `condition` holds.
func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CheckFailure(description: message()) }
}

/// Fails unless `actual == expected`, showing both.
func checkEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws {
    if actual != expected { throw CheckFailure(description: "\(what): expected \(expected), got \(actual)") }
}

/// Fails unless two instants are equal at microsecond precision (what the server stores).
func checkSameInstant(_ actual: Date?, _ expected: Date?, _ what: String) throws {
    guard let actual, let expected else {
        throw CheckFailure(description: "\(what): expected \(String(describing: expected)), got \(String(describing: actual))")
    }
    let difference = abs(actual.timeIntervalSince1970 - expected.timeIntervalSince1970)
    if difference >= 0.000_000_5 {
        throw CheckFailure(description: "\(what): expected \(micro(expected)), got \(micro(actual)) (\(difference) s apart)")
    }
}

/// A value an earlier step was to produce; missing means that step failed.
func need<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw CheckFailure(description: "blocked: no \(what) (an earlier step failed)") }
    return value
}

/// Runs a call that must fail and returns its error; a success fails the step.
@MainActor func expectError<T>(_ call: () async throws -> T) async throws -> PrefectError {
    let value: T
    do {
        value = try await call()
    } catch let error as PrefectError {
        return error
    }
    throw CheckFailure(description: "expected an error, got \(value)")
}

/// A date as microseconds since 1970, as the server writes them.
func micro(_ date: Date) -> String {
    String(format: "%.6f", date.timeIntervalSince1970)
}

/// Now, to the whole microsecond, so that the value the server stores is exactly this one.
func wholeMicroseconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
}

/// The text of a response body, for checks on the server's own message.
func text(_ body: Data) -> String {
    String(decoding: body, as: UTF8.self)
}
