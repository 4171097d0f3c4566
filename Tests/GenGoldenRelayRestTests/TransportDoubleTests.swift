import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenRelayRest
import GenTestSupport
import XCTest

private actor RequestLog {
    private(set) var requests: [URLRequest] = []

    func append(_ request: URLRequest) {
        requests.append(request)
    }
}

/// Answers every request with the same canned response, without any network.
private struct CannedTransport: HTTPTransport {
    let log = RequestLog()
    var status = 200
    var body = Data(Payloads.sipEndpoint.utf8)

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        await log.append(request)
        let url = try XCTUnwrap(request.url)
        let head = try XCTUnwrap(HTTPURLResponse(
            url: url, statusCode: status, httpVersion: "HTTP/1.1",
            headerFields: ["Content-Type": "application/json", "X-Request-Id": "abc"]))
        return (body, head)
    }
}

private struct FailingTransport: HTTPTransport {
    struct Failure: Error, CustomStringConvertible {
        // A transport error may carry the request; the client's error text must not repeat it.
        var description: String { "connection reset while sending Authorization: Basic cHJvamVjdDp0b2tlbg==" }
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        throw Failure()
    }
}

final class TransportDoubleTests: XCTestCase {
    private let id = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!

    func testCustomTransportReceivesTheBuiltRequest() async throws {
        let transport = CannedTransport()
        let client = RelayRestClient(authentication: .basic(username: "project", password: "token"), transport: transport)

        let endpoint = try await client.updateSipEndpoint(id: id, body: .init(callerID: "Front desk", encryption: .required))

        let requests = await transport.log.requests
        XCTAssertEqual(requests.count, 1)
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.url?.absoluteString,
                       "https://YOUR_SPACE.signalwire.com/api/relay/rest/endpoints/sip/3fa85f64-5717-4562-b3fc-2c963f66afa6")
        XCTAssertEqual(request.httpMethod, "PUT")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Basic cHJvamVjdDp0b2tlbg==")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Content-Type"), "application/json")
        XCTAssertEqual(try canonicalJSON(try XCTUnwrap(request.httpBody)),
                       #"{"caller_id":"Front desk","encryption":"required"}"#)
        XCTAssertEqual(endpoint.username, "alice")
    }

    func testWithoutAuthenticationNoAuthorizationHeaderIsSent() async throws {
        let transport = CannedTransport()
        _ = try await RelayRestClient(transport: transport).updateSipEndpoint(id: id)
        let requests = await transport.log.requests
        let request = try XCTUnwrap(requests.first)
        XCTAssertNil(request.value(forHTTPHeaderField: "Authorization"))
        XCTAssertNil(request.httpBody)
    }

    func testPasswordWithColonAndNonASCIIIsEncodedAsUTF8() async throws {
        let transport = CannedTransport()
        let client = RelayRestClient(authentication: .basic(username: "project", password: "tö:ken"), transport: transport)
        _ = try await client.updateSipEndpoint(id: id)
        let requests = await transport.log.requests
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"),
                       "Basic " + Data("project:tö:ken".utf8).base64EncodedString())
    }

    func testResponseHeadersReachTheError() async throws {
        var transport = CannedTransport()
        transport.status = 404
        transport.body = Data(#"{"error":"Not Found"}"#.utf8)
        do {
            _ = try await RelayRestClient(transport: transport).updateSipEndpoint(id: id)
            XCTFail("a 404 must throw")
        } catch RelayRestError.response(404, let headers, .typesStatusCodesStatusCode404(let body), _) {
            XCTAssertEqual(body.error, .notFound)
            XCTAssertEqual(headers.first { $0.key.lowercased() == "x-request-id" }?.value, "abc")
        }
    }

    func testTransportFailureIsWrappedWithoutRepeatingItsText() async throws {
        let client = RelayRestClient(authentication: .basic(username: "project", password: "token"),
                                     transport: FailingTransport())
        do {
            _ = try await client.updateSipEndpoint(id: id, body: .init(username: "alice"))
            XCTFail("a failing transport must throw")
        } catch RelayRestError.transport(let underlying) {
            XCTAssertTrue(underlying is FailingTransport.Failure, "got \(type(of: underlying))")
            let text = String(describing: RelayRestError.transport(underlying))
            XCTAssertFalse(text.contains("token"), text)
            XCTAssertFalse(text.contains("cHJvamVjdDp0b2tlbg=="), text)
        }
    }

    // Secrets should not reach logs through the client either: `print(client)` or a crash
    // report's reflection of it would otherwise show the API token.
    func testDescribingTheClientDoesNotRevealThePassword() {
        let client = RelayRestClient(authentication: .basic(username: "project", password: "token"),
                                     transport: CannedTransport())
        for text in [String(describing: client), String(reflecting: client),
                     String(describing: client.authentication as Any)] {
            XCTAssertFalse(text.contains("token"), text)
        }
    }
}
