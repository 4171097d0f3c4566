import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// An ordered record of what middlewares saw.
actor Trace {
    private(set) var events: [String] = []

    func add(_ event: String) {
        events.append(event)
    }
}

/// Adds a header on the way out, checks that inner middlewares' work is not visible yet, and
/// rewrites the response's `X-Seen-By` header on the way back.
struct TaggingMiddleware: HTTPMiddleware {
    var name: String
    var trace: Trace

    func intercept(
        _ request: URLRequest,
        next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)
    ) async throws -> (Data, HTTPURLResponse) {
        await trace.add("\(name)> sees X-Tag=\(request.value(forHTTPHeaderField: "X-Tag") ?? "-")")
        var request = request
        request.setValue([request.value(forHTTPHeaderField: "X-Tag"), name].compactMap { $0 }.joined(separator: ","),
                         forHTTPHeaderField: "X-Tag")
        let (data, response) = try await next(request)
        let seen = (response.value(forHTTPHeaderField: "X-Seen-By").map { $0 + "," } ?? "") + name
        await trace.add("<\(name) status=\(response.statusCode)")
        var fields = response.allHeaderFields as? [String: String] ?? [:]
        fields["X-Seen-By"] = seen
        let rewritten = HTTPURLResponse(url: response.url!, statusCode: 204, httpVersion: nil, headerFields: fields)!
        return (data, rewritten)
    }
}

/// Answers without calling `next`, as a cache would.
struct ShortCircuitMiddleware: HTTPMiddleware {
    func intercept(
        _ request: URLRequest,
        next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)
    ) async throws -> (Data, HTTPURLResponse) {
        (Data("cached".utf8), HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: nil, headerFields: [:])!)
    }
}

/// Never answers: waits until its task is cancelled.
struct HangingTransport: HTTPTransport {
    let started = RequestLog()

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        await started.append(request)
        try await Task.sleep(nanoseconds: 60_000_000_000)
        throw URLError(.timedOut)
    }
}

