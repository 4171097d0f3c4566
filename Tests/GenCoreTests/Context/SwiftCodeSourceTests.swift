import Foundation
import XCTest

/// `SwiftCode` is made from run-time text only in `SwiftCode.swift` (its emitters). Its literal
/// initializers take `String` (for speed: `StaticString` made every literal segment a copy),
/// so this test keeps anything else from calling them by name with run-time text.
final class SwiftCodeSourceTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")
    private static let forbidden = ["stringLiteral:", ".appendLiteral(", "verbatim:", "Interpolation(literalCapacity"]

    func testOnlyTheEmittersMakeCodeFromText() throws {
        var offenders: [String] = []
        var seenInEmitters = 0
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        XCTAssertGreaterThan(files.count, 50, "no sources under \(Self.sources.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard Self.forbidden.contains(where: { line.contains($0) }) else { continue }
                if file.lastPathComponent == "SwiftCode.swift" {
                    seenInEmitters += 1
                } else {
                    offenders.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertEqual(offenders, [], "code made from text outside SwiftCode.swift")
        XCTAssertGreaterThan(seenInEmitters, 3, "the scan does not see the emitters' own uses")
    }
}
