import XCTest

/// Names a person would pick: machine-made operationIds shortened by rule, initialisms in type
/// names, and shared types named for all their uses.
///
/// Each test: a spec fragment, the names it generates (see Snippet.swift).
final class NamingSnippetTests: XCTestCase {
    /// One FastAPI operation, with its default id and its combined body model.
    private static let filterItems = """
        /items/{store_id}/filter:
          post:
            operationId: filter_items_items__store_id__filter_post
            parameters:
              - {name: store_id, in: path, required: true, schema: {type: string}}
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Body_filter_items_items__store_id__filter_post'}
            responses:
              '200':
                description: The items.
                content:
                  application/json:
                    schema: {type: array, items: {type: string}}
        """

    private static let filterBody = """
        Body_filter_items_items__store_id__filter_post:
          type: object
          required: [query]
          properties:
            query: {type: string}
        """

    /// FastAPI's `{function}{path}_{method}` id gives the function's name, and its
    /// `Body_{operationId}` model `{Function}Body`.
    func testFastAPIDefaultIDGivesTheFunctionName() throws {
        let snippet = try Snippet(schemas: Self.filterBody, paths: Self.filterItems)
        let client = try XCTUnwrap(snippet.files["SnippetClient.swift"])
        XCTAssertTrue(client.contains("public func filterItems(storeID: String, body: FilterItemsBody)"), client)
        XCTAssertTrue(client.contains("public func filterItemsWithResponse("), client)
        XCTAssertNotNil(snippet.declaration("FilterItemsBody"))
        XCTAssertNil(snippet.declaration("BodyFilterItemsItemsStoreIDFilterPost"))
    }

    /// The suffix must be exactly this operation's path and method: an id that only looks like
    /// FastAPI's (another path, another method) is used as written.
    func testAnIDThatDoesNotEndInItsOwnPathAndMethodIsKept() throws {
        let snippet = try Snippet(paths: """
            /items:
              get:
                operationId: list_items_users_get
                responses:
                  '204': {description: Done.}
              delete:
                operationId: clear_items_items_post
                responses:
                  '204': {description: Done.}
            """)
        let client = try XCTUnwrap(snippet.files["SnippetClient.swift"])
        XCTAssertTrue(client.contains("public func listItemsUsersGet("), client)
        XCTAssertTrue(client.contains("public func clearItemsItemsPost("), client)
    }

    /// Two functions of the same name (on different paths) both keep their full ids: neither
    /// short name would say which is which.
    func testAShortNameTwoOperationsWantIsNotTaken() throws {
        let snippet = try Snippet(paths: """
            /items:
              get:
                operationId: read_items_items_get
                responses:
                  '204': {description: Done.}
            /users/{user_id}/items:
              get:
                operationId: read_items_users__user_id__items_get
                parameters:
                  - {name: user_id, in: path, required: true, schema: {type: string}}
                responses:
                  '204': {description: Done.}
            /things:
              get:
                operationId: read_things_things_get
                responses:
                  '204': {description: Done.}
            """)
        let client = try XCTUnwrap(snippet.files["SnippetClient.swift"])
        XCTAssertTrue(client.contains("public func readItemsItemsGet("), client)
        XCTAssertTrue(client.contains("public func readItemsUsersUserIDItemsGet(userID: String)"), client)
        XCTAssertTrue(client.contains("public func readThings("), client)
    }

    /// A short name the client already uses for itself (`send`) falls back to the full id.
    func testAShortNameTheClientReservesFallsBackToTheFullID() throws {
        let snippet = try Snippet(paths: """
            /send:
              post:
                operationId: send_send_post
                responses:
                  '204': {description: Done.}
            """)
        let client = try XCTUnwrap(snippet.files["SnippetClient.swift"])
        XCTAssertTrue(client.contains("public func sendSendPost("), client)
    }

    /// A last word that is a version the path holds too is dropped: the path says it already.
    func testAVersionTheIDSharesWithThePathIsDropped() throws {
        let snippet = try Snippet(paths: """
            /v1/libraries:
              get:
                operationId: libraries_list_v1
                responses:
                  '204': {description: Done.}
            /libraries:
              get:
                operationId: libraries_list_v2
                responses:
                  '204': {description: Done.}
            """)
        let client = try XCTUnwrap(snippet.files["SnippetClient.swift"])
        XCTAssertTrue(client.contains("public func librariesList("), client)
        XCTAssertTrue(client.contains("public func librariesListV2("), client)
    }

    /// Type names write initialisms as member names do: `ItemFilterID` beside `itemFilterID`.
    func testTypeNamesWriteInitialismsInCapitals() throws {
        let snippet = try Snippet(schemas: """
            ItemFilterId:
              type: object
              properties:
                item_filter_id: {type: string}
                api_url: {type: object, properties: {host: {type: string}}}
            """)
        let declaration = try XCTUnwrap(snippet.declaration("ItemFilterID"))
        XCTAssertTrue(declaration.contains("public var itemFilterID: String?"), declaration)
        XCTAssertTrue(declaration.contains("public var apiURL: APIURL?"), declaration)
        XCTAssertNil(snippet.declaration("ItemFilterId"))
    }

    /// `ItemId` and `ItemID` both want `ItemID`: the second gets a number, as every clash does.
    func testTwoComponentsThatMeetUnderTheInitialismRuleStayTwoTypes() throws {
        let snippet = try Snippet(schemas: """
            ItemId:
              type: object
              properties: {a: {type: string}}
            ItemID:
              type: object
              properties: {b: {type: string}}
            """)
        XCTAssertTrue(try XCTUnwrap(snippet.declaration("ItemID")).contains("var a: String?"))
        XCTAssertTrue(try XCTUnwrap(snippet.declaration("ItemID2")).contains("var b: String?"))
    }

    /// One shape used under two names is named for both, and keeps no documentation that is
    /// true of only one of them.
    func testASharedShapeIsNamedAndDocumentedForAllItsUses() throws {
        let period = """
            type: object
            properties:
              count: {type: integer}
              unit: {type: string, enum: [minute, hour]}
            """
        func indented(_ text: String, by spaces: Int) -> String {
            text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
        }
        let snippet = try Snippet(schemas: """
            Alert:
              type: object
              properties:
                within:
                  description: The time period over which the events must occur.
            \(indented(period, by: 6))
            Schedule:
              type: object
              properties:
                interval:
                  description: How often the schedule runs.
            \(indented(period, by: 6))
            """)
        let shared = try XCTUnwrap(snippet.declaration("WithinOrInterval"))
        XCTAssertFalse(shared.contains("events must occur"), shared)
        XCTAssertFalse(shared.contains("How often"), shared)
        XCTAssertTrue(try XCTUnwrap(snippet.declaration("Schedule")).contains("public var interval: WithinOrInterval?"))
        XCTAssertTrue(try XCTUnwrap(snippet.declaration("Alert")).contains("public var within: WithinOrInterval?"))
        XCTAssertNil(snippet.declaration("Within"))
    }

    /// Uses whose names end in the same words are named by those words.
    func testASharedShapeTakesTheWordsItsNamesShare() throws {
        let snippet = try Snippet(schemas: """
            Trip:
              type: object
              properties:
                start_time: {type: object, properties: {hour: {type: integer}, minute: {type: integer}}}
                end_time: {type: object, properties: {hour: {type: integer}, minute: {type: integer}}}
            """)
        let trip = try XCTUnwrap(snippet.declaration("Trip"))
        XCTAssertTrue(trip.contains("public var startTime: Time?"), trip)
        XCTAssertTrue(trip.contains("public var endTime: Time?"), trip)
    }
}
