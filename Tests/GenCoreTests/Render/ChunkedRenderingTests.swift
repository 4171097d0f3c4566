import Foundation
@testable import GenCore
import GenTestSupport
import XCTest

/// Big specs render their models in chunks on all cores; the text must be exactly what one
/// render gives.
final class ChunkedRenderingTests: XCTestCase {
    func testChunkedModelsEqualOneRender() throws {
        let spec = Fixtures.url("Corpus/discord.json").path
        let chunked = try Generator.run(GeneratorOptions(specPath: spec))

        // A replaced `modelsTypes` (the built-in text plus a comment, which renders as nothing)
        // turns chunking off.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let builtIn = try XCTUnwrap(TemplateSet.builtIn["modelsTypes"])
        try Data((builtIn + "{{! the same template }}\n").utf8).write(to: folder.appendingPathComponent("modelsTypes.mustache"))
        let single = try Generator.run(GeneratorOptions(specPath: spec, templatesDirectory: folder.path))

        XCTAssertGreaterThan(chunked.typeCount, 128, "the spec must be big enough to be chunked")
        XCTAssertEqual(chunked.files.map(\.name), single.files.map(\.name))
        for (a, b) in zip(chunked.files, single.files) {
            XCTAssertTrue(a.contents == b.contents, "\(a.name) differs between chunked and single rendering")
        }
    }
}
