import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
// `@testable` for `WireFormat`, the generated module's internal JSON coder: the models only
// write dates as RFC 3339 through it, and no operation of this spec carries a date, so the
// client cannot be used to reach it. SwiftPM enables testability in debug builds.
@testable import GenGoldenFeatures
import GenTestSupport
import XCTest



/// `value` as the generated client writes it (`WireFormat.encoder()`), in canonical form.
func wireJSON(_ value: some Encodable) throws -> String {
    try canonicalJSON(WireFormat.encoder().encode(value))
}

/// `text` decoded as the generated client reads response bodies (`WireFormat.decoder()`).
func decodeWire<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try WireFormat.decoder().decode(T.self, from: Data(text.utf8))
}

/// Decodes `text`, checks the value, re-encodes it and checks the wire form is `text` again
/// (compared canonically), and that decoding the re-encoded form gives an equal value.
@discardableResult
func assertRoundTrip<T: Codable & Equatable>(
    _ type: T.Type, _ text: String, file: StaticString = #filePath, line: UInt = #line
) throws -> T {
    let value = try decodeWire(T.self, text)
    let encoded = try wireJSON(value)
    XCTAssertEqual(encoded, try canonicalJSON(text), "re-encoded \(T.self)", file: file, line: line)
    XCTAssertEqual(try decodeWire(T.self, encoded), value, "decoded again", file: file, line: line)
    return value
}

actor RequestLog {
    private(set) var requests: [URLRequest] = []

    func append(_ request: URLRequest) {
        requests.append(request)
    }
}

/// Answers every request with one canned response and records what it was sent; no network.
struct CannedTransport: HTTPTransport {
    let log = RequestLog()
    var status: Int
    var body: String

    init(status: Int = 200, body: String = "") {
        self.status = status
        self.body = body
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        await log.append(request)
        let url = try XCTUnwrap(request.url)
        let head = try XCTUnwrap(HTTPURLResponse(
            url: url, statusCode: status, httpVersion: "HTTP/1.1",
            headerFields: ["Content-Type": "application/json", "X-Request-Id": "req-1"]))
        return (Data(body.utf8), head)
    }

    /// The only request sent, failing the test if there was not exactly one.
    func onlyRequest(file: StaticString = #filePath, line: UInt = #line) async throws -> URLRequest {
        let requests = await log.requests
        XCTAssertEqual(requests.count, 1, "requests sent", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }
}

struct UnexpectedSuccess: Error {
    var value: String

    init(value: Any) {
        self.value = String(describing: value)
    }
}

enum IDs {
    static let pet = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static let other = "9b2e8c4a-1f3d-4e5b-8a7c-6d0e1f2a3b4c"
    static var petUUID: UUID { UUID(uuidString: pet)! }
    static var otherUUID: UUID { UUID(uuidString: other)! }
}
