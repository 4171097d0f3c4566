import Foundation

// RelayRestModels*.swift, RelayRestClient.swift and RelayRestSupport.swift are generated at
// build time by GenPlugin from openapi.yaml and gen.yaml in this folder; they are not in the
// source tree. (A target needs at least one source file of its own for SwiftPM to build it.)
// Hand-written code can extend the generated types:

extension RelayRestClient {
    /// A client for a SignalWire space (`example` → `https://example.signalwire.com/api/relay/rest`).
    public init(space: String, projectID: String, token: String) {
        self.init(
            serverURL: URL(string: "https://\(space).signalwire.com/api/relay/rest")!,
            authentication: .basic(username: projectID, password: token))
    }
}
