import GenGoldenHTTPSurface
import XCTest

/// The http-surface fixture's golden output builds (warnings are errors) and links.
final class CompilesTests: XCTestCase {
    func testClientExists() {
        XCTAssertEqual(HttpSurfaceClient.defaultServerURL.absoluteString, "https://demo.api.example.com/v2")
    }
}
