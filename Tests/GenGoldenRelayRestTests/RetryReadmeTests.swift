import Foundation
import GenGoldenRelayRest
import XCTest

/// The README's retry snippet (section "Retries"), compiled here; the test checks that the
/// README holds it as written.
final class RetryReadmeTests: XCTestCase {
    private static let snippet = """
        // Up to 5 attempts, waits from under 0.2 s doubling to at most 5 s, no retry after 20 s:
        let patient = RelayRestClient(serverURL: url, authentication: .basic(username: projectID, password: token),
                                      retry: RetryPolicy(maxAttempts: 5, initialDelay: 0.2, maxDelay: 5, totalTimeout: 20))
        // Every request sent once (a test double, or code that retries on its own):
        let once = RelayRestClient(serverURL: url, retry: .none)
        """

    func testSnippetCompilesAndIsInTheReadme() throws {
        let url = URL(string: "https://example.signalwire.com/api/relay/rest")!
        let (projectID, token) = ("project", "token")
        // Up to 5 attempts, waits from under 0.2 s doubling to at most 5 s, no retry after 20 s:
        let patient = RelayRestClient(serverURL: url, authentication: .basic(username: projectID, password: token),
                                      retry: RetryPolicy(maxAttempts: 5, initialDelay: 0.2, maxDelay: 5, totalTimeout: 20))
        // Every request sent once (a test double, or code that retries on its own):
        let once = RelayRestClient(serverURL: url, retry: .none)

        XCTAssertEqual(patient.retry.maxAttempts, 5)
        XCTAssertEqual(patient.retry.multiplier, 2)
        XCTAssertEqual(once.retry, .none)
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains("```swift\n" + Self.snippet + "\n```"), "README.md's retry snippet differs from this test's")
    }
}
