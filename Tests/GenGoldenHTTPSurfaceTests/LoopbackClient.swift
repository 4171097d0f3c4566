import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// A test case that talks to `LoopbackHTTPServer`s on 127.0.0.1 and stops them afterwards.
class LoopbackTestCase: XCTestCase {
    private var servers: [LoopbackHTTPServer] = []

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    /// A server answering every request with `answer`, and a client of it that sends each request once.
    func serve(_ answer: @escaping @Sendable (RecordedRequest) -> StubResponse) throws -> (LoopbackHTTPServer, HttpSurfaceClient) {
        let server = try LoopbackHTTPServer(handler: answer)
        servers.append(server)
        let client = HttpSurfaceClient(serverURL: server.baseURL,
                                       transport: URLSessionTransport(session: URLSession(configuration: .ephemeral)),
                                       timeout: 10, retry: .none)
        return (server, client)
    }
}
