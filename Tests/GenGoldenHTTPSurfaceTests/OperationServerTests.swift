import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import XCTest

/// An operation with `servers` of its own goes there, not to the client's server, unless the
/// caller names another (OpenAPI: operation-level servers override the document's).
final class OperationServerTests: XCTestCase {
    func testOwnServerIsTheDefault() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).uploadRaw(body: Data([1, 2]))
        let sent = try await transport.onlyRequest()
        XCTAssertEqual(sent.url?.absoluteString, "https://uploads.example.com/v1/uploads/raw")
    }

    func testCallerCanSendItElsewhere() async throws {
        let transport = RecordingTransport()
        let elsewhere = try XCTUnwrap(URL(string: "http://127.0.0.1:9/base"))
        try await makeClient(transport).uploadRaw(body: Data([1, 2]), serverURL: elsewhere)
        let sent = try await transport.onlyRequest()
        XCTAssertEqual(sent.url?.absoluteString, "http://127.0.0.1:9/base/uploads/raw")
    }

    func testOtherOperationsKeepTheClientServer() async throws {
        let transport = RecordingTransport(CannedResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data("ok".utf8)))
        _ = try await makeClient(transport).putText(body: "x")
        let sent = try await transport.onlyRequest()
        XCTAssertEqual(sent.url?.absoluteString, "https://api.test/bodies/text")
    }
}
