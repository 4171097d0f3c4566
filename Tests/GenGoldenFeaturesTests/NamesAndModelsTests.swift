import Foundation
import GenGoldenFeatures
import XCTest

/// Property and type names that are not Swift identifiers or that collide, `$defs`,
/// readOnly/writeOnly/deprecated, and the models of webhooks and callbacks.
final class NamesAndModelsTests: XCTestCase {
    func testNamesMapEveryWireKey() throws {
        let text = """
            {"default":"d","self":"s","1st":"f","$ref-like":"r","@type":"t",
             "foo_bar":"snake","fooBar":"camel","names":"n","héllo wörld":"h"}
            """
        let names = try assertRoundTrip(Names.self, text)
        XCTAssertEqual(names.default, "d")
        XCTAssertEqual(names.selfValue, "s")
        XCTAssertEqual(names._1st, "f")
        XCTAssertEqual(names.refLike, "r")
        XCTAssertEqual(names.type, "t")
        XCTAssertEqual(names.fooBar, "snake")
        XCTAssertEqual(names.fooBar2, "camel")
        XCTAssertEqual(names.names, "n")
        XCTAssertEqual(names.hélloWörld, "h")
        XCTAssertEqual(names, Names(
            default: "d", selfValue: "s", _1st: "f", refLike: "r", type: "t",
            fooBar: "snake", fooBar2: "camel", names: "n", hélloWörld: "h"))
    }

    func testNamesEncodeEachPropertyUnderItsOwnKey() throws {
        XCTAssertEqual(try wireJSON(Names(fooBar: "snake")), #"{"foo_bar":"snake"}"#)
        XCTAssertEqual(try wireJSON(Names(fooBar2: "camel")), #"{"fooBar":"camel"}"#)
        XCTAssertEqual(try wireJSON(Names(selfValue: "s")), #"{"self":"s"}"#)
        XCTAssertEqual(try wireJSON(Names(type: "t")), #"{"@type":"t"}"#)
        XCTAssertEqual(try wireJSON(Names(refLike: "r")), #"{"$ref-like":"r"}"#)
        XCTAssertEqual(try wireJSON(Names(_1st: "f")), #"{"1st":"f"}"#)
        XCTAssertEqual(try wireJSON(Names(hélloWörld: "h")), #"{"héllo wörld":"h"}"#)
        XCTAssertEqual(try wireJSON(Names()), "{}")
    }

    func testNamesIgnoresKeysThatOnlyLookLikeItsOwn() throws {
        // The Swift names are not wire keys.
        let names = try decodeWire(Names.self, #"{"selfValue":"x","_1st":"y","refLike":"z","type":"w"}"#)
        XCTAssertEqual(names, Names())
    }

    func testTypesNamedLikeSwiftOrFoundationTypesAreSuffixed() throws {
        XCTAssertEqual(try assertRoundTrip(TypeModel.self, #"{"value":"v"}"#), TypeModel(value: "v"))
        XCTAssertEqual(try assertRoundTrip(ErrorModel.self, #"{"message":"m"}"#), ErrorModel(message: "m"))
        XCTAssertEqual(try assertRoundTrip(DataModel.self, #"{"bytes":"b"}"#), DataModel(bytes: "b"))
        XCTAssertEqual(try assertRoundTrip(URLModel.self, #"{"href":"https://x/y"}"#), URLModel(href: "https://x/y"))
        XCTAssertEqual(try assertRoundTrip(JSONValueModel.self, #"{"value":"v"}"#), JSONValueModel(value: "v"))
        XCTAssertEqual(try assertRoundTrip(ProtocolModel.self, #"{"version":"2"}"#), ProtocolModel(version: "2"))
    }

    func testErrorFromAnotherFileGetsItsOwnName() throws {
        // parts/error.json#/Error collides with components' Error (ErrorModel).
        let error = try assertRoundTrip(ErrorModel2.self, #"{"code":5,"message":"boom"}"#)
        XCTAssertEqual(error, ErrorModel2(code: 5, message: "boom"))
        XCTAssertThrowsError(try decodeWire(ErrorModel2.self, #"{"message":"boom"}"#))
    }

    // MARK: - $defs, readOnly, writeOnly, deprecated

    func testAccountAddressComesFromDefs() throws {
        let text = #"{"address":{"street":"Main St 1"},"id":"acc-1","legacyCode":"L7","password":"hunter2"}"#
        let account = try assertRoundTrip(Account.self, text)
        XCTAssertEqual(account.address, Address(street: "Main St 1"))
        XCTAssertEqual(account.id, "acc-1")
        XCTAssertEqual(account.password, "hunter2")
        XCTAssertEqual(account.legacyCode, "L7")
        let address: Address? = account.address
        XCTAssertEqual(try wireJSON(address), #"{"street":"Main St 1"}"#)
    }

    func testAccountReadOnlyAndWriteOnlyPropertiesAreSentAsGiven() throws {
        let account = Account(id: "acc-1", password: "pw")
        XCTAssertEqual(try wireJSON(account), #"{"id":"acc-1","password":"pw"}"#)
        XCTAssertEqual(try wireJSON(Account(id: "a", password: "p", address: Address())),
                       #"{"address":{},"id":"a","password":"p"}"#)
    }

    func testDeprecatedSchemaStillRoundTrips() throws {
        XCTAssertEqual(try assertRoundTrip(OldThing.self, #"{"value":"v"}"#), OldThing(value: "v"))
    }

    // MARK: - Webhooks and callbacks

    func testWebhookRequestModelRoundTrips() throws {
        let request = try assertRoundTrip(WebhookPetAdoptedPostRequest.self, #"{"petId":"\#(IDs.pet)"}"#)
        XCTAssertEqual(request.petID, IDs.petUUID)
        let upper = WebhookPetAdoptedPostRequest(petID: try XCTUnwrap(UUID(uuidString: IDs.pet.uppercased())))
        XCTAssertEqual(try wireJSON(upper), #"{"petId":"\#(IDs.pet)"}"#)
        XCTAssertThrowsError(try decodeWire(WebhookPetAdoptedPostRequest.self, "{}"))
    }

    func testCallbackRequestModelRoundTrips() throws {
        XCTAssertEqual(try assertRoundTrip(CreateShapeShapeReadyCallbackPostRequest.self, #"{"ready":true}"#).ready, true)
        XCTAssertEqual(try assertRoundTrip(CreateShapeShapeReadyCallbackPostRequest.self, "{}").ready, nil)
        XCTAssertEqual(try wireJSON(CreateShapeShapeReadyCallbackPostRequest(ready: false)), #"{"ready":false}"#)
    }
}
