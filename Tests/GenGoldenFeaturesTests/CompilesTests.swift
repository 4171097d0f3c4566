import GenGoldenFeatures
import XCTest

/// The features fixture's golden output builds (warnings are errors) and links.
final class CompilesTests: XCTestCase {
    func testTypesExist() {
        XCTAssertEqual(Mode(rawValue: "fast"), .fast)
    }
}
