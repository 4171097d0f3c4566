import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenOpenAPI32
import GenTestSupport
import XCTest

/// The client generated from an OpenAPI 3.2 spec, called over HTTP on 127.0.0.1: a
/// `querystring` parameter is the whole query string in its media type's encoding, the `query`
/// method is sent as `QUERY` with its body, `additionalOperations` go out by their method as
/// written, a discriminator's `defaultMapping` decodes the values no mapping names, and the
/// device-authorization scheme sends its token as a bearer token. The server checks each
/// request itself and answers 400 to one it does not expect.
final class OpenAPI32ClientTests: XCTestCase {
    private static let itemsJSON = #"""
        [{"id":"i1","name":"Lamp","kind":"lamp","price":{"amount":9.5,"currency":"EUR"},"label":{"text":"new"}}]
        """#
    private static let lamp = Item(id: "i1", name: "Lamp", kind: .lamp, price: Money(amount: 9.5, currency: "EUR"),
                                   label: Label(text: "new"))

    /// A server that answers `answer` to the request `expects` accepts, and 400 to any other.
    private func serve(_ expects: @escaping @Sendable (RecordedRequest) -> Bool,
                       _ answer: StubResponse = .json(200, OpenAPI32ClientTests.itemsJSON)) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            expects(request) ? answer : .text(400, "unexpected \(request.method) \(request.path)")
        }
    }

    private func client(_ server: LoopbackHTTPServer) -> Openapi32Client {
        Openapi32Client(serverURL: server.baseURL, authentication: .oauth2(token: { "device-token" }), retry: .none)
    }

    private func onlyRequest(_ server: LoopbackHTTPServer, file: StaticString = #filePath, line: UInt = #line) throws -> RecordedRequest {
        let requests = server.requests
        XCTAssertEqual(requests.count, 1, "requests received", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }

    func testFormQueryStringIsTheWholeQueryInFormEncoding() async throws {
        let server = try serve { $0.method == "GET" && $0.path == "/items?kind=book&limit=5&tag=a%20b&tag=c%26d%3D" }
        let items = try await client(server).listItems(filter: ItemFilter(kind: .book, tag: ["a b", "c&d="], limit: 5))
        // `price` is read through a relative `$ref`, `label` through one into `$self`'s folder.
        XCTAssertEqual(items, [Self.lamp])
        XCTAssertEqual(try onlyRequest(server).header("Authorization"), "Bearer device-token")
    }

    func testAnEmptyFormQueryStringSendsNoQuery() async throws {
        let server = try serve { $0.path == "/items" }
        _ = try await client(server).listItems(filter: ItemFilter())
        XCTAssertEqual(try onlyRequest(server).path, "/items")
    }

    func testJSONQueryStringIsThePercentEncodedJSONText() async throws {
        let server = try serve { request in
            guard request.method == "GET", request.path.hasPrefix("/items/lookup?"),
                  let query = request.path.split(separator: "?", maxSplits: 1).last,
                  // One opaque value: every JSON delimiter is percent-encoded.
                  !query.contains(where: { "{}[]\",:=&".contains($0) }),
                  let json = String(query).removingPercentEncoding,
                  let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return false }
            return object["ids"] as? [Int] == [1, 22] && object["deep"] as? Bool == true
        }
        let items = try await client(server).lookupItems(selector: LookupItemsSelector(ids: [1, 22], deep: true))
        XCTAssertEqual(items, [Self.lamp])
    }

    func testAnOptionalQueryStringLeftOutSendsNoQuery() async throws {
        let server = try serve { $0.path == "/items/lookup" }
        _ = try await client(server).lookupItems()
        XCTAssertEqual(try onlyRequest(server).path, "/items/lookup")
    }

    func testStringQueryStringIsPercentEncodedAsOneValue() async throws {
        let expression = "$.items[?(@.price < 10 && @.kind == 'lamp')]"
        let server = try serve({ $0.path.hasPrefix("/items/select?") }, StubResponse(status: 204))
        try await client(server).selectItems(expression: expression)
        let query = try XCTUnwrap(try onlyRequest(server).path.split(separator: "?", maxSplits: 1).last)
        XCTAssertEqual(query, "%24.items%5B%3F%28%40.price%20%3C%2010%20%26%26%20%40.kind%20%3D%3D%20%27lamp%27%29%5D")
        XCTAssertEqual(String(query).removingPercentEncoding, expression)
    }

    func testQueryMethodIsSentAsQUERYWithItsBody() async throws {
        let server = try serve { request in
            request.method == "QUERY" && request.path == "/items" && request.bodyText == #"{"text":"lamp"}"#
                && request.header("Content-Type") == "application/json"
        }
        let items = try await client(server).searchItems(body: SearchRequest(text: "lamp"))
        XCTAssertEqual(items, [Self.lamp])
    }

    /// `QUERY` is idempotent (the retry policy sends it again); `COPY`, a method the policy does
    /// not know to be, is sent once.
    func testQueryIsRetriedAndAnAdditionalMethodIsNot() async throws {
        let answered = AnswerCounter()
        let server = try LoopbackHTTPServer { _ in
            answered.next() == 1 ? StubResponse(status: 503, headers: [("Retry-After", "0")]) : .json(200, Self.itemsJSON)
        }
        let client = Openapi32Client(serverURL: server.baseURL, retry: .default)
        let items = try await client.searchItems(body: SearchRequest(text: "lamp"))
        XCTAssertEqual(items, [Self.lamp])
        XCTAssertEqual(server.requests.map(\.method), ["QUERY", "QUERY"])

        let once = AnswerCounter()
        let copy = try LoopbackHTTPServer { _ in
            once.next() == 1 ? StubResponse(status: 503, headers: [("Retry-After", "0")]) : .json(201, Self.itemsJSON)
        }
        do {
            _ = try await Openapi32Client(serverURL: copy.baseURL, retry: .default).copyItem(id: "i1", destination: "i2")
            XCTFail("a COPY answered 503 was sent again")
        } catch let error as Openapi32Error {
            XCTAssertEqual(error.status, 503)
        }
        XCTAssertEqual(copy.requests.map(\.method), ["COPY"])
    }

    func testAdditionalOperationsAreSentByTheirMethodAsWritten() async throws {
        let copy = try serve({ request in
            request.method == "COPY" && request.path == "/items/a%20b" && request.header("Destination") == "c"
        }, .json(201, #"{"id":"c","name":"Lamp"}"#))
        let copied = try await client(copy).copyItem(id: "a b", destination: "c")
        XCTAssertEqual(copied, Item(id: "c", name: "Lamp"))

        let purge = try serve({ $0.method == "Purge" && $0.path == "/items/i1" }, StubResponse(status: 204))
        try await client(purge).purgeItem(id: "i1")
        XCTAssertEqual(try onlyRequest(purge).method, "Purge")
    }

    func testDefaultMappingDecodesValuesNoMappingNames() async throws {
        let pets = #"""
            [{"kind":"cat","name":"Tom","indoor":true},{"kind":"dog","name":"Rex"},{"kind":"parrot","name":"Polly"},
             {"name":"Nemo"},{"kind":"OtherPet","name":"Ant"},"not an object"]
            """#
        let server = try serve({ $0.method == "GET" && $0.path == "/pets" }, .json(200, pets))
        let decoded = try await client(server).listPets()
        XCTAssertEqual(decoded, [
            .cat(Cat(kind: "cat", name: "Tom", indoor: true)),
            .dog(Dog(kind: "dog", name: "Rex")),
            .otherPet(OtherPet(name: "Polly", kind: "parrot")),
            .otherPet(OtherPet(name: "Nemo")),
            .otherPet(OtherPet(name: "Ant", kind: "OtherPet")),
            .undocumented(.string("not an object")),
        ])
    }

    func testAPetTheDefaultBranchCannotReadIsADecodingError() async throws {
        let server = try serve({ $0.path == "/pets" }, .json(200, #"[{"kind":"parrot"}]"#))
        do {
            _ = try await client(server).listPets()
            XCTFail("decoded a pet without a name")
        } catch let Openapi32Error.decoding(_, path, _, _, _) {
            XCTAssertEqual(path, "$[0].name")
        }
    }
}

/// Counts the requests a server answered, from its connection threads.
final class AnswerCounter: @unchecked Sendable {
    // @unchecked: every access takes the lock.
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
