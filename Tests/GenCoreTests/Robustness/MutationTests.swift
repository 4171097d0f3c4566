import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Thousands of damaged copies of real specs, the same ones on every run (seeded): each must
/// end in output or in errors that say where, and none may take long.
final class MutationTests: XCTestCase {
    private static let seeds = [
        "Corpus/oai-petstore.yaml",
        "Corpus/oai-tictactoe.yaml",
        "Corpus/aws-lambda-runtime.yaml",
        "Corpus/redocly-museum.yaml",
        "Golden/relay-rest/relay-rest.yaml",
    ]
    /// Per seed; tuned so the whole test stays under a minute in a debug build on 2 cores.
    private static let mutationsPerSeed = 500
    private static let perInputLimit: TimeInterval = 5

    func testMutatedSpecsEndInOutputOrLocatedErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-mutation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var random = SplitMix64(seed: 0x5EED_0F_6E4)
        var outcomes = (generated: 0, failed: 0)
        var slowest: (seconds: Double, input: String) = (0, "")
        let clock = ContinuousClock()
        let started = clock.now
        for seed in Self.seeds {
            let original = try [UInt8](Data(contentsOf: Fixtures.url(seed)))
            let name = URL(fileURLWithPath: seed).lastPathComponent
            let path = folder.appendingPathComponent(name).path
            for index in 0..<Self.mutationsPerSeed {
                let (bytes, how) = Mutator.mutate(original, using: &random)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let label = "\(seed) mutation \(index) (\(how))"
                let runStart = clock.now
                guard let outcome = Self.run(path, timeout: Self.perInputLimit) else {
                    let kept = try keep(bytes, label)
                    return XCTFail("\(label) did not finish within \(Self.perInputLimit) s; input kept at \(kept)")
                }
                let seconds = Self.seconds(clock.now - runStart)
                if seconds > slowest.seconds { slowest = (seconds, label) }
                switch outcome {
                case .success(let result):
                    outcomes.generated += 1
                    XCTAssertEqual(result.files.count, Generator.outputFileNames(name: result.name).count, label)
                    XCTAssertFalse(result.files.contains { $0.contents.isEmpty }, label)
                case .failure(let error):
                    outcomes.failed += 1
                    let errors = error.diagnostics.filter { $0.severity == .error }
                    XCTAssertFalse(errors.isEmpty, "\(label): thrown without an error: \(error)")
                    for diagnostic in errors where diagnostic.location == nil || diagnostic.message.isEmpty {
                        let kept = try keep(bytes, label)
                        XCTFail("\(label): error without a location or message: \(diagnostic); input kept at \(kept)")
                    }
                }
                XCTAssertLessThan(seconds, Self.perInputLimit, label)
            }
        }
        let total = Self.seconds(clock.now - started)
        print("MutationTests: \(outcomes.generated + outcomes.failed) mutations (\(outcomes.generated) generated, "
              + "\(outcomes.failed) failed with diagnostics) in \(String(format: "%.1f", total)) s; "
              + "slowest \(String(format: "%.2f", slowest.seconds)) s: \(slowest.input)")
    }

    /// The run on a worker thread, so that a hang fails the test instead of stalling it;
    /// `nil` on timeout (the stuck thread is abandoned; the test process ends soon after).
    private static func run(_ path: String, timeout: TimeInterval) -> Result<GenerationResult, DiagnosticsError>? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.value = Result { () throws(DiagnosticsError) in try Generator.run(GeneratorOptions(specPath: path)) }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.value
    }

    /// Saves a failing input where it outlives the test, to reproduce it.
    private func keep(_ bytes: [UInt8], _ label: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-mutation-failure-\(UUID().uuidString).yaml")
        try Data(bytes).write(to: url)
        return url.path
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

private final class ResultBox: @unchecked Sendable {
    var value: Result<GenerationResult, DiagnosticsError>?
}

/// A small, fast, seedable generator (SplitMix64), so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Damage of the kinds real files suffer and of the kinds that reach odd corners of YAML
/// and OpenAPI: bytes, lines (the node level of block YAML), and values swapped for others.
enum Mutator {
    /// Tokens that change YAML structure or OpenAPI meaning when dropped into a spec.
    private static let tokens: [String] = [
        "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!str ", "? ", "|", ">", "'", "\"", "#", "\t", "\u{0}",
        "$ref: '#/components/schemas/X'", "$ref: '#/'", "$ref: '../x.yaml'", "$ref: 'https://x/y'",
        "~", "null", "true", "yes", "99999999999999999999", "-0", "1e400", ".nan", "---\n", "...\n", "%YAML 1.1\n",
        "\u{FEFF}", "é", "\r", "\r\n",
    ]
    /// Values that a key's value is replaced with, to give known keys the wrong type.
    private static let values: [String] = [
        "[]", "{}", "null", "~", "yes", "0", "-1", "99999999999999999999", "1.5", "''", "'$$$'", "[a, b]",
        "{$ref: '#/components/schemas/Nope'}", "{$ref: '#'}", "*a", "&a x", "{type: [string, 'null']}", "true",
    ]

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> ([UInt8], String) {
        var bytes = input
        let count = Int.random(in: 1...3, using: &random)
        var applied: [String] = []
        for _ in 0..<count {
            applied.append(mutateOnce(&bytes, using: &random))
        }
        return (bytes, applied.joined(separator: ", "))
    }

    private static func mutateOnce(_ bytes: inout [UInt8], using random: inout SplitMix64) -> String {
        guard !bytes.isEmpty else {
            bytes = Array(tokens.randomElement(using: &random)!.utf8)
            return "token into empty"
        }
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
            return "byte \(position)"
        case 1:
            bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            return "bit \(position)"
        case 2:
            bytes.removeSubrange(position...)
            return "truncate \(position)"
        case 3:
            bytes.insert(contentsOf: tokens.randomElement(using: &random)!.utf8, at: position)
            return "token at \(position)"
        default:
            return mutateLines(&bytes, using: &random)
        }
    }

    private static func mutateLines(_ bytes: inout [UInt8], using random: inout SplitMix64) -> String {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let index = Int.random(in: 0..<lines.count, using: &random)
        let how: String
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            lines.remove(at: index)
            how = "delete line \(index)"
        case 1:
            lines.insert(lines[index], at: index)
            how = "duplicate line \(index)"
        case 2:
            let other = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(index, other)
            how = "swap lines \(index) \(other)"
        case 3:
            let end = min(lines.count, index + Int.random(in: 1...20, using: &random))
            lines.removeSubrange(index..<end)
            how = "delete lines \(index)..<\(end)"
        case 4:
            if Bool.random(using: &random) {
                lines[index].insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: Int.random(in: 1...4, using: &random)), at: 0)
            } else {
                lines[index].removeFirst(min(lines[index].count, Int.random(in: 1...4, using: &random)))
            }
            how = "reindent line \(index)"
        default:
            // The value after the first ": " on the line: the node level of a block mapping.
            let line = lines[index]
            if let colon = line.indices.first(where: { line[$0] == UInt8(ascii: ":") && $0 + 1 < line.count && line[$0 + 1] == UInt8(ascii: " ") }) {
                lines[index] = Array(line[...(colon + 1)]) + Array(values.randomElement(using: &random)!.utf8)
            } else {
                lines[index] += Array(": ".utf8) + Array(values.randomElement(using: &random)!.utf8)
            }
            how = "replace value on line \(index)"
        }
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        return how
    }
}
