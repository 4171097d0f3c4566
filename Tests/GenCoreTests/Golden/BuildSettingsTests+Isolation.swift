import Foundation
import GenCore
import GenTestSupport
import XCTest

/// `isolation: nonisolated` output inside a target whose default isolation is the main actor
/// (Xcode 26's three settings), with the app's own code, which is main-actor-isolated there:
/// it decodes a model and calls the client from `Task.detached`, warnings as errors. These are
/// built into a module, not only type-checked: some of what the MainActor default breaks shows
/// only after type-checking (synthesized `Hashable` using an isolated conformance, a value sent
/// off its isolation).
extension BuildSettingsTests {
    /// What the app does with one fixture's output: a model to decode and a call to make.
    struct AppUse {
        var fixture: String
        var client: String
        var model: String
        /// Statements that call `client` inside the detached task.
        var call: String
    }

    static let appUses = [
        AppUse(fixture: "features", client: "FeaturesClient", model: "Pet", call: "_ = try await client.getPet(petID: \"1\")"),
        AppUse(fixture: "http-surface", client: "HttpSurfaceClient", model: "Item",
               call: "_ = try await client.putText(body: \"hi\")"),
        AppUse(fixture: "openapi32", client: "Openapi32Client", model: "Item",
               call: "try await client.selectItems(expression: \"x\")"),
        AppUse(fixture: "relay-rest", client: "RelayRestClient", model: "SipEndpointResponse",
               call: "_ = try await client.updateSipEndpoint(id: UUID())"),
        // A stream's items decode where they are read: here, off the main actor.
        AppUse(fixture: "streams", client: "StreamsClient", model: "ChatChunk",
               call: "for try await line in try await client.log() { _ = line }"),
        // A paging companion reads its pages where it is iterated: here, off the main actor.
        AppUse(fixture: "paging", client: "PagingClient", model: "Pet",
               call: "for try await pet in client.listCursorPetsItems(limit: 2) { _ = pet }"),
        AppUse(fixture: "swagger2", client: "Swagger2Client", model: "Pet", call: "_ = try await client.getPet(petID: 1)"),
    ]

    /// The app's code for `use`, its types qualified by `namespace` (`A.`) when there is one:
    /// a main-actor class (the target's default) whose method hands the work to a detached task.
    static func appSource(_ use: AppUse, namespace: String = "") -> String {
        let suffix = namespace.replacingOccurrences(of: ".", with: "")
        return """
            import Foundation

            final class Screen\(suffix) {
                var loaded: \(namespace)\(use.model)?

                func load(from url: URL, json: Data) async throws {
                    let client = \(namespace)\(use.client)(serverURL: url)
                    loaded = try await Task.detached {
                        let model = try \(namespace)\(use.client).jsonDecoder().decode(\(namespace)\(use.model).self, from: json)
                        \(use.call)
                        return model
                    }.value
                }
            }

            """
    }

    /// Every golden spec generated with `isolation: nonisolated`, each in a module with the app's
    /// code under Xcode 26's settings; then all of them at once, each in a namespace too, under every
    /// setting (the option must not break targets without the MainActor default either).
    func testNonisolatedOutputServesAMainActorAppUnderEverySetting() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-isolation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let xcode26 = Self.settings[1]
        var jobs: [Job] = []
        let together = root.appendingPathComponent("namespaced")
        for (use, namespace) in zip(Self.appUses, ["A", "B", "C", "D", "E", "F", "G"]) {
            let alone = root.appendingPathComponent(use.fixture)
            try Self.generate(use.fixture, into: alone, namespace: nil)
            try Data(Self.appSource(use).utf8).write(to: alone.appendingPathComponent("App.swift"))
            jobs.append(Job(label: "\(use.fixture) nonisolated, with the app's code, under \(xcode26.name)",
                            directory: alone, arguments: ["-wmo", "-module-name", "App"] + xcode26.arguments, builds: true))
            try Self.generate(use.fixture, into: together, namespace: namespace)
            try Data(Self.appSource(use, namespace: namespace + ".").utf8)
                .write(to: together.appendingPathComponent("App\(namespace).swift"))
        }
        for setting in Self.settings {
            jobs.append(Job(label: "every namespaced nonisolated output, with the app's code, under \(setting.name)",
                            directory: together, arguments: ["-wmo", "-module-name", "App"] + setting.arguments, builds: true))
        }
        try Self.assertTypeCheck(jobs)
    }

    /// Every declaration of a type, protocol or extension that the option's output has, in
    /// every fixture, namespaced or not, nested ones included, says `nonisolated` itself: a
    /// compiler that does not carry it from a type to the types nested in it still sees it.
    func testTheOptionMarksEveryTypeAndExtension() throws {
        let declaration = try NSRegularExpression(
            pattern: #"^\s*(@\w+ )*((public|package|internal|private|fileprivate|final|indirect|nonisolated) )*(struct|enum|class|extension|protocol|actor) "#)
        var checked = 0
        for use in Self.appUses {
            for namespace in [nil, "N"] {
                var config = GeneratorConfig()
                config.isolation = .nonisolated
                config.namespace = namespace
                let spec = try Fixtures.spec(inGoldenFixture: use.fixture)
                for file in try Generator.run(GeneratorOptions(specPath: spec.path, config: config)).files {
                    for line in file.contents.split(separator: "\n") {
                        let text = String(line)
                        let range = NSRange(text.startIndex..., in: text)
                        guard declaration.firstMatch(in: text, range: range) != nil else { continue }
                        checked += 1
                        XCTAssertTrue(text.drop(while: { $0 == " " }).hasPrefix("nonisolated "), "\(file.name): \(text)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 500, "declarations seen")
    }

    /// The same app code with the output as it is by default does not compile under the MainActor
    /// default: what the option is for, and proof that the test above can fail.
    func testWithoutTheOptionTheMainActorAppCannotDecodeOffTheMainActor() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-isolation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let use = Self.appUses[3]
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let expected = Fixtures.url("Golden/\(use.fixture)/Expected")
        for name in try FileManager.default.contentsOfDirectory(atPath: expected.path) where name.hasSuffix(".swift") {
            try FileManager.default.copyItem(at: expected.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        try Data(Self.appSource(use).utf8).write(to: root.appendingPathComponent("App.swift"))
        let result = try SwiftCompiler.typecheck(directory: root, extraArguments: ["-wmo", "-module-name", "App"] + Self.settings[1].arguments)
        XCTAssertNotEqual(result.exitCode, 0)
        XCTAssertTrue(result.output.contains("main actor-isolated conformance of 'SipEndpointResponse' to 'Decodable' cannot be used in nonisolated context"),
                      result.output)
    }

    /// Writes the files of `fixture`'s spec generated with `isolation: nonisolated` into `folder`.
    private static func generate(_ fixture: String, into folder: URL, namespace: String?) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var config = GeneratorConfig()
        config.isolation = .nonisolated
        config.namespace = namespace
        let spec = try Fixtures.spec(inGoldenFixture: fixture)
        for file in try Generator.run(GeneratorOptions(specPath: spec.path, config: config)).files {
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.name))
        }
    }
}
