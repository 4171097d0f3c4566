#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One request as the loopback server received it.
public struct RecordedRequest: Sendable {
    public var method: String
    /// The raw request-target, query included, exactly as sent: nothing is percent-decoded.
    public var path: String
    /// Header fields in arrival order, names in the client's own casing.
    public var headers: [(name: String, value: String)]
    /// The body after removing any chunked transfer coding.
    public var body: Data

    public init(method: String, path: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headerValues(name).first
    }

    /// Every value of the header `name` in arrival order, compared case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The body decoded as UTF-8.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// The answer the loopback server sends back; it always adds `Connection: close`, and
/// `Content-Length` unless given here.
public struct StubResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    /// When true, the server closes the connection after reading the request, without a response.
    public var dropsConnection = false

    /// A body written in pieces after the head (chunked), instead of `body`.
    public var streamed: StreamedBody?

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// No response: the connection is closed once the request has been read, as a server that
    /// crashed or restarted mid-request would leave it.
    public static var droppedConnection: StubResponse {
        var response = StubResponse(status: 0)
        response.dropsConnection = true
        return response
    }

    /// A response with `Content-Type: application/json` and `text` as its body.
    public static func json(_ status: Int, _ text: String) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(text.utf8))
    }

    /// A response whose body `streamed` writes in pieces.
    public static func streamed(_ status: Int, contentType: String, _ body: StreamedBody) -> StubResponse {
        var response = StubResponse(status: status, headers: [("Content-Type", contentType), ("Transfer-Encoding", "chunked")])
        response.streamed = body
        return response
    }

    /// A response with `Content-Type: text/plain; charset=utf-8` and `text` as its body.
    public static func text(_ status: Int, _ text: String) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(text.utf8))
    }
}

/// A minimal HTTP/1.1 server on 127.0.0.1 that records requests and answers with stubs.
///
/// Each connection carries exactly one request and is closed after the response, so clients
/// never reuse connections and every request is independent. The port is chosen by the OS.
public final class LoopbackHTTPServer: Sendable {
    /// The port the OS assigned.
    public let port: Int
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public let baseURL: URL
    private let core: ServerCore

    /// Starts listening at once; `handler` runs on a per-connection thread, possibly concurrently.
    public init(handler: @escaping @Sendable (RecordedRequest) -> StubResponse) throws {
        let (fd, port) = try Socket.makeListener()
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        do {
            core = try ServerCore(listenFD: fd, handler: handler)
        } catch {
            Socket.closeDescriptor(fd)
            throw error
        }
        core.start()
    }

    deinit {
        core.stop()
    }

    /// Every request received so far, in the order they were completely read.
    public var requests: [RecordedRequest] {
        core.recorded.withLock { $0 }
    }

    /// Closes the listening socket and waits for the accept thread to end; idempotent.
    ///
    /// Connections already accepted still get their response.
    public func stop() {
        core.stop()
    }
}

/// The state shared between the server object and its threads.
///
/// Kept apart from `LoopbackHTTPServer` so the threads do not keep the server alive: dropping
/// the last reference to the server runs its `deinit`, which stops them.
private final class ServerCore: Sendable {
    let listenFD: Int32
    // A self-pipe wakes the accept thread's poll(); closing a socket that another thread is
    // blocked on does not reliably wake it (on Linux it does not).
    let wakeRead: Int32
    let wakeWrite: Int32
    let handler: @Sendable (RecordedRequest) -> StubResponse
    let recorded = Locked<[RecordedRequest]>([])
    let stopped = Locked(false)
    let acceptThreadDone = DispatchSemaphore(value: 0)

    init(listenFD: Int32, handler: @escaping @Sendable (RecordedRequest) -> StubResponse) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw LoopbackSocketError.last("pipe") }
        fds.forEach(Socket.setCloseOnExec)
        self.listenFD = listenFD
        self.wakeRead = fds[0]
        self.wakeWrite = fds[1]
        self.handler = handler
    }

    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        acceptThreadDone.wait()
        Socket.closeDescriptor(wakeWrite)
    }

    private func acceptLoop() {
        defer {
            // Only this thread uses these descriptors, so only it may close them.
            Socket.closeDescriptor(listenFD)
            Socket.closeDescriptor(wakeRead)
            acceptThreadDone.signal()
        }
        while !stopped.withLock({ $0 }) {
            var fds = [
                pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            guard fds[0].revents != 0 else { continue }
            let connection = accept(listenFD, nil, nil)
            if connection < 0 {
                // EAGAIN: the client gave up after poll() saw it; other errors are transient too.
                if errno == EBADF || errno == EINVAL { return }
                continue
            }
            Socket.configureConnection(connection)
            let thread = Thread { [self] in
                var served = LoopbackHTTPConnection(fd: connection)
                served.serve(
                    record: { request in recorded.withLock { $0.append(request) } },
                    respond: handler
                )
            }
            thread.name = "LoopbackHTTPServer.connection"
            thread.start()
        }
    }
}
