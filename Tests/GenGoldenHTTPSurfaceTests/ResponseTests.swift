import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import XCTest

final class ResponseTests: XCTestCase {
    private let problemJSON = #"{"title":"Conflict","status":409}"#

    func testCreatedExposesStatusAndLowercaseHeaders() async throws {
        let transport = RecordingTransport(.json(201, Samples.itemJSON, headers: ["Location": "/items/42", "X-Trace-ID": "t1"]))
        let response = try await makeClient(transport).createJSONWithResponse(body: Item(name: "Lamp"))

        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.headers["location"], "/items/42")
        XCTAssertEqual(response.headers["x-trace-id"], "t1")
        XCTAssertEqual(response.headers["content-type"], "application/json")
        XCTAssertTrue(response.headers.keys.allSatisfy { $0 == $0.lowercased() }, "\(response.headers)")
        XCTAssertEqual(response.body, Item(name: "Lamp", id: Samples.uuid, price: 9.5))
    }

    func testAcceptListsTheDocumentedResponseMediaTypes() async throws {
        let transport = RecordingTransport(.json(201, Samples.itemJSON))
        _ = try await makeClient(transport).createJSON(body: Item(name: "Lamp"))

        let request = try await transport.onlyRequest()
        let accepted = request.header("Accept")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(accepted.map(Set.init), ["application/json", "application/problem+json"])
    }

    func testClientErrorRangeThrowsTheDecodedProblem() async throws {
        for status in [400, 409, 499] {
            let transport = RecordingTransport(.json(status, problemJSON, contentType: "application/problem+json",
                                                     headers: ["Retry-After": "3"]))
            do {
                _ = try await makeClient(transport).createJSON(body: Item(name: "Lamp"))
                XCTFail("\(status) must throw")
            } catch HttpSurfaceError.response(let got, let headers, .problem(let problem), let raw) {
                XCTAssertEqual(got, status)
                XCTAssertEqual(headers["retry-after"], "3")
                XCTAssertEqual(headers["content-type"], "application/problem+json")
                XCTAssertEqual(problem, Problem(title: "Conflict", status: 409))
                XCTAssertEqual(HttpSurfaceError.response(status: got, headers: headers, body: .problem(problem), raw: raw).status, status)
            }
        }
    }

    func testStatusOutsideTheDocumentedRangesIsUndocumented() async throws {
        let transport = RecordingTransport(CannedResponse(status: 500, body: Data("oops".utf8)))
        do {
            _ = try await makeClient(transport).createJSON(body: Item(name: "Lamp"))
            XCTFail("500 must throw")
        } catch HttpSurfaceError.undocumented(let status, _, let body) {
            XCTAssertEqual(status, 500)
            XCTAssertEqual(body, Data("oops".utf8))
        }
    }

    func testSuccessRangeDecodesTheBody() async throws {
        for status in [200, 202, 299] {
            let transport = RecordingTransport(.json(status, Samples.itemJSON))
            let response = try await makeClient(transport).createChoiceWithResponse(body: .json(Item(name: "Lamp")))
            XCTAssertEqual(response.status, status)
            XCTAssertEqual(response.body.name, "Lamp")
        }
    }

    func testDefaultResponseThrowsItsDecodedBody() async throws {
        for status in [301, 404, 503] {
            let transport = RecordingTransport(.json(status, #"{"title":"Nope"}"#))
            do {
                _ = try await makeClient(transport).createChoice(body: .json(Item(name: "Lamp")))
                XCTFail("\(status) must throw")
            } catch HttpSurfaceError.response(let got, _, .problem(let problem), _) {
                XCTAssertEqual(got, status)
                XCTAssertEqual(problem, Problem(title: "Nope"))
            }
        }
    }

    func testBodyThatDoesNotMatchItsSchemaNamesThePath() async throws {
        let transport = RecordingTransport(.json(201, #"{"name":5}"#))
        do {
            _ = try await makeClient(transport).createJSON(body: Item(name: "Lamp"))
            XCTFail("a mismatched body must throw")
        } catch HttpSurfaceError.decoding(let status, let path, _, _, _) {
            XCTAssertEqual(status, 201)
            XCTAssertEqual(path, "$.name")
        }
    }

    func testNoContentReturnsVoidWithStatusAndHeaders() async throws {
        let transport = RecordingTransport(CannedResponse(status: 204, headers: ["X-Done": "yes"]))
        let response = try await makeClient(transport).pathSimpleWithResponse(id: 1, ids: ["a"], point: Point(x: 1, y: 2))
        XCTAssertEqual(response.status, 204)
        XCTAssertEqual(response.headers["x-done"], "yes")
        let body: Void = response.body
        _ = body
    }

    func testUndocumentedSuccessStatusIsNotTakenForNoContent() async throws {
        let transport = RecordingTransport(CannedResponse(status: 200, body: Data("{}".utf8)))
        do {
            try await makeClient(transport).withBearer()
            XCTFail("200 is not documented for withBearer")
        } catch HttpSurfaceError.undocumented(let status, _, _) {
            XCTAssertEqual(status, 200)
        }
    }

    /// A description shows the start of a text body (what a server said went wrong), never the
    /// headers, which may set cookies.
    func testErrorDescriptionsShowTheBodyButNotTheHeaders() {
        let undocumented = HttpSurfaceError.undocumented(status: 500, headers: ["set-cookie": "s=cookie"], body: Data("oops".utf8))
        XCTAssertEqual(String(describing: undocumented), #"HTTP 500 (undocumented status), no content type, 4 bytes: "oops""#)
        XCTAssertEqual(undocumented.status, 500)
        XCTAssertNil(HttpSurfaceError.invalidRequest("x").status)
    }
}
