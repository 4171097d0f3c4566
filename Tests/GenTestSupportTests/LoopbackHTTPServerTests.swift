import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenTestSupport
import XCTest

final class LoopbackHTTPServerTests: XCTestCase {
    /// An ephemeral session so no cookies, cache or connection reuse leak between tests.
    private func makeSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 20
        return URLSession(configuration: configuration)
    }

    private func send(_ request: URLRequest, session: URLSession) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await session.data(for: request)
        return (data, try XCTUnwrap(response as? HTTPURLResponse))
    }

    func testListensOnLoopbackWithAnOSAssignedPort() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, "{}") }
        defer { server.stop() }
        XCTAssertGreaterThan(server.port, 0)
        XCTAssertEqual(server.baseURL.absoluteString, "http://127.0.0.1:\(server.port)")
    }

    func testGetRecordsTheRawTargetAndHeaders() async throws {
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"ok":true}"#) }
        defer { server.stop() }
        var request = URLRequest(url: URL(string: "\(server.baseURL.absoluteString)/v1/items?tag=a%20b&x=1+2")!)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("abc", forHTTPHeaderField: "X-Request-ID")

        let (data, response) = try await send(request, session: makeSession())

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"ok":true}"#)
        XCTAssertEqual(response.value(forHTTPHeaderField: "content-type"), "application/json")
        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(recorded.method, "GET")
        XCTAssertEqual(recorded.path, "/v1/items?tag=a%20b&x=1+2")
        XCTAssertEqual(recorded.header("accept"), "application/json")
        XCTAssertEqual(recorded.header("x-request-id"), "abc")
        XCTAssertTrue(recorded.body.isEmpty)
    }

    func testPostWithJSONBodyAnd422Response() async throws {
        let server = try LoopbackHTTPServer { request in
            .json(422, #"{"error":"invalid","echo":\#(request.bodyText)}"#)
        }
        defer { server.stop() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("relays"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"name":"r1"}"#.utf8)

        let (data, response) = try await send(request, session: makeSession())

        XCTAssertEqual(response.statusCode, 422)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"error":"invalid","echo":{"name":"r1"}}"#)
        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(recorded.method, "POST")
        XCTAssertEqual(recorded.path, "/relays")
        XCTAssertEqual(recorded.header("Content-Type"), "application/json")
        XCTAssertEqual(recorded.header("Content-Length"), "13")
        XCTAssertEqual(recorded.bodyText, #"{"name":"r1"}"#)
    }

    func testLargeBodyIsReadCompletely() async throws {
        // Large enough that libcurl may ask for `Expect: 100-continue`.
        let payload = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let server = try LoopbackHTTPServer { .json(200, #"{"size":\#($0.body.count)}"#) }
        defer { server.stop() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("upload"))
        request.httpMethod = "PUT"
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        request.httpBody = payload

        let (data, response) = try await send(request, session: makeSession())

        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"size":3000000}"#)
        XCTAssertEqual(server.requests.first?.body, payload)
    }

    func testTwoSequentialRequestsAreRecordedInOrder() async throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"n":\#(counter.next())}"#) }
        defer { server.stop() }
        let session = makeSession()

        let (first, _) = try await send(URLRequest(url: server.baseURL.appendingPathComponent("a")), session: session)
        var second = URLRequest(url: server.baseURL.appendingPathComponent("b"))
        second.httpMethod = "DELETE"
        let (secondData, secondResponse) = try await send(second, session: session)

        XCTAssertEqual(String(decoding: first, as: UTF8.self), #"{"n":1}"#)
        XCTAssertEqual(String(decoding: secondData, as: UTF8.self), #"{"n":2}"#)
        XCTAssertEqual(secondResponse.statusCode, 200)
        XCTAssertEqual(server.requests.map(\.method), ["GET", "DELETE"])
        XCTAssertEqual(server.requests.map(\.path), ["/a", "/b"])
    }

    func testChunkedRequestBodyFromStream() async throws {
        let server = try LoopbackHTTPServer { _ in StubResponse(status: 204) }
        defer { server.stop() }
        let payload = Data(String(repeating: "chunk-", count: 5_000).utf8)
        var request = URLRequest(url: server.baseURL.appendingPathComponent("stream"))
        request.httpMethod = "POST"
        request.setValue("text/plain", forHTTPHeaderField: "Content-Type")
        request.httpBodyStream = InputStream(data: payload)

        let (data, response) = try await send(request, session: makeSession())

        XCTAssertEqual(response.statusCode, 204)
        XCTAssertTrue(data.isEmpty)
        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(recorded.body, payload)
        // A stream has no length, so URLSession (libcurl on Linux) must send it chunked.
        XCTAssertNil(recorded.header("Content-Length"))
        XCTAssertEqual(recorded.header("Transfer-Encoding")?.lowercased(), "chunked")
    }

    func testChunkedBodyOverARawSocket() throws {
        // URLSession decides for itself whether to chunk, so also send a chunked body by hand.
        let server = try LoopbackHTTPServer { _ in .json(201, "{}") }
        defer { server.stop() }
        let raw = "POST /raw?q=%2F HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nX-Mixed-Case: V\r\n\r\n"
            + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: t\r\n\r\n"
        let reply = try RawClient.exchange(port: server.port, bytes: Data(raw.utf8))

        XCTAssertTrue(reply.hasPrefix("HTTP/1.1 201 Created\r\n"), reply)
        XCTAssertTrue(reply.contains("Content-Length: 2\r\n"), reply)
        XCTAssertTrue(reply.contains("Connection: close\r\n"), reply)
        XCTAssertTrue(reply.hasSuffix("\r\n\r\n{}"), reply)
        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(recorded.bodyText, "hello, world")
        XCTAssertEqual(recorded.path, "/raw?q=%2F")
        XCTAssertEqual(recorded.headers.map(\.name), ["Host", "Transfer-Encoding", "X-Mixed-Case"])
    }

    func testExpectContinueGetsAnInterimResponse() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, "{}") }
        defer { server.stop() }
        let head = "PUT /e HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
        let reply = try RawClient.exchange(port: server.port, bytes: Data(head.utf8), thenAfterReply: Data("body".utf8))

        XCTAssertTrue(reply.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), reply)
        XCTAssertEqual(server.requests.first?.bodyText, "body")
    }

    func testReleasingTheServerStopsIt() throws {
        var server: LoopbackHTTPServer? = try LoopbackHTTPServer { _ in .json(200, "{}") }
        let port = try XCTUnwrap(server?.port)
        XCTAssertNoThrow(try RawClient.exchange(port: port, bytes: Data("GET / HTTP/1.1\r\n\r\n".utf8)))
        server = nil
        XCTAssertThrowsError(try RawClient.exchange(port: port, bytes: Data("GET / HTTP/1.1\r\n\r\n".utf8)))
    }

    func testStopEndsListening() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, "{}") }
        let port = server.port
        server.stop()
        server.stop()
        XCTAssertThrowsError(try RawClient.exchange(port: port, bytes: Data("GET / HTTP/1.1\r\n\r\n".utf8)))
    }
}

/// A thread-safe counter; `@unchecked` because `count` is only touched under `lock`.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
