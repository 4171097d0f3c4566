import Foundation
import GenCore
import XCTest

/// Seeded documents whose every name and string is hostile (keywords, names the generator adds,
/// names that collide once camel-cased, control characters, line separators, quotes, comment
/// and interpolation delimiters): each must end in errors that say where, or in Swift that
/// type-checks with warnings as errors and in which no text of the spec became code.
///
/// `HOSTILE_SEED=0x…` replays one document (the seed a failure prints); `HOSTILE_COUNT` and
/// `HOSTILE_BASE_SEED` run other documents than the usual ones.
final class HostileDocumentTests: XCTestCase {
    /// Tuned so that the test stays under a minute in a debug build on 2 cores.
    private static let documentCount = 40
    private static let baseSeed: UInt64 = 0x4057_11E5

    func testHostileDocumentsEndInLocatedErrorsOrCompilingCode() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        let base = environment["HOSTILE_BASE_SEED"].flatMap(GenerativeHarness.parseSeed) ?? Self.baseSeed
        if let replay = environment["HOSTILE_SEED"].flatMap(GenerativeHarness.parseSeed) {
            seeds = [replay]
        } else {
            let count = environment["HOSTILE_COUNT"].flatMap { Int($0) } ?? Self.documentCount
            var random = SplitMix64(seed: base)
            seeds = (0..<count).map { _ in random.next() }
        }
        print("HostileDocumentTests: base seed \(GenerativeHarness.hex(base)), \(seeds.count) documents")
        let inputs = seeds.map { seed in
            var generator = HostileDocumentGenerator(seed: seed)
            return GenerativeCase(seed: seed, label: "hostile document", text: JSONWriter.write(generator.document()))
        }
        let harness = GenerativeHarness(name: "HostileDocumentTests", fileName: "hostile.json", replayVariable: "HOSTILE_SEED")
        let summary = try harness.run(inputs)
        // Most documents are meant to get through to the compiler; if they stop being, the
        // test has stopped testing the part that matters.
        XCTAssertGreaterThanOrEqual(summary.generated * 2, summary.inputs, "most documents should generate: \(summary)")
    }

    /// The generator of documents is itself deterministic: one seed, one text.
    func testTheSameSeedGivesTheSameDocument() {
        var first = HostileDocumentGenerator(seed: 42), second = HostileDocumentGenerator(seed: 42)
        XCTAssertEqual(JSONWriter.write(first.document()), JSONWriter.write(second.document()))
    }

    /// The canary check sees code, and only code: comments and literals go, interpolations stay,
    /// and a `//` comment ends where an editor shows a new line.
    func testCodeOnlyKeepsCodeAndDropsCommentsAndLiterals() {
        let source = """
            /// CANARY_DOC \r CANARY_CR()
            let a = "CANARY_STRING \\(CANARY_INTERPOLATED) \\\"" /* CANARY /* nested */ CANARY */ + #"CANARY "# + \"\"\"
            CANARY_MULTILINE
            \"\"\" // CANARY_LINE\u{2028}CANARY_LS()
            """
        let code = SwiftCodeOnly.strip(source)
        XCTAssertEqual(["CANARY_CR", "CANARY_INTERPOLATED", "CANARY_LS"].filter { code.contains($0) }.count, 3, code)
        for hidden in ["CANARY_DOC", "CANARY_STRING", "CANARY /*", "nested", "CANARY \"", "CANARY_MULTILINE", "CANARY_LINE"] {
            XCTAssertFalse(code.contains(hidden), "\(hidden) in \(code)")
        }
    }

    /// The documents are JSON that JSONSerialization reads, with the awkward characters in them.
    func testDocumentsAreJSONWithTheAwkwardCharacters() throws {
        var all = ""
        for seed in 0..<UInt64(8) {
            var generator = HostileDocumentGenerator(seed: seed)
            let text = JSONWriter.write(generator.document())
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)), "seed \(seed)")
            all += text
        }
        for needle in ["\u{2028}", "\\u2028", "\\u0000", "\\r\\n", "\u{202E}", "CANARY", "`", "\\\\("] {
            XCTAssertTrue(all.contains(needle), "no \(needle.debugDescription) in the documents")
        }
    }
}
