import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// A header value with CR or LF could end the header early and add others (RFC 9110 §5.5:
/// field values must not contain CR or LF), so the client refuses to send it at all.
final class HeaderInjectionTests: XCTestCase {
    private func assertRefusedBeforeSending(
        _ transport: RecordingTransport, file: StaticString = #filePath, line: UInt = #line,
        _ call: () async throws -> Void
    ) async {
        do {
            try await call()
            XCTFail("a header value with a line break must be refused", file: file, line: line)
        } catch HttpSurfaceError.invalidRequest(let reason) {
            XCTAssertFalse(reason.isEmpty, file: file, line: line)
        } catch {
            XCTFail("expected .invalidRequest, got \(error)", file: file, line: line)
        }
        let sent = await transport.requests
        XCTAssertEqual(sent.count, 0, "the transport must not see the request", file: file, line: line)
    }

    func testHeaderParameterWithCRLFIsRefused() async {
        let transport = RecordingTransport()
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, xTags: ["ok\r\nX-Evil: 1"])
        }
    }

    func testHeaderParameterWithLoneLFIsRefused() async {
        let transport = RecordingTransport()
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, xTags: ["a", "b\nX-Evil: 1"])
        }
    }

    func testHeaderParameterWithLoneCRIsRefused() async {
        let transport = RecordingTransport()
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, xTags: ["a\rX-Evil: 1"])
        }
    }

    func testRefusalDoesNotEchoTheValue() async {
        let transport = RecordingTransport()
        do {
            try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, xTags: ["secret\n"])
            XCTFail("must throw")
        } catch {
            XCTAssertFalse(String(describing: error).contains("secret"), "\(error)")
        }
    }

    // `"\r\n"` is a single Swift `Character`, equal to neither `"\r"` nor `"\n"`: a check over
    // Characters misses exactly the pair that HTTP/1.1 uses to end a header line.
    func testCRLFInAHeaderParameterNeverReachesTheWire() async throws {
        let server = try LoopbackHTTPServer { _ in StubResponse(status: 204) }
        defer { server.stop() }
        let client = HttpSurfaceClient(serverURL: server.baseURL, timeout: 10)
        try? await client.headerAndCookie(xRequestID: Samples.uuid, xTags: ["ok\r\nX-Evil: injected"])

        for request in server.requests {
            XCTAssertEqual(request.headerValues("X-Evil"), [], "headers received: \(request.headers)")
            XCTAssertEqual(request.headerValues("X-Tags"), [], "a refused value must not be sent at all")
        }
    }

    func testCookieParameterWithCRLFCannotInjectAHeader() async throws {
        let transport = RecordingTransport()
        // Cookie values are percent-encoded, so a line break cannot reach the header as such.
        try? await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, session: "a\r\nX-Evil: 1")

        for request in await transport.requests {
            let cookie = request.header("Cookie") ?? ""
            XCTAssertFalse(cookie.contains("\r") || cookie.contains("\n"), cookie)
            XCTAssertNil(request.header("X-Evil"))
        }
    }

    // Credentials are header values too: a token from a token endpoint or a key from a config
    // file that ends in a line break must not become extra headers either.

    func testBearerTokenWithCRLFIsRefused() async {
        let transport = RecordingTransport()
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport, authentication: .bearer("t\r\nX-Evil: 1")).withBearer()
        }
    }

    func testOAuthTokenFromClosureWithCRLFIsRefused() async {
        let transport = RecordingTransport()
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport, authentication: .oauth(token: { "t\nX-Evil: 1" })).withOAuth()
        }
    }

    func testHeaderAPIKeyWithCRLFIsRefused() async {
        let transport = RecordingTransport()
        let authentication: HttpSurfaceClient.Authentication = [.headerKey("k\r\nX-Evil: 1"), .queryKey("q")]
        await assertRefusedBeforeSending(transport) {
            try await makeClient(transport, authentication: authentication).withAPIKeys()
        }
    }
}
