import Foundation
import GenCore
import GenTestSupport
import XCTest

/// What `gen` prints for a bad spec: the located headline, the source line and a caret under
/// the column, whatever the line endings and indentation of the file.
final class CLIDiagnosticTests: RobustnessTestCase {
    private func genFails(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let path = try write(bytes)
        let out = folder.appendingPathComponent("out")
        let run = try ProcessRunner.run(executable: try BuiltProducts.gen(for: Self.self), arguments: [path, "-o", out.path])
        XCTAssertNotEqual(run.status, 0, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written", file: file, line: line)
        return run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testCRLFFileShowsTheRightLineAndCaret() throws {
        let text = "openapi: 3.1.0\r\ninfo:\r\n  title: T\r\n  version: '1'\r\npaths: []\r\n"
        let lines = try genFails(Array(text.utf8))
        let path = folder.appendingPathComponent("spec.yaml").path
        XCTAssertEqual(Array(lines.prefix(3)), [
            "\(path):5:8: error: 'paths' must be a mapping, found a sequence",
            "paths: []",
            "       ^",
        ])
    }

    func testCaretKeepsTabsBeforeTheColumn() throws {
        // A tab may separate a value from its key (it may not indent).
        let text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\t[1]\n"
        let lines = try genFails(Array(text.utf8))
        let path = folder.appendingPathComponent("spec.yaml").path
        XCTAssertEqual(Array(lines.prefix(3)), [
            "\(path):3:8: error: 'paths' must be a mapping, found a sequence",
            "paths:\t[1]",
            "      \t^",
        ])
    }

    func testNonUTF8LineIsShownRepaired() throws {
        let lines = try genFails(Array("openapi: 3.1.0\ninfo:\n  title: ".utf8) + [0xFF, 0x0A])
        let path = folder.appendingPathComponent("spec.yaml").path
        XCTAssertEqual(Array(lines.prefix(3)), [
            "\(path):3:10: error: invalid leading UTF-8 octet",
            "  title: \u{FFFD}",
            "         ^",
        ])
    }
}
