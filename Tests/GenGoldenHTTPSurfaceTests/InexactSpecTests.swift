import Foundation
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// What a client does with the small lies real specs tell, over loopback.
final class InexactSpecTests: LoopbackTestCase {
    /// `createJSON` documents 201 only; FastAPI-style servers answer 200 (and the reverse).
    func testAnotherSuccessStatusIsReadAsTheOnlyDocumentedBody() async throws {
        for status in [200, 201, 202, 299] {
            let (_, client) = try serve { _ in .json(status, Samples.itemJSON) }
            let created = try await client.createJSONWithResponse(body: Item(name: "Lamp"))
            XCTAssertEqual(created.status, status, "WithResponse reports the status that came")
            XCTAssertEqual(created.body.name, "Lamp")
        }
    }

    func testQueryStylesDocumentedAs200ReadsA201() async throws {
        let (_, client) = try serve { _ in .json(201, #"{"query":"lamp"}"#) }
        let echo = try await client.queryStylesWithResponse(q: "lamp")
        XCTAssertEqual(echo.status, 201)
        XCTAssertEqual(echo.body.query, "lamp")
    }

    /// Only success statuses are read as the success body.
    func testAnErrorStatusIsStillUndocumented() async throws {
        let (_, client) = try serve { _ in .json(418, #"{"query":"tea"}"#) }
        do {
            _ = try await client.queryStyles(q: "x")
            XCTFail("a 418 must throw")
        } catch HttpSurfaceError.undocumented(let status, _, let body) {
            XCTAssertEqual(status, 418)
            XCTAssertEqual(body, Data(#"{"query":"tea"}"#.utf8))
        }
    }

    /// The error schema decodes from a body with more in it; the raw bytes keep the rest.
    func testErrorResponseKeepsTheRawBody() async throws {
        let body = #"{"title":"Conflict","detail":"the lamp is already there","errors":[{"loc":["body","name"]}]}"#
        let (_, client) = try serve { _ in StubResponse(status: 409, headers: [("Content-Type", "application/problem+json")],
                                                        body: Data(body.utf8)) }
        do {
            _ = try await client.createJSON(body: Item(name: "Lamp"))
            XCTFail("a 409 must throw")
        } catch let error as HttpSurfaceError {
            guard case .response(409, _, .problem(let problem), let raw) = error else {
                return XCTFail("expected a documented 409, got \(error)")
            }
            XCTAssertEqual(problem, Problem(title: "Conflict"))
            XCTAssertEqual(raw, Data(body.utf8))
            XCTAssertEqual(error.rawBody, Data(body.utf8))
        }
    }

    func testEveryResponseCaseHasTheRawBody() async throws {
        let (_, client) = try serve { _ in .text(500, "upstream down") }
        do {
            _ = try await client.createJSON(body: Item(name: "Lamp"))
            XCTFail("a 500 must throw")
        } catch let error as HttpSurfaceError {
            XCTAssertEqual(error.rawBody, Data("upstream down".utf8), "\(error)")
        }
        let (_, decoding) = try serve { _ in .json(400, #"{"detail":"no title"}"#) }
        do {
            _ = try await decoding.createJSON(body: Item(name: "Lamp"))
            XCTFail("a 400 must throw")
        } catch let error as HttpSurfaceError {
            guard case .decoding = error else { return XCTFail("expected .decoding, got \(error)") }
            XCTAssertEqual(error.rawBody, Data(#"{"detail":"no title"}"#.utf8))
        }
        XCTAssertNil(HttpSurfaceError.invalidRequest("x").rawBody)
    }
}
