import Foundation
import XCTest

/// Executables that `swift build --build-tests` built beside the test bundle.
public enum BuiltProducts {
    /// The `gen` executable: in `.build/<triple>/debug/` on Linux (the test bundle is an
    /// executable there, `arguments[0]`) and on macOS (the bundle is a folder). Fails the test,
    /// rather than skipping it, when `gen` is not built.
    public static func gen(for testClass: AnyClass, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let folders = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle(for: testClass).bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for folder in folders {
            let candidate = folder.appendingPathComponent("gen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let error = NotBuilt(searched: folders.map(\.path))
        XCTFail(error.description, file: file, line: line)
        throw error
    }

    private struct NotBuilt: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the gen executable is not built; run `swift build --build-tests` (it builds every product) first. Looked in: "
                + searched.joined(separator: ", ")
        }
    }
}
