#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A failed POSIX call while setting up or running the loopback server.
public struct LoopbackSocketError: Error, CustomStringConvertible, Sendable {
    public var call: String
    public var code: Int32

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }

    static func last(_ call: String) -> LoopbackSocketError {
        LoopbackSocketError(call: call, code: errno)
    }
}

/// Thin wrappers over the socket calls whose Swift spelling differs between Glibc and Darwin.
enum Socket {
    static func makeListener() throws -> (fd: Int32, port: Int) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw LoopbackSocketError.last("socket") }
        do {
            setCloseOnExec(fd)
            var one: Int32 = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                throw LoopbackSocketError.last("setsockopt(SO_REUSEADDR)")
            }
            var address = sockaddr_in()
            #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            // Loopback only: a test server must never be reachable from other machines.
            guard inet_pton(AF_INET, "127.0.0.1", &address.sin_addr) == 1 else {
                throw LoopbackSocketError.last("inet_pton")
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw LoopbackSocketError.last("bind") }
            guard listen(fd, 64) == 0 else { throw LoopbackSocketError.last("listen") }
            // Non-blocking so that a client that gives up between poll() and accept() cannot
            // wedge the accept thread, which would make stop() hang.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)

            var actual = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &actual) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0 else { throw LoopbackSocketError.last("getsockname") }
            return (fd, Int(UInt16(bigEndian: actual.sin_port)))
        } catch {
            _ = close(fd)
            throw error
        }
    }

    /// Prepares an accepted connection: blocking, close-on-exec, no SIGPIPE, bounded reads.
    static func configureConnection(_ fd: Int32) {
        // Darwin's accept() inherits O_NONBLOCK from the listener; Linux's does not.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        setCloseOnExec(fd)
        #if canImport(Darwin)
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        // A client that connects and never sends would otherwise pin a thread forever.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    static func setCloseOnExec(_ fd: Int32) {
        // Keeps our sockets out of processes spawned by tests (swiftc, ProcessRunner).
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    /// Reads whatever is available (at most `maxCount` bytes); empty means EOF or an error.
    static func receive(_ fd: Int32, maxCount: Int = 65_536) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maxCount, 0) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Array(buffer[0..<count]) : []
        }
    }

    /// Writes all of `bytes`; returns false if the peer went away.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)  // a vanished client must not kill the test process
        #else
        let flags: Int32 = 0  // SO_NOSIGPIPE is set on the socket instead
        #endif
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, bytes.count - offset, flags)
            }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    static func shutdownWrite(_ fd: Int32) {
        #if canImport(Glibc)
        _ = shutdown(fd, Int32(SHUT_WR))
        #else
        _ = shutdown(fd, SHUT_WR)
        #endif
    }

    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }
}
