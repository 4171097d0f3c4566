import Foundation
import GenGoldenRelayRest
import XCTest

/// Every string enum of the spec: documented values map to their own case both ways, and any
/// other string survives a round trip as `.undocumented` instead of failing the decode.
final class StringEnumTests: XCTestCase {
    /// Which case a value is, which `==` cannot tell: these enums compare by raw value, so
    /// `.undocumented("required") == .required` holds even though `switch` tells them apart.
    private func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    private func assertStringEnum<E>(
        _ type: E.Type,
        _ documented: [(String, E)],
        undocumented: (String) -> E,
        // Near misses that must not be taken for a documented value.
        nearMisses: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws where E: RawRepresentable & Codable & Hashable, E.RawValue == String {
        XCTAssertEqual(Set(documented.map { caseName($0.1) }).count, documented.count,
                       "cases are not distinct", file: file, line: line)
        for (raw, value) in documented {
            XCTAssertNotEqual(caseName(value), "undocumented", raw, file: file, line: line)
            let json = try String(decoding: JSONEncoder().encode(raw), as: UTF8.self)
            let decoded = try JSONDecoder().decode(E.self, from: Data(json.utf8))
            XCTAssertEqual(caseName(decoded), caseName(value), raw, file: file, line: line)
            XCTAssertEqual(String(decoding: try JSONEncoder().encode(value), as: UTF8.self), json, raw, file: file, line: line)
            XCTAssertEqual(E(rawValue: raw).map(caseName), caseName(value), raw, file: file, line: line)
            XCTAssertEqual(value.rawValue, raw, file: file, line: line)
            // Equality and hashing follow the wire value, so both spellings are one set element.
            XCTAssertEqual(Set([value, undocumented(raw)]).count, 1, raw, file: file, line: line)
        }
        for raw in ["quantum", ""] + nearMisses {
            let json = try String(decoding: JSONEncoder().encode(raw), as: UTF8.self)
            let decoded = try JSONDecoder().decode(E.self, from: Data(json.utf8))
            XCTAssertEqual(caseName(decoded), "undocumented", raw, file: file, line: line)
            XCTAssertEqual(decoded.rawValue, raw, file: file, line: line)
            XCTAssertEqual(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self), json, raw, file: file, line: line)
            XCTAssertEqual(E(rawValue: raw).map(caseName), "undocumented", raw, file: file, line: line)
            XCTAssertEqual(undocumented(raw).rawValue, raw, file: file, line: line)
        }
        // Lenient about values, not about types: a number is still a schema mismatch.
        XCTAssertThrowsError(try JSONDecoder().decode(E.self, from: Data("5".utf8)), file: file, line: line)
    }

    func testEncryptionEnums() throws {
        try assertStringEnum(UpdateSipEndpointRequestEncryption.self,
                             [("default", .default), ("required", .required), ("optional", .optional)],
                             undocumented: UpdateSipEndpointRequestEncryption.undocumented,
                             nearMisses: ["REQUIRED", "Default"])
        try assertStringEnum(SipEndpointResponseEncryption.self,
                             [("default", .default), ("required", .required), ("optional", .optional)],
                             undocumented: SipEndpointResponseEncryption.undocumented,
                             nearMisses: ["Optional", " required"])
    }

    func testCallHandlerEnums() throws {
        let values = ["relay_context", "relay_topic", "relay_application", "relay_connector", "relay_script",
                      "laml_webhooks", "laml_application", "dialogflow", "video_room", "call_flow", "ai_agent"]
        let request: [UpdateSipEndpointRequestCallHandler] = [
            .relayContext, .relayTopic, .relayApplication, .relayConnector, .relayScript,
            .lamlWebhooks, .lamlApplication, .dialogflow, .videoRoom, .callFlow, .aiAgent,
        ]
        let response: [SipEndpointCallHandler] = [
            .relayContext, .relayTopic, .relayApplication, .relayConnector, .relayScript,
            .lamlWebhooks, .lamlApplication, .dialogflow, .videoRoom, .callFlow, .aiAgent,
        ]
        try assertStringEnum(UpdateSipEndpointRequestCallHandler.self, Array(zip(values, request)),
                             undocumented: UpdateSipEndpointRequestCallHandler.undocumented,
                             nearMisses: ["relayContext", "relay-context", "RELAY_CONTEXT"])
        try assertStringEnum(SipEndpointCallHandler.self, Array(zip(values, response)),
                             undocumented: SipEndpointCallHandler.undocumented,
                             nearMisses: ["aiAgent", "video room"])
    }

    func testHTTPMethodEnumsAreCaseSensitive() throws {
        let near = ["get", "Post", "PUT"]
        try assertStringEnum(UpdateSipEndpointRequestCallRequestMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: UpdateSipEndpointRequestCallRequestMethod.undocumented, nearMisses: near)
        try assertStringEnum(UpdateSipEndpointRequestCallFallbackMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: UpdateSipEndpointRequestCallFallbackMethod.undocumented, nearMisses: near)
        try assertStringEnum(UpdateSipEndpointRequestCallStatusCallbackMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: UpdateSipEndpointRequestCallStatusCallbackMethod.undocumented, nearMisses: near)
        try assertStringEnum(SipEndpointResponseCallRequestMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: SipEndpointResponseCallRequestMethod.undocumented, nearMisses: near)
        try assertStringEnum(SipEndpointResponseCallFallbackMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: SipEndpointResponseCallFallbackMethod.undocumented, nearMisses: near)
        try assertStringEnum(SipEndpointResponseCallStatusCallbackMethod.self, [("GET", .get), ("POST", .post)],
                             undocumented: SipEndpointResponseCallStatusCallbackMethod.undocumented, nearMisses: near)
    }

    func testStatusCodeErrorEnums() throws {
        try assertStringEnum(TypesStatusCodesStatusCode401Error.self, [("Unauthorized", .unauthorized)],
                             undocumented: TypesStatusCodesStatusCode401Error.undocumented,
                             nearMisses: ["unauthorized", "Forbidden"])
        // The only documented value containing a space; it must not be split or trimmed.
        try assertStringEnum(TypesStatusCodesStatusCode404Error.self, [("Not Found", .notFound)],
                             undocumented: TypesStatusCodesStatusCode404Error.undocumented,
                             nearMisses: ["NotFound", "Not_Found", "not found", "Not Found "])
        try assertStringEnum(TypesStatusCodesStatusCode500Error.self, [("Internal Server Error", .internalServerError)],
                             undocumented: TypesStatusCodesStatusCode500Error.undocumented,
                             nearMisses: ["InternalServerError", "Internal server error"])
    }

    func testEnumPropertiesKeepUndocumentedValuesInsideModels() throws {
        let data = try Payloads.sipEndpoint(setting: "call_handler", to: "sip_trunk")
        let endpoint = try JSONDecoder().decode(SipEndpointResponse.self, from: data)
        guard case .undocumented("sip_trunk") = endpoint.callHandler else {
            return XCTFail("expected .undocumented(\"sip_trunk\"), got \(String(describing: endpoint.callHandler))")
        }
        let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(endpoint)) as? [String: Any]
        XCTAssertEqual(reencoded?["call_handler"] as? String, "sip_trunk")
    }
}
