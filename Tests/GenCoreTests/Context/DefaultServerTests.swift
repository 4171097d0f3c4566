import Foundation
import GenCore
import GenTestSupport
import XCTest

/// The client's default server URL is the spec's first server, when that is an absolute URL.
final class DefaultServerTests: RobustnessTestCase {
    private func client(servers: String) throws -> (client: String, warnings: [Diagnostic]) {
        let path = try write(Self.spec("servers:\n\(servers)paths: {}\n"))
        let result = try Generator.run(GeneratorOptions(specPath: path))
        return (try XCTUnwrap(result.files.first { $0.name.hasSuffix("Client.swift") }).contents, result.warnings)
    }

    func testAbsoluteFirstServerIsTheDefault() throws {
        let (client, warnings) = try client(servers: "  - url: https://{region}.example.com/v1\n    variables: {region: {default: eu}}\n")
        XCTAssertTrue(client.contains(#"public static let defaultServerURL = URL(string: "https://eu.example.com/v1")!"#), client)
        XCTAssertTrue(client.contains("serverURL: URL = defaultServerURL,"), client)
        XCTAssertEqual(warnings, [])
    }

    /// FastAPI behind a prefix serves `servers: [{url: /api}]`: relative to where the document is
    /// served. A default of `/api` would fail only at request time; the caller must say where.
    func testRelativeOrBrokenFirstServerGivesNoDefault() throws {
        for (url, shown) in [("/api", "/api"), ("api/v1", "api/v1"), ("localhost:8000", "localhost:8000"), ("'https://exa mple.com'", "https://exa mple.com")] {
            let (client, warnings) = try client(servers: "  - url: \(url)\n  - url: https://example.com\n")
            XCTAssertFalse(client.contains("defaultServerURL"), "\(url):\n\(client)")
            XCTAssertTrue(client.contains("        serverURL: URL,\n"), "\(url): the initializer asks for the URL")
            XCTAssertEqual(warnings.map(\.message), [
                "the first server's URL '\(shown)' is not absolute; the client has no default server URL, "
                    + "so its initializer takes 'serverURL' (the absolute URL of that server)",
            ])
            XCTAssertEqual(warnings.first?.location?.mark, Mark(line: 6, column: 5), url)
        }
    }

    /// The output compiles, and a caller must pass the URL.
    func testTheInitializerRequiresTheURL() throws {
        let path = try write(Self.spec("servers: [{url: /api}]\npaths: {}\n"), "relative.yaml")
        let result = try Generator.run(GeneratorOptions(specPath: path))
        var sources = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        sources["Use.swift"] = "import Foundation\nlet client = RelativeClient(serverURL: URL(string: \"https://example.com/api\")!)\n"
        XCTAssertEqual(try SwiftCompiler.typecheck(sources: sources).exitCode, 0)
        sources["Use.swift"] = "let client = RelativeClient()\n"
        XCTAssertNotEqual(try SwiftCompiler.typecheck(sources: sources).exitCode, 0, "no default URL to fall back on")
    }
}
