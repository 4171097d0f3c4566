import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// Counts calls across the loopback server's connection threads.
private final class Counter: @unchecked Sendable {
    // @unchecked: every access takes the lock.
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Counts the attempts that pass through the middlewares.
private struct AttemptCounter: HTTPMiddleware {
    let attempts = Counter()

    func intercept(_ request: URLRequest, next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse))
        async throws -> (Data, HTTPURLResponse) {
        _ = attempts.next()
        return try await next(request)
    }
}

/// The client's retries over real HTTP on loopback, with millisecond waits so the suite stays
/// fast (the two `Retry-After` tests wait about 1 s and 0.3 s).
final class RetryTests: XCTestCase {
    /// Waits of at most 20 ms.
    private static let quick = RetryPolicy(maxAttempts: 3, initialDelay: 0.005, maxDelay: 0.02)

    private var servers: [LoopbackHTTPServer] = []

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    /// A server whose n-th response (from 1) is `answer(n)`.
    private func server(_ answer: @escaping @Sendable (Int) -> StubResponse) throws -> LoopbackHTTPServer {
        let count = Counter()
        let server = try LoopbackHTTPServer { _ in answer(count.next()) }
        servers.append(server)
        return server
    }

    private func client(_ server: LoopbackHTTPServer, retry: RetryPolicy, middlewares: [any HTTPMiddleware] = []) -> HttpSurfaceClient {
        HttpSurfaceClient(serverURL: server.baseURL, authentication: .bearer("t"),
                          transport: URLSessionTransport(session: URLSession(configuration: .ephemeral)),
                          middlewares: middlewares, timeout: 10, retry: retry)
    }

    /// Seconds `body` took.
    private func seconds(_ body: () async throws -> Void) async rethrows -> TimeInterval {
        let start = Date()
        try await body()
        return Date().timeIntervalSince(start)
    }

    func testDefaultRetriesTwice() {
        XCTAssertEqual(HttpSurfaceClient().retry, .default)
        XCTAssertEqual(RetryPolicy.default.maxAttempts, 3)
        XCTAssertEqual(RetryPolicy.none.maxAttempts, 1)
    }

    func testGetSucceedsAfterA503AndADroppedConnectionAndEachAttemptPassesTheMiddlewares() async throws {
        let server = try server { n in [StubResponse(status: 503), .droppedConnection][safe: n - 1] ?? StubResponse(status: 204) }
        let counter = AttemptCounter()
        try await client(server, retry: Self.quick, middlewares: [counter]).withBearer()
        XCTAssertEqual(server.requests.count, 3)
        XCTAssertEqual(server.requests.map(\.method), ["GET", "GET", "GET"])
        XCTAssertEqual(server.requests.map { $0.header("Authorization") }, Array(repeating: "Bearer t", count: 3))
        XCTAssertEqual(counter.attempts.count, 3)
    }

    func testPostIsNeverRetried() async throws {
        for failure in [StubResponse(status: 503), .droppedConnection] {
            let server = try server { _ in failure }
            do {
                _ = try await client(server, retry: Self.quick).createJSON(body: Item(name: "Lamp"))
                XCTFail("must throw")
            } catch is HttpSurfaceError {}
            XCTAssertEqual(server.requests.map(\.method), ["POST"], "\(failure.status)")
        }
    }

    func testRetryAfterSecondsIsWaited() async throws {
        let server = try server { n in n == 1 ? StubResponse(status: 429, headers: [("Retry-After", "1")]) : StubResponse(status: 204) }
        let policy = RetryPolicy(maxAttempts: 2, initialDelay: 0.001, maxDelay: 5)
        let elapsed = try await seconds { try await client(server, retry: policy).withBearer() }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertGreaterThanOrEqual(elapsed, 0.9)
        XCTAssertLessThan(elapsed, 4)
    }

