import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenFeatures
import GenTestSupport
import XCTest

/// The generated client: server variables, path encoding, documented and default responses.
final class ClientTests: XCTestCase {
    private let petJSON = #"{"id":"\#(IDs.pet)","name":"Rex","status":"available"}"#

    func testDefaultServerURLUsesTheVariableDefault() {
        XCTAssertEqual(FeaturesClient.defaultServerURL.absoluteString, "https://eu.example.com/v1")
        XCTAssertEqual(FeaturesClient(transport: CannedTransport()).serverURL, FeaturesClient.defaultServerURL)
    }

    func testGetPetSendsGetAndDecodesThePet() async throws {
        let transport = CannedTransport(status: 200, body: petJSON)
        let pet = try await FeaturesClient(transport: transport).getPet(petID: IDs.pet)
        XCTAssertEqual(pet, Pet(id: IDs.petUUID, name: "Rex", status: .available))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "GET")
        XCTAssertEqual(request.url?.absoluteString, "https://eu.example.com/v1/pets/\(IDs.pet)")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Accept"), "application/json")
        XCTAssertNil(request.httpBody)
        XCTAssertNil(request.value(forHTTPHeaderField: "Content-Type"))
    }

    func testPathParameterIsPercentEncodedAsOneSegment() async throws {
        let cases = [
            "a/../b": "a%2F..%2Fb",
            "x?y#z": "x%3Fy%23z",
            "100%": "100%25",
            "sp ace+plus": "sp%20ace%2Bplus",
            "héllo": "h%C3%A9llo",
            "~a-b_c.d": "~a-b_c.d",
        ]
        for (id, encoded) in cases {
            let transport = CannedTransport(status: 200, body: petJSON)
            _ = try await FeaturesClient(transport: transport).getPet(petID: id)
            let request = try await transport.onlyRequest()
            XCTAssertEqual(request.url?.absoluteString, "https://eu.example.com/v1/pets/\(encoded)", id)
        }
    }

    func testCustomServerURLKeepsItsBasePath() async throws {
        for base in ["https://us.example.com/v1", "https://us.example.com/v1/"] {
            let transport = CannedTransport(status: 200, body: petJSON)
            let client = FeaturesClient(serverURL: try XCTUnwrap(URL(string: base)), transport: transport)
            _ = try await client.getPet(petID: "p")
            let request = try await transport.onlyRequest()
            XCTAssertEqual(request.url?.absoluteString, "https://us.example.com/v1/pets/p", base)
        }
    }

    func testDefaultResponseThrowsTheDecodedError() async throws {
        let transport = CannedTransport(status: 500, body: #"{"code":5,"message":"boom"}"#)
        do {
            let pet = try await FeaturesClient(transport: transport).getPet(petID: IDs.pet)
            throw UnexpectedSuccess(value: pet)
        } catch let error as FeaturesError {
            guard case .response(let status, let headers, .errorModel2(let body), _) = error else {
                return XCTFail("expected the default error body, got \(error)")
            }
            XCTAssertEqual(status, 500)
            XCTAssertEqual(error.status, 500)
            XCTAssertEqual(body, ErrorModel2(code: 5, message: "boom"))
            XCTAssertEqual(headers.first { $0.key.lowercased() == "x-request-id" }?.value, "req-1")
            XCTAssertTrue(String(describing: error).hasPrefix("HTTP 500: "), String(describing: error))
        }
    }

    func testDefaultResponseCoversEveryOtherStatus() async throws {
        for status in [201, 400, 404, 503] {
            let transport = CannedTransport(status: status, body: #"{"code":\#(status),"message":"m"}"#)
            do {
                // `.none`: a 503 would be retried, with waits of up to 1.5 s.
                _ = try await FeaturesClient(transport: transport, retry: .none).getPet(petID: "p")
                XCTFail("status \(status) must throw")
            } catch FeaturesError.response(let got, _, .errorModel2(let body), _) {
                XCTAssertEqual(got, status)
                XCTAssertEqual(body.code, status)
            }
        }
    }

    func testDefaultResponseThatIsNotTheErrorSchemaIsADecodingError() async throws {
        let transport = CannedTransport(status: 502, body: #"{"message":"bad gateway"}"#)
        do {
            _ = try await FeaturesClient(transport: transport, retry: .none).getPet(petID: "p")
            XCTFail("a 502 must throw")
        } catch FeaturesError.decoding(let status, let path, _, _, _) {
            XCTAssertEqual(status, 502)
            XCTAssertEqual(path, "$.code")
        }
    }

    func testMalformedPetNamesTheFailingPath() async throws {
        let transport = CannedTransport(status: 200, body: #"{"id":"\#(IDs.pet)","name":7}"#)
        do {
            _ = try await FeaturesClient(transport: transport).getPet(petID: "p")
            XCTFail("a malformed pet must throw")
        } catch FeaturesError.decoding(200, let path, _, _, _) {
            XCTAssertEqual(path, "$.name")
        }
    }

    func testCreateShapeSendsTheBranchAndDecodesTheAnswer() async throws {
        let transport = CannedTransport(status: 201, body: #"{"triangle":3}"#)
        let created = try await FeaturesClient(transport: transport).createShape(body: .square(Square(side: 4)))
        XCTAssertEqual(created, .undocumented(.object(["triangle": .int(3)])))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "POST")
        XCTAssertEqual(request.url?.absoluteString, "https://eu.example.com/v1/shapes")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Content-Type"), "application/json")
        XCTAssertEqual(try canonicalJSON(try XCTUnwrap(request.httpBody)), #"{"side":4}"#)
    }

    func testCreateShapeSendsAnUndocumentedShapeUnchanged() async throws {
        let transport = CannedTransport(status: 201, body: #"{"radius":0.5}"#)
        let shape = Shape.undocumented(.object(["triangle": .int(3), "tags": .array([.null])]))
        let created = try await FeaturesClient(transport: transport).createShape(body: shape)
        XCTAssertEqual(created, .circle(Circle(radius: 0.5)))
        let request = try await transport.onlyRequest()
        XCTAssertEqual(try canonicalJSON(try XCTUnwrap(request.httpBody)), #"{"tags":[null],"triangle":3}"#)
    }

    // MARK: - Over a real socket

    // BUG: `WireFormat.pathSegment` leaves `.` unencoded (it is unreserved), so a path parameter
    // of `..` (or `.`) becomes a dot-segment: `getPet(petID: "..")` builds `/v1/pets/..`, which the
    // HTTP stack (or any proxy or server) resolves to `/v1/` — another resource than the
    // operation's. A value that is exactly `.` or `..` must be sent as `%2E` / `%2E%2E`.
    func testDotSegmentPathParameterStaysInsideItsSegment() async throws {
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"id":"\#(IDs.pet)","name":"Rex"}"#) }
        defer { server.stop() }
        let client = FeaturesClient(
            serverURL: server.baseURL.appendingPathComponent("v1"),
            transport: URLSessionTransport(session: URLSession(configuration: .ephemeral)))
        for id in ["..", "."] {
            _ = try? await client.getPet(petID: id)
        }
        let paths = server.requests.map(\.path)
        XCTAssertEqual(paths.count, 2, "\(paths)")
        for path in paths {
            XCTAssertTrue(path.hasPrefix("/v1/pets/") && path.count > "/v1/pets/".count,
                          "the id left its path segment: \(path)")
        }
    }
}
