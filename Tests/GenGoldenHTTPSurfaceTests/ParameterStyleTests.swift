import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import XCTest

/// Request targets checked against the "Style Examples" table of the OpenAPI Specification
/// (3.1, Parameter Object, `style` values), where `color` is `blue`, `[blue, black, brown]` or
/// `{R: 100, G: 200, B: 150}`; here the object is `Point(x: 100, y: 200)`.
final class ParameterStyleTests: XCTestCase {
    private let colors = ["blue", "black", "brown"]

    // MARK: Path

    func testPathSimpleScalarArrayAndExplodedObject() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).pathSimple(id: 5, ids: colors, point: Point(x: 100, y: 200))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "GET")
        // simple: `blue`; `blue,black,brown`; exploded object `R=100,G=200,B=150`.
        XCTAssertEqual(request.url?.absoluteString, "https://api.test/styles/simple/5/blue,black,brown/x=100,y=200")
    }

    func testPathLabelScalarAndExplodedArray() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).pathLabel(id: "blue", ids: [1, 2, 3])

        let request = try await transport.onlyRequest()
        // label: `.blue`; exploded array `.blue.black.brown`.
        XCTAssertEqual(request.url?.absoluteString, "https://api.test/styles/label/.blue/.1.2.3")
    }

    func testPathMatrixScalarAndUnexplodedArray() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).pathMatrix(id: "blue", ids: [1, 2, 3])

        let request = try await transport.onlyRequest()
        // matrix: `;color=blue`; unexploded array `;color=blue,black,brown`.
        XCTAssertEqual(request.url?.absoluteString, "https://api.test/styles/matrix/;id=blue/;ids=1,2,3")
    }

    func testPathValuesStayInsideTheirSegment() async throws {
        let transport = RecordingTransport()
        let client = makeClient(transport)
        try await client.pathSimple(id: -1, ids: ["a/b c", "x,y", "..", "?#%"], point: Point(x: 1, y: 2))
        try await client.pathLabel(id: "a/b c", ids: [7])
        try await client.pathMatrix(id: "a/b c;x=y", ids: [])

        let targets = await transport.requests.map(\.target)
        XCTAssertEqual(targets, [
            // A `,` inside an item is encoded, so the list separators stay unambiguous.
            "/styles/simple/-1/a%2Fb%20c,x%2Cy,%2E%2E,%3F%23%25/x=1,y=2",
            "/styles/label/.a%2Fb%20c/.7",
            "/styles/matrix/;id=a%2Fb%20c%3Bx%3Dy/;ids=",
        ])
    }

    func testPathValueIsReadBackExactlyByAServer() async throws {
        let transport = RecordingTransport()
        let value = "a/b c&d=é+%"
        try await makeClient(transport).pathLabel(id: value, ids: [1])

        let request = try await transport.onlyRequest()
        let segments = try XCTUnwrap(request.url).path(percentEncoded: true).split(separator: "/")
        XCTAssertEqual(segments.count, 4, "the value must not add path segments: \(segments)")
        XCTAssertEqual(segments.dropFirst(2).first.map(String.init)?.removingPercentEncoding, "." + value)
    }

    // MARK: Query

    func testEveryQueryStyle() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"ok"}"#))
        let echo = try await makeClient(transport).queryStyles(
            q: "lamp", limit: 5, tags: colors, ids: [1, 2, 3], spaced: colors, piped: colors,
            filter: Filter(color: "red", size: 3), at: Date(timeIntervalSince1970: 0), mode: .fast)
        XCTAssertEqual(echo, Echo(query: "ok"))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.url.map { "\($0.scheme!)://\($0.host!)\($0.path)" }, "https://api.test/styles/query")
        XCTAssertEqual(request.header("Accept"), "application/json")
        XCTAssertEqual(groupedByName(request.rawQueryPairs), [
            // `:` may be sent as is or as %3A; the decoded check below pins the value.
            request.rawQueryPairs.first { $0.hasPrefix("at=") } ?? "at=<missing>",
            // deepObject: `color[R]=100&color[G]=200&color[B]=150`; the client encodes the brackets.
            "filter%5Bcolor%5D=red",
            "filter%5Bsize%5D=3",
            // form, explode false: `color=blue,black,brown`.
            "ids=1,2,3",
            "limit=5",
            "mode=fast",
            // pipeDelimited: `color=blue|black|brown`; RFC 3986 does not allow `|` in a query,
            // so `%7C` is accepted too.
            request.rawQueryPairs.contains("piped=blue%7Cblack%7Cbrown") ? "piped=blue%7Cblack%7Cbrown" : "piped=blue|black|brown",
            "q=lamp",
            // spaceDelimited: `color=blue%20black%20brown`.
            "spaced=blue%20black%20brown",
            // form, explode true: `color=blue&color=black&color=brown`.
            "tags=blue",
            "tags=black",
            "tags=brown",
        ])
        let at = request.decodedQuery.filter { $0.name == "at" }.map(\.value)
        XCTAssertEqual(at, ["1970-01-01T00:00:00.000000Z"])
    }

    func testOptionalQueryParametersAreOmittedWhenNil() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"x"}"#))
        _ = try await makeClient(transport).queryStyles(q: "x")

        let request = try await transport.onlyRequest()
        // `limit` has `default: 20`: the server assumes it when the parameter is absent, so
        // the client sends nothing rather than a value the caller did not choose.
        XCTAssertEqual(request.target, "/styles/query?q=x")
    }

    func testLimitIsSentWhenGivenEvenIfItIsTheDefault() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"x"}"#))
        _ = try await makeClient(transport).queryStyles(q: "x", limit: 20)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(groupedByName(request.rawQueryPairs), ["limit=20", "q=x"])
    }

    func testQueryValuesAreReadBackExactlyByAServer() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"x"}"#))
        let tricky = "a&b=c+d e/é?#%;,"
        _ = try await makeClient(transport).queryStyles(q: tricky, tags: [tricky, "ü"], ids: [-1])

        let request = try await transport.onlyRequest()
        let decoded = request.decodedQuery
        XCTAssertEqual(decoded.filter { $0.name == "q" }.map(\.value), [tricky])
        XCTAssertEqual(decoded.filter { $0.name == "tags" }.map(\.value), [tricky, "ü"])
        XCTAssertEqual(decoded.filter { $0.name == "ids" }.map(\.value), ["-1"])
        XCTAssertEqual(Set(decoded.map(\.name)), ["q", "tags", "ids"])
        // `+` must be encoded: many servers read a literal `+` in a query as a space.
        XCTAssertFalse(request.rawQueryPairs.contains { $0.contains("+") }, request.target)
        XCTAssertEqual(request.rawQueryPairs.first { $0.hasPrefix("q=") },
                       "q=a%26b%3Dc%2Bd%20e%2F%C3%A9%3F%23%25%3B%2C")
    }

    // A raw `|` is not a valid query character, so `URL(string:)` re-encodes the whole URL,
    // `%` included: every value already percent-encoded would reach the server encoded twice.
    func testPipeDelimitedValueDoesNotCorruptTheOtherParameters() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"x"}"#))
        _ = try await makeClient(transport).queryStyles(q: "a b", spaced: ["c", "d"], piped: ["e f", "g"])

        let request = try await transport.onlyRequest()
        let decoded = Dictionary(request.decodedQuery.map { ($0.name, $0.value) }) { first, _ in first }
        XCTAssertEqual(decoded["q"], "a b", request.target)
        XCTAssertEqual(decoded["spaced"], "c d", request.target)
        XCTAssertEqual(decoded["piped"], "e f|g", request.target)
    }

    func testUndocumentedEnumValueIsSentAsItsRawValue() async throws {
        let transport = RecordingTransport(.json(200, #"{"query":"x"}"#))
        _ = try await makeClient(transport).queryStyles(q: "x", mode: .undocumented("turbo boost"))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.decodedQuery.filter { $0.name == "mode" }.map(\.value), ["turbo boost"])
    }

    // MARK: Header and cookie

    func testHeaderAndCookieParameters() async throws {
        let transport = RecordingTransport()
        // The spec's `Accept` header parameter is ignored (OpenAPI: "If in is "header" and the
        // name field is "Accept", "Content-Type" or "Authorization", the parameter definition
        // SHALL be ignored"), so it is not a method parameter: this call compiles only that way.
        try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, xTags: ["a", "b"], session: "abc")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.target, "/styles/headers")
        XCTAssertEqual(request.header("X-Request-ID"), "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        XCTAssertEqual(request.header("X-Tags"), "a,b")
        XCTAssertEqual(request.header("Cookie"), "session=abc")
        // Only 204 is documented, with no content, so there is no media type to accept.
        XCTAssertNil(request.header("Accept"))
    }

    func testOptionalHeaderAndCookieAreOmittedWhenNil() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.header("X-Request-ID"), "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        XCTAssertNil(request.header("X-Tags"))
        XCTAssertNil(request.header("Cookie"))
    }

    func testCookieValueCannotAddCookies() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).headerAndCookie(xRequestID: Samples.uuid, session: "a b; admin=1")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.header("Cookie"), "session=a%20b%3B%20admin%3D1")
    }
}
