import Foundation

/// Serves exactly one request on an accepted socket, then closes it.
struct LoopbackHTTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    /// Request heads larger than this are rejected rather than buffered without limit.
    private static let maxHeadSize = 1 << 20

    init(fd: Int32) {
        self.fd = fd
    }

    /// Reads one request, asks `respond` for the answer, writes it and closes the socket.
    mutating func serve(record: (RecordedRequest) -> Void, respond: (RecordedRequest) -> StubResponse) {
        defer {
            Socket.shutdownWrite(fd)
            Socket.closeDescriptor(fd)
        }
        guard let head = readHead() else { return }
        guard let (method, target, headers) = Self.parseHead(head) else {
            write(StubResponse(status: 400, headers: [], body: Data("malformed request head\n".utf8)), method: "GET")
            return
        }
        var request = RecordedRequest(method: method, path: target, headers: headers, body: Data())

        // libcurl waits (about a second) for this interim response before sending a body.
        if let expect = request.header("Expect"), expect.lowercased() == "100-continue" {
            Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let body: [UInt8]?
        if let encoding = request.header("Transfer-Encoding"), encoding.lowercased().contains("chunked") {
            body = readChunkedBody()
        } else if let length = request.header("Content-Length") {
            guard let count = Int(length.trimmingCharacters(in: .whitespaces)), count >= 0 else {
                write(StubResponse(status: 400, headers: [], body: Data("bad Content-Length\n".utf8)), method: method)
                return
            }
            body = readExactly(count)
        } else {
            body = []
        }
        guard let body else { return }  // the client hung up mid-body; nobody is listening
        request.body = Data(body)
        record(request)
        let response = respond(request)
        guard !response.dropsConnection else { return }  // the deferred close hangs up
        write(response, method: method)
    }

    // MARK: Reading

    private var available: Int { buffer.count - position }

    /// Pulls more bytes from the socket; false on EOF, error or timeout.
    private mutating func fill() -> Bool {
        if position > 0 && position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        }
        let bytes = Socket.receive(fd)
        buffer.append(contentsOf: bytes)
        return !bytes.isEmpty
    }

    /// Returns the bytes up to (excluding) the first occurrence of `delimiter`, consuming both.
    private mutating func readUntil(_ delimiter: [UInt8], limit: Int) -> [UInt8]? {
        // Relative to `position`, because fill() may compact the buffer.
        var searched = 0
        while true {
            if let end = Self.find(delimiter, in: buffer, from: position + searched) {
                let result = Array(buffer[position..<end])
                position = end + delimiter.count
                return result
            }
            if available > limit { return nil }
            searched = max(0, available - delimiter.count + 1)
            guard fill() else { return nil }
        }
    }

    private mutating func readExactly(_ count: Int) -> [UInt8]? {
        while available < count {
            guard fill() else { return nil }
        }
        let result = Array(buffer[position..<position + count])
        position += count
        return result
    }

    private mutating func readHead() -> [UInt8]? {
        readUntil([13, 10, 13, 10], limit: Self.maxHeadSize)
    }

    private mutating func readChunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let line = readUntil([13, 10], limit: 4096) else { return nil }
            // Chunk extensions (";name=value") carry nothing we need.
            let sizeText = String(decoding: line, as: UTF8.self)
                .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            if size == 0 {
                // Trailer fields, if any, end with an empty line.
                while let trailer = readUntil([13, 10], limit: Self.maxHeadSize), !trailer.isEmpty {}
                return body
            }
            guard let chunk = readExactly(size), readExactly(2) == [13, 10] else { return nil }
            body += chunk
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    static func parseHead(_ head: [UInt8]) -> (String, String, [(name: String, value: String)])? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, !requestLine[1].isEmpty,
              requestLine[2].hasPrefix("HTTP/") else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            headers.append((name: name, value: value))
        }
        return (String(requestLine[0]), String(requestLine[1]), headers)
    }

    // MARK: Writing

    private func write(_ response: StubResponse, method: String) {
        // 1xx, 204 and 304 never have content, and HEAD gets the headers only.
        let bodyless = (100..<200).contains(response.status) || response.status == 204 || response.status == 304
        var head = "HTTP/1.1 \(response.status) \(Self.reasonPhrase(response.status))\r\n"
        var hasLength = false
        for (name, value) in response.headers where name.lowercased() != "connection" {
            if name.lowercased() == "content-length" { hasLength = true }
            head += "\(name): \(value)\r\n"
        }
        if !hasLength && !bodyless && response.streamed == nil {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if let streamed = response.streamed {
            guard Socket.sendAll(fd, bytes) else { return }
            streamed.write(on: fd)
            return
        }
        if !bodyless && method != "HEAD" {
            bytes += response.body
        }
        Socket.sendAll(fd, bytes)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
