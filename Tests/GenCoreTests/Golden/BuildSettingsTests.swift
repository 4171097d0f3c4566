import Foundation
import GenCore
import GenTestSupport
import XCTest

/// The generated code type-checks, warnings as errors, under the build settings users' targets
/// have: every golden output under each setting, and one spec generated with `package` and
/// `internal` access where the access level decides the imports. Each check is one `swiftc`
/// process over one folder; two run at a time (about 5 s in all on two cores).
final class BuildSettingsTests: XCTestCase {
    /// A build setting, as the arguments `swiftc` gets after `-swift-version 6 -warnings-as-errors`
    /// (a later `-swift-version` wins).
    struct Setting {
        var name: String
        var arguments: [String]
    }

    static let settings: [Setting] = [
        Setting(name: "Swift 6", arguments: []),
        // What Xcode 26 sets on a new app target.
        Setting(name: "Xcode 26 app target (MainActor default isolation)", arguments: [
            "-default-isolation", "MainActor",
            "-enable-upcoming-feature", "NonisolatedNonsendingByDefault",
            "-enable-upcoming-feature", "InferIsolatedConformances",
        ]),
        Setting(name: "InternalImportsByDefault", arguments: ["-enable-upcoming-feature", "InternalImportsByDefault"]),
        Setting(name: "ExistentialAny and MemberImportVisibility", arguments: [
            "-enable-upcoming-feature", "ExistentialAny", "-enable-upcoming-feature", "MemberImportVisibility",
        ]),
        Setting(name: "Swift 5 with complete concurrency checking", arguments: ["-swift-version", "5", "-strict-concurrency=complete"]),
    ]

    static let fixtures = ["features", "http-surface", "openapi32", "paging", "relay-rest", "streams", "swagger2"]

    /// One `swiftc` run: a folder of Swift files and the arguments that pick the setting.
    struct Job {
        var label: String
        var directory: URL
        var arguments: [String]
        /// Absolute paths compiled with the folder's files.
        var extraFiles: [String] = []
        /// Compiled into a module (`SwiftCompiler.build`) rather than only type-checked.
        var builds = false
    }

    /// Each fixture's output with a file of the user's own in the same target, which imports
    /// Foundation the usual way: the generated `public import`s must not make it ambiguous.
    func testEveryGoldenOutputTypeChecksUnderEverySetting() throws {
        let userFile = FileManager.default.temporaryDirectory.appendingPathComponent("gen-build-settings-\(UUID().uuidString).swift")
        try Data("import Foundation\n\nstruct UsersOwnCode {\n    var updated: Date\n}\n".utf8).write(to: userFile)
        defer { try? FileManager.default.removeItem(at: userFile) }
        var jobs: [Job] = []
        for fixture in Self.fixtures {
            let expected = Fixtures.url("Golden/\(fixture)/Expected")
            for setting in Self.settings {
                jobs.append(Job(label: "\(fixture) under \(setting.name)", directory: expected,
                                arguments: ["-wmo", "-module-name", "Golden"] + setting.arguments, extraFiles: [userFile.path]))
            }
        }
        try Self.assertTypeCheck(jobs)
    }

