import XCTest
@testable import GenCore

/// Issue 13's naming rules, one small spec each: inline types are nested in the type that
/// uses them and named by what they mean; shared shapes are declared once, where all their
/// users see them.
final class TypeNestingTests: XCTestCase {
    private let booking = """
        Booking:
          type: object
          properties:
            payment:
              type: object
              properties:
                source:
                  oneOf:
                    - title: Card
                      type: object
                      properties:
                        number: {type: string}
                    - title: Bank Account
                      type: object
                      properties:
                        iban: {type: string}
                        account_type: {type: string, enum: [checking, savings]}
        """

    func testInlineTypesNestInTheirUsersUnderTheirOwnNames() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: booking))
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.qualifiedNames, ["Booking", "Booking.Payment", "Booking.Payment.Source", "Booking.Payment.Source.Card",
                                            "Booking.Payment.Source.BankAccount", "Booking.Payment.Source.BankAccount.AccountType"])
        XCTAssertEqual(try run.union("Booking.Payment.Source").branches.map(\.caseName), ["card", "bankAccount"])
    }

    func testNestedTypesAreSpelledFromWhereTheyAreWritten() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: booking))
        let graph = try XCTUnwrap(run.api?.schemas)
        let source = try run.id(of: "Booking.Payment.Source"), card = try run.id(of: "Booking.Payment.Source.Card")
        XCTAssertEqual(graph.spelling(of: source, inside: try run.id(of: "Booking.Payment")), ["Source"])
        XCTAssertEqual(graph.spelling(of: card, inside: source), ["Card"])
        XCTAssertEqual(graph.spelling(of: card, inside: try run.id(of: "Booking")), ["Payment", "Source", "Card"])
        XCTAssertEqual(graph.spelling(of: card, inside: nil), ["Booking", "Payment", "Source", "Card"])
    }

    func testArrayItemsTakeTheSingularOfTheirProperty() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Route:
              type: object
              properties:
                stations: {type: array, items: {type: object, properties: {name: {type: string}}}}
                entries: {type: array, items: {type: object, properties: {at: {type: string}}}}
                data: {type: array, items: {type: object, properties: {x: {type: string}}}}
            """))
        XCTAssertEqual(run.qualifiedNames, ["Route", "Route.Station", "Route.Entry", "Route.DataItem"])
    }

    func testANestedNameDropsItsParentsNameAndAvoidsType() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Booking:
              type: object
              properties:
                booking_status: {type: string, enum: [confirmed, cancelled]}
                type: {type: string, enum: [single, group]}
            """))
        XCTAssertEqual(run.qualifiedNames, ["Booking", "Booking.Status", "Booking.Kind"])
    }

    /// Inside `Booking`, a nested `Status` would hide the component `Status` that `Booking` also uses.
    func testANestedNameNeverHidesATypeItsTreeUses() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Status:
              type: object
              properties:
                code: {type: integer}
            Booking:
              type: object
              properties:
                state: {$ref: '#/components/schemas/Status'}
                status: {type: string, enum: [confirmed, cancelled]}
                data: {type: object, properties: {x: {type: string}}}
            """))
        // `Data` is Foundation's, which the generated code names: a payload is what it holds.
        XCTAssertEqual(run.qualifiedNames, ["Status", "Booking", "Booking.BookingStatus", "Booking.Payload"])
    }

    func testAShapeUsedInTwoTreesIsOneTopLevelTypeNamedAsItsUsersCallIt() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Booking:
              type: object
              properties:
                status: {type: string, enum: [confirmed, cancelled]}
            Refund:
              type: object
              properties:
                status: {type: string, enum: [confirmed, cancelled]}
            """))
        XCTAssertEqual(run.qualifiedNames, ["Booking", "Refund", "Status"])
        XCTAssertEqual(try run.typeOf("status", in: "Refund"), .named(try run.id(of: "Status")))
    }

    func testAShapeUsedTwiceInOneTreeIsDeclaredWhereBothUsesSeeIt() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Order:
              type: object
              properties:
                billing:
                  type: object
                  properties:
                    address: {type: object, properties: {street: {type: string}}}
                shipping:
                  type: object
                  properties:
                    address: {type: object, properties: {street: {type: string}}}
                    carrier: {type: string}
            """))
        XCTAssertEqual(run.qualifiedNames, ["Order", "Order.Billing", "Order.Address", "Order.Shipping"])
    }

    func testTypesOfOperationsStayAtTheTopLevel() throws {
        let run = try buildGraph(SpecBuilder.document(paths: """
            /stations:
              get:
                operationId: getStations
                parameters:
                  - {name: sort, in: query, schema: {type: string, enum: [name, distance]}}
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            kind: {type: string, enum: [list, page]}
            """))
        XCTAssertEqual(run.qualifiedNames, ["GetStationsSort", "GetStationsResponse", "GetStationsResponse.Kind"])
    }

    func testUnionBranchesAreNamedByTheirDiscriminatorValue() throws {
        let run = try buildGraph(SpecBuilder.document(schemas: """
            Event:
              oneOf:
                - type: object
                  properties:
                    kind: {const: message.created}
                    text: {type: string}
                - type: object
                  properties:
                    kind: {type: string, enum: [message.deleted]}
                    id: {type: string}
                - type: object
                  properties:
                    other: {type: string}
              discriminator: {propertyName: kind}
            """))
        XCTAssertEqual(try run.union("Event").branches.map(\.caseName), ["messageCreated", "messageDeleted", "option3"])
        // `kind`'s one-value enum is a constant string, not a type of one case.
        XCTAssertEqual(run.qualifiedNames, ["Event", "Event.MessageCreated", "Event.MessageDeleted", "Event.Option3"])
    }

    func testSingularOfRegularPlurals() {
        let cases: [(String, String?)] = [
            ("Stations", "Station"), ("Entries", "Entry"), ("Addresses", "Address"), ("Boxes", "Box"),
            ("Matches", "Match"), ("Statuses", "Status"), ("Caches", "Cache"), ("Status", nil), ("News", nil),
            ("Data", nil), ("Analysis", nil), ("Ids", nil), ("ChatMessages", "ChatMessage"),
        ]
        for (plural, singular) in cases {
            XCTAssertEqual(TypeNameHint.singular(plural), singular, plural)
        }
    }
}
