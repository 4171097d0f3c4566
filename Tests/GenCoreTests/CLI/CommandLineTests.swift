import Foundation
import GenCore
import GenTestSupport
import XCTest

/// How `gen` reads its command line: each form an option may take, and the exact error,
/// usage line and exit status (64, EX_USAGE) of each mistake. Runs the built `gen`, as
/// `CLITests` does.
final class CommandLineTests: XCTestCase {
    private var temporary: URL!
    private var spec: String { temporary.appendingPathComponent("tags.yaml").path }

    /// Three operations, one per tag, and a schema with a property that initialisms change.
    private static let tagsSpec = """
        openapi: 3.1.0
        info: {title: Tags, version: '1'}
        paths:
          /a: {get: {operationId: getA, tags: [a], responses: {'200': {description: A pet., content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}}}
          /b: {get: {operationId: getB, tags: [b], responses: {'204': {description: Nothing.}}}}
          /c: {get: {operationId: getC, tags: [c], responses: {'204': {description: Nothing.}}}}
        components:
          schemas:
            Pet:
              type: object
              properties:
                call_pbx_dtmf: {type: string}

        """

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("gen-cmdline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try Data(Self.tagsSpec.utf8).write(to: URL(fileURLWithPath: spec))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporary)
    }

    // MARK: - Help

    func testHelpShowsUsageArgumentOptionsAndExamplesAndExitsZero() throws {
        let long = try gen(["--help"])
        XCTAssertEqual(long.status, 0)
        XCTAssertEqual(long.stderr, "")
        XCTAssertTrue(long.stdout.hasPrefix("""
            Generate Swift models and an async client from an OpenAPI 3.0-3.2 document.

            Usage: gen SPEC [options]

            Arguments:
              SPEC                    The OpenAPI document (.yaml, .yml or .json).

            Options:
              -o, --output DIR        The output folder (default: Generated/<Name>).

            """), long.stdout)
        XCTAssertTrue(long.stdout.hasSuffix("""
              --version               Show the version.
              -h, --help              Show this help.

            Examples:
              gen specs/relay-rest.yaml
                  writes Generated/RelayRest/RelayRest{Models…,Client,Support}.swift
              gen specs/relay-rest.yaml -o Sources/RelayRest --check
                  exits 1 and names the stale files when Sources/RelayRest is out of date
              gen api.json --access package --templates MyTemplates
              gen api.yaml --config gen.yaml --exclude-tag internal
              gen specs/relay-rest.yaml --dump-context > contexts.json

            """), long.stdout)
        // Help lines are wrapped, so compare with runs of spaces and newlines made one space.
        let flat = long.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for option in GeneratorConfig.options {
            XCTAssertTrue(long.stdout.contains("\n  \(option.flag) "), "--help lacks \(option.flag):\n\(long.stdout)")
            XCTAssertTrue(flat.contains(option.summary), "--help does not say: \(option.summary)\n\(long.stdout)")
        }
        for text in ["--access public|package|internal\n", "--isolation default|nonisolated\n", "--initialism WORD ", "Repeatable.",
                     "--type-override SCHEMA=TYPE", "--config FILE ", "--check ", "--dump-context "] {
            XCTAssertTrue(long.stdout.contains(text), "--help lacks '\(text)':\n\(long.stdout)")
        }
        XCTAssertFalse(long.stdout.split(separator: "\n").contains { $0.count > 80 }, "lines fit 80 columns:\n\(long.stdout)")

        for arguments in [["-h"], [spec, "--bogus", "--help"], ["--name", "-h"]] {
            let run = try gen(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stdout, long.stdout, "\(arguments): help wins over the other arguments")
        }
        let afterDoubleDash = try gen(["--", "--help"])
        XCTAssertEqual(afterDoubleDash.status, 1, "after -- '--help' is the spec's path")
        XCTAssertEqual(afterDoubleDash.stderr, "error: cannot read the spec '--help': no such file\n")
    }

    // MARK: - Version

