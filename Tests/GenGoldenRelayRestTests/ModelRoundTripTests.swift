import Foundation
import GenGoldenRelayRest
import GenTestSupport
import XCTest

final class ModelRoundTripTests: XCTestCase {
    private func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    // MARK: - SipEndpointResponse

    func testSipEndpointResponseDecodesRealisticPayload() throws {
        let endpoint = try decode(SipEndpointResponse.self, Payloads.sipEndpoint)

        XCTAssertEqual(endpoint.type, "sip_endpoint")
        XCTAssertEqual(endpoint.id, UUID(uuidString: Payloads.endpointID))
        XCTAssertEqual(endpoint.username, "alice")
        XCTAssertNil(endpoint.callerID)
        XCTAssertEqual(endpoint.sendAs, "+15551234567")
        XCTAssertEqual(endpoint.ciphers, ["AEAD_AES_256_GCM_8", "AES_CM_128_HMAC_SHA1_80"])
        XCTAssertEqual(endpoint.codecs, ["OPUS", "PCMU"])
        XCTAssertEqual(endpoint.encryption, .required)
        XCTAssertEqual(endpoint.callHandler, .lamlWebhooks)
        XCTAssertEqual(endpoint.callingHandlerResourceID, UUID(uuidString: Payloads.handlerResourceID))
        XCTAssertEqual(endpoint.callRequestURL, "https://example.com/laml/inbound")
        XCTAssertEqual(endpoint.callRequestMethod, .post)
        XCTAssertNil(endpoint.callFallbackURL)
        XCTAssertEqual(endpoint.callFallbackMethod, .get)
        XCTAssertNil(endpoint.callStatusCallbackMethod)
        XCTAssertNil(endpoint.callVideoRoomID)
        XCTAssertNil(endpoint.callRelayScriptURL)
    }

