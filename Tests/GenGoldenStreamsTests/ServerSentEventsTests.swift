import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenStreams
import GenTestSupport
import XCTest

/// Server-Sent Events over loopback through `URLSessionTransport`: items arrive as the server
/// writes them, `[DONE]` ends the stream, an event that does not decode is an error naming it.
final class ServerSentEventsTests: XCTestCase {
    /// Four chunks 0.3 s apart, then `[DONE]`: each is read before the next is written, and the
    /// loop ends without an error at `[DONE]`, though the server would send more.
    func testChunksArriveAsWrittenAndDoneEndsTheStream() async throws {
        let body = StreamedBody(every: 0.3, [
            event(#"{"delta": "Hel"}"#), event(#"{"delta": "lo"}"#), ": keep-alive\n\n", event(#"{"delta": ", "}"#),
            event(#"{"delta": "world", "finish_reason": "stop"}"#), "data: [DONE]\n\n", event(#"{"delta": "never read"}"#),
        ])
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "text/event-stream", body) }
        let start = Date()
        var arrivals: [TimeInterval] = []
        var text = ""
        for try await chunk in try await client.chatStream(body: ChatRequest(prompt: "hi", stream: true)) {
            arrivals.append(seconds(since: start))
            text += chunk.delta
        }
        XCTAssertEqual(text, "Hello, world")
        XCTAssertEqual(arrivals.count, 4)
        // Written at about 0.3, 0.6, 1.2 and 1.5 s: the first is read long before the last is written.
        XCTAssertGreaterThan(arrivals[3] - arrivals[0], 0.75, "\(arrivals)")
        XCTAssertEqual(arrivals, arrivals.sorted())
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.header("Accept"), "text/event-stream, application/json")
        XCTAssertEqual(request.method, "POST")
        XCTAssertTrue(request.bodyText.contains(#""prompt":"hi""#), request.bodyText)
        // The loop ended at [DONE], before the last piece: the request was cancelled.
        XCTAssertEqual(body.waitForOutcome(timeout: 5), .clientClosed(piecesWritten: 6))
    }

    /// The plain method asks for JSON only and decodes it whole.
    func testThePlainMethodAsksForJSON() async throws {
        let (server, client) = try streamsClient { _ in .json(200, #"{"text": "Hello"}"#) }
        let answer = try await client.chat(body: ChatRequest(prompt: "hi"))
        XCTAssertEqual(answer, ChatAnswer(text: "Hello"))
        XCTAssertEqual(server.requests.first?.header("Accept"), "application/json")
    }

    /// A 3.2 `itemSchema` event: `data` decodes by its `contentSchema`; `event`, `id` and `retry`
    /// are on the event, the ID carried over to later events as the format says.
    func testEventFieldsStayAvailable() async throws {
        let body = StreamedBody(every: 0.05, [
            "event: change\nid: 7\nretry: 1500\ndata: {\"kind\": \"created\",\n", "data: \"path\": \"/a\"}\n\n",
            ": comment\r\nevent: change\r\ndata: {\"kind\": \"deleted\", \"path\": \"/b\"}\r\n\r\n",
        ])
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "text/event-stream", body) }
        var seen: [String] = []
        for try await event in try await client.events(since: "6").events {
            seen.append("\(event.event ?? "-") \(event.id ?? "-") \(event.retry.map(String.init) ?? "-") \(event.data.kind) \(event.data.path)")
        }
        XCTAssertEqual(seen, ["change 7 1500 created /a", "change 7 - deleted /b"])
        XCTAssertEqual(server.requests.first?.path, "/events?since=6")
    }

    /// Events whose `data` is text are not decoded: lines of one event join with a line feed.
    func testTextEvents() async throws {
        let body = StreamedBody(every: 0.05, ["data: first\ndata: second\n\n", "data:third\n\n"])
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "text/event-stream", body) }
        var lines: [String] = []
        for try await line in try await client.log() {
            lines.append(line)
        }
        XCTAssertEqual(lines, ["first\nsecond", "third"])
        withExtendedLifetime(server) {}
    }

    /// The second event is not JSON: the first is read, then the error says it is item 2.
    func testAnEventThatDoesNotDecodeIsAnErrorNamingIt() async throws {
        let body = StreamedBody(every: 0.05, [
            event(#"{"kind": "created", "path": "/a"}"#), event(#"{"kind": "created", "path": "#), event(#"{"kind": "deleted", "path": "/c"}"#),
        ])
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "text/event-stream", body) }
        var paths: [String] = []
        do {
            for try await change in try await client.events() {
                paths.append(change.path)
            }
            XCTFail("the stream ended without an error")
        } catch let error as StreamItemError {
            XCTAssertEqual(error.item, 2)
            XCTAssertTrue(error.description.hasPrefix("item 2 of the stream could not be read: "), error.description)
        }
        XCTAssertEqual(paths, ["/a"])
        withExtendedLifetime(server) {}
    }

    /// A documented error status is thrown once the head has arrived, with its decoded body.
    func testAnErrorStatusThrowsTheDocumentedError() async throws {
        let (server, client) = try streamsClient { _ in .json(429, #"{"title": "slow down"}"#) }
        do {
            _ = try await client.chatStream(body: ChatRequest(prompt: "hi"))
            XCTFail("no error")
        } catch StreamsError.response(let status, _, let body, _) {
            XCTAssertEqual(status, 429)
            XCTAssertEqual(body, .problem(Problem(title: "slow down")))
        }
        withExtendedLifetime(server) {}
    }
}
