import AHCRelayRest
import AsyncHTTPClient
import Foundation
import XCTest

/// The seed spec's generated client over loopback through `AsyncHTTPClientTransport`.
final class AHCSeedTests: XCTestCase {
    static let endpointID = UUID(uuidString: "3fa85f64-5717-4562-b3fc-2c963f66afa6")!
    static let endpoint = """
        {"type": "sip_endpoint", "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "username": "alice",
         "caller_id": "Front desk", "send_as": "+15551234567", "ciphers": ["AEAD_AES_256_GCM_8"], "codecs": ["OPUS"],
         "encryption": "required", "call_handler": "laml_webhooks", "calling_handler_resource_id": null,
         "call_request_url": null, "call_request_method": "POST", "call_fallback_url": null, "call_fallback_method": "GET",
         "call_status_callback_url": null, "call_status_callback_method": null, "call_laml_application_id": null,
         "call_dialogflow_agent_id": null, "call_relay_topic": null, "call_relay_topic_status_callback_url": null,
         "call_relay_context": null, "call_relay_context_status_callback_url": null, "call_relay_application": null,
         "call_video_room_id": null, "call_relay_script_url": null}
        """

    private func client(_ server: AHCTestServer, timeout: TimeInterval? = nil) -> AHCRelayRestClient {
        AHCRelayRestClient(serverURL: server.baseURL, authentication: .basic(username: "project", password: "token"),
                           transport: AsyncHTTPClientTransport(), timeout: timeout, retry: .none)
    }

    func testAnUpdateIsSentAndItsAnswerDecoded() async throws {
        let server = try await AHCTestServer.start { _ in .json(200, Self.endpoint) }
        defer { Task { await server.stop() } }
        let endpoint = try await client(server).updateSipEndpoint(
            id: Self.endpointID, body: .init(callerID: "Front desk", encryption: .required))
        XCTAssertEqual(endpoint.username, "alice")
        XCTAssertEqual(endpoint.callerID, "Front desk")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "PUT")
        XCTAssertEqual(request.uri, "/endpoints/sip/3fa85f64-5717-4562-b3fc-2c963f66afa6")
        XCTAssertEqual(request.headers["authorization"], "Basic cHJvamVjdDp0b2tlbg==")
        XCTAssertEqual(request.headers["content-type"], "application/json")
        XCTAssertEqual(request.headers["content-length"], String(request.bodyCount))
        let sent = try XCTUnwrap(JSONSerialization.jsonObject(with: request.body) as? [String: String])
        XCTAssertEqual(sent, ["caller_id": "Front desk", "encryption": "required"])
    }

    func testADocumentedErrorStatusThrowsItsDecodedBody() async throws {
        let server = try await AHCTestServer.start { _ in
            .json(422, #"{"errors":[{"detail":"d","status":"422","title":"t","code":"c"}]}"#)
        }
        defer { Task { await server.stop() } }
        do {
            _ = try await client(server).updateSipEndpoint(id: Self.endpointID)
            XCTFail("no error")
        } catch AHCRelayRestError.response(let status, _, .typesStatusCodesValidationError(let body), _) {
            XCTAssertEqual(status, 422)
            XCTAssertEqual(body.errors.first?.code, "c")
        }
    }

    /// A server that does not answer: the request ends after 0.5 s (FoundationNetworking would
    /// end it at once, as it rounds timeouts down to whole seconds), as a timeout.
    func testAHalfSecondTimeoutEndsTheRequestAfterHalfASecond() async throws {
        let server = try await AHCTestServer.start { _ in .silence(.seconds(10)) }
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        do {
            _ = try await client(server, timeout: 0.5).updateSipEndpoint(id: Self.endpointID)
            XCTFail("no error")
        } catch AHCRelayRestError.transport(let error) {
            XCTAssertEqual((error as? URLError)?.code, .timedOut, "\(error)")
        }
        let elapsed = ContinuousClock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(480))
        XCTAssertLessThan(elapsed, .milliseconds(1500))
    }

    /// Cancelling the calling task while it waits for the head ends the request at once.
    func testCancellingTheTaskEndsTheRequest() async throws {
        let server = try await AHCTestServer.start { _ in .silence(.seconds(10)) }
        defer { Task { await server.stop() } }
        let client = client(server)
        let id = Self.endpointID
        let call = Task { try await client.updateSipEndpoint(id: id) }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        call.cancel()
        do {
            _ = try await call.value
            XCTFail("no error")
        } catch AHCRelayRestError.transport(let error) {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(500))
    }
}
