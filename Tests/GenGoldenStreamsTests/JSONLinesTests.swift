import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenStreams
import GenTestSupport
import XCTest

/// JSON Lines over loopback through `URLSessionTransport`; leaving the loop or cancelling the
/// task closes the connection, and the server sees it.
final class JSONLinesTests: XCTestCase {
    private static func ticks(_ count: Int, every interval: TimeInterval) -> StreamedBody {
        StreamedBody(every: interval, (1...count).map { #"{"n": \#($0), "at": "2026-01-0\#(min($0, 9))T10:00:00Z"}"# + "\n" })
    }

    func testTicksArriveAsWritten() async throws {
        let body = Self.ticks(3, every: 0.3)
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "application/jsonl", body) }
        let start = Date()
        var arrivals: [TimeInterval] = []
        var numbers: [Int] = []
        for try await tick in try await client.ticks(count: 3) {
            arrivals.append(seconds(since: start))
            numbers.append(tick.n)
        }
        XCTAssertEqual(numbers, [1, 2, 3])
        XCTAssertGreaterThan(arrivals[2] - arrivals[0], 0.4, "\(arrivals)")
        XCTAssertEqual(body.waitForOutcome(timeout: 5), .completed)
        XCTAssertEqual(server.requests.first?.header("Accept"), "application/jsonl, application/json")
    }

    /// Breaking out after two ticks cancels the request: the server sees the connection close
    /// long before its ten ticks are written.
    func testLeavingTheLoopClosesTheConnection() async throws {
        let body = Self.ticks(10, every: 0.2)
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "application/jsonl", body) }
        for try await tick in try await client.ticks(count: 10) where tick.n == 2 {
            break
        }
        guard case .clientClosed(let written) = body.waitForOutcome(timeout: 5) else {
            return XCTFail("the server wrote every tick")
        }
        XCTAssertLessThan(written, 5)
        withExtendedLifetime(server) {}
    }

    /// Cancelling the task that reads the stream ends it with `CancellationError` and closes
    /// the connection.
    func testCancellingTheTaskCancelsTheRequest() async throws {
        let body = Self.ticks(10, every: 0.2)
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "application/jsonl", body) }
        let first = expectation(description: "first tick")
        let reader = Task {
            var count = 0
            for try await _ in try await client.ticks(count: 10) {
                count += 1
                if count == 1 { first.fulfill() }
            }
            return count
        }
        await fulfillment(of: [first], timeout: 5)
        reader.cancel()
        do {
            let count = try await reader.value
            XCTFail("the stream ended after \(count) ticks without an error")
        } catch is CancellationError {}
        guard case .clientClosed(let written) = body.waitForOutcome(timeout: 5) else {
            return XCTFail("the server wrote every tick")
        }
        XCTAssertLessThan(written, 5)
        withExtendedLifetime(server) {}
    }

    /// The client's `timeout` bounds the wait between bytes: a server that falls silent mid-stream
    /// ends it with a timeout, after the items that came. (FoundationNetworking counts the timeout
    /// in whole seconds, rounding down: 0.5 s times out at once.)
    func testTheTimeoutAppliesBetweenItems() async throws {
        let body = StreamedBody([(0.05, Data(#"{"n": 1, "at": "2026-01-01T10:00:00Z"}"#.utf8 + [10])), (3, Data("{}\n".utf8))])
        let server = try LoopbackHTTPServer { _ in .streamed(200, contentType: "application/jsonl", body) }
        let client = StreamsClient(serverURL: server.baseURL, timeout: 1, retry: .none)
        var numbers: [Int] = []
        let start = Date()
        do {
            for try await tick in try await client.ticks(count: 2) {
                numbers.append(tick.n)
            }
            XCTFail("no timeout")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .timedOut)
        }
        XCTAssertEqual(numbers, [1])
        XCTAssertLessThan(seconds(since: start), 2.8)
    }

    /// A line that does not decode ends the stream with an error naming the item.
    func testALineThatDoesNotDecodeIsAnErrorNamingIt() async throws {
        let body = StreamedBody(every: 0.05, [#"{"n": 1, "at": "2026-01-01T10:00:00Z"}"# + "\n\n", #"{"n": "two"}"# + "\n"])
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "application/jsonl", body) }
        var numbers: [Int] = []
        do {
            for try await tick in try await client.ticks(count: 2) {
                numbers.append(tick.n)
            }
            XCTFail("no error")
        } catch let error as StreamItemError {
            XCTAssertEqual(error.item, 2)
        }
        XCTAssertEqual(numbers, [1])
        withExtendedLifetime(server) {}
    }
}
