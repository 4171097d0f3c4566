import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// What `AHCTestServer` answers a request with.
enum AHCReply: Sendable {
    case json(Int, String)
    /// A body written in pieces, `every` apart (Server-Sent Events, JSON Lines), then the end.
    case pieces(contentType: String, [String], every: Duration)
    /// `count` bytes of `application/octet-stream`, in 64 KiB writes, each waiting until the
    /// connection takes it: the server holds no more than one piece, whatever the client reads.
    case bytes(count: Int)
    /// The head at once, then nothing for `pause`, then one piece.
    case stallAfterHead(contentType: String, pause: Duration, then: String)
    /// Nothing at all, for `pause`.
    case silence(Duration)
}

/// A request as the server saw it; the body is counted and checksummed, and kept when small.
struct AHCReceived: Sendable {
    var method: String
    var uri: String
    var headers: [String: String]
    var bodyCount: Int
    var bodyChecksum: UInt64
    var body: Data

    /// A running checksum of bytes (not cryptographic: it tells a reordered or changed byte).
    static func checksum(_ bytes: UnsafeRawBufferPointer, from start: UInt64 = 0) -> UInt64 {
        var sum = start
        for byte in bytes {
            sum = sum &* 31 &+ UInt64(byte)
        }
        return sum
    }
}

/// An HTTP/1.1 server on 127.0.0.1 (SwiftNIO) for the AsyncHTTPClientTransport tests; stopped
/// with `stop()`.
final class AHCTestServer: @unchecked Sendable {
    // @unchecked: the recorded values are read and written under the lock.
    private let lock = NSLock()
    private var received: [AHCReceived] = []
    private var closedEarly = 0
    private var bytesWritten = 0
    private let reply: @Sendable (AHCReceived) -> AHCReply
    private var serving: Task<Void, Never>?
    let port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    static func start(_ reply: @escaping @Sendable (AHCReceived) -> AHCReply) async throws -> AHCTestServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let server = AHCTestServer(port: listener.channel.localAddress?.port ?? 0, reply: reply)
        server.serving = Task {
            await withDiscardingTaskGroup { group in
                try? await listener.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await server.serve(connection) }
                    }
                }
            }
        }
        return server
    }

    private init(port: Int, reply: @escaping @Sendable (AHCReceived) -> AHCReply) {
        self.port = port
        self.reply = reply
    }

    /// Ends every connection and the listener.
    func stop() async {
        serving?.cancel()
        await serving?.value
    }

    var requests: [AHCReceived] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Responses whose connection the client closed before they were written in full.
    var responsesCutShort: Int {
        lock.lock()
        defer { lock.unlock() }
        return closedEarly
    }

    /// The bytes of `.bytes` replies written to the socket so far.
    var downloadBytesWritten: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytesWritten
    }

    private func record(_ update: (AHCTestServer) -> Void) {
        lock.lock()
        update(self)
        lock.unlock()
    }

    private func serve(_ connection: Connection) async {
        let channel = connection.channel
        try? await connection.executeThenClose { inbound, _ in
            var head: HTTPRequestHead?
            var request = AHCReceived(method: "", uri: "", headers: [:], bodyCount: 0, bodyChecksum: 0, body: Data())
            for try await part in inbound {
                switch part {
                case .head(let started):
                    head = started
                    request = AHCReceived(method: started.method.rawValue, uri: started.uri,
                                          headers: Dictionary(started.headers.map { ($0.name.lowercased(), $0.value) }) { $1 },
                                          bodyCount: 0, bodyChecksum: 0, body: Data())
                case .body(let buffer):
                    request.bodyCount += buffer.readableBytes
                    request.bodyChecksum = buffer.withUnsafeReadableBytes { AHCReceived.checksum($0, from: request.bodyChecksum) }
                    if request.body.count < 1 << 20 { request.body.append(contentsOf: buffer.readableBytesView) }
                case .end:
                    guard head != nil else { return }
                    let seen = request
                    record { $0.received.append(seen) }
                    do {
                        try await write(reply(seen), to: channel)
                    } catch {
                        record { $0.closedEarly += 1 }
                        throw error
                    }
                }
            }
        }
    }

    /// Writes `reply`, each part once the previous one has gone to the socket: a client that
    /// reads slowly holds the server back (its socket buffers are all that lies between).
    private func write(_ reply: AHCReply, to channel: any Channel) async throws {
        func send(_ part: HTTPServerResponsePart) async throws {
            try await channel.writeAndFlush(part).get()
        }
        func head(_ status: Int, _ contentType: String, length: Int? = nil) async throws {
            var headers = HTTPHeaders([("Content-Type", contentType)])
            if let length { headers.add(name: "Content-Length", value: String(length)) }
            try await send(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers)))
        }
        func piece(_ text: String) async throws {
            try await send(.body(.byteBuffer(ByteBuffer(string: text))))
        }
        switch reply {
        case .json(let status, let text):
            try await head(status, "application/json", length: text.utf8.count)
            try await piece(text)
        case .pieces(let contentType, let pieces, let every):
            try await head(200, contentType)
            for text in pieces {
                try await Task.sleep(for: every)
                try await piece(text)
            }
        case .bytes(let count):
            try await head(200, "application/octet-stream", length: count)
            let chunk = ByteBuffer(repeating: 0x5A, count: 64 * 1024)
            var left = count
            while left > 0 {
                let size = min(left, chunk.readableBytes)
                try await send(.body(.byteBuffer(chunk.getSlice(at: 0, length: size)!)))
                left -= size
                record { $0.bytesWritten += size }
            }
        case .stallAfterHead(let contentType, let pause, let text):
            try await head(200, contentType)
            try await Task.sleep(for: pause)
            try await piece(text)
        case .silence(let pause):
            try await Task.sleep(for: pause)
            return
        }
        try await send(.end(nil))
    }
}
