import Foundation
import GenTestSupport
import XCTest

final class GoldenFilesTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Sub"), withIntermediateDirectories: true)
        try Data("one\n".utf8).write(to: directory.appendingPathComponent("A.swift"))
        try Data("two\n".utf8).write(to: directory.appendingPathComponent("Sub/B.swift"))
        try Data("root = true\n".utf8).write(to: directory.appendingPathComponent(".editorconfig"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testIdenticalFilesPassAndDotfilesAreIgnored() throws {
        try XCTSkipIf(ProcessInfo.processInfo.environment[GoldenFiles.recordVariable] == "1", "recording run")
        GoldenFiles.assertMatches(["A.swift": "one\n", "Sub/B.swift": "two\n"], expectedDirectory: directory)
    }

    func testMissingExtraAndChangedFilesAreEachReported() {
        let messages = GoldenFiles.mismatches(["A.swift": "uno\n", "C.swift": "three\n"], expectedDirectory: directory)

        XCTAssertEqual(messages.count, 3, messages.joined(separator: "\n\n"))
        XCTAssertTrue(messages.contains { $0.hasPrefix("file A.swift differs") && $0.contains("@@ -1 +1 @@\n-one\n+uno\n") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("extra file C.swift") && $0.contains("+three\n") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("missing file Sub/B.swift") && $0.contains("-two\n") }, "\(messages)")
    }

    func testByteDifferencesSuchAsLineEndingsAreReported() {
        let messages = GoldenFiles.mismatches(["A.swift": "one\r\n", "Sub/B.swift": "two\n"], expectedDirectory: directory)
        XCTAssertEqual(messages.count, 1)
    }

    func testMissingBaselineDirectoryIsReported() {
        let messages = GoldenFiles.mismatches(["A.swift": ""], expectedDirectory: directory.appendingPathComponent("nope"))
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("no baseline at "), messages[0])
    }

    func testWriteBaselineReplacesStaleFilesButKeepsDotfiles() throws {
        try GoldenFiles.writeBaseline(["A.swift": "uno\n", "New/C.swift": "three\n"], to: directory)

        XCTAssertEqual(GoldenFiles.mismatches(["A.swift": "uno\n", "New/C.swift": "three\n"], expectedDirectory: directory), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".editorconfig").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Sub/B.swift").path))
    }
}
