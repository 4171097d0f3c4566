import Foundation
import GenCore
import GenTestSupport
import XCTest

/// One generated input of a generative test: a spec's text and how to make it again.
struct GenerativeCase {
    /// The seed that rebuilds the input.
    var seed: UInt64
    /// What the input is, for messages (`seed 0x…`, `petstore: retype Pet …`).
    var label: String
    var text: String
    /// Files and folders copied next to the spec, for the `$ref`s that reach other files.
    var companions: [URL] = []
}

/// Runs generated specs through the generator in-process and holds it to its promise: a run
/// either throws errors that each say file:line:column, or writes Swift that type-checks
/// (Swift 6, warnings as errors) and in which no canary from the spec's text is code.
///
/// The type-checks are what costs: one `swiftc -wmo` per spec (outside a namespace, the outputs
/// of two specs cannot share a module: each declares `HTTPTransport`, `JSONValue`, ...), run on
/// as many threads as there are cores (at least two) while the generator works through the next
/// specs in-process.
struct GenerativeHarness {
    /// The test's name, for the summary line and the folder failing inputs are kept in.
    var name: String
    /// The spec's file name; the API and its types are named after it.
    var fileName: String
    /// The environment variable that replays one seed.
    var replayVariable: String
    var generatorTimeout: TimeInterval = 20
    var compilerTimeout: TimeInterval = 240

    struct Summary: CustomStringConvertible {
        var inputs = 0, refused = 0, generated = 0, compiled = 0, failed = 0
        var generatorSeconds = 0.0, totalSeconds = 0.0
        /// The time the `swiftc` processes ran, summed over the threads.
        var typeCheckSeconds = 0.0
        /// Inputs whose output was byte for byte one already type-checked.
        var sharedTypeChecks = 0
        /// The first error of each refused input, with the input's label.
        var refusals: [(label: String, error: String)] = []

        var description: String {
            "\(inputs) documents: \(refused) refused with located errors, \(generated) generated, \(compiled) compiled; "
                + "\(failed) failed; \(String(format: "%.1f", totalSeconds)) s (generator "
                + "\(String(format: "%.1f", generatorSeconds)) s, \(generated - sharedTypeChecks) type-checks "
                + "\(String(format: "%.1f", typeCheckSeconds)) s summed over the threads, "
                + "\(sharedTypeChecks) outputs the same as one already checked)"
        }
    }

    /// What went wrong with one input, kept for the test to report.
    struct Failure {
        var input: GenerativeCase
        var problems: [String]
        /// The `swiftc` errors, one line each without their paths, to group failures by kind.
        var compilerErrors: [String]
        var keptAt: String
    }

    private struct Compilation {
        var input: GenerativeCase
        var folder: URL
        var problems: [String]
        /// The compiler job whose result is this input's.
        var job: Int
    }

