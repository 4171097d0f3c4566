// The README's server (main.swift, kept identical to the README by ReadmeTests) needs the user's
// own storage; this stands in for it.
import Foundation

actor Store {
    static let shared = Store()
    private var usernames: [UUID: String] = [:]

    func update(_ id: UUID, with body: UpdateSipEndpointRequest?) throws -> SipEndpointResponse {
        if let username = body?.username { usernames[id] = username }
        return SipEndpointResponse(
            type: "sip_endpoint", id: id, username: usernames[id] ?? "front-desk", callerID: nil, sendAs: "front-desk",
            ciphers: [], codecs: [], encryption: .optional, callHandler: nil, callingHandlerResourceID: nil,
            callRequestURL: nil, callRequestMethod: nil, callFallbackURL: nil, callFallbackMethod: nil,
            callStatusCallbackURL: nil, callStatusCallbackMethod: nil, callLamlApplicationID: nil,
            callDialogflowAgentID: nil, callRelayTopic: nil, callRelayTopicStatusCallbackURL: nil, callRelayContext: nil,
            callRelayContextStatusCallbackURL: nil, callRelayApplication: nil, callVideoRoomID: nil, callRelayScriptURL: nil)
    }
}
