#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A response body the loopback server writes in pieces, each after its delay, with chunked
/// transfer coding, watching the connection in between: it knows whether the client read to
/// the end or closed the connection first.
public final class StreamedBody: Sendable {
    /// What the server saw.
    public enum Outcome: Equatable, Sendable {
        /// Every piece was written and the body ended.
        case completed
        /// The client closed the connection after `piecesWritten` pieces had been written.
        case clientClosed(piecesWritten: Int)
    }

    public let pieces: [(delay: TimeInterval, data: Data)]
    private let outcome = Locked<Outcome?>(nil)
    private let ended = DispatchSemaphore(value: 0)

    /// `pieces` are written in order, each `delay` seconds after the one before (the first
    /// after the head).
    public init(_ pieces: [(delay: TimeInterval, data: Data)]) {
        self.pieces = pieces
    }

    /// Text pieces, each `interval` seconds after the one before.
    public convenience init(every interval: TimeInterval, _ texts: [String]) {
        self.init(texts.map { (interval, Data($0.utf8)) })
    }

    /// Waits until the server is done with the body; `nil` if it is not done within `timeout` seconds.
    public func waitForOutcome(timeout: TimeInterval) -> Outcome? {
        guard ended.wait(timeout: .now() + timeout) == .success else { return nil }
        ended.signal()
        return outcome.withLock { $0 }
    }

    /// Writes the pieces on `fd` (after the head) and records how it ended.
    func write(on fd: Int32) {
        var written = 0
        var result = Outcome.completed
        for (delay, data) in pieces {
            let chunk = Array(String(data.count, radix: 16).utf8) + [13, 10] + Array(data) + [13, 10]
            guard !Self.peerCloses(fd, within: delay), Socket.sendAll(fd, chunk) else {
                result = .clientClosed(piecesWritten: written)
                break
            }
            written += 1
        }
        if result == .completed && !Socket.sendAll(fd, Array("0\r\n\r\n".utf8)) {
            result = .clientClosed(piecesWritten: written)
        }
        outcome.withLock { $0 = result }
        ended.signal()
    }

    /// Waits `delay` seconds, or less if the client closes the connection (it then reads as
    /// end of file).
    private static func peerCloses(_ fd: Int32, within delay: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(delay)
        while true {
            let left = deadline.timeIntervalSinceNow
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(0, left) * 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready > 0 {
                // Readable with nothing to read: the client hung up (it sends nothing more).
                if Socket.receive(fd).isEmpty { return true }
                continue
            }
            if left <= 0 || ready == 0 { return false }
        }
    }
}
