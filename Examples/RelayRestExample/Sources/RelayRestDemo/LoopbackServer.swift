#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One HTTP request as the server read it.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// Header fields by lowercased name.
    var headers: [String: String]
    var body: Data
}

/// A one-request HTTP/1.1 server on 127.0.0.1 (never another address), on a port the system
/// picks: enough for the demo to make a real call through `URLSessionTransport`.
final class LoopbackServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32

    init() throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw ServerError("socket") }
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else { close(listener); throw ServerError("bind/listen") }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Answers the next request on a background thread with what `respond` returns
    /// (status and JSON body), then hands the request to `completion`.
    func serveOnce(_ respond: @escaping @Sendable (ReceivedRequest) -> (Int, Data),
                   completion: @escaping @Sendable (ReceivedRequest?) -> Void) {
        let listener = listener
        Thread.detachNewThread {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return completion(nil) }
            defer { close(connection) }
            guard let request = Self.read(connection) else { return completion(nil) }
            let (status, body) = respond(request)
            let head = "HTTP/1.1 \(status) OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            let bytes = [UInt8](Data(head.utf8) + body)
            bytes.withUnsafeBytes { _ = send(connection, $0.baseAddress, $0.count, 0) }
            completion(request)
        }
    }

    /// Reads one request: the head up to the blank line, then `Content-Length` bytes of body.
    private static func read(_ connection: Int32) -> ReceivedRequest? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let end = data.range(of: separator) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                let requestLine = head[0].split(separator: " ").map(String.init)
                guard requestLine.count == 3 else { return nil }
                var headers: [String: String] = [:]
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                if data.count - end.upperBound >= length {
                    let body = data[end.upperBound..<(end.upperBound + length)]
                    return ReceivedRequest(method: requestLine[0], path: requestLine[1], headers: headers, body: Data(body))
                }
            }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    deinit { close(listener) }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ call: String) { description = "\(call) failed: errno \(errno)" }
}
