import Foundation
import XCTest
@testable import GenCore

/// `BuiltInTemplates.swift` is generated from `Templates/` by Scripts/embed-templates; this
/// keeps the two from drifting apart.
final class BuiltInTemplatesTests: XCTestCase {
    /// The repository's Templates/ folder, from this file's path: Tests/GenCoreTests/Render/<this file>.
    private static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    func testTheEmbeddedTemplatesAreExactlyTheFilesInTemplates() throws {
        let fileNames = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.path)
            .filter { $0.hasSuffix(".mustache") }
        var onDisk: [String: String] = [:]
        for fileName in fileNames {
            let data = try Data(contentsOf: Self.templatesFolder.appendingPathComponent(fileName))
            onDisk[String(fileName.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        XCTAssertFalse(onDisk.isEmpty, "no templates found in \(Self.templatesFolder.path)")
        let stale = Set(onDisk.keys).union(BuiltInTemplates.sources.keys).sorted()
            .filter { onDisk[$0] != BuiltInTemplates.sources[$0] }
        XCTAssertEqual(stale, [], "Sources/GenCore/Render/BuiltInTemplates.swift is stale for these templates: run Scripts/embed-templates")
    }
}
