import Foundation
@testable import GenCore
import GenTestSupport
import XCTest

/// Users' templates through `Generator.run`: how their mistakes are reported, and the
/// swift-mustache behaviour they may rely on.
final class UserTemplateTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-user-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ templates: [String: String], namespace: String? = nil) throws -> GenerationResult {
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
        }
        let spec = try Fixtures.spec(inGoldenFixture: "relay-rest")
        var config = GeneratorConfig()
        config.namespace = namespace
        return try Generator.run(GeneratorOptions(specPath: spec.path, templatesDirectory: folder.path, config: config))
    }

    /// A mock of the user's: imports, then declarations that name generated types as they are.
    private static let mocks = """
        {{% CONTENT_TYPE: TEXT}}
        // Mocks for {{clientName}}.

        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif

        /// Answers every request with `body`.
        struct CannedTransport: HTTPTransport {
            var body: JSONValue

            func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
                let head = HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: nil, headerFields: nil)!
                return (try JSONEncoder().encode(body), head)
            }
        }

        func mockClient() -> {{clientName}} {
            {{clientName}}(transport: CannedTransport(body: .null))
        }

        """

    /// With `--namespace` an extra output's declarations go inside the namespace, after its
    /// comments and imports, so it compiles with the generated files as it does without one.
    func testAnExtraOutputIsWrappedInTheNamespace() throws {
        let result = try run(["Mocks.swift": Self.mocks], namespace: "Relay")
        let mocks = try XCTUnwrap(result.files.first { $0.name == "Mocks.swift" }?.contents)
        XCTAssertTrue(mocks.hasPrefix("// Mocks for RelayRestClient.\n\nimport Foundation\n#if canImport(FoundationNetworking)\n"
                                      + "import FoundationNetworking\n#endif\n\nextension Relay {\n    /// Answers every request"), mocks)
        XCTAssertTrue(mocks.hasSuffix("\n    func mockClient() -> RelayRestClient {\n        RelayRestClient(transport: CannedTransport(body: .null))\n    }\n}\n"), mocks)
        var sources = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        // A type of the user's named like a generated one is no clash: that one is `Relay.JSONValue`.
        sources["Users.swift"] = "struct JSONValue {}\nstruct HTTPTransport {}\n"
        let check = try SwiftCompiler.typecheck(sources: sources, extraArguments: ["-wmo", "-module-name", "App"])
        XCTAssertEqual(check.exitCode, 0, check.output)
        // Without a namespace the file is as the template wrote it.
        let plain = try XCTUnwrap(try run(["Mocks.swift": Self.mocks]).files.first { $0.name == "Mocks.swift" }?.contents)
        XCTAssertTrue(plain.contains("\nstruct CannedTransport: HTTPTransport {\n"), plain)
        XCTAssertFalse(plain.contains("extension"), plain)
    }

    /// A template that wraps itself (to write extensions after the namespace) is left as it is.
    func testAnExtraOutputThatOpensTheNamespaceItselfIsLeftAsItIs() throws {
        let template = """
            {{% CONTENT_TYPE: TEXT}}
            {{#hasNamespace}}
            extension {{namespace}} {
                enum Marker {}
            }
            {{/hasNamespace}}

            extension {{namespacePrefix}}{{clientName}} {
                static let marker = "m"
            }

            """
        let result = try run(["Own.swift": template], namespace: "Relay")
        XCTAssertEqual(result.files.first { $0.name == "Own.swift" }?.contents,
                       "extension Relay {\n    enum Marker {}\n}\n\nextension Relay.RelayRestClient {\n    static let marker = \"m\"\n}\n")
    }

    private func diagnostic(_ templates: [String: String], file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try run(templates)
            XCTFail("the run succeeded", file: file, line: line)
        } catch let error as DiagnosticsError {
            return error.diagnostics.first
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return nil
    }

    func testSyntaxErrorNamesTheTemplateFileLineAndColumn() throws {
        let found = diagnostic(["banner": "{{% CONTENT_TYPE: TEXT}}\n// {{#clientName}}\n{{/client}}\n"])
        XCTAssertEqual(found?.headline,
                       "\(folder.path)/banner.mustache:3:1: error: template syntax error: "
                       + "'{{/client}}' does not close the open section '{{#clientName}}' (line 2, column 4)")
    }

    func testPartialsThatIncludeEachOtherWithoutEndAreAnError() throws {
        let found = diagnostic(["support": "{{> ping}}", "ping": "{{> pong}}", "pong": "{{> ping}}"])
        XCTAssertEqual(found?.headline,
                       "error: template 'support' cannot be rendered: partials are nested more than 64 deep: does 'ping' include itself?")
    }

    func testTemplatesWithoutThePragmaEscapeHTML() throws {
        let result = try run(["Extra.swift": "{{#operations}}{{name}}: {{{returnClause}}} {{returnClause}}\n{{/operations}}"])
        let extra = try XCTUnwrap(result.files.first { $0.name == "Extra.swift" }?.contents)
        XCTAssertTrue(extra.contains("updateSipEndpoint:  -> SipEndpointResponse  -&gt; SipEndpointResponse\n"), extra)
    }

    /// A `client.mustache` that changes only the operations' doc comments: `{{<builtin/client}}`
    /// renders the built-in client (`{{<client}}` would be this template itself) with the block
    /// replaced, in the `clientOperation` partial it includes too; the rest is unchanged.
    func testAUserTemplateCanReplaceOneBlockOfTheBuiltInOne() throws {
        let builtIn = try XCTUnwrap(try run([:]).files.first { $0.name == "RelayRestClient.swift" }?.contents)
        let override = """
            {{% CONTENT_TYPE: TEXT}}
            {{<builtin/client}}
            {{$operationDocs}}
                /// {{name}} at {{pathLiteral}}
            {{/operationDocs}}
            {{/builtin/client}}

            """
        let files = try run(["client": override]).files
        let client = try XCTUnwrap(files.first { $0.name == "RelayRestClient.swift" }?.contents)
        let builtInDocs = "    /// Update a SIP Endpoint\n"
        XCTAssertTrue(builtIn.contains(builtInDocs), builtIn)
        XCTAssertFalse(client.contains(builtInDocs), client)
        XCTAssertEqual(client, builtIn.replacingOccurrences(of: operationDocs(in: builtIn),
                                                           with: "    /// updateSipEndpoint at \"/endpoints/sip/{id}\"\n"))
    }

    /// The `///` lines right before `func updateSipEndpoint(`.
    private func operationDocs(in client: String) -> String {
        let lines = client.split(separator: "\n", omittingEmptySubsequences: false)
        guard let method = lines.firstIndex(where: { $0.hasPrefix("    public func updateSipEndpoint(") }) else { return "<no method>" }
        var first = method
        while first > 0, lines[first - 1].hasPrefix("    ///") { first -= 1 }
        return lines[first..<method].map { $0 + "\n" }.joined()
    }

    func testAUserTemplateNamingItselfAsParentIsAnError() {
        let found = diagnostic(["client": "{{<client}}{{$operationDocs}}{{/operationDocs}}{{/client}}"])
        XCTAssertEqual(found?.headline, "error: template 'client' cannot be rendered: partials are nested more than 64 deep: "
                       + "does 'client' include itself?")
    }

    /// A `struct.mustache` that adds a protocol of the user's (`APIModel`) to every struct: the models files change
    /// in those lines only (unions and enums keep theirs).
    func testAUserStructTemplateCanReplaceTheConformances() throws {
        let builtIn = try XCTUnwrap(try run([:]).files.first { $0.name == "RelayRestModels.swift" }?.contents)
        let override = """
            {{% CONTENT_TYPE: TEXT}}
            {{<builtin/struct}}
            {{$structConformances}}Codable, Hashable, Sendable, APIModel{{/structConformances}}
            {{/builtin/struct}}

            """
        let models = try XCTUnwrap(try run(["struct": override]).files.first { $0.name == "RelayRestModels.swift" }?.contents)
        let expected = builtIn.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("public struct ") ? line.replacingOccurrences(of: ", Sendable {", with: ", Sendable, APIModel {") : String(line)
        }
        XCTAssertTrue(builtIn.contains("public struct SipEndpointResponse: Codable, Hashable, Sendable {\n"), builtIn)
        XCTAssertEqual(models, expected.joined(separator: "\n"))
    }
}
