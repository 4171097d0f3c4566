import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import XCTest

/// Counts calls of a token closure.
final class CallCounter: @unchecked Sendable {
    // @unchecked: every access takes the lock.
    private let lock = NSLock()
    private var count = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}

/// Each operation gets exactly the credentials its `security` selects (OpenAPI: one of the
/// Security Requirement Objects must be satisfied; all schemes inside one together). Each
/// factory is named after its scheme when several schemes share a kind.
final class SecurityTests: XCTestCase {
    private static let secrets = ["pw-SECRET-1", "tok-SECRET-2", "hdr-SECRET-3", "qry-SECRET-4", "ck-SECRET-5",
                                  "oauth-SECRET-6", "oidc-SECRET-7"]
    private let basicHeader = "Basic " + Data("user:pw-SECRET-1".utf8).base64EncodedString()

    private func everything(oauthCalls: CallCounter = CallCounter()) -> HttpSurfaceClient.Authentication {
        [
            .basic(username: "user", password: "pw-SECRET-1"),
            .bearer("tok-SECRET-2"),
            .headerKey("hdr-SECRET-3"),
            .queryKey("qry-SECRET-4"),
            .cookieKey("ck-SECRET-5"),
            .oauth(token: { "oauth-SECRET-6-\(oauthCalls.next())" }),
            .openID(token: { "oidc-SECRET-7" }),
        ]
    }

    /// The credentials a request carries: Authorization, X-API-Key, Cookie and the query.
    private func credentials(_ request: URLRequest) -> [String] {
        var found: [String] = []
        if let value = request.header("Authorization") { found.append("Authorization: " + value) }
        if let value = request.header("X-API-Key") { found.append("X-API-Key: " + value) }
        if let value = request.header("Cookie") { found.append("Cookie: " + value) }
        found += request.rawQueryPairs.map { "?" + $0 }
        return found
    }

    private func sent(_ authentication: HttpSurfaceClient.Authentication,
                      _ call: (HttpSurfaceClient) async throws -> Void) async throws -> [String] {
        let transport = RecordingTransport()
        try await call(makeClient(transport, authentication: authentication))
        return credentials(try await transport.onlyRequest())
    }

    func testOperationsWithoutTheirOwnSecurityUseTheDocumentLevelBasic() async throws {
        let got = try await sent(everything()) { try await $0.pathLabel(id: "x", ids: [1]) }
        XCTAssertEqual(got, ["Authorization: " + basicHeader])
    }

    func testBearerOperationGetsOnlyTheBearerToken() async throws {
        let got = try await sent(everything()) { try await $0.withBearer() }
        XCTAssertEqual(got, ["Authorization: Bearer tok-SECRET-2"])
    }

    func testAPIKeysFirstAlternativeSendsHeaderAndQueryKeysTogether() async throws {
        let got = try await sent(everything()) { try await $0.withAPIKeys() }
        XCTAssertEqual(got, ["X-API-Key: hdr-SECRET-3", "?api_key=qry-SECRET-4"])
    }

    func testAPIKeysFallBackToTheCookieAlternative() async throws {
        let got = try await sent([.basic(username: "user", password: "pw-SECRET-1"), .cookieKey("ck-SECRET-5")]) {
            try await $0.withAPIKeys()
        }
        XCTAssertEqual(got, ["Cookie: token=ck-SECRET-5"])
    }

    func testAPIKeysWithOnlyHalfOfTheFirstAlternativeUseTheCookie() async throws {
        // `headerKey` alone does not satisfy `{headerKey, queryKey}`; the cookie alternative does.
        let got = try await sent([.headerKey("hdr-SECRET-3"), .cookieKey("ck-SECRET-5")]) { try await $0.withAPIKeys() }
        XCTAssertEqual(got, ["Cookie: token=ck-SECRET-5"])
    }

