import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Runs the real `gen` executable, as a user would.
///
/// `GenCoreTests` does not depend on the `gen` product, so `swift test` alone may not build it.
/// `swift build --build-tests` builds every product (including `gen`) next to the test bundle,
/// which is where these tests look; when it is missing they fail, naming the command to run.
final class CLITests: XCTestCase {
    private var temporary: URL!
    private let spec = Fixtures.url("Golden/relay-rest/relay-rest.yaml")
    private let fileNames = Generator.outputFileNames(name: "RelayRest").sorted()

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("gen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporary)
    }

    // MARK: - Generating

    func testGeneratesTheFixedFilesAndPrintsOneSummaryLine() throws {
        let out = temporary.appendingPathComponent("out")
        let run = try gen([spec.path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "relay-rest generates without warnings")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, "one summary line and its newline: \(run.stdout)")
        let summary = String(lines[0])
        let expected = try Generator.run(GeneratorOptions(specPath: spec.path))
        XCTAssertTrue(matches(summary, #"^gen: \d+ types, \d+ operations, 8 files \(8 written\) in .+, \d+ ms$"#), summary)
        XCTAssertTrue(summary.hasPrefix("gen: \(expected.typeCount) types, \(expected.operationCount) operations, 8 files"), summary)
        XCTAssertTrue(summary.contains(" in \(out.path), "), summary)
        XCTAssertEqual(try entries(out), fileNames, "exactly the fixed files, no staging leftovers")
        for file in expected.files {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(file.name)), Data(file.contents.utf8), file.name)
        }
    }

    func testSecondRunRewritesNothing() throws {
        let out = temporary.appendingPathComponent("out")
        XCTAssertEqual(try gen([spec.path, "-o", out.path]).status, 0)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for name in fileNames {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: out.appendingPathComponent(name).path)
        }
        let before = try snapshot(out)
        let run = try gen([spec.path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("8 files (0 written)"), run.stdout)
        XCTAssertEqual(try snapshot(out), before, "an unchanged file keeps its inode, bytes and modification date")
    }