final class TransportTests: XCTestCase {
    func testMiddlewaresRunInOrderFirstOutermostAndCanChangeRequestAndResponse() async throws {
        let trace = Trace()
        let transport = RecordingTransport(CannedResponse(status: 500))
        let client = makeClient(transport, middlewares: [TaggingMiddleware(name: "outer", trace: trace),
                                                        TaggingMiddleware(name: "inner", trace: trace)])
        // The transport answers 500; the middlewares turn it into the documented 204.
        let response = try await client.withBearerWithResponse()

        XCTAssertEqual(response.status, 204)
        XCTAssertEqual(response.headers["x-seen-by"], "inner,outer")
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.header("X-Tag"), "outer,inner")
        let events = await trace.events
        XCTAssertEqual(events, ["outer> sees X-Tag=-", "inner> sees X-Tag=outer", "<inner status=500", "<outer status=204"])
    }

    func testMiddlewareSeesTheCredentials() async throws {
        struct Capture: HTTPMiddleware {
            let log = RequestLog()
            func intercept(_ request: URLRequest, next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse))
                async throws -> (Data, HTTPURLResponse) {
                await log.append(request)
                return try await next(request)
            }
        }
        let capture = Capture()
        let client = makeClient(RecordingTransport(), authentication: .bearer("t"), middlewares: [capture])
        try await client.withBearer()
        let seen = await capture.log.requests
        XCTAssertEqual(seen.map { $0.header("Authorization") }, ["Bearer t"])
    }

    func testMiddlewareCanAnswerWithoutTheTransport() async throws {
        let transport = RecordingTransport()
        let text = try await makeClient(transport, middlewares: [ShortCircuitMiddleware()]).putText(body: "x")
        XCTAssertEqual(text, "cached")
        let sent = await transport.requests
        XCTAssertTrue(sent.isEmpty)
    }

    func testTimeoutSetsTheRequestTimeoutInterval() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport, timeout: 5).withBearer()
        try await makeClient(transport).withBearer()
        let intervals = await transport.requests.map(\.timeoutInterval)
        XCTAssertEqual(intervals.first, 5)
        XCTAssertEqual(intervals.last, URLRequest(url: URL(string: "https://x")!).timeoutInterval)
    }

    func testTransportFailureIsWrapped() async throws {
        struct Broken: HTTPTransport {
            func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) { throw URLError(.cannotConnectToHost) }
        }
        do {
            try await makeClient(Broken(), retry: .none).withBearer()
            XCTFail("must throw")
        } catch HttpSurfaceError.transport(let error) {
            XCTAssertEqual((error as? URLError)?.code, .cannotConnectToHost)
        }
    }

    func testCancelledBeforeTheCallSendsNothingAndThrowsCancellation() async throws {
        let transport = RecordingTransport()
        let client = makeClient(transport)
        let task = Task { () async throws -> Void in
            withUnsafeCurrentTask { $0?.cancel() }
            try await client.withBearer()
        }
        do {
            try await task.value
            XCTFail("a cancelled call must throw")
        } catch HttpSurfaceError.transport(let error) {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        let sent = await transport.requests
        XCTAssertTrue(sent.isEmpty)
    }

    func testCancellingWhileTheTransportWaitsEndsTheCall() async throws {
        let transport = HangingTransport()
        let client = makeClient(transport)
        let task = Task { try await client.withBearer() }
        var polls = 0
        while await transport.started.requests.isEmpty, polls < 500 {
            try await Task.sleep(nanoseconds: 10_000_000)
            polls += 1
        }
        let started = await transport.started.requests
        XCTAssertEqual(started.count, 1, "the transport should have been called")
        task.cancel()
        do {
            try await task.value
            XCTFail("a cancelled call must throw")
        } catch HttpSurfaceError.transport(let error) {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }

    func testURLSessionTransportAgainstALoopbackServer() async throws {
        let server = try LoopbackHTTPServer { request in .text(200, "echo: " + request.bodyText) }
        defer { server.stop() }
        let client = HttpSurfaceClient(serverURL: server.baseURL,
                                       authentication: .basic(username: "user", password: "pw"), timeout: 10)
        let text = try await client.putText(body: "héllo")
        XCTAssertEqual(text, "echo: héllo")

        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(recorded.method, "PUT")
        XCTAssertEqual(recorded.path, "/bodies/text")
        XCTAssertEqual(recorded.header("Content-Type")?.hasPrefix("text/plain"), true)
        XCTAssertEqual(recorded.header("Accept"), "text/plain")
        XCTAssertEqual(recorded.header("Authorization"), "Basic " + Data("user:pw".utf8).base64EncodedString())
        XCTAssertEqual(recorded.body, Data("héllo".utf8))
    }

    /// A web server's HTML 404 page, over real HTTP: kept in the error with its content type,
    /// and shown in the description as text, cut at 200 characters, with its size.
    func testHTML404PageOverLoopbackIsKeptAndShown() async throws {
        let page = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
            + "<hr><center>nginx/1.27.0</center>\r\n" + String(repeating: "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n", count: 6)
            + "</body>\r\n</html>\r\n"
        let server = try LoopbackHTTPServer { _ in StubResponse(status: 404, headers: [("Content-Type", "text/html")], body: Data(page.utf8)) }
        defer { server.stop() }
        do {
            _ = try await HttpSurfaceClient(serverURL: server.baseURL, timeout: 10).putText(body: "x")
            XCTFail("a 404 must throw")
        } catch let error as HttpSurfaceError {
            guard case .undocumented(404, _, let body) = error else { return XCTFail("expected an undocumented 404, got \(error)") }
            XCTAssertEqual(body, Data(page.utf8))
            XCTAssertEqual(error.contentType, "text/html")
            XCTAssertEqual(error.description, "HTTP 404 (undocumented status), text/html, \(page.utf8.count) bytes: "
                           + String(reflecting: String(page.prefix(200)) + "…"))
            XCTAssertTrue(error.description.contains(#" bytes: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>"#),
                          error.description)
        }
    }

    /// A closed port on loopback: the transport error keeps URLError's code and description.
    func testRefusedConnectionOverLoopbackNamesTheURLError() async throws {
        let server = try LoopbackHTTPServer { _ in .text(200, "never") }
        let url = server.baseURL
        server.stop()
        do {
            _ = try await HttpSurfaceClient(serverURL: url, authentication: .bearer("s3cret"), timeout: 10, retry: .none).withBearer()
            XCTFail("a closed port must throw")
        } catch let error as HttpSurfaceError {
            guard case .transport(let underlying) = error else { return XCTFail("expected a transport error, got \(error)") }
            XCTAssertEqual((underlying as? URLError)?.code, .cannotConnectToHost)
            // Foundation's text: "Could not connect to the server." on Apple platforms, curl's on Linux.
            let text = String(reflecting: underlying.localizedDescription)
            XCTAssertEqual(error.description, "the request failed before a response arrived: URLError -1004 \(text) (NSURLErrorDomain)")
            XCTAssertFalse(String(reflecting: error).contains("s3cret"))
        }
    }

    func testURLSessionSendsTheEncodedTargetUnchanged() async throws {
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"query":"ok"}"#) }
        defer { server.stop() }
        let double = RecordingTransport(.json(200, #"{"query":"ok"}"#))
        for transport in [URLSessionTransport() as any HTTPTransport, double] {
            let client = HttpSurfaceClient(serverURL: server.baseURL, transport: transport)
            _ = try await client.queryStyles(q: "a b&c", ids: [1, 2], spaced: ["x", "y"], filter: Filter(color: "r"))
        }
        let built = try await double.onlyRequest().target
        XCTAssertEqual(server.requests.map(\.path), [built])
    }

    func testServerVariables() throws {
        let acme = try XCTUnwrap(HttpSurfaceClient.server1(tenant: "acme", version: .v1))
        XCTAssertEqual(acme.absoluteString, "https://acme.api.example.com/v1")
        XCTAssertEqual(HttpSurfaceClient.server1(), HttpSurfaceClient.defaultServerURL)
        XCTAssertEqual(HttpSurfaceClient.Server1Version.allCases.map(\.rawValue), ["v1", "v2"])
    }

    func testOperationPathIsAppendedToTheServerPath() async throws {
        let transport = RecordingTransport()
        let base = try XCTUnwrap(HttpSurfaceClient.server1(tenant: "acme", version: .v1))
        for server in [base, base.appendingPathComponent("")] {
            try await HttpSurfaceClient(serverURL: server, transport: transport).withBearer()
        }
        let urls = await transport.requests.map { $0.url?.absoluteString }
        XCTAssertEqual(urls, Array(repeating: "https://acme.api.example.com/v1/security/bearer", count: 2))
    }
}
