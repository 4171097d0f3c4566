import AHCStreams
import AsyncHTTPClient
import Foundation
import XCTest

/// The streams spec's generated client over loopback through `AsyncHTTPClientTransport`: items as
/// the server writes them, downloads with back-pressure, uploads read from a file, timeouts
/// between chunks, cancellation.
final class AHCStreamsTests: XCTestCase {
    private func client(_ server: AHCTestServer, timeout: TimeInterval? = nil) -> AHCStreamsClient {
        AHCStreamsClient(serverURL: server.baseURL, transport: AsyncHTTPClientTransport(), timeout: timeout, retry: .none)
    }

    private static func event(_ json: String) -> String { "data: \(json)\n\n" }

    func testServerSentEventsArriveAsWrittenAndDoneEndsThem() async throws {
        let server = try await AHCTestServer.start { _ in
            .pieces(contentType: "text/event-stream", [
                Self.event(#"{"delta": "Hel"}"#), ": keep-alive\n\n", Self.event(#"{"delta": "lo"}"#), "data: [DONE]\n\n",
                Self.event(#"{"delta": "never read"}"#),
            ], every: .milliseconds(300))
        }
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        var arrivals: [Duration] = []
        var text = ""
        for try await chunk in try await client(server).chatStream(body: ChatRequest(prompt: "hi", stream: true)) {
            arrivals.append(ContinuousClock.now - start)
            text += chunk.delta
        }
        XCTAssertEqual(text, "Hello")
        // Written at about 0.3 and 0.9 s: the first is read before the second is written.
        XCTAssertGreaterThan(arrivals[1] - arrivals[0], .milliseconds(450), "\(arrivals)")
        XCTAssertEqual(server.requests.first?.headers["accept"], "text/event-stream, application/json")
    }

    func testJSONLinesDecodeLineByLine() async throws {
        let server = try await AHCTestServer.start { _ in
            .pieces(contentType: "application/jsonl", [#"{"n": 1, "at": "2026-01-01T10:00:00Z"}"# + "\n{\"n\": 2,",
                                                       #" "at": "2026-01-01T10:00:01.5Z"}"# + "\n"], every: .milliseconds(20))
        }
        defer { Task { await server.stop() } }
        var numbers: [Int] = []
        for try await tick in try await client(server).ticks(count: 2) {
            numbers.append(tick.n)
        }
        XCTAssertEqual(numbers, [1, 2])
        XCTAssertEqual(server.requests.first?.uri, "/ticks?count=2")
    }

    /// An 8 MB upload from a file arrives whole, with its length.
    func testAnUploadIsReadFromItsFile() async throws {
        let bytes = Data((0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ahc-upload-\(UUID().uuidString)")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await AHCTestServer.start { request in .json(200, #"{"id": "a", "size": \#(request.bodyCount)}"#) }
        defer { Task { await server.stop() } }
        let stored = try await client(server).uploadBlob(id: "a", file: file)
        XCTAssertEqual(stored, Stored(id: "a", size: bytes.count))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.headers["content-length"], String(bytes.count))
        XCTAssertEqual(request.bodyChecksum, bytes.withUnsafeBytes { AHCReceived.checksum($0) })
    }

    /// 64 MB read slowly: the server can write only as fast as the reader reads, so the
    /// process's peak memory grows by far less than the download (measured from
    /// /proc/self/status, whose VmHWM is reset first). The figures are printed for the README.
    func testASlowReaderOfA64MBDownloadKeepsMemoryLow() async throws {
        let size = 64 << 20
        let server = try await AHCTestServer.start { request in .bytes(count: request.uri.hasSuffix("/big") ? size : 1024) }
        defer { Task { await server.stop() } }
        let client = client(server)
        // Warm up (the connection pool, the first allocations) so that the measurement sees the download.
        _ = try await client.downloadBlob(id: "small")
        let writtenBefore = server.downloadBytesWritten
        let before = try ProcessMemory.resetPeak()
        var received = 0
        var chunks = 0
        var maxAhead = 0
        let start = ContinuousClock.now
        for try await chunk in try await client.downloadBlobStream(id: "big") {
            received += chunk.count
            chunks += 1
            maxAhead = max(maxAhead, server.downloadBytesWritten - writtenBefore - received)
            // A slow reader: about 2 ms per chunk.
            try await Task.sleep(for: .milliseconds(2))
        }
        let elapsed = ContinuousClock.now - start
        let peak = try ProcessMemory.peakKB()
        XCTAssertEqual(received, size)
        let growthMB = Double(peak - before) / 1024
        print("AHC 64 MB slow download: \(chunks) chunks in \(elapsed); resident \(before / 1024) MB before, peak \(peak / 1024) MB, "
              + "growth \(String(format: "%.1f", growthMB)) MB; the server was at most \(maxAhead / 1024) KiB ahead of the reader")
        XCTAssertLessThan(growthMB, 16, "peak memory grew by \(growthMB) MB for a 64 MB download")
        // What lies between: the two sockets' buffers (Linux sizes them by the reader's pace).
        XCTAssertLessThan(maxAhead, 16 << 20, "the server wrote far ahead of the reader: no back-pressure")
    }

    /// The same download through `URLSessionTransport`, which FoundationNetworking feeds as fast
    /// as the network gives: the measurement above sees a transport that buffers.
    func testTheSameDownloadThroughURLSessionBuffersIt() async throws {
        let size = 64 << 20
        let server = try await AHCTestServer.start { request in .bytes(count: request.uri.hasSuffix("/big") ? size : 1024) }
        defer { Task { await server.stop() } }
        let client = AHCStreamsClient(serverURL: server.baseURL, retry: .none)
        _ = try await client.downloadBlob(id: "small")
        let before = try ProcessMemory.resetPeak()
        var received = 0
        for try await chunk in try await client.downloadBlobStream(id: "big") {
            received += chunk.count
            try await Task.sleep(for: .milliseconds(2))
        }
        let growthMB = Double(try ProcessMemory.peakKB() - before) / 1024
        print("URLSession 64 MB slow download: growth \(String(format: "%.1f", growthMB)) MB")
        XCTAssertEqual(received, size)
        XCTAssertGreaterThan(growthMB, 32)
    }

    /// The head arrives, then nothing for 2 s: reading the body ends after the 0.5 s timeout.
    func testATimeoutBoundsTheWaitForTheNextChunk() async throws {
        let server = try await AHCTestServer.start { _ in
            .stallAfterHead(contentType: "text/event-stream", pause: .seconds(2), then: Self.event("\"late\""))
        }
        defer { Task { await server.stop() } }
        let lines = try await client(server, timeout: 0.5).log()
        let start = ContinuousClock.now
        do {
            for try await _ in lines {}
            XCTFail("no error")
        } catch {
            XCTAssertEqual((error as? URLError)?.code, .timedOut, "\(error)")
        }
        let elapsed = ContinuousClock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(480))
        XCTAssertLessThan(elapsed, .milliseconds(1500))
    }

    /// Cancelling the task that reads a stream ends the request: the server's next write fails.
    func testCancellingTheReadingTaskClosesTheConnection() async throws {
        let pieces = (0..<200).map { Self.event("\"line \($0)\"") }
        let server = try await AHCTestServer.start { _ in .pieces(contentType: "text/event-stream", pieces, every: .milliseconds(20)) }
        defer { Task { await server.stop() } }
        let client = client(server)
        let reader = Task {
            var read = 0
            for try await _ in try await client.log() {
                read += 1
            }
            return read
        }
        try await Task.sleep(for: .milliseconds(300))
        reader.cancel()
        do {
            let read = try await reader.value
            XCTFail("the loop ended normally after \(read) events")
        } catch {
            XCTAssertTrue(error is CancellationError || "\(error)".contains("CancellationError"), "\(error)")
        }
        let deadline = ContinuousClock.now + .seconds(3)
        while server.responsesCutShort == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertEqual(server.responsesCutShort, 1, "the server went on writing to a reader that had gone")
    }
}
