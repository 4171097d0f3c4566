import Foundation
import GenGoldenFeatures
import XCTest

/// Inline schemas are types nested in their users, written as a user would name them.
final class NestedTypesTests: XCTestCase {
    func testANestedTypeIsBuiltAndReadByItsQualifiedName() throws {
        let booking = Booking(
            id: "b1", bookingStatus: .confirmed, type: .group, savedCard: Card(number: "4242"),
            stations: [Booking.Station(name: "Central")],
            payment: Booking.Payment(source: .bankAccount(Booking.Payment.Source.BankAccount(iban: "DE89", holder: .company))),
            state: .open)
        XCTAssertEqual(try wireJSON(booking), """
            {"booking_status":"confirmed","id":"b1","payment":{"source":{"holder":"company","iban":"DE89"}},\
            "saved_card":{"number":"4242"},"state":"open","stations":[{"name":"Central"}],"type":"group"}
            """)
        let read = try assertRoundTrip(Booking.self, try wireJSON(booking))
        XCTAssertEqual(read.payment?.source, .bankAccount(.init(iban: "DE89", holder: .company)))
    }

    /// Inside `Booking`, which names the component `Card`, the branch titled `Card` is `SourceCard`.
    func testABranchNamedLikeATypeItsTreeUsesTakesALongerName() throws {
        let source = try decodeWire(Booking.Payment.Source.self, #"{"last4":"1234"}"#)
        XCTAssertEqual(source, .card(Booking.Payment.Source.SourceCard(last4: "1234")))
        let kind: Booking.Kind = .single
        let status: Booking.Status = .held
        XCTAssertEqual([kind.rawValue, status.rawValue], ["single", "held"])
    }

    /// `state` has one shape in `Booking` and `Invoice`: one top-level `State` serves both.
    func testAShapeTwoTypesUseIsOneTopLevelType() throws {
        let state: State = .closed
        XCTAssertEqual(Invoice(state: state).state, Booking(id: "x", state: state).state)
    }
}
