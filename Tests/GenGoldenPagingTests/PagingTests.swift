import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenPaging
import GenTestSupport
import XCTest

/// Each recognised paging pattern over loopback: the server serves five pets two at a time and
/// counts the page requests; a loop reads every pet with one request per page and none after the
/// last, and a loop left early sends no further request.
final class PagingTests: XCTestCase {
    private static let pets = (1...5).map { "p\($0)" }

    /// A loopback server answering with `page` for each request's query, and a client of it.
    private func serve(_ page: @escaping @Sendable ([String: String]) -> StubResponse) throws -> (LoopbackHTTPServer, PagingClient) {
        let server = try LoopbackHTTPServer { request in
            let query = URLComponents(string: request.path)?.queryItems ?? []
            return page(Dictionary(query.map { ($0.name, $0.value ?? "") }) { first, _ in first })
        }
        return (server, PagingClient(serverURL: server.baseURL, timeout: 10, retry: .none))
    }

    private static func petsJSON(_ ids: ArraySlice<String>) -> String {
        "[" + ids.map { #"{"id": "\#($0)"}"# }.joined(separator: ",") + "]"
    }

    /// Pets `start..<start + 2` of the five, and the index after them.
    private static func slice(from start: Int) -> (ArraySlice<String>, Int) {
        let end = min(start + 2, pets.count)
        return (pets[min(start, pets.count)..<end], end)
    }

    // MARK: - Cursor and has_more

    private func cursorServer() throws -> (LoopbackHTTPServer, PagingClient) {
        try serve { query in
            let start = query["cursor"].flatMap { Int($0.dropFirst()) } ?? 0
            let (ids, end) = Self.slice(from: start)
            let next = end < Self.pets.count ? #""c\#(end)""# : "null"
            return .json(200, #"{"data": \#(Self.petsJSON(ids)), "next_cursor": \#(next), "has_more": \#(end < Self.pets.count)}"#)
        }
    }

    func testCursorPagesEndOnTheLastPage() async throws {
        let (server, client) = try cursorServer()
        var ids: [String] = []
        for try await pet in client.listCursorPetsItems(limit: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/cursor-pets?limit=2", "/cursor-pets?cursor=c2&limit=2",
                                                     "/cursor-pets?cursor=c4&limit=2"])
    }

    func testLeavingTheLoopEarlySendsNoFurtherRequest() async throws {
        let (server, client) = try cursorServer()
        var ids: [String] = []
        for try await pet in client.listCursorPetsItems() {
            ids.append(pet.id)
            if ids.count == 3 { break }
        }
        XCTAssertEqual(ids, ["p1", "p2", "p3"])
        // The third pet is on the second page: two requests, and no third after the loop.
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(server.requests.count, 2)
    }

    func testPagesAreFetchedOnlyWhenAskedFor() async throws {
        let (server, client) = try cursorServer()
        var iterator = client.listCursorPetsPages().makeAsyncIterator()
        XCTAssertEqual(server.requests.count, 0, "making the sequence sends nothing")
        let first = try await iterator.next()
        XCTAssertEqual(first?.data.map(\.id), ["p1", "p2"])
        XCTAssertEqual(server.requests.count, 1)
    }

    /// A page that fails ends the loop with the error the operation throws.
    func testAFailingPageThrowsTheOperationsError() async throws {
        let (server, client) = try serve { query in
            query["cursor"] == nil ? .json(200, #"{"data": [{"id": "p1"}], "next_cursor": "c1"}"#) : .json(500, #"{"oops": true}"#)
        }
        var ids: [String] = []
        do {
            for try await pet in client.listCursorPetsItems() { ids.append(pet.id) }
            XCTFail("the second page's 500 ends the loop with an error")
        } catch PagingError.undocumented(let status, _, _) {
            XCTAssertEqual(status, 500)
        }
        XCTAssertEqual(ids, ["p1"])
        XCTAssertEqual(server.requests.count, 2)
    }

    // MARK: - Stripe's starting_after and has_more

    func testStripePagesStartAfterTheLastItem() async throws {
        let (server, client) = try serve { query in
            let start = query["starting_after"].flatMap { Self.pets.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            let (ids, end) = Self.slice(from: start)
            return .json(200, #"{"data": \#(Self.petsJSON(ids)), "has_more": \#(end < Self.pets.count)}"#)
        }
        var ids: [String] = []
        for try await pet in client.listStripePetsItems() { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/stripe-pets", "/stripe-pets?starting_after=p2", "/stripe-pets?starting_after=p4"])
    }

    // MARK: - Offset and limit with a total

    func testOffsetPagesStopAtTheTotal() async throws {
        let (server, client) = try serve { query in
            let (ids, _) = Self.slice(from: query["offset"].flatMap(Int.init) ?? 0)
            return .json(200, #"{"items": \#(Self.petsJSON(ids)), "total": 5}"#)
        }
        var ids: [String] = []
        for try await pet in client.listOffsetPetsItems(limit: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/offset-pets?limit=2", "/offset-pets?offset=2&limit=2",
                                                     "/offset-pets?offset=4&limit=2"])
    }

    // MARK: - Page and per_page

    private func pageServer() throws -> (LoopbackHTTPServer, PagingClient) {
        try serve { query in
            let page = query["page"].flatMap(Int.init) ?? 1
            let (ids, _) = Self.slice(from: (page - 1) * 2)
            return .json(200, #"{"results": \#(Self.petsJSON(ids))}"#)
        }
    }

    /// A page shorter than `per_page` is not the last (servers cap the size): an empty page is.
    func testNumberedPagesEndOnAnEmptyPage() async throws {
        let (server, client) = try pageServer()
        var ids: [String] = []
        for try await pet in client.listPagePetsItems(perPage: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/page-pets?per_page=2", "/page-pets?page=2&per_page=2",
                                                     "/page-pets?page=3&per_page=2", "/page-pets?page=4&per_page=2"])
    }

    // MARK: - Links

    /// The body's `next` URL: its query is sent as the operation's parameters; `null` ends.
    func testNextLinksInTheBodyAreFollowed() async throws {
        let (server, client) = try serve { query in
            let page = query["page"].flatMap(Int.init) ?? 1
            let (ids, end) = Self.slice(from: (page - 1) * 2)
            let next = end < Self.pets.count ? #""http://elsewhere.test/linked-pets?page=\#(page + 1)&size=2""# : "null"
            return .json(200, #"{"results": \#(Self.petsJSON(ids)), "next": \#(next)}"#)
        }
        var ids: [String] = []
        for try await pet in client.listLinkedPetsItems(size: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/linked-pets?size=2", "/linked-pets?page=2&size=2", "/linked-pets?page=3&size=2"])
    }

    /// A link with a query parameter the operation does not declare cannot be followed: the
    /// loop ends with `PageLinkError` instead of asking for the wrong page.
    func testALinkTheOperationCannotSendIsAnError() async throws {
        let (server, client) = try serve { _ in
            .json(200, #"{"results": [{"id": "p1"}], "next": "/linked-pets?page_token=abc"}"#)
        }
        var ids: [String] = []
        do {
            for try await pet in client.listLinkedPetsItems() { ids.append(pet.id) }
            XCTFail("the link's page_token cannot be sent")
        } catch let error as PageLinkError {
            XCTAssertEqual(error.parameters, ["page_token"])
        }
        XCTAssertEqual(ids, ["p1"])
        XCTAssertEqual(server.requests.count, 1)
    }

    /// RFC 8288's `Link: <…>; rel="next"`, among other relations; no `next` ends the pages.
    func testLinkHeadersAreFollowed() async throws {
        let (server, client) = try serve { query in
            let page = query["page"].flatMap(Int.init) ?? 1
            let (ids, end) = Self.slice(from: (page - 1) * 2)
            var links = [#"<http://127.0.0.1/header-pets?page=1&per_page=2>; rel="first""#]
            if end < Self.pets.count { links.append("<http://127.0.0.1/header-pets?page=\(page + 1)&per_page=2>; rel=\"next\"") }
            return StubResponse(status: 200, headers: [("Content-Type", "application/json"), ("Link", links.joined(separator: ", "))],
                                body: Data(Self.petsJSON(ids).utf8))
        }
        var ids: [String] = []
        for try await pet in client.listHeaderPetsItems(perPage: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/header-pets?per_page=2", "/header-pets?page=2&per_page=2",
                                                     "/header-pets?page=3&per_page=2"])
    }

    // MARK: - Vendor extensions

    /// `x-fern-pagination` names the cursor, the next cursor and the items (the page has two arrays).
    func testFernsExtensionNamesTheCursor() async throws {
        let (server, client) = try serve { query in
            let start = query["from"].flatMap(Int.init) ?? 0
            let (ids, end) = Self.slice(from: start)
            let next = end < Self.pets.count ? #""\#(end)""# : "null"
            return .json(200, #"{"pets": \#(Self.petsJSON(ids)), "tags": ["a"], "continue_from": \#(next)}"#)
        }
        var ids: [String] = []
        for try await pet in client.listFernPetsItems() { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/fern-pets", "/fern-pets?from=2", "/fern-pets?from=4"])
    }

    /// `x-speakeasy-pagination` names the offset (`skip`); without a total, an empty page ends.
    func testSpeakeasysExtensionNamesTheOffset() async throws {
        let (server, client) = try serve { query in
            let (ids, _) = Self.slice(from: query["skip"].flatMap(Int.init) ?? 0)
            return .json(200, #"{"pets": \#(Self.petsJSON(ids))}"#)
        }
        var ids: [String] = []
        for try await pet in client.listSpeakeasyPetsItems(take: 2) { ids.append(pet.id) }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(server.requests.map(\.path), ["/speakeasy-pets?take=2", "/speakeasy-pets?skip=2&take=2",
                                                     "/speakeasy-pets?skip=4&take=2", "/speakeasy-pets?skip=5&take=2"])
    }

    /// A server that sends fewer items than asked for (it caps the size at two) still has more
    /// pages: every pet is read.
    func testNumberedPagesGoOnPastAPageTheServerCapped() async throws {
        let (server, client) = try pageServer()
        var pages = 0
        var ids: [String] = []
        for try await page in client.listPagePetsPages(perPage: 3) {
            pages += 1
            ids += (page.results ?? []).map(\.id)
        }
        XCTAssertEqual(ids, Self.pets)
        XCTAssertEqual(pages, 4)
        XCTAssertEqual(server.requests.last?.path, "/page-pets?page=4&per_page=3")
    }

    // MARK: - Idempotency-Key (the fixture's one POST)

    /// The declared `Idempotency-Key` makes the POST retryable: the client makes one key for the
    /// call, and the retry after a 503 sends the same.
    func testAPostWithAnIdempotencyKeyIsRetriedWithOneKey() async throws {
        let server = try LoopbackHTTPServer { request in
            request.method == "POST" && request.path == "/pets" ? .json(503, "{}") : .json(201, #"{"id": "p1"}"#)
        }
        let retry = RetryPolicy(maxAttempts: 3, initialDelay: 0.01, maxDelay: 0.02)
        let client = PagingClient(serverURL: server.baseURL, timeout: 10, retry: retry)
        do {
            _ = try await client.createPet(body: Pet(id: "p1"))
            XCTFail("the server answers 503 every time")
        } catch PagingError.undocumented(let status, _, _) {
            XCTAssertEqual(status, 503)
        }
        let keys = server.requests.map { $0.header("Idempotency-Key") }
        XCTAssertEqual(keys.count, 3, "three attempts")
        XCTAssertEqual(Set(keys).count, 1, "one key: \(keys)")
        XCTAssertNotNil(keys.first.flatMap { $0.flatMap(UUID.init(uuidString:)) }, "a UUID: \(keys)")

        _ = try? await client.createPet(body: Pet(id: "p1"), idempotencyKey: "mine")
        XCTAssertEqual(server.requests.suffix(3).map { $0.header("Idempotency-Key") }, ["mine", "mine", "mine"])
    }
}
