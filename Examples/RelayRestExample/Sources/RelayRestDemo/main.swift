import Foundation
import RelayRest

// Starts a one-request server on 127.0.0.1, calls it through the generated client, checks
// what went over the wire both ways, and prints one result line. Exit status 0 means it worked.

let endpointID = UUID(uuidString: "3fa85f64-5717-4562-b3fc-2c963f66afa6")!
let received = Received()

func responseBody(callerID: String?) -> Data {
    let callerJSON = callerID.map { "\"\($0)\"" } ?? "null"
    return Data("""
        {"type": "sip_endpoint", "id": "\(endpointID.uuidString.lowercased())", "username": "alice",
         "caller_id": \(callerJSON), "send_as": "+15551234567", "ciphers": [], "codecs": ["OPUS"],
         "encryption": "required", "call_handler": null, "calling_handler_resource_id": null,
         "call_request_url": null, "call_request_method": null, "call_fallback_url": null,
         "call_fallback_method": null, "call_status_callback_url": null, "call_status_callback_method": null,
         "call_laml_application_id": null, "call_dialogflow_agent_id": null, "call_relay_topic": null,
         "call_relay_topic_status_callback_url": null, "call_relay_context": null,
         "call_relay_context_status_callback_url": null, "call_relay_application": null,
         "call_video_room_id": null, "call_relay_script_url": null}
        """.utf8)
}

/// The request the server saw, handed over from its thread.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ReceivedRequest?
    func set(_ request: ReceivedRequest?) { lock.withLock { value = request } }
    func get() -> ReceivedRequest? { lock.withLock { value } }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("RelayRestDemo: FAIL: \(message)\n".utf8))
    exit(1)
}

do {
    let server = try LoopbackServer()
    server.serveOnce({ request in
        let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        return (200, responseBody(callerID: body?["caller_id"] as? String))
    }, completion: { received.set($0) })

    let client = RelayRestClient(
        serverURL: URL(string: "http://127.0.0.1:\(server.port)")!,
        authentication: .basic(username: "project-id", password: "api-token"),
        middlewares: [LoggingMiddleware()])
    let endpoint = try await client.updateSipEndpoint(
        id: endpointID, body: .init(callerID: "Front desk", encryption: .required))

    guard let request = received.get() else { fail("the server saw no request") }
    guard request.method == "PUT", request.path == "/endpoints/sip/\(endpointID.uuidString.lowercased())" else {
        fail("unexpected request line \(request.method) \(request.path)")
    }
    let credentials = Data("project-id:api-token".utf8).base64EncodedString()
    guard request.headers["authorization"] == "Basic \(credentials)" else { fail("missing or wrong Authorization header") }
    guard endpoint.id == endpointID, endpoint.username == "alice", endpoint.callerID == "Front desk",
          endpoint.encryption == .required else {
        fail("unexpected response \(endpoint)")
    }
    print("RelayRestDemo: ok: PUT \(request.path) -> \(endpoint.username), callerID \(endpoint.callerID ?? "nil"), encryption \(endpoint.encryption.rawValue)")
} catch {
    fail("\(error)")
}
