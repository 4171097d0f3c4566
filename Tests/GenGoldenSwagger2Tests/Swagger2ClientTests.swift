import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenSwagger2
import GenTestSupport
import XCTest

/// The client generated from a Swagger 2.0 document, called over HTTP on 127.0.0.1: an
/// `in: body` parameter is the JSON body, `in: formData` fields a multipart body (with a `file`)
/// or a form, each `collectionFormat` its own query encoding, and each `securityDefinitions`
/// scheme its credentials. The server checks each request itself and answers 400 to one it does
/// not expect.
final class Swagger2ClientTests: XCTestCase {
    private static let petJSON = #"{"id":7,"name":"Tom","kind":"cat","owner":{"name":"Ann","phone":null}}"#

    private func serve(_ expects: @escaping @Sendable (RecordedRequest) -> Bool,
                       _ answer: StubResponse = .json(200, Swagger2ClientTests.petJSON)) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            expects(request) ? answer : .text(400, "unexpected \(request.method) \(request.path)")
        }
    }

    private func client(_ server: LoopbackHTTPServer, _ authentication: Swagger2Client.Authentication) -> Swagger2Client {
        Swagger2Client(serverURL: server.baseURL, authentication: authentication, retry: .none)
    }

    private func onlyRequest(_ server: LoopbackHTTPServer, file: StaticString = #filePath, line: UInt = #line) throws -> RecordedRequest {
        let requests = server.requests
        XCTAssertEqual(requests.count, 1, "requests received", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }

    func testTheServerIsHostBasePathAndScheme() {
        XCTAssertEqual(Swagger2Client.defaultServerURL.absoluteString, "https://clinic.example.com/v2")
    }

    func testEachCollectionFormatHasItsQueryEncoding() async throws {
        let id = UUID()
        let server = try serve({ $0.method == "GET" }, .json(200, "[\(Self.petJSON)]"))
        let pets = try await client(server, .apiKey("k1")).listPets(
            limit: 5, tags: ["a b", "c"], status: [.available, .sold], colors: ["red", "blue"], sizes: [1, 2], xRequestID: id)
        XCTAssertEqual(pets.first?.owner, Owner(name: "Ann", phone: nil))
        let request = try onlyRequest(server)
        // csv (the default): one comma-separated value; multi: a field per item; pipes and ssv their separators.
        XCTAssertEqual(request.path, "/pets?limit=5&status=available&status=sold&tags=a%20b,c&colors=red%7Cblue&sizes=1%202")
        XCTAssertEqual(request.header("X-API-Key"), "k1", "the document's security")
        XCTAssertEqual(request.header("X-Request-ID"), id.uuidString.lowercased())
    }

    func testABodyParameterIsTheJSONBody() async throws {
        let server = try serve({ $0.method == "POST" && $0.path == "/pets" }, .json(201, Self.petJSON))
        let pet = try await client(server, .basic(username: "vet", password: "s3cret"))
            .createPet(body: NewPet(name: "Tom", kind: .cat, nickname: .some(nil)))
        XCTAssertEqual(pet.id, 7)
        XCTAssertEqual(pet.kind, .cat)
        let request = try onlyRequest(server)
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(request.header("Authorization"), "Basic " + Data("vet:s3cret".utf8).base64EncodedString())
        let sent = try XCTUnwrap(JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        XCTAssertEqual(sent["name"] as? String, "Tom")
        XCTAssertTrue(sent["nickname"] is NSNull, "x-nullable: a nickname of null is sent as null")
    }

    func testFormDataWithAFileIsMultipart() async throws {
        let server = try serve({ $0.method == "POST" && $0.path == "/pets/7/photo" },
                               .json(200, #"{"id":"p1","size":3,"caption":"hi"}"#))
        let photo = try await client(server, .apiKey("k1"))
            .uploadPhoto(petID: 7, body: UploadPhotoRequest(photo: Data([0, 1, 2]), caption: "hi"))
        XCTAssertEqual(photo, Photo(id: "p1", size: 3, caption: "hi"))
        let request = try onlyRequest(server)
        let contentType = try XCTUnwrap(request.header("Content-Type"))
        XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary="), contentType)
        let body = String(decoding: request.body, as: UTF8.self)
        XCTAssertTrue(body.contains(#"Content-Disposition: form-data; name="caption""#), body)
        XCTAssertTrue(body.contains(#"name="photo"; filename="photo""#), body)
        XCTAssertTrue(request.body.range(of: Data([0, 1, 2])) != nil, "the file's bytes are sent as they are")
    }

    func testFormDataWithoutAFileIsURLEncoded() async throws {
        let server = try serve({ $0.method == "POST" && $0.path == "/pets/7/visits" },
                               .json(201, #"{"day":"2026-01-02","reasons":["shots","teeth"]}"#))
        let visit = try await client(server, .apiKey("k1"))
            .bookVisit(petID: 7, body: BookVisitRequest(day: "2026-01-02", reasons: ["shots", "teeth"], urgent: true))
        XCTAssertEqual(visit.reasons, ["shots", "teeth"])
        let request = try onlyRequest(server)
        XCTAssertEqual(request.header("Content-Type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(request.bodyText, "day=2026-01-02&reasons=shots&reasons=teeth&urgent=true")
    }

    func testAFileResponseIsItsBytesAndOAuthSendsABearerToken() async throws {
        let server = try serve({ $0.method == "GET" && $0.path == "/pets/7/photo" },
                               StubResponse(status: 200, headers: [("Content-Type", "image/png")], body: Data([137, 80, 78, 71])))
        let bytes = try await client(server, [.apiKey("k1"), .oauth2(token: { "t0k" })]).downloadPhoto(petID: 7)
        XCTAssertEqual(bytes, Data([137, 80, 78, 71]))
        XCTAssertEqual(try onlyRequest(server).header("Accept"), "image/png")
        let pets = try serve({ $0.method == "GET" && $0.path == "/pets/7" })
        _ = try await client(pets, [.apiKey("k1"), .oauth2(token: { "t0k" })]).getPet(petID: 7)
        XCTAssertEqual(try onlyRequest(pets).header("Authorization"), "Bearer t0k", "the operation's oauth2 security")
    }

    func testARefToARootResponseDecodesItsError() async throws {
        let server = try serve({ $0.path == "/pets/9" }, .json(404, #"{"kind":"missing","message":"no pet 9"}"#))
        do {
            _ = try await client(server, .oauth2(token: { "t" })).getPet(petID: 9)
            XCTFail("a 404 throws")
        } catch Swagger2Error.response(status: 404, _, .problem(let problem), let raw) {
            XCTAssertEqual(String(decoding: raw, as: UTF8.self), #"{"kind":"missing","message":"no pet 9"}"#)
            XCTAssertEqual(problem, Problem(kind: "missing", message: "no pet 9"))
        }
    }
}
