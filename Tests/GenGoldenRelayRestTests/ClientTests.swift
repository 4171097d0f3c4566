import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenRelayRest
import GenTestSupport
import XCTest

/// The generated client against a real HTTP server on 127.0.0.1.
final class ClientTests: XCTestCase {
    private static let endpointID = UUID(uuidString: Payloads.endpointID.uppercased())!
    private static let expectedAuthorization = "Basic " + Data("project:token".utf8).base64EncodedString()

    private var servers: [LoopbackHTTPServer] = []

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    private func startServer(_ response: StubResponse) throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer { _ in response }
        servers.append(server)
        return server
    }

    /// `.none`: these tests are about what one response becomes; a 502, 503, 504 or a closed
    /// port would be retried, with waits of up to 1.5 s (RetryTests covers retries).
    private func client(_ serverURL: URL) -> RelayRestClient {
        RelayRestClient(
            serverURL: serverURL,
            authentication: .basic(username: "project", password: "token"),
            transport: URLSessionTransport(session: URLSession(configuration: .ephemeral)),
            retry: .none)
    }

    /// Calls the operation, expecting it to throw, and checks the error's text leaks no secret;
    /// any other error, including success, fails the calling test by propagating.
    private func updateError(
        _ serverURL: URL, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> RelayRestError {
        do {
            let value = try await client(serverURL).updateSipEndpoint(
                id: Self.endpointID, body: .init(callerID: "Front desk", encryption: .required))
            throw UnexpectedSuccess(value: value)
        } catch let error as RelayRestError {
            let text = String(describing: error)
            XCTAssertFalse(text.contains("token"), "the password leaks: \(text)", file: file, line: line)
            XCTAssertFalse(text.contains(Self.expectedAuthorization.dropFirst(6)),
                           "the credentials leak: \(text)", file: file, line: line)
            return error
        }
    }

    // MARK: - Success

    func testUpdateSendsAuthenticatedJSONPutAndDecodesTheEndpoint() async throws {
        let server = try startServer(.json(200, Payloads.sipEndpoint))

        let endpoint = try await client(server.baseURL).updateSipEndpoint(
            id: Self.endpointID, body: .init(callerID: "Front desk", encryption: .required))

        XCTAssertEqual(server.requests.count, 1)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "PUT")
        XCTAssertEqual(request.path, "/endpoints/sip/\(Payloads.endpointID)")
        XCTAssertEqual(request.header("Authorization"), Self.expectedAuthorization)
        XCTAssertEqual(request.header("Authorization"), "Basic cHJvamVjdDp0b2tlbg==")
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(request.header("Accept"), "application/json")
        XCTAssertEqual(try canonicalJSON(request.body), #"{"caller_id":"Front desk","encryption":"required"}"#)

        XCTAssertEqual(endpoint.id, Self.endpointID)
        XCTAssertEqual(endpoint.username, "alice")
        XCTAssertNil(endpoint.callerID)
        XCTAssertEqual(endpoint.encryption, .required)
        XCTAssertEqual(endpoint.callHandler, .lamlWebhooks)
        XCTAssertEqual(endpoint.callRequestMethod, .post)
    }

    func testServerURLWithBasePathKeepsIt() async throws {
        let server = try startServer(.json(200, Payloads.sipEndpoint))
        for base in [server.baseURL.appendingPathComponent("api/relay/rest"),
                     try XCTUnwrap(URL(string: server.baseURL.absoluteString + "/api/relay/rest/"))] {
            _ = try await client(base).updateSipEndpoint(id: Self.endpointID)
        }
        XCTAssertEqual(server.requests.map(\.path), [
            "/api/relay/rest/endpoints/sip/\(Payloads.endpointID)",
            "/api/relay/rest/endpoints/sip/\(Payloads.endpointID)",
        ])
    }

    func testWithoutBodySendsNeitherBodyNorContentType() async throws {
        let server = try startServer(.json(200, Payloads.sipEndpoint))
        _ = try await client(server.baseURL).updateSipEndpoint(id: Self.endpointID)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.body, Data())
        XCTAssertNil(request.header("Content-Type"))
    }

    // MARK: - Documented errors

    func testValidationErrorIsThrownWithItsDecodedBody() async throws {
        let server = try startServer(.json(422, #"{"errors":[{"detail":"d","status":"422","title":"t","code":"c"}]}"#))
        let error = try await updateError(server.baseURL)

        guard case .response(let status, let headers, .typesStatusCodesValidationError(let value), _) = error else {
            return XCTFail("expected a 422 validation error, got \(error)")
        }
        XCTAssertEqual(status, 422)
        XCTAssertEqual(error.status, 422)
        XCTAssertEqual(value.errors.count, 1)
        XCTAssertEqual(value.errors[0].code, "c")
        XCTAssertEqual(value.errors[0].detail, "d")
        XCTAssertEqual(headerValue(headers, "content-type"), "application/json")
    }

    func testNotFoundIsThrownWithItsDecodedBody() async throws {
        let server = try startServer(.json(404, #"{"error":"Not Found"}"#))
        let error = try await updateError(server.baseURL)
        guard case .response(404, _, .typesStatusCodesStatusCode404(let value), _) = error else {
            return XCTFail("expected a 404 body, got \(error)")
        }
        XCTAssertEqual(value.error, .notFound)
        // `==` compares raw values; the pattern proves the decoder chose the documented case.
        guard case .notFound = value.error else { return XCTFail("got \(value.error)") }
        XCTAssertEqual(error.status, 404)
    }

    func testUnauthorizedAndServerErrorAreThrownWithTheirBodies() async throws {
        let unauthorized = try await updateError(try startServer(.json(401, #"{"error":"Unauthorized"}"#)).baseURL)
        guard case .response(401, _, .typesStatusCodesStatusCode401(let body401), _) = unauthorized else {
            return XCTFail("expected a 401 body, got \(unauthorized)")
        }
        XCTAssertEqual(body401.error, .unauthorized)

        let failure = try await updateError(try startServer(.json(500, #"{"error":"Internal Server Error"}"#)).baseURL)
        guard case .response(500, _, .typesStatusCodesStatusCode500(let body500), _) = failure else {
            return XCTFail("expected a 500 body, got \(failure)")
        }
        XCTAssertEqual(body500.error, .internalServerError)
    }

    // MARK: - Other failures

    func testUndocumentedStatusKeepsTheRawBody() async throws {
        let server = try startServer(.text(418, "teapot"))
        let error = try await updateError(server.baseURL)
        guard case .undocumented(let status, let headers, let body) = error else {
            return XCTFail("expected an undocumented status, got \(error)")
        }
        XCTAssertEqual(status, 418)
        XCTAssertEqual(error.status, 418)
        XCTAssertEqual(body, Data("teapot".utf8))
        XCTAssertEqual(headerValue(headers, "Content-Type"), "text/plain; charset=utf-8")
    }

    func testBodyNotMatchingTheSchemaNamesTheJSONPath() async throws {
        let payload = try Payloads.sipEndpoint(setting: "id", to: 5)
        let server = try startServer(.json(200, String(decoding: payload, as: UTF8.self)))
        let error = try await updateError(server.baseURL)
        guard case .decoding(let status, let path, let message, let headers, let body) = error else {
            return XCTFail("expected a decoding error, got \(error)")
        }
        XCTAssertEqual(status, 200)
        XCTAssertEqual(path, "$.id")
        XCTAssertFalse(message.isEmpty)
        XCTAssertEqual(error.status, 200)
        XCTAssertEqual(body, payload, "the body as received")
        XCTAssertEqual(headers["content-type"], "application/json")
        XCTAssertEqual(error.contentType, "application/json")
        XCTAssertTrue(error.description.hasPrefix("HTTP 200: the body does not match its schema at $.id: "), error.description)
        XCTAssertTrue(error.description.contains("; application/json, \(payload.count) bytes: \"{"), error.description)
    }

    /// A body that is not JSON at all, and its description: the message, then the body as text.
    func testInvalidJSONKeepsTheBodyAndShowsItInTheDescription() async throws {
        let server = try startServer(.json(200, "{not json"))
        let error = try await updateError(server.baseURL)
        guard case .decoding(200, "$", let message, _, let body) = error else {
            return XCTFail("expected a decoding error, got \(error)")
        }
        XCTAssertEqual(body, Data("{not json".utf8))
        XCTAssertEqual(error.description, #"HTTP 200: the body does not match its schema at $: \#(message); application/json, 9 bytes: "{not json""#)
    }

    func testErrorBodyNotMatchingTheSchemaNamesTheNestedPath() async throws {
        let server = try startServer(.json(422, #"{"errors":[{"detail":"d","status":"422","title":"t"}]}"#))
        let error = try await updateError(server.baseURL)
        guard case .decoding(422, let path, _, _, _) = error else {
            return XCTFail("expected a decoding error, got \(error)")
        }
        XCTAssertEqual(path, "$.errors[0].code")
    }

    func testInvalidJSONIsADecodingErrorAtTheRoot() async throws {
        let server = try startServer(.json(200, "{not json"))
        let error = try await updateError(server.baseURL)
        guard case .decoding(200, let path, _, _, _) = error else {
            return XCTFail("expected a decoding error, got \(error)")
        }
        XCTAssertEqual(path, "$")
    }

    func testClosedPortIsATransportError() async throws {
        let server = try LoopbackHTTPServer { _ in .json(200, Payloads.sipEndpoint) }
        let url = server.baseURL
        server.stop()

        let error = try await updateError(url)
        guard case .transport(let underlying) = error else {
            return XCTFail("expected a transport error, got \(error)")
        }
        XCTAssertNil(error.status)
        XCTAssertNil(error.contentType)
        XCTAssertEqual((underlying as? URLError)?.code, .cannotConnectToHost)
        // Foundation's text: "Could not connect to the server." on Apple platforms, curl's on Linux.
        let text = String(reflecting: underlying.localizedDescription)
        XCTAssertEqual(error.description, "the request failed before a response arrived: URLError -1004 \(text) (NSURLErrorDomain)")
    }

    /// An HTML error page from a proxy, at a status the operation does not document: the error
    /// keeps it, and its description shows its start (200 characters, on one line) and size.
    func testUndocumentedHTMLPageIsKeptAndShownCutShort() async throws {
        let page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1>"
            + String(repeating: "<p>The requested URL was not found on this server.</p>", count: 5) + "</body></html>\n"
        let server = try startServer(StubResponse(status: 502, headers: [("Content-Type", "text/html; charset=iso-8859-1")],
                                                  body: Data(page.utf8)))
        let error = try await updateError(server.baseURL)
        guard case .undocumented(502, _, let body) = error else {
            return XCTFail("expected an undocumented status, got \(error)")
        }
        XCTAssertEqual(body, Data(page.utf8))
        XCTAssertEqual(error.contentType, "text/html; charset=iso-8859-1")
        let shown = String(reflecting: String(page.prefix(200)) + "…")
        XCTAssertEqual(error.description, "HTTP 502 (undocumented status), text/html; charset=iso-8859-1, \(page.utf8.count) bytes: \(shown)")
        XCTAssertTrue(error.description.hasSuffix(#"<p>The requested URL was not found on this server.</p>…""#), error.description)
        XCTAssertFalse(error.description.contains("\n"), "one line")
    }

    func testUndocumentedBinaryBodyIsShownByItsSize() async throws {
        let server = try startServer(StubResponse(status: 503, headers: [("Content-Type", "application/octet-stream")],
                                                  body: Data([0, 1, 2, 255])))
        let error = try await updateError(server.baseURL)
        XCTAssertEqual(error.description, "HTTP 503 (undocumented status), application/octet-stream, 4 bytes")
        let empty = try startServer(StubResponse(status: 504))
        let emptyError = try await updateError(empty.baseURL)
        XCTAssertEqual(emptyError.description, "HTTP 504 (undocumented status), no content type, 0 bytes")
    }

    func testDefaultServerURLIsTheSpecsFirstServer() {
        XCTAssertEqual(RelayRestClient.defaultServerURL.absoluteString, "https://YOUR_SPACE.signalwire.com/api/relay/rest")
        XCTAssertEqual(RelayRestClient().serverURL, RelayRestClient.defaultServerURL)
        XCTAssertNil(RelayRestClient().authentication)
    }

    private func headerValue(_ headers: [String: String], _ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

private struct UnexpectedSuccess: Error {
    var value: SipEndpointResponse
}
