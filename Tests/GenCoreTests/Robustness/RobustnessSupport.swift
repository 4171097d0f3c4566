import Foundation
import GenCore
import XCTest

/// Runs specs given as bytes through the whole generator, as the CLI does, and checks the
/// diagnostics the user would see.
class RobustnessTestCase: XCTestCase {
    /// A fresh folder per test; specs are written into it so `$ref`s can reach siblings.
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ bytes: [UInt8], _ name: String = "spec.yaml") throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ text: String, _ name: String = "spec.yaml") throws -> String {
        try write(Array(text.utf8), name)
    }

    /// The diagnostics of a run that must fail; fails the test when the run succeeds.
    func failure(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let result = try Generator.run(GeneratorOptions(specPath: path))
            XCTFail("expected the run to fail; it wrote \(result.files.map(\.name))", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Asserts that the run of `text` fails and that its first error is exactly `message`
    /// at `line`:`column` of the spec (or of `inFile`, a name inside the test folder).
    func assertFails(_ text: String, name: String = "spec.yaml", _ message: String, at expectedLine: Int, _ column: Int,
                     note: String? = nil, inFile: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertFails(bytes: Array(text.utf8), name: name, message, at: expectedLine, column, note: note,
                        inFile: inFile, file: file, line: line)
    }

    func assertFails(bytes: [UInt8], name: String = "spec.yaml", _ message: String, at expectedLine: Int, _ column: Int,
                     note: String? = nil, inFile: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try write(bytes, name)
        let diagnostics = failure(path, file: file, line: line)
        let errors = diagnostics.filter { $0.severity == .error }
        guard let error = errors.first else {
            return XCTFail("no error among \(diagnostics)", file: file, line: line)
        }
        XCTAssertEqual(error.message, message, "all: \(diagnostics)", file: file, line: line)
        let expectedFile = inFile.map { folder.appendingPathComponent($0).path } ?? path
        XCTAssertEqual(error.location?.file, expectedFile, file: file, line: line)
        XCTAssertEqual(error.location?.mark, Mark(line: expectedLine, column: column), "\(error)", file: file, line: line)
        if let note {
            XCTAssertEqual(error.note, note, file: file, line: line)
        }
        XCTAssertTrue(error.description.hasPrefix("\(expectedFile):\(expectedLine):\(column): error: \(message)"),
                      error.description, file: file, line: line)
    }

    /// Runs `body`, failing the test when it takes longer than `limit`.
    func withinTime<T>(_ limit: Duration, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                       _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        XCTAssertLessThan(elapsed, limit, "\(what) took \(elapsed)", file: file, line: line)
        return value
    }

    /// A minimal valid 3.1 document with `body` appended at column 0.
    static func spec(_ body: String) -> String {
        "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n" + body
    }
}

