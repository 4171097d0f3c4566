import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import XCTest

/// Runs a Hummingbird application on 127.0.0.1 (a port the system picks) with the middlewares
/// `configure` adds, calls `body` with its URL, and stops it.
func withHummingbird(_ configure: (Router<BasicRequestContext>) -> Void,
                     _ body: @Sendable (URL) async throws -> Void) async throws {
    let router = Router()
    configure(router)
    let (ports, running) = AsyncStream<Int>.makeStream()
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in running.yield(channel.localAddress?.port ?? 0) })
    let server = Task { try await app.run() }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    let first = await iterator.next()
    let port = try XCTUnwrap(first)
    XCTAssertNotEqual(port, 0, "the server did not say its port")
    try await body(try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)")))
}

/// A request sent without the generated client: what a client the spec does not describe sends.
func rawRequest(_ method: String, _ url: URL, body: String? = nil,
                contentType: String? = nil) async throws -> (status: Int, headers: [String: String], text: String) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body.map { Data($0.utf8) }
    if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try XCTUnwrap(response as? HTTPURLResponse)
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        headers["\(name)".lowercased()] = "\(value)"
    }
    return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
}

/// What the handlers were called with, in order.
actor Calls {
    private(set) var all: [String] = []

    func append(_ call: String) {
        all.append(call)
    }
}
