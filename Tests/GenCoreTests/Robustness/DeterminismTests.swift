import Foundation
import GenCore
import GenTestSupport
import XCTest

/// The same spec gives the same bytes whatever the locale or time zone of the machine: the
/// real `gen` runs under each environment and every output is compared with the in-process
/// generation.
final class DeterminismTests: XCTestCase {
    private static let environments: [[String: String]] = [
        ["LANG": "C"],
        ["LANG": "tr_TR.UTF-8"],
        ["LC_ALL": "de_DE.UTF-8"],
        ["LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8"],
        ["TZ": "Pacific/Kiritimati"],
        ["TZ": "UTC"],
    ]

    func testOutputIsTheSameUnderEveryLocaleAndTimeZone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gen = try BuiltProducts.gen(for: Self.self)
        for spec in ["Corpus/redocly-museum.yaml", "Corpus/oai-tictactoe.yaml"] {
            let specPath = Fixtures.url(spec).path
            let expected = try Generator.run(GeneratorOptions(specPath: specPath)).files
            XCTAssertEqual(expected.count, 8)
            for (index, overrides) in Self.environments.enumerated() {
                // Locale and time zone variables are replaced, not added, so the process
                // sees only the one under test.
                var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LC_") && $0.key != "LANG" && $0.key != "TZ" }
                environment.merge(overrides) { $1 }
                let out = folder.appendingPathComponent("\(index)-\(URL(fileURLWithPath: spec).lastPathComponent)")
                let run = try ProcessRunner.run(executable: gen, arguments: [specPath, "-o", out.path],
                                                environment: environment, timeout: 120)
                XCTAssertEqual(run.status, 0, "\(overrides): \(run.stderr)")
                let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                XCTAssertEqual(names, expected.map(\.name).sorted(), "\(overrides)")
                for file in expected {
                    let written = try Data(contentsOf: out.appendingPathComponent(file.name))
                    XCTAssertEqual(written, Data(file.contents.utf8), "\(spec) \(file.name) differs under \(overrides)")
                }
            }
        }
    }
}
