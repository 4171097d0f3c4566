@testable import GenCore
import XCTest

/// `<Name>Server.swift`'s routes: how each operation is matched and each argument read.
final class ServerSnippetTests: XCTestCase {
    func testARouteReadsEachParameterByItsLocationStyleAndExplode() throws {
        let snippet = try Snippet(paths: """
            /files/{name}.json:
              get:
                operationId: getFile
                parameters:
                  - {name: name, in: path, required: true, schema: {type: string}}
                  - {name: tags, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
                  - {name: X-Trace, in: header, schema: {type: integer}}
                  - {name: session, in: cookie, required: true, schema: {type: string}}
                responses:
                  '200': {description: ok, content: {text/plain: {schema: {type: string}}}}
            """)
        let server = try XCTUnwrap(snippet.files["SnippetServer.swift"])
        XCTAssertTrue(server.contains("""
                    ServerWire.Route(method: "GET", segments: [.literal("files"), .parameter(prefix: "", suffix: ".json")]),
            """), server)
        XCTAssertTrue(server.contains("""
                private func serveGetFile(_ request: ServerWire.RequestReader) async throws -> ServerResponse {
                    let name = try request.required(String.self, .path(0, "name"), style: "simple", explode: false, .scalar)
                    let tags = try request.parameter([String].self, .query("tags"), style: "pipeDelimited", explode: false, .list)
                    let xTrace = try request.parameter(Int.self, .header("X-Trace"), style: "simple", explode: false, .scalar)
                    let session = try request.required(String.self, .cookie("session"), style: "form", explode: true, .scalar)
                    let response = try await api.getFileWithResponse(name: name, session: session, tags: tags, xTrace: xTrace)
                    return try Self.text(response, contentType: "text/plain")
                }
            """), server)
    }

    /// Stream-only operations are not routed; the others are, in spec order.
    func testAnOperationAnsweredOnlyAsAStreamIsNotRouted() throws {
        let snippet = try Snippet(paths: """
            /events:
              get:
                operationId: events
                responses:
                  '200': {description: ok, content: {text/event-stream: {schema: {type: string}}}}
            /ping:
              get:
                operationId: ping
                responses:
                  '204': {description: ok}
            """)
        let server = try XCTUnwrap(snippet.files["SnippetServer.swift"])
        XCTAssertFalse(server.contains("serveEvents"), server)
        XCTAssertTrue(server.contains("case 0: return try await servePing(request)"), server)
    }

    /// Found by HostileDocumentTests: two media types of one essence made two equal `case`s.
    func testABodyChoiceReadsEachEssenceOnce() throws {
        let snippet = try Snippet(schemas: "Item: {type: object, properties: {name: {type: string}}}", paths: """
            /items:
              post:
                operationId: addItem
                requestBody:
                  required: true
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Item'}}
                    application/json; charset=utf-8: {schema: {$ref: '#/components/schemas/Item'}}
                    text/plain: {schema: {type: string}}
                responses:
                  '204': {description: ok}
            """)
        let server = try XCTUnwrap(snippet.files["SnippetServer.swift"])
        XCTAssertEqual(server.components(separatedBy: #"case "application/json":"#).count, 2, server)
        XCTAssertTrue(server.contains(#"is not one of application/json, text/plain"#), server)
    }

    func testPathTemplatesSplitIntoLiteralsAndParameters() {
        let template = PathTemplate("/a/{id}/b/v{version}.json")
        XCTAssertEqual(template.segments, [.literal("a"), .parameter(prefix: "", suffix: ""), .literal("b"),
                                           .parameter(prefix: "v", suffix: ".json")])
        XCTAssertEqual(template.parameterNames, ["id", "version"])
    }
}
