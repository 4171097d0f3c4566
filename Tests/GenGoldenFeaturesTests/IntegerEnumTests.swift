import Foundation
import GenGoldenFeatures
import XCTest

/// Integer constants become enums that keep values the spec does not list.
final class IntegerEnumTests: XCTestCase {
    func testIntegerConstantsDecodeToCasesAndKeepUnknownValues() throws {
        let ticket = try assertRoundTrip(Ticket.self, #"{"priority":1,"kind":5,"level":2}"#)
        XCTAssertEqual(ticket.priority, .low)
        XCTAssertEqual(ticket.kind, .high)
        XCTAssertEqual(ticket.level, ._2)
        let unknown = try assertRoundTrip(Ticket.self, #"{"priority":3,"kind":5}"#)
        XCTAssertEqual(unknown.priority, .undocumented(3))
        XCTAssertEqual(unknown.priority.rawValue, 3)
    }

    func testAOneValueEnumIsTheDefault() throws {
        XCTAssertEqual(try wireJSON(Ticket(priority: .high)), #"{"kind":5,"priority":5}"#)
    }
}
