import Foundation
import Hummingbird

/// The operations, answered from your own storage.
struct Endpoints: RelayRestAPI {
    func updateSipEndpointWithResponse(id: UUID, body: UpdateSipEndpointRequest?) async throws -> HTTPResponse<SipEndpointResponse> {
        HTTPResponse(status: 200, body: try await Store.shared.update(id, with: body))
    }
}

let router = Router()
router.add(middleware: RelayRestServer(api: Endpoints()).hummingbird(BasicRequestContext.self))
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
try await app.runService()
