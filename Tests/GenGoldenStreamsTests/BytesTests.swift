import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenStreams
import GenTestSupport
import XCTest

/// Binary bodies as they arrive, and transports and middlewares that know nothing of streams.
final class BytesTests: XCTestCase {
    /// A 4 MB download in 16 pieces goes to a file as it arrives.
    func testADownloadIsWrittenToAFileAsItArrives() async throws {
        let pieces = (0..<16).map { index in (delay: 0.01, data: Data(repeating: UInt8(index), count: 256 * 1024)) }
        let body = StreamedBody(pieces)
        let (server, client) = try streamsClient { _ in .streamed(200, contentType: "application/octet-stream", body) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gen-download-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try await client.downloadBlobStream(id: "a/b").write(to: file)
        let written = try Data(contentsOf: file)
        XCTAssertEqual(written, pieces.reduce(into: Data()) { $0.append($1.data) })
        XCTAssertEqual(server.requests.first?.path, "/blobs/a%2Fb")
    }

    /// A 3 MB upload is read from its file as it is sent, with its length.
    func testAnUploadIsReadFromAFile() async throws {
        let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gen-upload-\(UUID().uuidString)")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (server, client) = try streamsClient { request in .json(200, #"{"id": "a", "size": \#(request.body.count)}"#) }
        let stored = try await client.uploadBlob(id: "a", file: file)
        XCTAssertEqual(stored, Stored(id: "a", size: bytes.count))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.body, bytes)
        XCTAssertEqual(request.header("Content-Length"), String(bytes.count))
        XCTAssertEqual(request.header("Content-Type"), "application/octet-stream")
    }

    /// A file that is not there refuses the request before anything is sent.
    func testAMissingFileRefusesTheRequest() async throws {
        let (server, client) = try streamsClient { _ in .json(200, #"{"id": "a", "size": 0}"#) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("gen-missing-\(UUID().uuidString)")
        do {
            _ = try await client.uploadBlob(id: "a", file: missing)
            XCTFail("no error")
        } catch StreamsError.invalidRequest(let reason) {
            XCTAssertTrue(reason.contains("cannot be read"), reason)
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    /// A transport with only `send` streams too: the whole body, as one chunk.
    func testATransportThatCannotStreamReadsTheBodyWhole() async throws {
        struct Canned: HTTPTransport {
            func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
                let head = HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: nil,
                                           headerFields: ["Content-Type": "application/jsonl"])!
                let lines = #"{"n": 1, "at": "2026-01-01T10:00:00Z"}"# + "\n" + #"{"n": 2, "at": "2026-01-01T10:00:01Z"}"#
                return (Data(lines.utf8), head)
            }
        }
        let client = StreamsClient(transport: Canned(), retry: .none)
        var numbers: [Int] = []
        for try await tick in try await client.ticks(count: 2) {
            numbers.append(tick.n)
        }
        XCTAssertEqual(numbers, [1, 2])
    }

    /// A middleware written for buffered requests sees a streamed one too: it sets a header on
    /// the way out and reads the status on the way back; the body goes past it to the caller.
    func testABufferedMiddlewareSeesStreamedRequests() async throws {
        struct Tagging: HTTPMiddleware {
            let statuses = Statuses()
            func intercept(_ request: URLRequest, next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse))
                async throws -> (Data, HTTPURLResponse) {
                var request = request
                request.setValue("yes", forHTTPHeaderField: "X-Tagged")
                let (data, head) = try await next(request)
                await statuses.add(head.statusCode)
                return (data, head)
            }
        }
        actor Statuses {
            var seen: [Int] = []
            func add(_ status: Int) { seen.append(status) }
        }
        let body = StreamedBody(every: 0.05, ["data: one\n\n", "data: two\n\n"])
        let server = try LoopbackHTTPServer { _ in .streamed(200, contentType: "text/event-stream", body) }
        let tagging = Tagging()
        let client = StreamsClient(serverURL: server.baseURL, middlewares: [tagging], retry: .none)
        var lines: [String] = []
        for try await line in try await client.log() {
            lines.append(line)
        }
        XCTAssertEqual(lines, ["one", "two"])
        XCTAssertEqual(server.requests.first?.header("X-Tagged"), "yes")
        let statuses = await tagging.statuses.seen
        XCTAssertEqual(statuses, [200])
    }
}
