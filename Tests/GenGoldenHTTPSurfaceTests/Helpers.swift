import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// A canned answer from `RecordingTransport`.
struct CannedResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static let noContent = CannedResponse(status: 204)

    static func json(_ status: Int, _ text: String, contentType: String = "application/json",
                     headers: [String: String] = [:]) -> CannedResponse {
        CannedResponse(status: status, headers: headers.merging(["Content-Type": contentType]) { a, _ in a },
                       body: Data(text.utf8))
    }
}

actor RequestLog {
    private(set) var requests: [URLRequest] = []

    func append(_ request: URLRequest) {
        requests.append(request)
    }
}

/// Records every `URLRequest` the client hands to its transport and answers with a canned
/// response; no network.
struct RecordingTransport: HTTPTransport {
    let log = RequestLog()
    let respond: @Sendable (URLRequest) -> CannedResponse

    init(_ response: CannedResponse = .noContent) {
        respond = { _ in response }
    }

    init(respond: @escaping @Sendable (URLRequest) -> CannedResponse) {
        self.respond = respond
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        await log.append(request)
        let answer = respond(request)
        let url = try XCTUnwrap(request.url)
        let head = try XCTUnwrap(HTTPURLResponse(
            url: url, statusCode: answer.status, httpVersion: "HTTP/1.1", headerFields: answer.headers))
        return (answer.body, head)
    }

    var requests: [URLRequest] {
        get async { await log.requests }
    }

    /// The only request sent, failing the test if there was not exactly one.
    func onlyRequest(file: StaticString = #filePath, line: UInt = #line) async throws -> URLRequest {
        let requests = await log.requests
        XCTAssertEqual(requests.count, 1, "requests sent", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }
}

/// A client at `https://api.test` over `transport`.
func makeClient(_ transport: some HTTPTransport, authentication: HttpSurfaceClient.Authentication? = nil,
                middlewares: [any HTTPMiddleware] = [], timeout: TimeInterval? = nil,
                retry: RetryPolicy = .default) -> HttpSurfaceClient {
    HttpSurfaceClient(serverURL: URL(string: "https://api.test")!, authentication: authentication,
                      transport: transport, middlewares: middlewares, timeout: timeout, retry: retry)
}

extension URLRequest {
    /// The request target as sent: the percent-encoded path, and `?query` when there is one.
    var target: String {
        guard let url, let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "" }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The raw `name=value` parts of the query, still percent-encoded, in order.
    var rawQueryPairs: [String] {
        guard let url, let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery,
              !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
    }

    /// The query as a server reads it back: each name and value percent-decoded.
    var decodedQuery: [(name: String, value: String)] {
        guard let url, let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems else { return [] }
        return items.map { ($0.name, $0.value ?? "") }
    }

    func header(_ name: String) -> String? {
        value(forHTTPHeaderField: name)
    }

    var bodyText: String {
        String(decoding: httpBody ?? Data(), as: UTF8.self)
    }
}

/// The raw query pairs grouped by name (stable within a name), so that the order of different
/// parameters does not matter but the order of a repeated one does.
func groupedByName(_ pairs: [String]) -> [String] {
    pairs.enumerated().sorted { lhs, rhs in
        let l = lhs.element.prefix { $0 != "=" }, r = rhs.element.prefix { $0 != "=" }
        return l == r ? lhs.offset < rhs.offset : l < r
    }.map(\.element)
}


struct UnexpectedSuccess: Error {}

enum Samples {
    static let uuid = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!
    static let itemJSON = #"{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","name":"Lamp","price":9.5}"#
}