    /// `gen --version` prints `gen` and the version written in GenVersion.swift, the one place
    /// it is kept, and wins over everything but `--help`.
    func testVersionPrintsTheVersionInGenVersionSwift() throws {
        let source = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("Sources/GenCLI/GenVersion.swift"), encoding: .utf8)
        let version = try XCTUnwrap(source.split(separator: "\"").dropFirst().first, "GenVersion.swift spells the version in quotes")
        XCTAssertTrue(version.allSatisfy { $0.isNumber || $0 == "." }, "a plain version number: \(version)")
        for arguments in [["--version"], [spec, "--version"], [spec, "--bogus", "--version"], ["--version", "-o"]] {
            let run = try gen(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stdout, "gen \(version)\n", "\(arguments)")
            XCTAssertEqual(run.stderr, "", "\(arguments)")
        }
        XCTAssertTrue(try gen(["--version", "--help"]).stdout.hasPrefix("Generate Swift models"), "--help wins")
        XCTAssertEqual(try gen(["--", "--version"]).stderr, "error: cannot read the spec '--version': no such file\n")
    }

    /// The repository root, from this file's path: Tests/GenCoreTests/CLI/<this file>.
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: - Option forms

    func testValueAfterASpaceOrAnEqualsSign() throws {
        let separate = try gen([spec, "--name", "Foo", "-o", "one"])
        XCTAssertEqual(separate.status, 0, separate.stderr)
        XCTAssertEqual(separate.stderr, "")
        XCTAssertEqual(try entries("one"), Generator.outputFileNames(name: "Foo").sorted())

        let joined = try gen(["--name=Bar", "--output=two", spec, "--client-name=Shop"])
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertEqual(joined.stderr, "")
        XCTAssertEqual(try entries("two"), Generator.outputFileNames(name: "Bar").sorted())
        XCTAssertTrue(try text("two/BarClient.swift").contains("public struct Shop: BarAPI {"))
    }

    func testEqualsKeepsAValueThatLooksLikeAnOption() throws {
        let run = try gen([spec, "-o", "out", "--exclude-tag=--a", "--name=-Odd"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(" 3 operations, "), run.stdout)
        XCTAssertEqual(try entries("out"), Generator.outputFileNames(name: "Odd").sorted())
    }

    func testRepeatedOptionsAddUp() throws {
        let run = try gen([spec, "-o", "out", "--exclude-tag", "a", "--exclude-tag=b",
                           "--initialism", "pbx", "--initialism=dtmf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(" 1 operations, "), run.stdout)
        XCTAssertTrue(try text("out/TagsModels.swift").contains("var callPBXDTMF: String?"))
    }

    func testASingleValueOptionGivenTwiceKeepsTheLast() throws {
        let run = try gen([spec, "-o", "out", "--name", "First", "--name", "Last"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try entries("out"), Generator.outputFileNames(name: "Last").sorted())
    }

    func testAccessAndTypeOverride() throws {
        let run = try gen([spec, "-o", "out", "--access", "package", "--type-override", "Pet=MyPet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let models = try text("out/TagsModels.swift")
        XCTAssertFalse(models.contains("struct Pet"), "Pet is not generated")
        XCTAssertTrue(try text("out/TagsClient.swift").contains("package func getA() async throws -> MyPet"))
    }

    func testFlagsOverTheConfigFile() throws {
        try Data("name: FromFile\nexcludeTags: [a]\n".utf8).write(to: temporary.appendingPathComponent("gen.yaml"))
        let run = try gen([spec, "--config", "gen.yaml", "-o", "out", "--exclude-tag", "b"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(" 1 operations, "), "excluded tags add up: \(run.stdout)")
        XCTAssertEqual(try entries("out"), Generator.outputFileNames(name: "FromFile").sorted())
    }

    func testDoubleDashEndsTheOptions() throws {
        try FileManager.default.copyItem(atPath: spec, toPath: temporary.appendingPathComponent("-x.yaml").path)
        try expectUsageError(["-o", "out", "-x.yaml"], "unknown option '-x.yaml'")
        let run = try gen(["-o", "out", "--name", "X", "--", "-x.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try entries("out"), Generator.outputFileNames(name: "X").sorted())
    }

    // MARK: - Usage errors

    func testUsageErrors() throws {
        let cases: [(arguments: [String], message: String)] = [
            ([], "missing SPEC, the OpenAPI document to read"),
            (["-o", "out", "--name", "Foo"], "missing SPEC, the OpenAPI document to read"),
            ([spec, "--bogus"], "unknown option '--bogus'"),
            ([spec, "--acess", "public"], "unknown option '--acess'; did you mean '--access'?"),
            ([spec, "--acess=public"], "unknown option '--acess'; did you mean '--access'?"),
            ([spec, "--nmae", "X"], "unknown option '--nmae'; did you mean '--name'?"),
            ([spec, "-output", "out"], "unknown option '-output'; did you mean '--output'?"),
            ([spec, "--Check"], "unknown option '--Check'; did you mean '--check'?"),
            ([spec, "--include-tags", "a"], "unknown option '--include-tags'; did you mean '--include-tag'?"),
            ([spec, "--verison"], "unknown option '--verison'; did you mean '--version'?"),
            ([spec, "--bogus=1"], "unknown option '--bogus'"),
            ([spec, "-x"], "unknown option '-x'"),
            ([spec, "-oout"], "unknown option '-oout'"),
            ([spec, "-o"], "missing value for '-o DIR'"),
            ([spec, "--output"], "missing value for '--output DIR'"),
            ([spec, "--initialism", "--check"], "missing value for '--initialism WORD'"),
            ([spec, "--check=yes"], "'--check' takes no value, got 'yes'"),
            ([spec, "other.yaml"], "unexpected argument 'other.yaml' (gen takes one SPEC)"),
            ([spec, "--", "other.yaml"], "unexpected argument 'other.yaml' (gen takes one SPEC)"),
            ([spec, "--access", "private"], "invalid value 'private' for '--access'; use one of: public, package, internal"),
            ([spec, "--access="], "invalid value '' for '--access'; use one of: public, package, internal"),
            ([spec, "--isolation", "MainActor"], "invalid value 'MainActor' for '--isolation'; use one of: default, nonisolated"),
            ([spec, "--type-override", "Pet"], "invalid value 'Pet' for '--type-override'; use Schema=SwiftType"),
            ([spec, "--type-override=Pet="], "invalid value 'Pet=' for '--type-override'; use Schema=SwiftType"),
            ([spec, "--type-override", "=MyPet"], "invalid value '=MyPet' for '--type-override'; use Schema=SwiftType"),
            ([spec, "--namespace", "My-API"], "the namespace 'My-API' is not a Swift identifier (letters, digits and '_', not starting with a digit)"),
            ([spec, "--namespace", "URL"], "the namespace 'URL' would hide the type or module of that name that the generated code uses"),
            ([spec, "--namespace=enum"], "the namespace 'enum' is a Swift keyword"),
        ]
        for item in cases {
            try expectUsageError(item.arguments, item.message)
        }
    }

    func testGenerationFailureExitsOne() throws {
        let run = try gen(["absent.yaml", "-o", "out"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "error: cannot read the spec 'absent.yaml': no such file\n")
        XCTAssertEqual(run.stdout, "")
    }

    /// An input that cannot be read says why: missing, a folder, no permission.
    func testUnreadableInputsSayWhy() throws {
        try FileManager.default.createDirectory(at: temporary.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        let cases: [(arguments: [String], message: String)] = [
            (["folder.yaml"], "error: cannot read the spec 'folder.yaml': it is a folder, not a file"),
            (["tags.yaml/x.yaml"], "error: cannot read the spec 'tags.yaml/x.yaml': no such file (a folder on its path is a file)"),
            ([spec, "--config", "absent.yaml"], "error: cannot read the config file 'absent.yaml': no such file"),
            ([spec, "--config", "folder.yaml"], "error: cannot read the config file 'folder.yaml': it is a folder, not a file"),
        ]
        for item in cases {
            let run = try gen(item.arguments + ["-o", "out"])
            XCTAssertEqual(run.status, 1, "\(item.arguments)")
            XCTAssertEqual(run.stderr, item.message + "\n", "\(item.arguments)")
        }
        // Root reads every file whatever its mode, so the permission case runs only as another user.
        let locked = temporary.appendingPathComponent("locked.yaml")
        try FileManager.default.copyItem(atPath: spec, toPath: locked.path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        if getuid() != 0 {
            let run = try gen(["locked.yaml", "-o", "out"])
            XCTAssertEqual(run.stderr, "error: cannot read the spec 'locked.yaml': permission denied\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary.appendingPathComponent("out").path))
    }

    // MARK: - Helpers

    /// Runs `gen` in the test's folder.
    private func gen(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ProcessRunner.run(executable: try BuiltProducts.gen(for: Self.self), arguments: arguments,
                              currentDirectory: temporary, timeout: 120)
    }

    /// Checks that `arguments` fail with exit status 64, `message`, the usage line and the hint,
    /// and write nothing.
    private func expectUsageError(_ arguments: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try gen(arguments)
        XCTAssertEqual(run.status, 64, "\(arguments)", file: file, line: line)
        XCTAssertEqual(run.stderr, "error: \(message)\nUsage: gen SPEC [options]\nSee 'gen --help' for more information.\n",
                       "\(arguments)", file: file, line: line)
        XCTAssertEqual(run.stdout, "", "\(arguments)", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary.appendingPathComponent("out").path),
                       "\(arguments): nothing is written", file: file, line: line)
    }

    private func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary.appendingPathComponent(folder).path).sorted()
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: temporary.appendingPathComponent(path), encoding: .utf8)
    }
}
