import Foundation
import GenGoldenFeatures
import XCTest

/// Code of a user's that knows only the protocol, as a unit under test would.
private struct Shelter {
    let api: any FeaturesAPI

    func nameOfPet(_ id: String) async throws -> String {
        try await api.getPet(petID: id).name
    }
}

/// `FeaturesAPI`: the client and the stub both answer code that takes `any FeaturesAPI`; the
/// stub names the operation it has no closure for; the README's stub snippet compiles here.
final class APIProtocolTests: XCTestCase {
    private let petJSON = #"{"id":"\#(IDs.pet)","name":"Rex","status":"available"}"#

    func testTheClientAndTheStubAnswerThroughTheProtocol() async throws {
        var stub = FeaturesAPIStub()
        stub.getPet = { id in Pet(id: IDs.petUUID, name: "Rex", status: id == IDs.pet ? .available : .sold) }
        let client = FeaturesClient(transport: CannedTransport(status: 200, body: petJSON))
        for api: any FeaturesAPI in [client, stub] {
            let pet = try await api.getPet(petID: IDs.pet)
            XCTAssertEqual(pet, Pet(id: IDs.petUUID, name: "Rex", status: .available), "\(type(of: api))")
            let response = try await api.getPetWithResponse(petID: IDs.pet)
            XCTAssertEqual(response.status, 200, "\(type(of: api))")
        }
    }

    func testTheProtocolKeepsTheClientsDefaultArguments() async throws {
        let limits = LimitLog()
        var stub = FeaturesAPIStub()
        stub.listStations = { _, limit in
            await limits.append(limit)
            return []
        }
        let api: any FeaturesAPI = stub
        _ = try await api.listStations(line: "U1")
        _ = try await api.listStations(line: "U1", limit: 3)
        let seen = await limits.values
        XCTAssertEqual(seen, [nil, 3])
    }

    func testTheStubAnswersWithTheFirstDocumentedSuccessStatus() async throws {
        var stub = FeaturesAPIStub()
        let circle = Shape.circle(Circle(radius: 2))
        stub.createShape = { $0 }
        let response = try await stub.createShapeWithResponse(body: circle)
        XCTAssertEqual(response.status, 201, "createShape documents 201 only")
        XCTAssertEqual(response.body, circle)
        XCTAssertEqual(response.headers, [:])
    }

    func testAnOperationWithoutAClosureThrowsAnErrorNamingIt() async throws {
        let api: any FeaturesAPI = FeaturesAPIStub()
        do {
            _ = try await api.listStations(line: "U1")
            XCTFail("a stub without a closure answered")
        } catch let error as FeaturesAPIStub.Unimplemented {
            XCTAssertEqual(error.operation, "listStations(line:limit:)")
            XCTAssertEqual("\(error)", "listStations(line:limit:) was called on a FeaturesAPIStub whose closure for it is nil")
        }
    }

    private static let readmeSnippet = """
        var stub = FeaturesAPIStub()                  // no HTTP: each operation answers with its closure
        stub.getPet = { id in Pet(id: UUID(), name: "Rex \\(id)") }
        let shelter = Shelter(api: stub)              // your code, which takes `any FeaturesAPI`
        let name = try await shelter.nameOfPet("42")
        XCTAssertEqual(name, "Rex 42")
        """

    func testReadmeStubSnippetCompilesPassesAndIsInTheReadme() async throws {
        var stub = FeaturesAPIStub()                  // no HTTP: each operation answers with its closure
        stub.getPet = { id in Pet(id: UUID(), name: "Rex \(id)") }
        let shelter = Shelter(api: stub)              // your code, which takes `any FeaturesAPI`
        let name = try await shelter.nameOfPet("42")
        XCTAssertEqual(name, "Rex 42")

        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains("```swift\n" + Self.readmeSnippet + "\n```"), "README.md's stub snippet differs from this test's")
    }
}

private actor LimitLog {
    private(set) var values: [Int?] = []

    func append(_ value: Int?) {
        values.append(value)
    }
}
