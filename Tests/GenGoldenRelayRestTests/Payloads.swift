import Foundation
import GenTestSupport
import XCTest

/// JSON documents shared by the model and client tests.
enum Payloads {
    static let endpointID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static let handlerResourceID = "9b2e8c4a-1f3d-4e5b-8a7c-6d0e1f2a3b4c"

    /// A response as SignalWire sends it: every required key present, the unused handler
    /// settings `null`.
    static let sipEndpoint = """
        {
          "type": "sip_endpoint",
          "id": "\(endpointID)",
          "username": "alice",
          "caller_id": null,
          "send_as": "+15551234567",
          "ciphers": ["AEAD_AES_256_GCM_8", "AES_CM_128_HMAC_SHA1_80"],
          "codecs": ["OPUS", "PCMU"],
          "encryption": "required",
          "call_handler": "laml_webhooks",
          "calling_handler_resource_id": "\(handlerResourceID)",
          "call_request_url": "https://example.com/laml/inbound",
          "call_request_method": "POST",
          "call_fallback_url": null,
          "call_fallback_method": "GET",
          "call_status_callback_url": null,
          "call_status_callback_method": null,
          "call_laml_application_id": null,
          "call_dialogflow_agent_id": null,
          "call_relay_topic": null,
          "call_relay_topic_status_callback_url": null,
          "call_relay_context": null,
          "call_relay_context_status_callback_url": null,
          "call_relay_application": null,
          "call_video_room_id": null,
          "call_relay_script_url": null
        }
        """

    /// `sipEndpoint` with `key` removed, for the tests about required keys.
    static func sipEndpoint(without key: String) throws -> Data {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(sipEndpoint.utf8)) as? [String: Any])
        XCTAssertNotNil(object.removeValue(forKey: key), "the payload has no key \(key)")
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// `sipEndpoint` with `key` set to `value` (`NSNull()` for `null`).
    static func sipEndpoint(setting key: String, to value: Any) throws -> Data {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(sipEndpoint.utf8)) as? [String: Any])
        object[key] = value
        return try JSONSerialization.data(withJSONObject: object)
    }
}


