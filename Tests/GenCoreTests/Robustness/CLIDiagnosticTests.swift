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

    /// A FastAPI spec is one line of JSON, often hundreds of kilobytes: the excerpt is the text
    /// around the column the warning is about, not the line's first 200 characters.
    func testMinifiedJSONShowsTheTextAroundTheColumn() throws {
        let padding = String(repeating: "x", count: 5000)
        let text = #"{"openapi":"3.1.0","info":{"title":"T","version":"1","description":""# + padding
            + #""},"servers":[{"url":"/api/v1"}],"paths":{}}"#
        let path = try write(text, "spec.json")
        let out = folder.appendingPathComponent("out")
        let run = try ProcessRunner.run(executable: try BuiltProducts.gen(for: Self.self), arguments: [path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let column = text.unicodeScalars.count - #"{"url":"/api/v1"}],"paths":{}}"#.unicodeScalars.count + 1
        guard let index = lines.firstIndex(where: { $0.hasPrefix("\(path):1:\(column): warning: the first server's URL '/api/v1'") }),
              index + 2 < lines.count
        else { return XCTFail("no located warning at column \(column):\n\(run.stderr)") }
        let source = lines[index + 1], caret = lines[index + 2]
        XCTAssertTrue(source.hasPrefix("…xxx") && source.contains(#""servers":[{"url":"/api/v1"}]"#), source)
        XCTAssertLessThanOrEqual(source.unicodeScalars.count, SourceExcerpt.width + 2)
        let under = source.unicodeScalars[source.unicodeScalars.index(source.unicodeScalars.startIndex, offsetBy: caret.count - 1)]
        XCTAssertEqual(caret.last, "^")
        XCTAssertEqual(under, "{", "the caret is under the server object:\n\(source)\n\(caret)")
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
