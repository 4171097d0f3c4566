import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Generates each fixture folder under Tests/Fixtures/Golden, found by listing the folder, and
/// compares the files byte for byte with its `Expected/` folder and the warnings with its
/// `warnings.txt` (one headline a line, the file named by its path in the fixture; no file: no
/// warnings). `RECORD_GOLDEN=1 swift test --filter GoldenTests` re-records both.
final class GoldenTests: XCTestCase {
    func testEveryFixtureGeneratesItsExpectedFilesAndWarnings() throws {
        let fixtures = try GoldenFixture.all()
        XCTAssertGreaterThanOrEqual(fixtures.count, 3, "golden fixtures found: \(fixtures.map(\.name))")
        for fixture in fixtures {
            try assertGolden(fixture)
        }
    }

    private func assertGolden(_ fixture: GoldenFixture, file: StaticString = #filePath, line: UInt = #line) throws {
        let spec = try Fixtures.spec(inGoldenFixture: fixture.name)
        let result = try Generator.run(GeneratorOptions(specPath: spec.path))
        let headlines = result.warnings.map { $0.headline.replacingOccurrences(of: fixture.folder.path + "/", with: "") }
        var files: [String: String] = [:]
        for generated in result.files {
            files[generated.name] = generated.contents
        }
        let warnings = fixture.folder.appendingPathComponent("warnings.txt")
        let recorded = headlines.map { $0 + "\n" }.joined()
        if ProcessInfo.processInfo.environment[GoldenFiles.recordVariable] == "1" {
            if recorded.isEmpty {
                try? FileManager.default.removeItem(at: warnings)
            } else {
                try Data(recorded.utf8).write(to: warnings)
            }
        } else {
            let expected = (try? String(contentsOf: warnings, encoding: .utf8)) ?? ""
            XCTAssertEqual(recorded, expected, "\(fixture.name): the warnings differ from \(fixture.name)/warnings.txt:\n"
                           + GoldenFiles.unifiedDiff(expected: expected, actual: recorded,
                                                     expectedName: "warnings.txt", actualName: "warnings"),
                           file: file, line: line)
        }
        GoldenFiles.assertMatches(files, expectedDirectory: fixture.folder.appendingPathComponent("Expected"), file: file, line: line)
    }
}

/// A folder under Tests/Fixtures/Golden.
struct GoldenFixture {
    let name: String
    var folder: URL { Fixtures.url("Golden/\(name)") }

    /// Every fixture folder, by name.
    static func all() throws -> [GoldenFixture] {
        let root = Fixtures.url("Golden")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder)
            return exists && isFolder.boolValue && !name.hasPrefix(".") ? GoldenFixture(name: name) : nil
        }
    }
}

/// Every golden fixture's `Expected/` folder is compiled (warnings as errors) by a target of
/// Package.swift, and a test target of its own imports that module and calls it: the output
/// is proven to build and work, not only to match.
final class GoldenFixtureListTests: XCTestCase {
    func testEveryGoldenFixtureIsCompiledAndCalledByATestTarget() throws {
        let manifest = try String(contentsOf: Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = try Self.compiledFixtures(in: manifest)
        for fixture in try GoldenFixture.all() {
            guard let target = targets[fixture.name] else {
                XCTFail("Package.swift compiles no target from Tests/Fixtures/Golden/\(fixture.name)/Expected")
                continue
            }
            XCTAssertTrue(manifest.contains("name: \"\(target)Tests\""), "Package.swift has no test target \(target)Tests")
            let tests = Fixtures.root.deletingLastPathComponent().appendingPathComponent("\(target)Tests")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []
            let callers = try files.filter { $0.hasSuffix(".swift") }.filter { name in
                try String(contentsOf: tests.appendingPathComponent(name), encoding: .utf8).contains("import \(target)\n")
            }
            XCTAssertFalse(callers.isEmpty, "no test in Tests/\(target)Tests imports \(target) (fixture \(fixture.name))")
        }
    }

    func testTheManifestReaderFindsTheTargets() throws {
        let manifest = """
            .target(
                name: "GenGoldenRelayRest",
                path: "Tests/Fixtures/Golden/relay-rest/Expected",
            """
        XCTAssertEqual(try Self.compiledFixtures(in: manifest), ["relay-rest": "GenGoldenRelayRest"])
    }

    /// Fixture name → the name of the target that compiles its `Expected/` folder.
    private static func compiledFixtures(in manifest: String) throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: #"name: "(\w+)",\s*path: "Tests/Fixtures/Golden/([^/"]+)/Expected""#)
        var targets: [String: String] = [:]
        for match in pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            guard let target = Range(match.range(at: 1), in: manifest), let fixture = Range(match.range(at: 2), in: manifest) else { continue }
            targets[String(manifest[fixture])] = String(manifest[target])
        }
        return targets
    }
}