    func run(_ inputs: [GenerativeCase], file: StaticString = #filePath, line: UInt = #line) throws -> Summary {
        let clock = ContinuousClock()
        let started = clock.now
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        var summary = Summary(inputs: inputs.count)
        var failures: [Failure] = []
        var compilations: [Compilation] = []
        var jobsByOutput: [String: Int] = [:]
        let compiler = CompilerPool(width: max(2, ProcessInfo.processInfo.activeProcessorCount), timeout: compilerTimeout)
        for (index, input) in inputs.enumerated() {
            let folder = work.appendingPathComponent(String(index))
            let spec = folder.appendingPathComponent(fileName)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(input.text.utf8).write(to: spec)
            for companion in input.companions {
                try FileManager.default.copyItem(at: companion, to: folder.appendingPathComponent(companion.lastPathComponent))
            }
            if let refusal = Self.refusalOfValidJSON(input.text, path: spec.path) {
                // Valid JSON is valid YAML 1.2: a syntax error here is the loader's.
                failures.append(try keep(input, folder, [refusal], []))
                continue
            }
            let runStart = clock.now
            let outcome = Self.generate(spec.path, namespace: Self.namespace(for: input), timeout: generatorTimeout)
            summary.generatorSeconds += Self.seconds(clock.now - runStart)
            switch outcome {
            case nil:
                failures.append(try keep(input, folder, ["the generator did not finish within \(generatorTimeout) s"], []))
            case .failure(let error)?:
                let errors = error.diagnostics.filter { $0.severity == .error }
                var problems: [String] = []
                if errors.isEmpty { problems.append("thrown without an error: \(error)") }
                for diagnostic in errors where diagnostic.location == nil || diagnostic.message.isEmpty {
                    problems.append("error without a location or message: \(diagnostic)")
                }
                if problems.isEmpty {
                    summary.refused += 1
                    summary.refusals.append(("\(Self.hex(input.seed)) \(input.label)", errors[0].message))
                } else {
                    failures.append(try keep(input, folder, problems + ["all diagnostics:\n\(error)"], []))
                }
            case .success(let result)?:
                summary.generated += 1
                let output = folder.appendingPathComponent("out")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                var problems: [String] = []
                for generated in result.files {
                    try Data(generated.contents.utf8).write(to: output.appendingPathComponent(generated.name))
                    problems += Self.leaks(in: generated)
                }
                // Mutants the generator reads alike give the same output: one type-check serves them all.
                let key = result.files.map { $0.name + "\u{0}" + $0.contents }.joined(separator: "\u{0}")
                if let job = jobsByOutput[key] {
                    summary.sharedTypeChecks += 1
                    compilations.append(Compilation(input: input, folder: folder, problems: problems, job: job))
                } else {
                    let job = compiler.submit(output)
                    jobsByOutput[key] = job
                    compilations.append(Compilation(input: input, folder: folder, problems: problems, job: job))
                }
            }
        }
        let compiled = compiler.finish()
        summary.typeCheckSeconds = compiler.busySeconds
        for compilation in compilations {
            let (status, log) = compiled[compilation.job] ?? (-1, "no result")
            var problems = compilation.problems
            let errors = Self.compilerErrors(log)
            if status == 0 {
                summary.compiled += 1
            } else {
                problems.append("swiftc -typecheck failed (\(status)):\n" + Self.excerpt(log))
            }
            if !problems.isEmpty {
                failures.append(try keep(compilation.input, compilation.folder, problems, errors, log: log))
            }
        }
        summary.failed = failures.count
        summary.totalSeconds = Self.seconds(clock.now - started)
        print("\(name): \(summary)")
        if !summary.refusals.isEmpty {
            var reasons: [String: Int] = [:]
            for refusal in summary.refusals { reasons[Self.normalized(refusal.error), default: 0] += 1 }
            print("\(name): refused for: " + reasons.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value))" }.joined(separator: "; "))
            for refusal in summary.refusals.prefix(3) {
                print("  e.g. \(refusal.label.prefix(200)): \(refusal.error.debugDescription.prefix(300))")
            }
        }
        report(failures, file: file, line: line)
        return summary
    }

    /// Fails the test once per failing input (seed, kept folder, the problems), then prints the
    /// compiler errors grouped by message so the kinds of failure read at a glance.
    private func report(_ failures: [Failure], file: StaticString, line: UInt) {
        for failure in failures.sorted(by: { $0.input.label < $1.input.label }) {
            XCTFail("""
                \(name): \(failure.input.label) (seed \(Self.hex(failure.input.seed))); kept at \(failure.keptAt)
                replay: \(replayVariable)=\(Self.hex(failure.input.seed))
                \(failure.problems.joined(separator: "\n"))
                """, file: file, line: line)
        }
        var kinds: [String: (count: Int, example: String)] = [:]
        for failure in failures {
            let messages = failure.compilerErrors.isEmpty ? failure.problems.map(Self.withoutPaths) : failure.compilerErrors
            var seen: Set<String> = []
            for message in messages {
                let kind = Self.normalized(message)
                guard seen.insert(kind).inserted else { continue }
                kinds[kind, default: (0, "\(Self.hex(failure.input.seed)) \(failure.input.label): \(message)")].count += 1
            }
        }
        guard !kinds.isEmpty else { return }
        print("\(name): failure kinds (inputs affected, first example):")
        for (kind, entry) in kinds.sorted(by: { $0.value.count > $1.value.count }) {
            print("  [\(entry.count)] \(kind)\n      e.g. \(entry.example)")
        }
    }

    // MARK: - Steps

    /// The run on a worker thread, so that a hang fails the test instead of stalling it.
    private static func generate(_ path: String, namespace: String?,
                                 timeout: TimeInterval) -> Result<GenerationResult, DiagnosticsError>? {
        let box = LockedBox<Result<GenerationResult, DiagnosticsError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        var config = GeneratorConfig()
        config.namespace = namespace
        let thread = Thread { [config] in
            let result = Result { () throws(DiagnosticsError) in try Generator.run(GeneratorOptions(specPath: path, config: config)) }
            box.set(result)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.get()
    }

    /// Inputs with an odd seed are generated in a namespace (`--namespace Generated`), so that
    /// hostile names and odd shapes meet the wrapped output too; the seed decides, so a replay
    /// does the same.
    static func namespace(for input: GenerativeCase) -> String? {
        input.seed & 1 == 1 ? "Generated" : nil
    }

    /// Why the loader refused text that JSONSerialization reads, if it did: every input is
    /// written by `JSONWriter`, so it is JSON (and YAML 1.2) unless the writer is wrong.
    static func refusalOfValidJSON(_ text: String, path: String) -> String? {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            return "the test wrote invalid JSON (a JSONWriter bug)"
        }
        do {
            _ = try YAMLLoader().load(Array(text.utf8), file: path)
            return nil
        } catch {
            return "the loader refused valid JSON: \(error)"
        }
    }

    /// Canaries (`CANARY…` in the spec's free text) outside comments and string literals, and
    /// what the shared scanner of emitted Swift (`EmittedSwiftScanner`) finds.
    static func leaks(in file: GeneratedFile) -> [String] {
        var problems: [String] = []
        let code = SwiftCodeOnly.strip(file.contents)
        if code.contains("CANARY") {
            let lines = file.contents.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
            let hits = lines.enumerated().filter { SwiftCodeOnly.strip(String($0.element)).contains("CANARY") }
                .prefix(3).map { "  \(file.name):\($0.offset + 1): \(String($0.element.prefix(200)).debugDescription)" }
            problems.append("spec text reached code outside comments and string literals in \(file.name):\n"
                            + (hits.isEmpty ? "  (across lines)" : hits.joined(separator: "\n")))
        }
        let scanned = EmittedSwiftScanner.problems(in: file.contents)
        if !scanned.isEmpty {
            problems.append("EmittedSwiftScanner in \(file.name):\n"
                            + scanned.prefix(5).map { "  \(file.name):\($0)" }.joined(separator: "\n"))
        }
        return problems
    }

    private func keep(_ input: GenerativeCase, _ folder: URL, _ problems: [String], _ errors: [String],
                      log: String? = nil) throws -> Failure {
        let kept = FileManager.default.temporaryDirectory
            .appendingPathComponent("gen-\(name)-failures/\(Self.hex(input.seed))-\(abs(input.label.hashValue) % 10_000)")
        try? FileManager.default.removeItem(at: kept)
        try FileManager.default.createDirectory(at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: kept)
        let namespace = Self.namespace(for: input).map { "generated with --namespace \($0)\n" } ?? ""
        let notes = "\(input.label)\nseed \(Self.hex(input.seed))\n" + namespace + "\n" + problems.joined(separator: "\n") + "\n"
        try Data(notes.utf8).write(to: kept.appendingPathComponent("PROBLEMS.txt"))
        if let log { try Data(log.utf8).write(to: kept.appendingPathComponent("swiftc.log")) }
        return Failure(input: input, problems: problems, compilerErrors: errors,
                       keptAt: kept.appendingPathComponent(fileName).path)
    }

    // MARK: - Text helpers

    static func compilerErrors(_ log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: ": error: ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// The first line of a problem, without the temporary path and position in it.
    static func withoutPaths(_ problem: String) -> String {
        let line = problem.split(separator: "\n").first.map(String.init) ?? problem
        guard let error = line.range(of: ": error: "), let path = line.range(of: "/") else { return String(line.prefix(160)) }
        return String(line[..<path.lowerBound] + line[error.upperBound...]).prefix(160).description
    }

    /// A message with its quoted names blanked, so one kind of error is one line.
    static func normalized(_ message: String) -> String {
        var result = ""
        var quoted = false
        for character in message {
            if character == "'" {
                quoted.toggle()
                result.append(quoted ? "'…" : "'")
            } else if !quoted {
                result.append(character)
            }
        }
        return String(result.prefix(200))
    }

    static func excerpt(_ log: String) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.prefix(40).joined(separator: "\n") + (lines.count > 40 ? "\n… (\(lines.count - 40) more lines)" : "")
    }

    static func hex(_ seed: UInt64) -> String {
        "0x" + String(seed, radix: 16, uppercase: true)
    }

    /// `0x…` or decimal.
    static func parseSeed(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Type-checks submitted folders on `width` threads, each running one `swiftc` at a time.
private final class CompilerPool: @unchecked Sendable {
    private let lock = NSCondition()
    private var queue: [(Int, URL)] = []
    private var results: [Int: (Int32, String)] = [:]
    private var submitted = 0
    private var closed = false
    private var busy = 0.0
    private let timeout: TimeInterval

    init(width: Int, timeout: TimeInterval) {
        self.timeout = timeout
        for _ in 0..<width {
            Thread { [self] in work() }.start()
        }
    }

    /// Queues the type-check of every `.swift` file in `folder`; returns the job's number.
    @discardableResult
    func submit(_ folder: URL) -> Int {
        lock.lock()
        defer { lock.unlock() }
        queue.append((submitted, folder))
        submitted += 1
        lock.signal()
        return submitted - 1
    }

    var busySeconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return busy
    }

    /// Waits for every submitted job: exit status and output by job number.
    func finish() -> [Int: (Int32, String)] {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        lock.broadcast()
        while results.count < submitted { lock.wait() }
        return results
    }

    private func work() {
        while true {
            lock.lock()
            while queue.isEmpty && !closed { lock.wait() }
            if queue.isEmpty {
                lock.unlock()
                return
            }
            let (order, folder) = queue.removeFirst()
            lock.unlock()
            let outcome: (Int32, String)
            let started = Date()
            do {
                // One whole-module frontend job: without -wmo the driver starts one frontend per
                // file (six, the small ones too), each loading Foundation again; -wmo halves
                // the cost of a document (0.49 s → 0.25 s for the features fixture's output).
                outcome = try SwiftCompiler.typecheck(directory: folder, extraArguments: ["-wmo"], timeout: timeout)
            } catch {
                outcome = (-1, "\(error)")
            }
            lock.lock()
            busy += Date().timeIntervalSince(started)
            results[order] = outcome
            lock.broadcast()
            lock.unlock()
        }
    }
}

/// A value behind a lock, for handing results between threads.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}
