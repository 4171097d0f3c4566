import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Which methods a streamed response gives, how their names are claimed beside the spec's own
/// operations, and what each item decodes as.
final class StreamOperationTests: RobustnessTestCase {
    func testStreamMethodsAndTheirItems() throws {
        let path = try write("""
            openapi: 3.2.0
            info: {title: S, version: '1'}
            paths:
              /chat:
                post:
                  operationId: chat
                  responses:
                    '200':
                      description: JSON or a stream, for the same status
                      content:
                        application/json: {schema: {type: object, properties: {text: {type: string}}}}
                        text/event-stream: {schema: {type: object, properties: {delta: {type: string}}}}
              /chat/stream:
                get:
                  operationId: chatStream
                  responses:
                    '204': {description: ok}
              /raw:
                get:
                  operationId: raw
                  responses:
                    '200':
                      description: events without a schema
                      content:
                        text/event-stream: {}
              /lines:
                post:
                  operationId: lines
                  requestBody:
                    content:
                      application/x-ndjson: {schema: {type: string}}
                  responses:
                    '200':
                      description: a 3.1-style schema of one line
                      content:
                        application/x-ndjson: {schema: {type: object, properties: {n: {type: integer}}}}
              /noData:
                get:
                  operationId: noData
                  responses:
                    '200':
                      description: an itemSchema without data
                      content:
                        text/event-stream:
                          itemSchema: {type: object, properties: {event: {type: string}}}
            """)
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "S"))
        XCTAssertEqual(result.warnings.map { "\($0.location?.mark.line ?? 0): \($0.message)" }, [
            "45: the 'itemSchema' of 'text/event-stream' has no 'data' property; each event's data is read as text",
        ])
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let client = try XCTUnwrap(files["SClient.swift"])
        let signatures = client.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("public func") && !$0.contains("WithResponse") }
        // The twin `chatStream` is claimed with `chat`, as `chatWithResponse` is: the spec's own
        // `chatStream`, met later, gives way.
        XCTAssertEqual(signatures, [
            "public func chat() async throws -> ChatResponse {",
            "public func chatStream() async throws -> ServerSentEvents<ChatEvent> {",
            "public func chatStream2() async throws {",
            "public func raw() async throws -> ServerSentEvents<String> {",
            "public func lines(body: Data? = nil) async throws -> JSONLines<LinesItem> {",
            "public func lines(file: URL) async throws -> JSONLines<LinesItem> {",
            "public func noData() async throws -> ServerSentEvents<String> {",
        ])
        // A sequential request body is sent as the bytes it is given.
        XCTAssertTrue(client.contains(#"request.setDataBody(body, contentType: "application/x-ndjson")"#))
        // The plain method does not ask for the stream it cannot read.
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "POST", path: "/chat", accept: "application/json")"#))
        XCTAssertTrue(client.contains(#"RequestBuilder(method: "POST", path: "/chat", accept: "text/event-stream")"#))
        let check = try SwiftCompiler.typecheck(sources: files)
        XCTAssertEqual(check.exitCode, 0, check.output)
    }

    /// An `itemSchema` that no stream reads gives a located warning: the body is read whole.
    func testAnItemSchemaNoStreamReadsIsAWarning() throws {
        let path = try write("""
            openapi: 3.2.0
            info: {title: S, version: '1'}
            paths:
              /parts:
                post:
                  operationId: parts
                  requestBody:
                    content:
                      application/jsonl:
                        itemSchema: {type: object}
                  responses:
                    '200':
                      description: parts
                      content:
                        multipart/mixed:
                          itemSchema: {type: string}
            """)
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "S"))
        XCTAssertEqual(result.warnings.map { "\($0.location?.mark.line ?? 0): \($0.message)" }, [
            "10: the 'itemSchema' of a request body is not used: the body is sent whole, as the bytes given",
            "16: the 'itemSchema' of 'multipart/mixed' in response '200' is not used: only a success response's "
                + "Server-Sent Events or JSON Lines are read item by item; this body is read whole",
        ])
    }

    /// Support code for streams is emitted only for a spec that streams.
    func testASpecWithoutStreamsHasNoStreamingSupport() throws {
        let path = try write("""
            openapi: 3.1.0
            info: {title: S, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {schema: {type: string}}
            """)
        let result = try Generator.run(GeneratorOptions(specPath: path, name: "S"))
        let support = try XCTUnwrap(result.files.first { $0.name == "SSupport.swift" }?.contents)
        for name in ["ByteStream", "ServerSentEvents", "JSONLines", "StreamItemError", "func stream("] {
            XCTAssertFalse(support.contains(name), name)
        }
    }
}
