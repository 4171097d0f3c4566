import Foundation
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// A parameter whose schema is a union of scalars (pydantic's `UUID | str`, `int | str`) goes on
/// the wire as the scalar it holds, in every location; a value with no parameter form is
/// refused before sending, never sent as an empty string or segment.
final class UnionParameterTests: LoopbackTestCase {
    func testEachLocationWritesTheScalarTheUnionHolds() async throws {
        let (server, client) = try serve { _ in StubResponse(status: 204) }
        try await client.unionParameters(
            idOrName: .uuid(Samples.uuid), limit: .integer(5), since: .date(Date(timeIntervalSince1970: 1.5)),
            keys: [.integer(1), .string("a b")], xScope: .boolean(true), region: .string("eu"))
        try await client.unionParameters(idOrName: .string("my name/x"), limit: .string("all"), since: .integer(7),
                                         xScope: .uuid(Samples.uuid), region: .integer(3))
        let requests = server.requests
        XCTAssertEqual(requests.map(\.path), [
            "/styles/unions/3fa85f64-5717-4562-b3fc-2c963f66afa6?limit=5&since=1970-01-01T00%3A00%3A01.500000Z&keys=1&keys=a%20b",
            "/styles/unions/my%20name%2Fx?limit=all&since=7",
        ])
        XCTAssertEqual(requests.map { $0.header("X-Scope") }, ["true", "3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        XCTAssertEqual(requests.map { $0.header("Cookie") }, ["region=eu", "region=3"])
    }

    func testUndocumentedValueIsRefusedBeforeSending() async throws {
        let (server, client) = try serve { _ in StubResponse(status: 204) }
        for value: JSONValue in ["name", 42, ["id": "x"], .null] {
            await assertRefused("undocumented \(value)") {
                try await client.unionParameters(idOrName: .undocumented(value))
            }
            await assertRefused("undocumented \(value) in a query") {
                try await client.unionParameters(idOrName: .string("a"), limit: .undocumented(value))
            }
        }
        XCTAssertEqual(server.requests.count, 0, "nothing reaches the server")
    }

    func testObjectBranchWhereOnlyAScalarFitsIsRefused() async throws {
        let (server, client) = try serve { _ in StubResponse(status: 204) }
        await assertRefused("an object in an array item") {
            try await client.unionParameters(idOrName: .string("a"), keys: [.integer(1), .point(Point(x: 1, y: 2))])
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    private func assertRefused(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                               _ call: () async throws -> Void) async {
        do {
            try await call()
            XCTFail("\(what): must be refused", file: file, line: line)
        } catch HttpSurfaceError.invalidRequest(let reason) {
            XCTAssertTrue(reason.contains("parameter '"), "\(what): \(reason)", file: file, line: line)
        } catch {
            XCTFail("\(what): expected .invalidRequest, got \(error)", file: file, line: line)
        }
    }
}
