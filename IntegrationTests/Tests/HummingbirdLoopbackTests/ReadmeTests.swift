import Foundation
import XCTest

/// The README's Hummingbird server is Sources/readme-server/main.swift, compiled by this package.
final class ReadmeTests: XCTestCase {
    func testTheReadmeShowsTheCompiledServer() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let main = try String(contentsOf: here.appendingPathComponent("../../Sources/readme-server/main.swift"), encoding: .utf8)
        let readme = try String(contentsOf: here.appendingPathComponent("../../../README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```swift\n" + main + "```"), "README.md's server snippet differs from Sources/readme-server/main.swift")
    }
}
