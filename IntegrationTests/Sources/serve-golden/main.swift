// Serves the features and relay-rest fixtures' generated servers, with the handlers of
// GoldenHandlers, on 127.0.0.1 under Hummingbird: what schemathesis fuzzes in .ci/run.
// Usage: serve-golden PORT
import Features
import Foundation
import GoldenHandlers
import Hummingbird
import RelayRest

guard CommandLine.arguments.count == 2, let port = Int(CommandLine.arguments[1]) else {
    print("usage: serve-golden PORT")
    exit(2)
}
let router = Router()
router.add(middleware: FeaturesServer(api: GoldenHandlers.features()).hummingbird(BasicRequestContext.self))
router.add(middleware: RelayRestServer(api: GoldenHandlers.relayRest()).hummingbird(BasicRequestContext.self))
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