    func testSipEndpointResponseReencodesToTheSameWireForm() throws {
        let endpoint = try decode(SipEndpointResponse.self, Payloads.sipEndpoint)
        let encoded = try encode(endpoint)

        // Canonical forms differ if a key is dropped, a null becomes absent, or a UUID changes case.
        XCTAssertEqual(try canonicalJSON(encoded), try canonicalJSON(Payloads.sipEndpoint))
        XCTAssertTrue(encoded.contains(#""caller_id":null"#), encoded)
        XCTAssertTrue(encoded.contains(#""id":"\#(Payloads.endpointID)""#), encoded)
        XCTAssertTrue(encoded.contains(#""calling_handler_resource_id":"\#(Payloads.handlerResourceID)""#), encoded)
        XCTAssertEqual(try decode(SipEndpointResponse.self, encoded), endpoint)
    }

    func testSipEndpointResponseWritesUUIDsLowercaseAndNilsAsNull() throws {
        // Foundation's uuidString is uppercase; the wire form the spec's examples use is lowercase.
        let endpoint = SipEndpointResponse(
            type: "sip_endpoint", id: try XCTUnwrap(UUID(uuidString: "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE")),
            username: "bob", callerID: nil, sendAs: "random", ciphers: [], codecs: ["G722"],
            encryption: .optional, callHandler: .videoRoom,
            callingHandlerResourceID: try XCTUnwrap(UUID(uuidString: "ABCDEF01-2345-4678-9ABC-DEF012345678")),
            callRequestURL: nil, callRequestMethod: nil, callFallbackURL: nil, callFallbackMethod: nil,
            callStatusCallbackURL: nil, callStatusCallbackMethod: nil, callLamlApplicationID: nil,
            callDialogflowAgentID: nil, callRelayTopic: nil, callRelayTopicStatusCallbackURL: nil,
            callRelayContext: nil, callRelayContextStatusCallbackURL: nil, callRelayApplication: nil,
            callVideoRoomID: try XCTUnwrap(UUID(uuidString: "FEDCBA98-7654-4321-8FED-CBA987654321")),
            callRelayScriptURL: nil)

        let expected = """
            {"call_dialogflow_agent_id":null,"call_fallback_method":null,"call_fallback_url":null,\
            "call_handler":"video_room","call_laml_application_id":null,"call_relay_application":null,\
            "call_relay_context":null,"call_relay_context_status_callback_url":null,"call_relay_script_url":null,\
            "call_relay_topic":null,"call_relay_topic_status_callback_url":null,"call_request_method":null,\
            "call_request_url":null,"call_status_callback_method":null,"call_status_callback_url":null,\
            "call_video_room_id":"fedcba98-7654-4321-8fed-cba987654321","caller_id":null,\
            "calling_handler_resource_id":"abcdef01-2345-4678-9abc-def012345678","ciphers":[],"codecs":["G722"],\
            "encryption":"optional","id":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee","send_as":"random",\
            "type":"sip_endpoint","username":"bob"}
            """
        XCTAssertEqual(try canonicalJSON(try encode(endpoint)), try canonicalJSON(expected))
        XCTAssertEqual(try decode(SipEndpointResponse.self, try encode(endpoint)), endpoint)
    }

    func testSipEndpointResponseMissingRequiredKeyFailsWithKeyNotFound() throws {
        for key in ["type", "id", "username", "send_as", "ciphers", "codecs", "encryption"] {
            let data = try Payloads.sipEndpoint(without: key)
            XCTAssertThrowsError(try JSONDecoder().decode(SipEndpointResponse.self, from: data), key) { error in
                guard case DecodingError.keyNotFound(let missing, _) = error else {
                    return XCTFail("\(key): expected keyNotFound, got \(error)")
                }
                XCTAssertEqual(missing.stringValue, key)
            }
        }
    }

    func testSipEndpointResponseNullForNonNullableKeyFails() throws {
        let data = try Payloads.sipEndpoint(setting: "username", to: NSNull())
        XCTAssertThrowsError(try JSONDecoder().decode(SipEndpointResponse.self, from: data)) { error in
            guard case DecodingError.valueNotFound(_, let context) = error else {
                return XCTFail("expected valueNotFound, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["username"])
        }
    }

    // MARK: - UpdateSipEndpointRequest

    func testUpdateRequestOmitsPropertiesThatAreNil() throws {
        let request = UpdateSipEndpointRequest(callerID: "Front desk", encryption: .required)
        XCTAssertEqual(try encode(request), #"{"caller_id":"Front desk","encryption":"required"}"#)
        XCTAssertEqual(try encode(UpdateSipEndpointRequest()), "{}")
    }

    func testUpdateRequestWritesUUIDsLowercase() throws {
        let request = UpdateSipEndpointRequest(
            callVideoRoomID: UUID(uuidString: "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"),
            callFlowID: UUID(uuidString: "11111111-2222-4333-8444-55555555AAAA"),
            callAiAgentID: UUID(uuidString: "BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF"))
        let encoded = try encode(request)
        XCTAssertEqual(encoded, """
            {"call_ai_agent_id":"bbbbbbbb-cccc-4ddd-8eee-ffffffffffff",\
            "call_flow_id":"11111111-2222-4333-8444-55555555aaaa",\
            "call_video_room_id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}
            """)
        XCTAssertEqual(try decode(UpdateSipEndpointRequest.self, encoded), request)
    }

    func testUpdateRequestWithEveryPropertyRoundTrips() throws {
        let request = UpdateSipEndpointRequest(
            username: "alice", password: "hunter2", callerID: "Front desk", sendAs: "+15551234567",
            ciphers: ["AEAD_AES_256_GCM_8"], codecs: ["OPUS", "PCMA"], encryption: .default,
            callHandler: .relayScript, callRequestURL: "https://example.com/r", callRequestMethod: .get,
            callFallbackURL: "https://example.com/f", callFallbackMethod: .post,
            callStatusCallbackURL: "https://example.com/s", callStatusCallbackMethod: .undocumented("PATCH"),
            callLamlApplicationID: "laml-1", callDialogflowAgentID: "df-1", callRelayTopic: "topic",
            callRelayTopicStatusCallbackURL: "https://example.com/t", callRelayContext: "office",
            callRelayContextStatusCallbackURL: "https://example.com/c", callRelayApplication: "app",
            callVideoRoomID: UUID(), callFlowID: UUID(), callFlowVersion: "working_copy",
            callAiAgentID: UUID(), callRelayScriptURL: "https://example.com/swml")

        let data = Data(try encode(request).utf8)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object.count, 26, "one key per property: \(object.keys.sorted())")
        XCTAssertEqual(object["encryption"] as? String, "default")
        XCTAssertEqual(object["call_handler"] as? String, "relay_script")
        XCTAssertEqual(object["call_status_callback_method"] as? String, "PATCH")
        XCTAssertEqual(object["call_relay_context_status_callback_url"] as? String, "https://example.com/c")
        XCTAssertEqual(try JSONDecoder().decode(UpdateSipEndpointRequest.self, from: data), request)
    }

    // MARK: - Error bodies

    func testValidationErrorWithNestedItemsRoundTrips() throws {
        let text = """
            {"errors":[\
            {"code":"invalid_username","detail":"Username contains @","status":"422","title":"Invalid Parameter"},\
            {"code":"missing_url","detail":"call_request_url is required","status":"422","title":"Missing"}]}
            """
        let value = try decode(TypesStatusCodesValidationError.self, text)
        XCTAssertEqual(value.errors.count, 2)
        XCTAssertEqual(value.errors[0], TypesStatusCodesSpaceAPIErrorItem(
            detail: "Username contains @", status: "422", title: "Invalid Parameter", code: "invalid_username"))
        XCTAssertEqual(value.errors[1].code, "missing_url")
        XCTAssertEqual(try encode(value), text)
        XCTAssertEqual(try encode(TypesStatusCodesValidationError(errors: [])), #"{"errors":[]}"#)
    }

    func testValidationErrorItemMissingCodeIsRejected() throws {
        let text = #"{"errors":[{"detail":"d","status":"422","title":"t"}]}"#
        XCTAssertThrowsError(try decode(TypesStatusCodesValidationError.self, text)) { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "code")
            XCTAssertEqual(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }, ["errors", "0"])
        }
    }

    func testStatusCodeBodiesRoundTrip() throws {
        let unauthorized = try decode(TypesStatusCodesStatusCode401.self, #"{"error":"Unauthorized"}"#)
        XCTAssertEqual(unauthorized.error, .unauthorized)
        XCTAssertEqual(try encode(unauthorized), #"{"error":"Unauthorized"}"#)

        let notFound = try decode(TypesStatusCodesStatusCode404.self, #"{"error":"Not Found"}"#)
        XCTAssertEqual(notFound.error, .notFound)
        XCTAssertEqual(try encode(notFound), #"{"error":"Not Found"}"#)

        let serverError = try decode(TypesStatusCodesStatusCode500.self, #"{"error":"Internal Server Error"}"#)
        XCTAssertEqual(serverError.error, .internalServerError)
        XCTAssertEqual(try encode(serverError), #"{"error":"Internal Server Error"}"#)

        let gone = try decode(TypesStatusCodesStatusCode404.self, #"{"error":"Gone"}"#)
        XCTAssertEqual(gone.error, .undocumented("Gone"))
        XCTAssertEqual(try encode(gone), #"{"error":"Gone"}"#)

        XCTAssertThrowsError(try decode(TypesStatusCodesStatusCode401.self, "{}"))
    }
    // MARK: - JSONValue (shipped in the support file for free-form schemas)

    func testJSONValueRoundTripsEveryKind() throws {
        let text = #"[null,true,false,42,-1.5,"s",[],{"a":{"b":[1,"x"]}}]"#
        let value = try decode(JSONValue.self, text)
        XCTAssertEqual(value, .array([
            .null, .bool(true), .bool(false), .int(42), .double(-1.5), .string("s"), .array([]),
            .object(["a": .object(["b": .array([.int(1), .string("x")])])]),
        ]))
        XCTAssertEqual(try encode(value), text)
    }
}
