import Foundation
import GenCore
import GenTestSupport
import XCTest

/// `--namespace`: two APIs generated into one module, beside a file of the user's that declares
/// types of the same names (`Station`, `JSONValue`, `HTTPMiddleware`), compile with warnings as
/// errors; the README's snippet of one middleware serving both clients is that file, built into
/// a program that calls both clients over HTTP on 127.0.0.1.
final class NamespaceTests: XCTestCase {
    /// The README's snippet (section "Several APIs in one module"), as the README must hold it.
    static let readmeSnippet = #"""
        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif

        /// Logs the requests of both clients: one type conforms to each namespace's `HTTPMiddleware`.
        struct Logging: Pets.HTTPMiddleware, Relay.HTTPMiddleware {
            func intercept(
                _ request: URLRequest,
                next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)
            ) async throws -> (Data, HTTPURLResponse) {
                let (data, response) = try await next(request)
                print("\(request.httpMethod ?? "GET") \(request.url?.path ?? "/") -> \(response.statusCode)")
                return (data, response)
            }
        }

        /// A type of your own may have the name of a generated one: that is `Pets.Station`.
        struct Station {
            var name: String
        }

        func fetch(petsURL: URL, relayURL: URL, endpointID: UUID) async throws -> (Pets.Pet, Relay.SipEndpointResponse) {
            let pets = Pets.Client(serverURL: petsURL, middlewares: [Logging()])
            let relay = Relay.Client(serverURL: relayURL, authentication: .basic(username: "project", password: "token"),
                                     middlewares: [Logging()])
            let pet = try await pets.getPet(petID: "42")
            let endpoint = try await relay.updateSipEndpoint(id: endpointID, body: .init(callerID: "Front desk"))
            return (pet, endpoint)
        }
        """#

    /// What the program adds to the snippet: more types named like generated ones, and a call
    /// of `fetch` against the server whose URL is its argument.
    static let programTail = #"""

        enum JSONValue {
            case nothing
        }

        protocol HTTPMiddleware {}

        let server = URL(string: CommandLine.arguments[1])!
        let (pet, endpoint) = try await fetch(petsURL: server, relayURL: server, endpointID: UUID(uuidString: "\#(endpointID)")!)
        let mine: (Station, JSONValue) = (Station(name: pet.name), .nothing)
        print("pet \(mine.0.name), endpoint \(endpoint.username), \(mine.1)")
        """#

    static let endpointID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static let pet = #"{"id":"0c5b2a3e-8a7d-4d1e-9f6a-2b3c4d5e6f70","name":"Rex","status":"available"}"#
    /// A response as SignalWire sends it (`Payloads.sipEndpoint` of GenGoldenRelayRestTests).
    static let sipEndpoint = #"""
        {"type": "sip_endpoint", "id": "\#(endpointID)", "username": "alice", "caller_id": "Front desk",
         "send_as": "+15551234567", "ciphers": ["AEAD_AES_256_GCM_8"], "codecs": ["OPUS", "PCMU"],
         "encryption": "required", "call_handler": "laml_webhooks",
         "calling_handler_resource_id": "9b2e8c4a-1f3d-4e5b-8a7c-6d0e1f2a3b4c",
         "call_request_url": "https://example.com/laml/inbound", "call_request_method": "POST",
         "call_fallback_url": null, "call_fallback_method": "GET", "call_status_callback_url": null,
         "call_status_callback_method": null, "call_laml_application_id": null, "call_dialogflow_agent_id": null,
         "call_relay_topic": null, "call_relay_topic_status_callback_url": null, "call_relay_context": null,
         "call_relay_context_status_callback_url": null, "call_relay_application": null, "call_video_room_id": null,
         "call_relay_script_url": null}
        """#

    /// Writes each fixture's output, generated in its namespace, to a folder of its own under `root`.
    static func generate(_ apis: [(fixture: String, name: String?, namespace: String)], under root: URL) throws {
        for api in apis {
            var config = GeneratorConfig()
            config.name = api.name
            config.namespace = api.namespace
            config.clientName = "Client"
            let spec = try Fixtures.spec(inGoldenFixture: api.fixture)
            let result = try Generator.run(GeneratorOptions(specPath: spec.path, config: config))
            let folder = root.appendingPathComponent(api.namespace)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in result.files {
                try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.name))
            }
        }
    }

    func testTwoNamespacedClientsAndTheUsersOwnTypesBuildIntoOneProgramThatCallsBoth() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-namespace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.generate([("features", "Pets", "Pets"), ("relay-rest", nil, "Relay")], under: root)
        try Data((Self.readmeSnippet + "\n" + Self.programTail + "\n").utf8).write(to: root.appendingPathComponent("main.swift"))

        let sources = try ["Pets", "Relay"].flatMap { namespace in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(namespace).path)
                .filter { $0.hasSuffix(".swift") }.sorted().map { "\(namespace)/\($0)" }
        } + ["main.swift"]
        let build = try ProcessRunner.run(
            name: SwiftCompiler.swiftc,
            arguments: ["-swift-version", "6", "-warnings-as-errors", "-module-name", "TwoAPIs", "-o", "two-apis"] + sources,
            currentDirectory: root, timeout: 600)
        XCTAssertEqual(build.status, 0, "the program does not build:\n\(build.stdout)\(build.stderr)")
        guard build.status == 0 else { return }

        let server = try LoopbackHTTPServer { request in
            request.method == "GET" ? .json(200, Self.pet) : .json(200, Self.sipEndpoint)
        }
        defer { server.stop() }
        let run = try ProcessRunner.run(executable: root.appendingPathComponent("two-apis"),
                                        arguments: [server.baseURL.absoluteString], timeout: 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, """
            GET /pets/42 -> 200
            PUT /endpoints/sip/\(Self.endpointID) -> 200
            pet Rex, endpoint alice, nothing

            """)
        XCTAssertEqual(server.requests.map(\.method), ["GET", "PUT"])
        XCTAssertEqual(server.requests.last?.header("Authorization"), "Basic cHJvamVjdDp0b2tlbg==")
    }

    func testTheReadmeHoldsTheSnippet() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains("```swift\n" + Self.readmeSnippet + "\n```"), "README.md's namespace snippet differs from this test's")
    }

    /// The namespace is written as the user gave it, so one that no identifier spells, or that
    /// the run's own types use, is refused before anything is generated.
    func testANamespaceTheRunCannotUseIsRefused() throws {
        let spec = try Fixtures.spec(inGoldenFixture: "relay-rest")
        func errors(_ namespace: String, clientName: String? = nil) -> [String] {
            var config = GeneratorConfig()
            config.namespace = namespace
            config.clientName = clientName
            do {
                _ = try Generator.run(GeneratorOptions(specPath: spec.path, config: config))
                return []
            } catch {
                return error.diagnostics.map(\.headline)
            }
        }
        XCTAssertEqual(errors("RelayRestError"), ["error: the namespace 'RelayRestError' is also the name of the error type it "
                                                  + "would hold; choose another namespace, or another --name or --client-name"])
        XCTAssertEqual(errors("Relay", clientName: "Relay"), ["error: the namespace 'Relay' is also the name of the client it "
                                                              + "would hold; choose another namespace, or another --name or --client-name"])
        XCTAssertEqual(errors("1st"), ["error: the namespace '1st' is not a Swift identifier (letters, digits and '_', not starting with a digit)"])
    }

    /// A clash the generator finds (the namespace is the name of a type it would hold) points
    /// at the `namespace:` line of the gen.yaml that set it.
    func testANamespaceClashPointsAtTheConfigFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-namespace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configPath = folder.appendingPathComponent("gen.yaml").path
        try Data("access: public\nnamespace: RelayRestClient\n".utf8).write(to: URL(fileURLWithPath: configPath))
        let spec = try Fixtures.spec(inGoldenFixture: "relay-rest")
        let config = try GeneratorConfig.load(path: configPath)
        XCTAssertThrowsError(try Generator.run(GeneratorOptions(specPath: spec.path, config: config))) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.map(\.headline), [
                "\(configPath):2:12: error: the namespace 'RelayRestClient' is also the name of the client it would hold; "
                    + "choose another namespace, or another --name or --client-name",
            ])
        }
        // Set by a flag, it has no place in a file to point at.
        var flags = GeneratorConfig()
        flags.namespace = "RelayRestClient"
        XCTAssertThrowsError(try Generator.run(GeneratorOptions(specPath: spec.path, config: config.overridden(by: flags)))) { error in
            XCTAssertNil((error as? DiagnosticsError)?.diagnostics.first?.location)
        }
    }

    /// A namespaced models file opens its extension with the first type, not a blank line, and
    /// keeps one blank line between types.
    func testANamespacedModelsFileHasNoBlankLineAfterItsExtension() throws {
        let spec = try Fixtures.spec(inGoldenFixture: "relay-rest")
        var config = GeneratorConfig()
        config.namespace = "Relay"
        let result = try Generator.run(GeneratorOptions(specPath: spec.path, config: config))
        let models = try XCTUnwrap(result.files.first { $0.name == "RelayRestModels.swift" }?.contents)
        XCTAssertTrue(models.contains("\nextension Relay {\n    /// "), models)
        XCTAssertFalse(models.contains("extension Relay {\n\n"), "a blank line after the extension's brace")
        XCTAssertTrue(models.contains("    }\n\n    /// "), "types are one blank line apart")
    }

    /// A model named like the namespace would hide it inside; it gets the `Model` suffix, as a
    /// model named like a Swift type does.
    func testAModelNamedLikeTheNamespaceIsRenamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-namespace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("shop.yaml")
        try Data("""
            openapi: 3.1.0
            info: {title: Shop, version: '1'}
            paths: {}
            components:
              schemas:
                Shop: {type: object, properties: {name: {type: string}}}
                KeyedReader: {type: object, properties: {name: {type: string}}}

            """.utf8).write(to: spec)
        var config = GeneratorConfig()
        config.namespace = "Shop"
        let result = try Generator.run(GeneratorOptions(specPath: spec.path, config: config))
        let models = try XCTUnwrap(result.files.first { $0.name == "ShopModels.swift" }?.contents)
        XCTAssertTrue(models.contains("public struct ShopModel: Codable"), models)
        XCTAssertTrue(models.contains("public struct KeyedReaderModel: Codable"), models)
    }

    /// Without a namespace nothing changes: the golden files, compared byte for byte by
    /// `GoldenTests`, have none; here the wrapping keys are off in every context.
    func testWithoutANamespaceTheContextsSayNone() throws {
        let spec = try Fixtures.spec(inGoldenFixture: "relay-rest")
        let contexts = try Generator.contexts(GeneratorOptions(specPath: spec.path))
        XCTAssertEqual([contexts.models.hasNamespace, contexts.client.hasNamespace, contexts.support.hasNamespace], [false, false, false])
        XCTAssertEqual([contexts.models.namespacePrefix, contexts.client.namespace, contexts.support.namespacePrefix], ["", "", ""])
    }
}