    func testQueryKeyIsPercentEncodedAndKeepsOtherQueryParameters() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport, authentication: [.headerKey("h"), .queryKey("a&b=c+d é")]).withAPIKeys()
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.decodedQuery.map { "\($0.name)=\($0.value)" }, ["api_key=a&b=c+d é"])
        XCTAssertEqual(request.rawQueryPairs, ["api_key=a%26b%3Dc%2Bd%20%C3%A9"])
    }

    func testOAuthTokenComesFromTheClosureOnEveryRequest() async throws {
        let calls = CallCounter()
        let transport = RecordingTransport()
        let client = makeClient(transport, authentication: everything(oauthCalls: calls))
        try await client.withOAuth()
        try await client.withOAuth()
        try await client.withOAuth()

        let tokens = await transport.requests.map { $0.header("Authorization") }
        XCTAssertEqual(tokens, ["Bearer oauth-SECRET-6-1", "Bearer oauth-SECRET-6-2", "Bearer oauth-SECRET-6-3"])
        XCTAssertEqual(calls.value, 3)
    }

    func testOAuthClosureIsNotCalledForOperationsThatDoNotSelectIt() async throws {
        let calls = CallCounter()
        let transport = RecordingTransport()
        let client = makeClient(transport, authentication: everything(oauthCalls: calls))
        try await client.withBearer()
        try await client.pathLabel(id: "x", ids: [])
        XCTAssertEqual(calls.value, 0)
    }

    func testOpenIDIsTheSecondOAuthAlternative() async throws {
        let got = try await sent(.openID(token: { "oidc-SECRET-7" })) { try await $0.withOAuth() }
        XCTAssertEqual(got, ["Authorization: Bearer oidc-SECRET-7"])
    }

    func testFailingTokenClosureStopsTheRequest() async throws {
        struct TokenUnavailable: Error {}
        let transport = RecordingTransport()
        let client = makeClient(transport, authentication: .oauth(token: { throw TokenUnavailable() }))
        do {
            try await client.withOAuth()
            XCTFail("must throw")
        } catch let error as TokenUnavailable {
            _ = error
        } catch HttpSurfaceError.transport(let error) {
            XCTAssertTrue(error is TokenUnavailable, "\(error)")
        }
        let requests = await transport.requests
        XCTAssertTrue(requests.isEmpty)
    }

    func testOptionalSecurityWithoutMatchingCredentialsSendsNone() async throws {
        let got = try await sent(.basic(username: "user", password: "pw-SECRET-1")) { try await $0.withOptionalAuth() }
        XCTAssertEqual(got, [])
    }

    // `security: [{}, {bearerAuth: []}]` makes authentication optional, not forbidden: a client
    // configured with a bearer token must send it, or the server treats it as anonymous.
    func testOptionalSecuritySendsBearerWhenConfigured() async throws {
        let got = try await sent(everything()) { try await $0.withOptionalAuth() }
        XCTAssertEqual(got, ["Authorization: Bearer tok-SECRET-2"])
    }

    func testNoAuthenticationSendsNoCredentials() async throws {
        let transport = RecordingTransport()
        let client = makeClient(transport)
        try await client.withBearer()
        try await client.withAPIKeys()
        try await client.withOAuth()
        try await client.pathLabel(id: "x", ids: [])
        for request in await transport.requests {
            XCTAssertEqual(credentials(request), [], request.target)
        }
    }

    func testDescriptionsAndDumpsNeverContainSecrets() {
        let client = makeClient(RecordingTransport(), authentication: everything())
        let authentication = client.authentication!
        var dumpedAuthentication = "", dumpedClient = ""
        dump(authentication, to: &dumpedAuthentication)
        dump(client, to: &dumpedClient)
        var printed = ""
        print(authentication, to: &printed)
        let texts = [printed, String(describing: authentication), String(reflecting: authentication), "\(authentication)",
                     String(describing: client), String(reflecting: client), dumpedAuthentication, dumpedClient]
        for text in texts {
            for secret in Self.secrets + [basicHeader.dropFirst(6).description] {
                XCTAssertFalse(text.contains(secret), "\(secret) in: \(text)")
            }
        }
        XCTAssertTrue(printed.contains("redacted"), printed)
    }
}