    func testCheckPassesOnFreshOutputAndNamesTheStaleFile() throws {
        let out = temporary.appendingPathComponent("out")
        XCTAssertEqual(try gen([spec.path, "-o", out.path]).status, 0)
        let fresh = try gen([spec.path, "-o", out.path, "--check"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertTrue(fresh.stdout.contains("is up to date (8 files)"), fresh.stdout)

        let client = out.appendingPathComponent("RelayRestClient.swift")
        let edited = try Data(contentsOf: client) + Data("// edited by hand\n".utf8)
        try edited.write(to: client)
        try FileManager.default.removeItem(at: out.appendingPathComponent("RelayRestSupport.swift"))
        let before = try snapshot(out)
        let stale = try gen([spec.path, "--check", "-o", out.path])
        XCTAssertEqual(stale.status, 1, "--check must fail on a stale folder")
        XCTAssertEqual(stale.stderr, """
            \(out.path)/RelayRestClient.swift: error: stale
            \(out.path)/RelayRestSupport.swift: error: missing
            note: to bring \(out.path) up to date, run: gen \(spec.path) -o \(out.path)

            """)
        XCTAssertEqual(stale.stdout, "")
        XCTAssertEqual(try snapshot(out), before, "--check writes nothing")
    }

    /// The command `--check` suggests is the one given, without `--check`, quoted for a shell
    /// where needed; a plugin names its own command in GEN_UPDATE_COMMAND.
    func testCheckSuggestsTheCommandLineGivenWithoutCheck() throws {
        let folder = temporary.appendingPathComponent("it's here")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: spec, to: folder.appendingPathComponent("relay-rest.yaml"))
        let run = try gen(["--check", "-o", "Out Dir", "--exclude-tag=a b", "--name", "Relay", "--", "relay-rest.yaml"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Out Dir/RelayModels.swift: error: missing")
        XCTAssertEqual(lines.last, #"note: to bring Out Dir up to date, run: gen -o 'Out Dir' '--exclude-tag=a b' --name Relay -- relay-rest.yaml"#)

        let plugin = try ProcessRunner.run(
            executable: try BuiltProducts.gen(for: Self.self), arguments: ["relay-rest.yaml", "-o", "out", "--check"],
            environment: ProcessInfo.processInfo.environment.merging(["GEN_UPDATE_COMMAND": "swift package generate-openapi-client --target X"]) { $1 },
            currentDirectory: folder, timeout: 120)
        XCTAssertEqual(plugin.stderr.split(separator: "\n").last, "note: to bring out up to date, run: swift package generate-openapi-client --target X")
    }

    func testCheckOnMissingFolderFailsAndCreatesNothing() throws {
        let out = temporary.appendingPathComponent("missing")
        let run = try gen([spec.path, "-o", out.path, "--check"])
        XCTAssertEqual(run.status, 1)
        let expected = Generator.outputFileNames(name: "RelayRest").map { "\(out.path)/\($0): error: missing" }
            + ["note: to bring \(out.path) up to date, run: gen \(spec.path) -o \(out.path)"]
        XCTAssertEqual(run.stderr, expected.joined(separator: "\n") + "\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    // MARK: - Errors leave earlier output alone

    func testYAMLErrorsAreLocatedAndLeaveThePreviousOutputUntouched() throws {
        let out = temporary.appendingPathComponent("out")
        XCTAssertEqual(try gen([spec.path, "-o", out.path]).status, 0)
        let before = try snapshot(out)
        let cases: [(name: String, text: String, line: Int, column: Int, message: String)] = [
            ("tab.yaml", "openapi: 3.1.0\ninfo:\n\ttitle: x\n", 3, 1, "found character that cannot start any token"),
            ("duplicate.yaml", "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\n  title: y\npaths: {}\n", 5, 3, "duplicate key 'title'"),
        ]
        for item in cases {
            let broken = temporary.appendingPathComponent(item.name)
            try Data(item.text.utf8).write(to: broken)
            let run = try gen([broken.path, "-o", out.path])
            XCTAssertNotEqual(run.status, 0, item.name)
            XCTAssertEqual(run.stdout, "", item.name)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            let head = "\(broken.path):\(item.line):\(item.column): error: "
            guard let index = lines.firstIndex(where: { $0.hasPrefix(head) }) else {
                XCTFail("\(item.name): no line starting with '\(head)' in:\n\(run.stderr)")
                continue
            }
            XCTAssertTrue(lines[index].contains(item.message), lines[index])
            // The offending line and a caret under the column follow (after an optional note).
            let sourceLine = item.text.split(separator: "\n", omittingEmptySubsequences: false)[item.line - 1]
            let caret = String(repeating: " ", count: item.column - 1) + "^"
            let rest = Array(lines[(index + 1)...].drop { $0.hasPrefix("  note: ") })
            XCTAssertEqual(rest.first, String(sourceLine), "\(item.name): source line\n\(run.stderr)")
            XCTAssertEqual(rest.dropFirst().first, caret, "\(item.name): caret line\n\(run.stderr)")
            XCTAssertEqual(try snapshot(out), before, "\(item.name): a failed run leaves earlier output untouched")
        }
    }

    func testOutputPathThatIsAFileIsRefused() throws {
        let file = temporary.appendingPathComponent("not-a-folder")
        try Data("keep me\n".utf8).write(to: file)
        let run = try gen([spec.path, "-o", file.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("error: "), run.stderr)
        XCTAssertTrue(run.stderr.contains(file.path) && run.stderr.contains("is a file, not a folder"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: file), Data("keep me\n".utf8))
        XCTAssertEqual(try entries(temporary), ["not-a-folder"])
    }

    // MARK: - Templates

    func testTemplateOverrideChangesOnlyItsFile() throws {
        let builtIn = temporary.appendingPathComponent("builtin")
        XCTAssertEqual(try gen([spec.path, "-o", builtIn.path]).status, 0)
        let templates = temporary.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try write("{{% CONTENT_TYPE: TEXT}}\n{{> banner}}\n// access: {{access}}\n", to: templates, "support.mustache")
        // A name that is not built in works as a new partial.
        try write("{{% CONTENT_TYPE: TEXT}}\n// custom banner\n", to: templates, "banner.mustache")
        let custom = temporary.appendingPathComponent("custom")
        let run = try gen([spec.path, "-o", custom.path, "--templates", templates.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in ["RelayRestClient.swift", "RelayRestModels.swift"] {
            XCTAssertEqual(try Data(contentsOf: custom.appendingPathComponent(name)),
                           try Data(contentsOf: builtIn.appendingPathComponent(name)), name)
        }
        let support = try String(contentsOf: custom.appendingPathComponent("RelayRestSupport.swift"), encoding: .utf8)
        XCTAssertTrue(support.contains("// custom banner"), support)
        XCTAssertTrue(support.contains("// access: public"), support)
        XCTAssertFalse(support.contains("HTTPTransport"), support)
    }

    func testTemplateSyntaxErrorNamesTheFileLineAndColumn() throws {
        let templates = temporary.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try write("{{% CONTENT_TYPE: TEXT}}\n// fine\n{{#access}} x {{/headerLines}}\n", to: templates, "support.mustache")
        let out = temporary.appendingPathComponent("out")
        let run = try gen([spec.path, "-o", out.path, "--templates", templates.path])
        XCTAssertNotEqual(run.status, 0)
        let file = templates.appendingPathComponent("support.mustache").path
        XCTAssertTrue(run.stderr.hasPrefix(file + ":3:15: error: template syntax error: "
                                           + "'{{/headerLines}}' does not close the open section '{{#access}}' (line 3, column 1)\n"),
                      run.stderr)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.dropFirst().first, "{{#access}} x {{/headerLines}}", "the template line is shown")
        XCTAssertEqual(lines.dropFirst(2).first?.last, "^", "a caret line follows")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    // MARK: - Options

    func testAccessLevels() throws {
        for access in ["internal", "package", "public"] {
            let out = temporary.appendingPathComponent(access)
            let run = try gen([spec.path, "-o", out.path, "--access", access])
            XCTAssertEqual(run.status, 0, run.stderr)
            let client = try String(contentsOf: out.appendingPathComponent("RelayRestClient.swift"), encoding: .utf8)
            let support = try String(contentsOf: out.appendingPathComponent("RelayRestSupport.swift"), encoding: .utf8)
            XCTAssertTrue(client.contains("\n\(access) struct RelayRestClient: RelayRestAPI {"), access)
            XCTAssertTrue(support.contains("\n\(access) protocol HTTPTransport"), access)
            for other in ["internal", "package", "public"] where other != access {
                for name in fileNames {
                    let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                    XCTAssertFalse(text.contains("\(other) struct ") || text.contains("\(other) func ")
                                   || text.contains("\(other) enum ") || text.contains("\(other) var "),
                                   "\(name) with --access \(access) has a \(other) declaration")
                }
            }
        }
        let bad = try gen([spec.path, "-o", temporary.appendingPathComponent("bad").path, "--access", "private"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("private"), bad.stderr)
    }

    func testNameOption() throws {
        let out = temporary.appendingPathComponent("out")
        let run = try gen([spec.path, "-o", out.path, "--name", "Foo"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try entries(out), Generator.outputFileNames(name: "Foo").sorted())
        let client = try String(contentsOf: out.appendingPathComponent("FooClient.swift"), encoding: .utf8)
        XCTAssertTrue(client.contains("struct FooClient: FooAPI {"), "the client type takes the name")
        XCTAssertTrue(client.contains("enum FooError: Error"), "the error type takes the name")
    }

    func testHelpListsTheExamplesAndOptions() throws {
        let run = try gen(["--help"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for text in ["Examples:", "gen specs/relay-rest.yaml", "gen specs/relay-rest.yaml -o Sources/RelayRest --check",
                     "gen api.json --access package --templates MyTemplates",
                     "--output", "--name", "--check", "--templates", "--access", "--initialism"] {
            XCTAssertTrue(run.stdout.contains(text), "--help lacks '\(text)':\n\(run.stdout)")
        }
    }

    func testDefaultOutputFolderIsGeneratedSlashName() throws {
        let copy = temporary.appendingPathComponent("relay-rest.yaml")
        try FileManager.default.copyItem(at: spec, to: copy)
        let run = try gen(["relay-rest.yaml"], in: temporary)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(" in Generated/RelayRest, "), run.stdout)
        XCTAssertEqual(try entries(temporary.appendingPathComponent("Generated/RelayRest")), fileNames)
        XCTAssertEqual(try entries(temporary), ["Generated", "relay-rest.yaml"])
    }

    func testMissingSpecFails() throws {
        let run = try gen([temporary.appendingPathComponent("absent.yaml").path, "-o", temporary.appendingPathComponent("out").path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "error: cannot read the spec '\(temporary.appendingPathComponent("absent.yaml").path)': no such file\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary.appendingPathComponent("out").path))
    }

    // MARK: - Helpers

    private func gen(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try ProcessRunner.run(executable: try BuiltProducts.gen(for: Self.self), arguments: arguments, currentDirectory: directory, timeout: 120)
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Names in a folder, hidden ones included (a leftover staging folder must show).
    private func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    private func write(_ text: String, to folder: URL, _ name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Every entry of a folder with its bytes, inode and modification date.
    private struct Entry: Equatable {
        var name: String
        var data: Data
        var inode: UInt64
        var modified: Date
    }

    private func snapshot(_ folder: URL) throws -> [Entry] {
        try entries(folder).map { name in
            let path = folder.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return Entry(name: name, data: try Data(contentsOf: URL(fileURLWithPath: path)),
                         inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                         modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
    }
}