    /// `package` and `internal` output under Swift 6, the MainActor default and
    /// `InternalImportsByDefault`: `package` output imports Foundation with `package import` where
    /// its declarations use it (and `internal import` elsewhere), `internal` output with `import`.
    func testPackageAndInternalOutputTypeChecksWithInternalImportsByDefault() throws {
        let spec = try Fixtures.spec(inGoldenFixture: "http-surface")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-build-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var jobs: [Job] = []
        for access in [AccessLevel.package, .internal] {
            let result = try Generator.run(GeneratorOptions(specPath: spec.path, access: access))
            let directory = root.appendingPathComponent(access.rawValue)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in result.files {
                try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name))
            }
            let imports = try String(contentsOf: directory.appendingPathComponent("HttpSurfaceClient.swift"), encoding: .utf8)
                .split(separator: "\n").filter { $0.contains("import Foundation") }
            XCTAssertEqual(imports, access == .package ? ["package import Foundation", "internal import FoundationNetworking"]
                                                       : ["import Foundation", "import FoundationNetworking"], "\(access)")
            for setting in Self.settings.prefix(3) {
                jobs.append(Job(label: "\(access) access under \(setting.name)", directory: directory,
                                arguments: ["-wmo", "-module-name", "Golden", "-package-name", "GenBuildSettings"] + setting.arguments))
            }
        }
        try Self.assertTypeCheck(jobs)
    }

    /// The fixtures, each in its own namespace (`--namespace`), in one module with a file
    /// of the user's that declares `Station`, `JSONValue` and `HTTPMiddleware` too, under every
    /// setting (`NamespaceTests` builds and runs two of them).
    func testNamespacedOutputsShareOneModuleUnderEverySetting() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-build-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (fixture, namespace) in zip(Self.fixtures, ["A", "B", "C", "D", "E", "F", "G"]) {
            var config = GeneratorConfig()
            config.namespace = namespace
            let spec = try Fixtures.spec(inGoldenFixture: fixture)
            for file in try Generator.run(GeneratorOptions(specPath: spec.path, config: config)).files {
                try Data(file.contents.utf8).write(to: root.appendingPathComponent(file.name))
            }
        }
        try Data("""
            import Foundation

            struct Station {
                var name: String
            }

            enum JSONValue {
                case nothing
            }

            protocol HTTPMiddleware {}

            func useAll(_ station: A.Station, _ value: B.JSONValue, _ middleware: any C.HTTPMiddleware) -> (Station, JSONValue) {
                (Station(name: station.name), .nothing)
            }

            """.utf8).write(to: root.appendingPathComponent("UsersOwnTypes.swift"))
        let jobs = Self.settings.map { setting in
            Job(label: "four namespaced outputs under \(setting.name)", directory: root,
                arguments: ["-wmo", "-module-name", "Namespaced"] + setting.arguments)
        }
        try Self.assertTypeCheck(jobs)
    }

    /// Under `-default-isolation MainActor` the models of the target itself are main-actor
    /// isolated (their conformances too), unless generated with `isolation: nonisolated`
    /// (`BuildSettingsTests+Isolation.swift`), which needs Swift 6.1. The README's other way: the
    /// generated files in a module of their own, which an app target with that setting imports;
    /// its nonisolated code then decodes the models.
    func testAModuleOfItsOwnGivesAMainActorAppNonisolatedModels() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-build-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let expected = Fixtures.url("Golden/relay-rest/Expected")
        let sources = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".swift") }.sorted()
        let module = try ProcessRunner.run(
            name: SwiftCompiler.swiftc,
            arguments: ["-emit-module", "-emit-module-path", root.appendingPathComponent("RelayRest.swiftmodule").path,
                        "-module-name", "RelayRest", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors"] + sources,
            currentDirectory: expected, timeout: 600)
        XCTAssertEqual(module.status, 0, module.stdout + module.stderr)
        try Data("""
            import Foundation
            import RelayRest

            nonisolated func decode(_ data: Data) throws -> SipEndpointResponse {
                try RelayRestClient.jsonDecoder().decode(SipEndpointResponse.self, from: data)
            }

            func username(_ data: Data) async throws -> String {
                try await Task.detached { try decode(data) }.value.username
            }

            """.utf8).write(to: root.appendingPathComponent("App.swift"))
        let xcode26 = Self.settings[1].arguments
        let app = try SwiftCompiler.typecheck(directory: root, files: ["App.swift"], extraArguments: ["-I", root.path] + xcode26)
        XCTAssertEqual(app.exitCode, 0, app.output)
    }

    /// Runs the jobs two at a time and fails once per job that does not type-check, with
    /// swiftc's output.
    static func assertTypeCheck(_ jobs: [Job], file: StaticString = #filePath, line: UInt = #line) throws {
        let results = Results(count: jobs.count)
        let width = 2
        DispatchQueue.concurrentPerform(iterations: width) { worker in
            for index in stride(from: worker, to: jobs.count, by: width) {
                let job = jobs[index]
                results.set(index, Result {
                    let names = try FileManager.default.contentsOfDirectory(atPath: job.directory.path).filter { $0.hasSuffix(".swift") }.sorted()
                    return job.builds
                        ? try SwiftCompiler.build(directory: job.directory, files: names + job.extraFiles, extraArguments: job.arguments)
                        : try SwiftCompiler.typecheck(directory: job.directory, files: names + job.extraFiles, extraArguments: job.arguments)
                })
            }
        }
        for (index, job) in jobs.enumerated() {
            let (status, output) = try results.get(index).get()
            let head = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).joined(separator: "\n")
            XCTAssertEqual(status, 0, "\(job.label) does not \(job.builds ? "build" : "type-check"):\n\(head)", file: file, line: line)
        }
    }

    /// One result slot per job, written by the two workers.
    private final class Results: @unchecked Sendable {
        // @unchecked: every access takes the lock.
        private var values: [Result<(exitCode: Int32, output: String), any Error>?]
        private let lock = NSLock()

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Result<(exitCode: Int32, output: String), any Error>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func get(_ index: Int) -> Result<(exitCode: Int32, output: String), any Error> {
            lock.lock()
            defer { lock.unlock() }
            return values[index] ?? .failure(CocoaError(.featureUnsupported))
        }
    }
}
