import Foundation
import GenGoldenFeatures
import GenTestSupport
import XCTest

/// `FeaturesServer` answering the generated client over loopback, with no framework: handlers
/// written here as a stub, every operation called through the client, and requests the spec does
/// not allow refused with a 400 that names the parameter, before any handler runs.
final class ServerLoopbackTests: XCTestCase {
    private let pet = Pet(id: IDs.petUUID, name: "Rex", status: .available)

    /// The handlers: each records what it was given.
    private func stub(_ calls: Calls) -> FeaturesAPIStub {
        var stub = FeaturesAPIStub()
        let pet = self.pet
        stub.getPet = { id in
            calls.append("getPet \(id)")
            guard id == IDs.pet else {
                throw FeaturesError.response(status: 404, headers: [:], body: .errorModel2(ErrorModel2(code: 404, message: "no pet \(id)")))
            }
            return pet
        }
        stub.updatePet = { id, patch in calls.append("updatePet \(id) \(patch.name.flatMap { $0 } ?? "-")") }
        stub.listStations = { line, limit in
            calls.append("listStations \(line) \(limit.map(String.init) ?? "nil")")
            return Array(repeating: pet, count: limit ?? 1)
        }
        stub.createShape = { $0 }
        return stub
    }

    func testEveryOperationOfTheFixtureRoundTripsThroughTheServer() async throws {
        let calls = Calls()
        let (http, client) = try serve(stub(calls))
        defer { http.stop() }

        let fetched = try await client.getPet(petID: IDs.pet)
        XCTAssertEqual(fetched, pet)
        let api: any FeaturesAPI = client
        let updated = try await api.updatePetWithResponse(petID: "a/b c", body: PetPatch(name: "Max"))
        XCTAssertEqual(updated.status, 204)
        let none = try await client.listStations(line: "U1")
        XCTAssertEqual(none.count, 1)
        let three = try await client.listStations(line: "U 2", limit: 3)
        XCTAssertEqual(three, [pet, pet, pet])
        for shape in [Shape.circle(Circle(radius: 2.5)), Shape.square(Square(side: 3))] {
            let created = try await client.createShapeWithResponse(body: shape)
            XCTAssertEqual(created.status, 201)
            XCTAssertEqual(created.body, shape)
        }
        XCTAssertEqual(calls.all, ["getPet \(IDs.pet)", "updatePet a/b c Max", "listStations U1 nil", "listStations U 2 3"])
    }

    func testAThrownDocumentedErrorIsWrittenWithItsStatusAndBody() async throws {
        let (http, client) = try serve(stub(Calls()))
        defer { http.stop() }
        do {
            _ = try await client.getPet(petID: "missing")
            XCTFail("a missing pet was returned")
        } catch FeaturesError.response(let status, _, let body, let raw) {
            XCTAssertEqual(status, 404)
            XCTAssertEqual(body, .errorModel2(ErrorModel2(code: 404, message: "no pet missing")))
            XCTAssertEqual(try FeaturesClient.jsonDecoder().decode(ErrorModel2.self, from: raw), ErrorModel2(code: 404, message: "no pet missing"))
        }
    }

    func testARequestTheSpecDoesNotAllowIsRefusedBeforeTheHandler() async throws {
        let calls = Calls()
        let server = FeaturesServer(api: stub(calls))
        let cases: [(FeaturesServer.ServerRequest, String)] = [
            (.init(method: "GET", path: "/lines/U1/stations", query: "limit=many"), "query parameter 'limit'"),
            (.init(method: "PATCH", path: "/pets/1", body: Data(#"{"name":5}"#.utf8)), "the request body: at $.name"),
            (.init(method: "POST", path: "/shapes"), "the request body is required"),
            // The models keep a shape no branch describes; a request holding one is refused.
            (.init(method: "POST", path: "/shapes", body: Data(#"{"radius":"big"}"#.utf8)), "the request body: at $: a value the spec does not list"),
            (.init(method: "PATCH", path: "/pets/1", body: Data("{".utf8)), "the request body"),
        ]
        for (request, named) in cases {
            let response = try await XCTUnwrapAsync(await server.respond(to: request))
            XCTAssertEqual(response.status, 400, "\(request.method) \(request.path)?\(request.query)")
            let text = String(decoding: response.body, as: UTF8.self)
            XCTAssertTrue(text.contains(named), "\(text) does not name \(named)")
        }
        XCTAssertEqual(calls.all, [], "a refused request reached a handler")
    }

    func testOtherPathsAreLeftToTheFrameworkAndOtherMethodsGet405() async throws {
        let server = FeaturesServer(api: stub(Calls()))
        let elsewhere = await server.respond(to: .init(method: "GET", path: "/elsewhere"))
        XCTAssertNil(elsewhere)
        let deleted = try await XCTUnwrapAsync(await server.respond(to: .init(method: "DELETE", path: "/pets/1")))
        XCTAssertEqual(deleted.status, 405)
        XCTAssertEqual(deleted.headers.first { $0.name == "allow" }?.value, "GET, PATCH")
    }

    /// A loopback HTTP server answering with `server`, and a client pointed at it.
    private func serve(_ api: any FeaturesAPI) throws -> (LoopbackHTTPServer, FeaturesClient) {
        let server = FeaturesServer(api: api)
        let http = try LoopbackHTTPServer { recorded in
            let target = recorded.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let request = FeaturesServer.ServerRequest(method: recorded.method, path: String(target[0]),
                                                       query: target.count > 1 ? String(target[1]) : "",
                                                       headers: recorded.headers, body: recorded.body)
            // The loopback server calls its handler on a thread of its own, which may wait.
            let answer = Answer()
            let done = DispatchSemaphore(value: 0)
            Task {
                answer.set(await server.respond(to: request))
                done.signal()
            }
            done.wait()
            guard let response = answer.value else { return StubResponse(status: 404) }
            return StubResponse(status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body)
        }
        return (http, FeaturesClient(serverURL: http.baseURL, retry: .none))
    }
}

private func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}

/// What the handlers were called with, in order.
private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String] = []

    func append(_ call: String) {
        lock.withLock { calls.append(call) }
    }

    var all: [String] { lock.withLock { calls } }
}

private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var response: FeaturesServer.ServerResponse?

    func set(_ response: FeaturesServer.ServerResponse?) {
        lock.withLock { self.response = response }
    }

    var value: FeaturesServer.ServerResponse? { lock.withLock { response } }
}