    /// An HTTP date 30 s ahead, with waits capped at 0.3 s: read as a date (else the wait would
    /// be the backoff's millisecond), and capped.
    func testRetryAfterDateIsCappedByTheMaximumDelay() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = formatter.string(from: Date().addingTimeInterval(30))
        let server = try server { n in n == 1 ? StubResponse(status: 503, headers: [("Retry-After", later)]) : StubResponse(status: 204) }
        let policy = RetryPolicy(maxAttempts: 2, initialDelay: 0.001, maxDelay: 0.3)
        let elapsed = try await seconds { try await client(server, retry: policy).withBearer() }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertGreaterThanOrEqual(elapsed, 0.25)
        XCTAssertLessThan(elapsed, 3)
    }

    func testAttemptLimitThenTheLastResponseIsThrown() async throws {
        let server = try server { _ in StubResponse(status: 502) }
        let policy = RetryPolicy(maxAttempts: 4, initialDelay: 0.001, maxDelay: 0.005)
        do {
            try await client(server, retry: policy).withBearer()
            XCTFail("must throw")
        } catch HttpSurfaceError.undocumented(let status, _, _) {
            XCTAssertEqual(status, 502)
        }
        XCTAssertEqual(server.requests.count, 4)
    }

    func testTotalTimeoutStopsTheRetries() async throws {
        let server = try server { _ in StubResponse(status: 503) }
        let policy = RetryPolicy(maxAttempts: 1000, initialDelay: 0.05, maxDelay: 0.05, multiplier: 1, totalTimeout: 0.4)
        let elapsed = try await seconds {
            do {
                try await client(server, retry: policy).withBearer()
                XCTFail("must throw")
            } catch HttpSurfaceError.undocumented(503, _, _) {}
        }
        XCTAssertLessThanOrEqual(elapsed, 2)
        XCTAssertGreaterThanOrEqual(server.requests.count, 2)
        XCTAssertLessThan(server.requests.count, 1000)
    }

    /// A refused connection is retried; the error after the last attempt is the transport's.
    func testRefusedConnectionIsRetriedThenThrown() async throws {
        let closed = try server { _ in StubResponse(status: 204) }
        closed.stop()
        let counter = AttemptCounter()
        do {
            try await client(closed, retry: Self.quick, middlewares: [counter]).withBearer()
            XCTFail("must throw")
        } catch HttpSurfaceError.transport(let error) {
            XCTAssertEqual((error as? URLError)?.code, .cannotConnectToHost)
        }
        XCTAssertEqual(counter.attempts.count, 3)
    }

    /// Statuses that say "this request is wrong" (and 500), and transport errors that would
    /// recur, are not retried.
    func testOtherFailuresAreNotRetried() async throws {
        let server = try server { n in StubResponse(status: [400, 401, 404, 500][(n - 1) % 4]) }
        for _ in 0..<4 {
            do {
                try await client(server, retry: Self.quick).withBearer()
                XCTFail("must throw")
            } catch is HttpSurfaceError {}
        }
        XCTAssertEqual(server.requests.count, 4)

        struct Refusing: HTTPTransport {
            let attempts = Counter()
            func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
                _ = attempts.next()
                throw URLError(.secureConnectionFailed)
            }
        }
        let refusing = Refusing()
        do {
            try await HttpSurfaceClient(transport: refusing, retry: Self.quick).withBearer()
            XCTFail("must throw")
        } catch HttpSurfaceError.transport {}
        XCTAssertEqual(refusing.attempts.count, 1)
    }

    func testNoneMakesOneAttempt() async throws {
        for failure in [StubResponse(status: 503), .droppedConnection] {
            let server = try server { _ in failure }
            do {
                try await client(server, retry: .none).withBearer()
                XCTFail("must throw")
            } catch is HttpSurfaceError {}
            XCTAssertEqual(server.requests.count, 1, "\(failure.status)")
        }
    }

    /// Cancelled during a 30 s `Retry-After` wait: the call throws the cancellation at once.
    func testCancellingDuringTheWaitThrowsPromptly() async throws {
        let server = try server { _ in StubResponse(status: 503, headers: [("Retry-After", "30")]) }
        let client = client(server, retry: RetryPolicy(maxAttempts: 3, maxDelay: 30))
        let task = Task { try await client.withBearer() }
        var polls = 0
        while server.requests.isEmpty, polls < 500 {
            try await Task.sleep(nanoseconds: 10_000_000)
            polls += 1
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        let elapsed = await seconds {
            task.cancel()
            do {
                try await task.value
                XCTFail("a cancelled call must throw")
            } catch HttpSurfaceError.transport(let error) {
                XCTAssertTrue(error is CancellationError, "\(error)")
            } catch {
                XCTFail("expected the transport error with the cancellation, got \(error)")
            }
        }
        XCTAssertLessThan(elapsed, 1)
        XCTAssertEqual(server.requests.count, 1)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
