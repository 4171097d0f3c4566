import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenStreams
import GenTestSupport
import XCTest

/// A loopback server answering every request with `response`, and a client of it that never
/// retries.
func streamsClient(_ response: @escaping @Sendable (RecordedRequest) -> StubResponse) throws -> (LoopbackHTTPServer, StreamsClient) {
    let server = try LoopbackHTTPServer(handler: response)
    return (server, StreamsClient(serverURL: server.baseURL, timeout: 10, retry: .none))
}

/// Seconds since `start`, for the arrival times of items.
func seconds(since start: Date) -> TimeInterval {
    Date().timeIntervalSince(start)
}

/// `data: <json>` and the empty line that ends the event.
func event(_ json: String) -> String {
    "data: \(json)\n\n"
}
