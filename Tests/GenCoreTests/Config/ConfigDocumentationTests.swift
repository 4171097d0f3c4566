import Foundation
import GenCore
import XCTest

/// The README's option table is `GeneratorConfig.options`, row for row.
final class ConfigDocumentationTests: XCTestCase {
    private func readme() throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The README's table, one row per option: `| `key` | `flag` | value | summary |`.
    private func tableRows() throws -> [String] {
        try readme().split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
    }

    func testEveryOptionIsDocumentedWithItsKeyFlagAndSummary() throws {
        let rows = try tableRows()
        for option in GeneratorConfig.options {
            let row = rows.first { $0.hasPrefix("| `\(option.key)` |") }
            XCTAssertNotNil(row, "README.md has no row for option '\(option.key)'")
            guard let row else { continue }
            XCTAssertTrue(row.contains("| `\(option.flag)` |"), "the row of '\(option.key)' does not show \(option.flag): \(row)")
            XCTAssertTrue(row.contains(option.summary), "the row of '\(option.key)' does not say: \(option.summary)\n\(row)")
            let valueType = option.valueType.replacingOccurrences(of: "|", with: "\\|")
            XCTAssertTrue(row.contains(valueType), "the row of '\(option.key)' does not show its value type \(valueType)")
        }
    }

    func testTheTableHasNoOtherRowsAndKeepsTheOrder() throws {
        let keys = try tableRows().compactMap { row in
            row.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        }
        XCTAssertEqual(keys, GeneratorConfig.options.map(\.key))
    }
}
