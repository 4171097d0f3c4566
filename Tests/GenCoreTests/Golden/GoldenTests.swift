import GenCore
import GenTestSupport
import XCTest

/// Generates each fixture under Tests/Fixtures/Golden and compares the files byte for byte
/// with its `Expected/` folder. `RECORD_GOLDEN=1 swift test --filter GoldenTests` re-records.
final class GoldenTests: XCTestCase {
    func testRelayRest() throws {
        try assertGolden("relay-rest", warnings: [])
    }

    func testHTTPSurface() throws {
        try assertGolden("http-surface", warnings: [])
    }

    func testFeatures() throws {
        try assertGolden("features", warnings: [
            "features.yaml:44:13: warning: OpenAPI does not allow '$ref' for an operation; it is followed, but other tools may not",
            "features.yaml:254:9: warning: 'prefixItems' is not supported by the generator and is ignored",
        ])
    }

    func testOpenAPI32() throws {
        try assertGolden("openapi32", warnings: [])
    }

    /// `warnings` are the expected diagnostics' headlines, with the file named by its last component.
    private func assertGolden(_ fixture: String, warnings: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let spec = try Fixtures.spec(inGoldenFixture: fixture)
        let result = try Generator.run(GeneratorOptions(specPath: spec.path))
        let headlines = result.warnings.map { $0.headline.replacingOccurrences(of: spec.deletingLastPathComponent().path + "/", with: "") }
        XCTAssertEqual(headlines, warnings, file: file, line: line)
        var files: [String: String] = [:]
        for generated in result.files {
            files[generated.name] = generated.contents
        }
        GoldenFiles.assertMatches(files, expectedDirectory: spec.deletingLastPathComponent().appendingPathComponent("Expected"),
                                  file: file, line: line)
    }
}

/// Every folder under Tests/Fixtures/Golden has its test above, so a new fixture cannot sit there
/// untested.
final class GoldenFixtureListTests: XCTestCase {
    private static let tested: Set<String> = ["relay-rest", "http-surface", "features", "openapi32"]

    func testEveryGoldenFixtureIsTested() throws {
        let folder = try Fixtures.spec(inGoldenFixture: "relay-rest").deletingLastPathComponent().deletingLastPathComponent()
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }
        XCTAssertEqual(Set(fixtures), Self.tested, "a golden fixture without a test in GoldenTests, or a test without its fixture")
    }
}
