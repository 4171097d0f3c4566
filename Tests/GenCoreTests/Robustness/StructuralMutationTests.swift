import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Real specs with their structure changed (not their bytes): schemas retyped, made nullable,
/// unioned and composed, awkward enums, `$ref`s re-pointed at themselves, at nothing and at
/// non-schemas, duplicate and keyword operationIds, parameters in odd places, `required`
/// naming what is not there. Each mutant must end in errors that say where, or in Swift that
/// type-checks with warnings as errors.
///
/// Each mutant is rebuilt from its seed alone (the seed picks the spec and the mutations):
/// `MUTATION_SEED=0x…` replays the one a failure prints; `MUTATION_COUNT` and
/// `MUTATION_BASE_SEED` run others.
final class StructuralMutationTests: XCTestCase {
    /// Small and mid-size specs, so that the type-checks stay fast.
    private static let specs = [
        "Corpus/oai-petstore.yaml",
        "Corpus/oai-tictactoe.yaml",
        "Corpus/aws-lambda-runtime.yaml",
        "Corpus/redocly-museum.yaml",
        "Corpus/azure-aziot-keyd.yaml",
        "Corpus/oai-webhook-example.yaml",
        "Corpus/oai-non-oauth-scopes.yaml",
        "Golden/features/features.yaml",
        "Golden/http-surface/http-surface.yaml",
        "Golden/relay-rest/relay-rest.yaml",
    ]
    /// Tuned so that the test stays under a minute in a debug build on 2 cores.
    private static let mutantCount = 80
    private static let baseSeed: UInt64 = 0x57_2AC7_0E5

    func testStructuralMutantsEndInLocatedErrorsOrCompilingCode() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        let base = environment["MUTATION_BASE_SEED"].flatMap(GenerativeHarness.parseSeed) ?? Self.baseSeed
        if let replay = environment["MUTATION_SEED"].flatMap(GenerativeHarness.parseSeed) {
            seeds = [replay]
        } else {
            let count = environment["MUTATION_COUNT"].flatMap { Int($0) } ?? Self.mutantCount
            var random = SplitMix64(seed: base)
            seeds = (0..<count).map { _ in random.next() }
        }
        print("StructuralMutationTests: base seed \(GenerativeHarness.hex(base)), \(seeds.count) mutants")
        var originals: [String: JSONTree] = [:]
        for spec in Self.specs {
            originals[spec] = try JSONTree.load(Fixtures.url(spec))
        }
        let inputs = seeds.map { seed in
            let (spec, mutant, done) = Self.mutant(seed: seed, originals: originals)
            return GenerativeCase(seed: seed, label: "\(spec): " + done.joined(separator: "; "), text: JSONWriter.write(mutant),
                                  companions: Self.companions(spec))
        }
        let harness = GenerativeHarness(name: "StructuralMutationTests", fileName: "mutant.json", replayVariable: "MUTATION_SEED")
        let summary = try harness.run(inputs)
        XCTAssertGreaterThan(summary.generated, 0, "no mutant got through to the compiler: \(summary)")
    }

    /// The spec and the mutations a seed stands for.
    private static func mutant(seed: UInt64, originals: [String: JSONTree]) -> (String, JSONTree, [String]) {
        var random = SplitMix64(seed: seed)
        let spec = specs[Int.random(in: 0..<specs.count, using: &random)]
        let count = Int.random(in: 1...4, using: &random)
        var mutator = StructuralMutator(originals[spec]!, random: random)
        let (tree, done) = mutator.mutate(count: count)
        return (spec, tree, done)
    }

    /// The folders beside a golden fixture's spec (its `$ref`s reach `parts/`); not `Expected/`.
    private static func companions(_ spec: String) -> [URL] {
        guard spec.hasPrefix("Golden/") else { return [] }
        let folder = Fixtures.url(spec).deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0 != "Expected" && !$0.hasSuffix(".yaml") }.map { folder.appendingPathComponent($0) }
    }

    /// Unmutated, the specs generate and compile: what the mutants are measured against.
    func testTheUnmutatedSpecsCompileThroughTheJSONRoundTrip() throws {
        let inputs = try Self.specs.enumerated().map { index, spec in
            GenerativeCase(seed: UInt64(index), label: spec + " (as JSON)", text: JSONWriter.write(try JSONTree.load(Fixtures.url(spec))),
                           companions: Self.companions(spec))
        }
        let summary = try GenerativeHarness(name: "StructuralMutationTests.unmutated", fileName: "mutant.json",
                                            replayVariable: "-").run(inputs)
        XCTAssertEqual(summary.compiled, Self.specs.count, "\(summary); refused: \(summary.refusals)")
    }
}
