import Foundation
import GenGoldenFeatures
import XCTest

/// Properties beside `oneOf` (and `allOf` parts that are unions), and `allOf` refinements: what
/// used to be lost or loosened is typed, and round-trips through one JSON object.
final class SharedPropertiesTests: XCTestCase {
    func testPropertiesBesideOneOfKeepBothAndShareTheObject() throws {
        let card = try assertRoundTrip(Payment.self, #"{"amount":5,"note":"lunch","number":"4242","expiry":"12/30"}"#)
        XCTAssertEqual(card, Payment(amount: 5, variant: .card(Card(number: "4242", expiry: "12/30")), note: "lunch"))

        let bank = try assertRoundTrip(Payment.self, #"{"amount":7,"iban":"DE89"}"#)
        XCTAssertEqual(bank.variant, .bankAccount(BankAccount(iban: "DE89")))
        XCTAssertEqual(bank.amount, 7)

        // A request body built at the call site carries the shared properties and the branch.
        let built = Payment(amount: 9, variant: .bankAccount(BankAccount(iban: "NL91")))
        XCTAssertEqual(try wireJSON(built), #"{"amount":9,"iban":"NL91"}"#)
    }

    func testAShapeNoBranchDescribesIsKeptAsReceived() throws {
        let other = try assertRoundTrip(Payment.self, #"{"amount":1,"token":"tok_1"}"#)
        XCTAssertEqual(other.variant, .undocumented(.object(["amount": .int(1), "token": .string("tok_1")])))
    }

    func testTheSharedPropertiesAreRequiredAsTheSchemaSays() throws {
        XCTAssertThrowsError(try decodeWire(Payment.self, #"{"number":"4242"}"#)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(key.stringValue, "amount")
        }
    }

    func testAnAllOfPartThatIsAUnionIsAPropertyOfItsName() throws {
        let refund = try assertRoundTrip(Refund.self, #"{"reason":"damaged","number":"4242"}"#)
        XCTAssertEqual(refund, Refund(reason: "damaged", paymentSource: .card(Card(number: "4242"))))
    }

    func testARefinedCollectionIsTypedByTheRefiningPart() throws {
        let page = try assertRoundTrip(Stations.self, #"{"data":[{"name":"Ostkreuz"},{"name":"Gesundbrunnen"}],"next":"p2"}"#)
        XCTAssertEqual(page.data, [Station(name: "Ostkreuz"), Station(name: "Gesundbrunnen")])
        XCTAssertEqual(page.next, "p2")
        XCTAssertNil(try decodeWire(Stations.self, #"{"data":[],"next":null}"#).next)
        // The generic collection stays free-form.
        let generic = try decodeWire(CollectionModel.self, #"{"data":[{"name":"x"}]}"#)
        XCTAssertEqual(generic.data, [.object(["name": .string("x")])])
    }
}

/// An operation kept in a file of its own (`get: {$ref: 'parts/stations-get.yaml'}`) is read
/// whole: its path parameter fills the placeholder and its response is typed.
final class OperationRefClientTests: XCTestCase {
    func testAnOperationFromAnotherFileSendsItsParametersAndDecodesItsResponse() async throws {
        let transport = CannedTransport(status: 200, body: #"[{"id":"\#(IDs.pet)","name":"Rex"}]"#)
        let pets = try await FeaturesClient(transport: transport).listStations(line: "S 41", limit: 5)
        XCTAssertEqual(pets, [Pet(id: IDs.petUUID, name: "Rex")])
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "GET")
        XCTAssertEqual(request.url?.absoluteString, "https://eu.example.com/v1/lines/S%2041/stations?limit=5")
    }
}
