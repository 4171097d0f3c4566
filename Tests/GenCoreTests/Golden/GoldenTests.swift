import GenCore
import GenTestSupport
import XCTest

/// Generates each fixture under Tests/Fixtures/Golden and compares the files byte for byte
/// with its `Expected/` folder. `RECORD_GOLDEN=1 swift test --filter GoldenTests` re-records.
final class GoldenTests: XCTestCase {
    func testRelayRest() throws {
        try assertGolden("relay-rest")
    }

    private func assertGolden(_ fixture: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let spec = try Fixtures.spec(inGoldenFixture: fixture)
        let result = try Generator.run(GeneratorOptions(specPath: spec.path))
        XCTAssertEqual(result.warnings, [], file: file, line: line)
        var files: [String: String] = [:]
        for generated in result.files {
            files[generated.name] = generated.contents
        }
        GoldenFiles.assertMatches(files, expectedDirectory: spec.deletingLastPathComponent().appendingPathComponent("Expected"),
                                  file: file, line: line)
    }
}
