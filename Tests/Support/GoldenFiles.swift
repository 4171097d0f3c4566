import Foundation
import XCTest

/// Helpers for comparing generated files against a checked-in baseline directory.
public enum GoldenFiles {
    /// Name of the environment variable that re-records baselines when set to `1`.
    public static let recordVariable = "RECORD_GOLDEN"

    /// Fails unless `actual` (relative path → contents) matches `expectedDirectory` exactly.
    ///
    /// Missing, extra and differing files each produce one failure with a unified diff. Files
    /// and directories whose name starts with "." are not part of the baseline. With
    /// `RECORD_GOLDEN=1` the directory is rewritten to match `actual` instead, and the assertion
    /// still fails so that a recording run can never be mistaken for a passing one.
    public static func assertMatches(
        _ actual: [String: String],
        expectedDirectory: URL,
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            do {
                try writeBaseline(actual, to: expectedDirectory)
                XCTFail("recorded new baseline for \(expectedDirectory.path); rerun without \(recordVariable)", file: file, line: line)
            } catch {
                XCTFail("could not record baseline in \(expectedDirectory.path): \(error)", file: file, line: line)
            }
            return
        }
        for message in mismatches(actual, expectedDirectory: expectedDirectory) {
            XCTFail(message, file: file, line: line)
        }
    }

    /// One readable message per missing, extra or differing file; empty when `actual` matches.
    public static func mismatches(_ actual: [String: String], expectedDirectory: URL) -> [String] {
        let expectedNames: [String]
        do {
            expectedNames = try baselineFiles(in: expectedDirectory)
        } catch {
            return ["no baseline at \(expectedDirectory.path) (\(error)); run with \(recordVariable)=1 to create it"]
        }
        let hint = "(run with \(recordVariable)=1 to accept the new output)"
        var messages: [String] = []
        for name in Set(expectedNames).union(actual.keys).sorted() {
            let expectedURL = expectedDirectory.appendingPathComponent(name)
            guard let actualText = actual[name] else {
                let expectedText = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
                let diff = unifiedDiff(expected: expectedText, actual: "", expectedName: "expected/\(name)", actualName: "/dev/null")
                messages.append("missing file \(name): in the baseline but not produced \(hint)\n\(diff)")
                continue
            }
            guard expectedNames.contains(name), let expectedData = try? Data(contentsOf: expectedURL) else {
                let diff = unifiedDiff(expected: "", actual: actualText, expectedName: "/dev/null", actualName: "actual/\(name)")
                messages.append("extra file \(name): produced but not in the baseline \(hint)\n\(diff)")
                continue
            }
            guard expectedData != Data(actualText.utf8) else { continue }
            let expectedText = String(decoding: expectedData, as: UTF8.self)
            var diff = unifiedDiff(expected: expectedText, actual: actualText, expectedName: "expected/\(name)", actualName: "actual/\(name)")
            if diff.isEmpty {
                // Only possible when the baseline is not valid UTF-8 and decoding repaired it.
                diff = "(the baseline is not valid UTF-8; the bytes differ)\n"
            }
            messages.append("file \(name) differs from the baseline \(hint)\n\(diff)")
        }
        return messages
    }

    /// Makes `directory` hold exactly `files`, creating it if needed and keeping hidden entries.
    public static func writeBaseline(_ files: [String: String], to directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for stale in try baselineFiles(in: directory) where files[stale] == nil {
            try manager.removeItem(at: directory.appendingPathComponent(stale))
        }
        for (name, contents) in files {
            let url = directory.appendingPathComponent(name)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// A unified diff (3 lines of context, `@@` hunk headers) of two texts; empty if they are equal.
    public static func unifiedDiff(expected: String, actual: String, expectedName: String, actualName: String) -> String {
        LineDiff.unified(expected: expected, actual: actual, expectedName: expectedName, actualName: actualName)
    }

    /// Relative paths of the regular files under `directory`, skipping anything hidden.
    static func baselineFiles(in directory: URL) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? directory : directory.appendingPathComponent(relative)
            for name in try manager.contentsOfDirectory(atPath: absolute.path) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var childIsDirectory: ObjCBool = false
                _ = manager.fileExists(atPath: directory.appendingPathComponent(child).path, isDirectory: &childIsDirectory)
                if childIsDirectory.boolValue {
                    pending.append(child)
                } else {
                    result.append(child)
                }
            }
        }
        return result.sorted()
    }
}
