// Handlers for the golden fixtures' APIs that answer every valid request with a valid value,
// built on the generated stubs: shared by serve-golden (schemathesis) and the loopback tests.
import Features
import Foundation
import RelayRest

public enum GoldenHandlers {
    public static let petID = UUID(uuidString: "3fa85f64-5717-4562-b3fc-2c963f66afa6")!

    /// A pet named after the id asked for; a list of up to three; shapes echoed.
    public static func features() -> FeaturesAPIStub {
        var stub = FeaturesAPIStub()
        stub.getPet = { id in
            guard id != "missing" else {
                throw FeaturesError.response(status: 404, headers: [:], body: .errorModel2(ErrorModel2(code: 404, message: "no pet \(id)")))
            }
            return Pet(id: petID, name: id, status: .available)
        }
        stub.updatePet = { _, _ in }
        stub.listStations = { line, limit in
            Array(repeating: Pet(id: petID, name: line, status: .pending), count: min(max(limit ?? 1, 0), 3))
        }
        stub.createShape = { $0 }
        return stub
    }

    /// The endpoint asked for, with the username and caller ID the request gave.
    public static func relayRest() -> RelayRestAPIStub {
        var stub = RelayRestAPIStub()
        stub.updateSipEndpoint = { id, body in
            SipEndpointResponse(
                type: "sip_endpoint", id: id, username: body?.username ?? "front-desk", callerID: nil, sendAs: "front-desk",
                ciphers: ["AES_CM_128_HMAC_SHA1_80"], codecs: ["OPUS"], encryption: .optional, callHandler: nil,
                callingHandlerResourceID: nil, callRequestURL: nil, callRequestMethod: nil, callFallbackURL: nil,
                callFallbackMethod: nil, callStatusCallbackURL: nil, callStatusCallbackMethod: nil, callLamlApplicationID: nil,
                callDialogflowAgentID: nil, callRelayTopic: nil, callRelayTopicStatusCallbackURL: nil, callRelayContext: nil,
                callRelayContextStatusCallbackURL: nil, callRelayApplication: nil, callVideoRoomID: nil, callRelayScriptURL: nil)
        }
        return stub
    }
}
