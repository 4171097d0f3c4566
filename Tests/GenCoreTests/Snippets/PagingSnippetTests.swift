import XCTest

/// Which operations get paging companions: those whose request and response follow a pattern
/// the generator recognises, and none that only look paged (the golden `paging` fixture calls
/// the companions over loopback).
final class PagingSnippetTests: XCTestCase {
    /// A `GET /things` with `parameters` and a success body with `properties` (YAML, indented
    /// for their places).
    private func things(_ parameters: String, _ properties: String, required: String = "[]") throws -> String {
        let snippet = try Snippet(schemas: """
            Thing:
              type: object
              required: [id]
              properties:
                id: {type: string}
            """, paths: """
            /things:
              get:
                operationId: listThings
                parameters:
            \(parameters)
                responses:
                  '200':
                    description: A page.
                    content:
                      application/json:
                        schema:
                          type: object
                          required: \(required)
                          properties:
            \(properties)
            """)
        return try XCTUnwrap(snippet.files["SnippetClient.swift"])
    }

    func testACursorAndANextCursorArePaged() throws {
        let client = try things("""
                  - {name: page_token, in: query, schema: {type: string}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                            nextPageToken: {type: string}
            """)
        XCTAssertTrue(client.contains("""
                public func listThingsPages(pageToken: String? = nil) -> PageSequence<ListThingsResponse, String?> {
                    PageSequence(start: pageToken) { pageToken in
                        let response = try await self.listThings(pageToken: pageToken)
                        guard let next = response.nextPageToken, !next.isEmpty else { return (response, nil) }
                        return (response, next)
                    }
                }
            """), client)
        XCTAssertTrue(client.contains("public func listThingsItems(pageToken: String? = nil) -> PageItemSequence<ListThingsResponse, String?, Thing>"),
                      client)
    }

    /// A `limit` alone, or a cursor parameter the response gives no next value for, says
    /// nothing of how to reach the next page: no companions.
    func testWhatOnlyLooksPagedGetsNothing() throws {
        let limitOnly = try things("""
                  - {name: limit, in: query, schema: {type: integer}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            """)
        XCTAssertFalse(limitOnly.contains("PageSequence"), limitOnly)
        let cursorWithoutNext = try things("""
                  - {name: cursor, in: query, schema: {type: string}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                            total: {type: integer}
            """)
        XCTAssertFalse(cursorWithoutNext.contains("PageSequence"), cursorWithoutNext)
    }

    /// Page numbers need the spec to say which page is first (`default`), and nothing else may
    /// take part in reaching the next page (Twilio's `PageToken` beside `Page`).
    func testPageNumbersWithoutAFirstPageOrBesideATokenGetNothing() throws {
        let noDefault = try things("""
                  - {name: page, in: query, schema: {type: integer}}
                  - {name: per_page, in: query, schema: {type: integer}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            """)
        XCTAssertFalse(noDefault.contains("PageSequence"), noDefault)
        let withToken = try things("""
                  - {name: Page, in: query, schema: {type: integer, default: 0}}
                  - {name: PageSize, in: query, schema: {type: integer}}
                  - {name: PageToken, in: query, schema: {type: string}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            """)
        XCTAssertFalse(withToken.contains("PageSequence"), withToken)
        let numbered = try things("""
                  - {name: page, in: query, schema: {type: integer, default: 0}}
                  - {name: page_size, in: query, schema: {type: integer}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            """)
        XCTAssertTrue(numbered.contains("return (response, (page ?? 0) + 1)"), numbered)
    }

    /// Two arrays in the page: which one holds the items is a guess, so none is made.
    func testAPageWithTwoArraysGetsNothing() throws {
        let client = try things("""
                  - {name: cursor, in: query, schema: {type: string}}
            """, """
                            items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                            warnings: {type: array, items: {type: string}}
                            next_cursor: {type: string}
            """)
        XCTAssertFalse(client.contains("PageSequence"), client)
    }
}

/// Vendor extensions that cannot be followed are located warnings, not guesses.
final class PagingExtensionSnippetTests: XCTestCase {
    func testExtensionsThatCannotBeFollowedAreLocatedWarnings() throws {
        let snippet = try Snippet(paths: """
            /things:
              get:
                operationId: listThings
                x-pagination: {style: cursor}
                x-fern-pagination:
                  cursor: $request.cursor
                  next_cursor: $response.meta.next
                parameters:
                  - {name: cursor, in: query, schema: {type: string}}
                responses:
                  '200':
                    description: A page.
                    content:
                      application/json:
                        schema: {type: object, properties: {items: {type: array, items: {type: string}}}}
            """)
        XCTAssertFalse(try XCTUnwrap(snippet.files["SnippetClient.swift"]).contains("PageSequence"))
        XCTAssertEqual(snippet.warnings.map(\.message), [
            "'x-pagination' is not read (it has no one form); the operation gets paging companions only if its parameters "
                + "and response follow a pattern the generator recognises",
            "the paging described here does not fit operation 'listThings' (no string query parameter 'cursor' and string "
                + "property ''); it gets no paging companions",
        ])
    }
}
