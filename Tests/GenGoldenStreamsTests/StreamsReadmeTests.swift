import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenStreams
import GenTestSupport
import XCTest

/// The README's streaming snippet (section "Streams"), run here against a loopback server; the
/// test checks that the README holds it as written.
final class StreamsReadmeTests: XCTestCase {
    private static let snippet = """
        // A chat answer as it is written: each event's data is a ChatChunk; `data: [DONE]` ends the loop.
        for try await chunk in try await client.chatStream(body: ChatRequest(prompt: "Hello", stream: true)) {
            print(chunk.delta, terminator: "")
        }
        // JSON Lines, one item per line:
        for try await tick in try await client.ticks(count: 2) {
            print(tick.n, tick.at)
        }
        // The whole events, with their `event`, `id` and `retry` fields:
        for try await event in try await client.events(since: "41").events {
            print(event.id ?? "-", event.data.kind, event.data.path)
        }
        // Bytes as they arrive, into a file; and an upload read from a file as it is sent:
        try await client.downloadBlobStream(id: "backup").write(to: backupFile)
        let stored = try await client.uploadBlob(id: "backup", file: backupFile)
        """

    func testSnippetRunsAndIsInTheReadme() async throws {
        let server = try LoopbackHTTPServer { request in
            switch (request.method, request.path.prefix { $0 != "?" }) {
            case ("POST", "/chat"):
                .streamed(200, contentType: "text/event-stream",
                          StreamedBody(every: 0.01, [event(#"{"delta": "Hi"}"#), event(#"{"delta": "!"}"#), "data: [DONE]\n\n"]))
            case ("GET", "/ticks"):
                .streamed(200, contentType: "application/jsonl", StreamedBody(every: 0.01, [
                    #"{"n": 1, "at": "2026-01-01T10:00:00Z"}"# + "\n", #"{"n": 2, "at": "2026-01-01T10:00:01Z"}"# + "\n",
                ]))
            case ("GET", "/events"):
                .streamed(200, contentType: "text/event-stream",
                          StreamedBody(every: 0.01, ["id: 42\n" + event(#"{"kind": "created", "path": "/a"}"#)]))
            case ("GET", "/blobs/backup"):
                .streamed(200, contentType: "application/octet-stream", StreamedBody(every: 0.01, ["12345", "67890"]))
            case ("PUT", "/blobs/backup"):
                .json(200, #"{"id": "backup", "size": \#(request.body.count)}"#)
            default:
                .text(404, "no \(request.path)")
            }
        }
        let client = StreamsClient(serverURL: server.baseURL, retry: .none)
        let backupFile = FileManager.default.temporaryDirectory.appendingPathComponent("gen-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backupFile) }

        // A chat answer as it is written: each event's data is a ChatChunk; `data: [DONE]` ends the loop.
        for try await chunk in try await client.chatStream(body: ChatRequest(prompt: "Hello", stream: true)) {
            print(chunk.delta, terminator: "")
        }
        // JSON Lines, one item per line:
        for try await tick in try await client.ticks(count: 2) {
            print(tick.n, tick.at)
        }
        // The whole events, with their `event`, `id` and `retry` fields:
        for try await event in try await client.events(since: "41").events {
            print(event.id ?? "-", event.data.kind, event.data.path)
        }
        // Bytes as they arrive, into a file; and an upload read from a file as it is sent:
        try await client.downloadBlobStream(id: "backup").write(to: backupFile)
        let stored = try await client.uploadBlob(id: "backup", file: backupFile)

        XCTAssertEqual(stored, Stored(id: "backup", size: 10))
        XCTAssertEqual(server.requests.map(\.method), ["POST", "GET", "GET", "GET", "PUT"])
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains("```swift\n" + Self.snippet + "\n```"), "README.md's streaming snippet differs from this test's")
    }
}
