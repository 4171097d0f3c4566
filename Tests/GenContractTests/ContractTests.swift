import Foundation
import GenTestSupport
import XCTest

/// Drives generated clients through every operation of a spec against a server that
/// validates each request (and its own responses) with openapi-core, via Scripts/contract-check.
/// The first run makes the harness's Python environment, which needs PyPI.
final class ContractTests: XCTestCase {
    func testSeedSpec() throws {
        try assertContract("specs/relay-rest.yaml", operations: 1)
    }

    func testSignalWireRelayREST() throws {
        try assertContract("Tests/Fixtures/Corpus/signalwire-relay-rest.yaml", operations: 69)
    }

    func testHTTPSurface() throws {
        // 17 operations, called through 20 methods: `putBinaryStream` reads the binary response as
        // it arrives, and the two raw-bytes bodies are also sent from a file.
        try assertContract("Tests/Fixtures/Golden/http-surface/http-surface.yaml", operations: 20)
    }

    private func assertContract(_ spec: String, operations: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        // The gen this test run built: the script would otherwise build its own, and SwiftPM
        // lets one build at a time use the package's build folder.
        var environment = ProcessInfo.processInfo.environment
        environment["GEN"] = try BuiltProducts.gen(for: Self.self).path
        let result = try ProcessRunner.run(
            executable: root.appendingPathComponent("Scripts/contract-check"), arguments: [spec],
            environment: environment, currentDirectory: root, timeout: 900)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.last.map(String.init), "\(operations) passed, 0 failed",
                       "contract check of \(spec):\n\(result.stdout)\n\(result.stderr.suffix(3000))", file: file, line: line)
        XCTAssertEqual(result.status, 0, file: file, line: line)
    }
}
