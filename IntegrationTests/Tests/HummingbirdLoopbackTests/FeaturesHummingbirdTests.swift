import Features
import Foundation
import GoldenHandlers
import Hummingbird
import XCTest

/// The features fixture's generated server under Hummingbird, called by its generated client
/// over loopback: every operation, a documented error, and requests the spec does not allow.
final class FeaturesHummingbirdTests: XCTestCase {
    private func serve(_ body: @Sendable (URL) async throws -> Void) async throws {
        try await withHummingbird({ router in
            router.add(middleware: FeaturesServer(api: GoldenHandlers.features()).hummingbird(BasicRequestContext.self))
        }, body)
    }

    func testEveryOperationRoundTrips() async throws {
        try await serve { url in
            let client = FeaturesClient(serverURL: url, retry: .none)
            let pet = try await client.getPet(petID: "Rex 1/2")
            XCTAssertEqual(pet, Pet(id: GoldenHandlers.petID, name: "Rex 1/2", status: .available))
            let api: any FeaturesAPI = client
            let updated = try await api.updatePetWithResponse(petID: "p", body: PetPatch(name: .some(nil), tag: "x"))
            XCTAssertEqual(updated.status, 204)
            let listed = try await client.listStations(line: "U1", limit: 2)
            XCTAssertEqual(listed.map(\.name), ["U1", "U1"])
            let defaulted = try await client.listStations(line: "U2")
            XCTAssertEqual(defaulted.count, 1)
            for shape in [Shape.circle(Circle(radius: 1.5)), Shape.square(Square(side: 4))] {
                let created = try await client.createShapeWithResponse(body: shape)
                XCTAssertEqual(created.status, 201)
                XCTAssertEqual(created.body, shape)
                XCTAssertEqual(created.headers["content-type"], "application/json")
            }
        }
    }

    func testAThrownDocumentedErrorArrivesWithItsStatusAndBody() async throws {
        try await serve { url in
            do {
                _ = try await FeaturesClient(serverURL: url, retry: .none).getPet(petID: "missing")
                XCTFail("the missing pet was returned")
            } catch FeaturesError.response(let status, _, let body, _) {
                XCTAssertEqual(status, 404)
                XCTAssertEqual(body, .errorModel2(ErrorModel2(code: 404, message: "no pet missing")))
            }
        }
    }

    func testRequestsTheSpecDoesNotAllowAre400sNamingTheValue() async throws {
        try await serve { url in
            let badLimit = try await rawRequest("GET", url.appendingPathComponent("lines/U1/stations").appending(queryItems: [.init(name: "limit", value: "many")]))
            XCTAssertEqual(badLimit.status, 400)
            XCTAssertTrue(badLimit.text.contains("query parameter 'limit'"), badLimit.text)
            let badBody = try await rawRequest("PATCH", url.appendingPathComponent("pets/1"), body: #"{"name": 5}"#, contentType: "application/json")
            XCTAssertEqual(badBody.status, 400)
            XCTAssertTrue(badBody.text.contains("$.name"), badBody.text)
            let wrongMethod = try await rawRequest("DELETE", url.appendingPathComponent("pets/1"))
            XCTAssertEqual(wrongMethod.status, 405)
            XCTAssertEqual(wrongMethod.headers["allow"], "GET, PATCH")
            let elsewhere = try await rawRequest("GET", url.appendingPathComponent("nowhere"))
            XCTAssertEqual(elsewhere.status, 404, "a path of no operation is left to Hummingbird's router")
        }
    }
}
