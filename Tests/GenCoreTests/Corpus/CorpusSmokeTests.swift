import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Runs the generator over every real-world spec in `Tests/Fixtures/Corpus`: it must finish
/// with files or with located diagnostics, never crash or hang, and always say the same thing.
final class CorpusSmokeTests: XCTestCase {
    private static let folder = Fixtures.url("Corpus")

    private struct Entry {
        var url: URL
        /// `operations` and `component_schemas` from MANIFEST.tsv.
        var operations: Int?
        var componentSchemas: Int?
    }

    private func specs() throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
        let manifest = try manifestRows()
        return names.map { name in
            let row = manifest[name]
            return Entry(url: Self.folder.appendingPathComponent(name),
                         operations: row?["operations"].flatMap { Int($0) },
                         componentSchemas: row?["component_schemas"].flatMap { Int($0) })
        }
    }

    /// MANIFEST.tsv rows by file name, each a column → value map.
    private func manifestRows() throws -> [String: [String: String]] {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let row = Dictionary(zip(header, line), uniquingKeysWith: { first, _ in first })
            if let file = row["file"] { rows[file] = row }
        }
        return rows
    }

    /// What the spec holds, counted from its YAML: operations under `paths` (webhooks are no
    /// client methods) and component schemas.
    private static func shape(of url: URL) throws -> (operations: Int, schemas: Int, hasPathItemRefs: Bool) {
        let root = try YAMLLoader().load(Array(try Data(contentsOf: url)), file: url.path)
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations = 0, refs = false
        for (_, item) in root["paths"]?.mapping ?? [] {
            refs = refs || item["$ref"] != nil
            operations += (item.mapping ?? []).filter { $0.key.scalarText.map(methods.contains) ?? false }.count
        }
        // Swagger 2.0 keeps its schemas in `definitions`.
        let schemas = root["components"]?["schemas"] ?? root["definitions"]
        return (operations, schemas?.mapping?.count ?? 0, refs)
    }

    /// The generator's result, or the diagnostics it threw.
    private func generate(_ url: URL) -> Result<GenerationResult, DiagnosticsError> {
        do {
            return .success(try Generator.run(GeneratorOptions(specPath: url.path)))
        } catch {
            return .failure(error)
        }
    }

    func testCorpusIsPresentAndListedInTheManifest() throws {
        let entries = try specs()
        XCTAssertGreaterThanOrEqual(entries.count, 14, "corpus at \(Self.folder.path): \(entries.map(\.url.lastPathComponent))")
        for entry in entries {
            XCTAssertNotNil(entry.operations, "\(entry.url.lastPathComponent) has no operation count in MANIFEST.tsv")
            XCTAssertNotNil(entry.componentSchemas, "\(entry.url.lastPathComponent) has no schema count in MANIFEST.tsv")
        }
    }

    func testEverySpecGeneratesOrFailsWithLocatedDiagnostics() throws {
        let entries = try specs()
        XCTAssertGreaterThanOrEqual(entries.count, 14)
        var generated: [String] = []
        var failed: [String] = []
        for entry in entries {
            let name = entry.url.lastPathComponent
            switch generate(entry.url) {
            case .success(let result):
                generated.append(name)
                check(result, of: entry)
            case .failure(let error):
                failed.append(name)
                let errors = error.diagnostics.filter { $0.severity == .error }
                XCTAssertFalse(errors.isEmpty, "\(name) threw without an error: \(error)")
                for diagnostic in errors {
                    XCTAssertNotNil(diagnostic.location, "\(name): unlocated error \(diagnostic)")
                    if let location = diagnostic.location {
                        XCTAssertGreaterThan(location.mark.line, 0, "\(name): \(diagnostic)")
                        XCTAssertGreaterThan(location.mark.column, 0, "\(name): \(diagnostic)")
                    }
                }
            }
        }
        print("corpus: generated \(generated); failed \(failed)")
        XCTAssertFalse(generated.isEmpty, "no corpus spec generates")
    }

    private func check(_ result: GenerationResult, of entry: Entry, file: StaticString = #filePath, line: UInt = #line) {
        let name = entry.url.lastPathComponent
        let expectedFiles = Generator.outputFileNames(name: SwiftNaming().typeName(entry.url.deletingPathExtension().lastPathComponent))
        XCTAssertEqual(result.files.map(\.name), expectedFiles, name, file: file, line: line)
        for output in result.files {
            XCTAssertFalse(output.contents.isEmpty, "\(name): \(output.name) is empty", file: file, line: line)
        }
        let shape = try? Self.shape(of: entry.url)
        XCTAssertNotNil(shape, "\(name) cannot be loaded", file: file, line: line)
        if let shape {
            if shape.schemas > 0 {
                XCTAssertGreaterThan(result.typeCount, 0, "\(name) has schemas but no types", file: file, line: line)
            }
            if shape.operations > 0 {
                XCTAssertGreaterThan(result.operationCount, 0, "\(name) has paths but no operations", file: file, line: line)
            }
            if !shape.hasPathItemRefs {
                XCTAssertEqual(result.operationCount, shape.operations, "\(name): operation count", file: file, line: line)
            }
        }
        XCTAssertTrue(result.inputFiles.contains(entry.url.path), "\(name): inputs \(result.inputFiles)", file: file, line: line)
        for warning in result.warnings {
            XCTAssertEqual(warning.severity, .warning, "\(name): \(warning)", file: file, line: line)
            XCTAssertNotNil(warning.location, "\(name): unlocated warning \(warning)", file: file, line: line)
        }
    }

    func testLargestSpecGeneratesTheSameBytesTwice() throws {
        let entries = try specs()
        let sizes = try entries.map { entry in
            (entry, try XCTUnwrap(FileManager.default.attributesOfItem(atPath: entry.url.path)[.size] as? NSNumber).intValue)
        }
        let largest = try XCTUnwrap(sizes.max { $0.1 < $1.1 }).0
        XCTAssertGreaterThan(sizes.map(\.1).max() ?? 0, 100_000, "the largest corpus spec is suspiciously small")
        switch (generate(largest.url), generate(largest.url)) {
        case (.success(let first), .success(let second)):
            XCTAssertEqual(first.files.count, second.files.count)
            for (a, b) in zip(first.files, second.files) {
                XCTAssertEqual(a.name, b.name)
                XCTAssertTrue(Data(a.contents.utf8) == Data(b.contents.utf8),
                              "\(a.name) differs between runs:\n\(GoldenFiles.unifiedDiff(expected: a.contents, actual: b.contents, expectedName: "run 1", actualName: "run 2"))")
            }
            XCTAssertEqual(first.warnings, second.warnings)
            XCTAssertEqual(first.typeCount, second.typeCount)
        case (.failure(let first), .failure(let second)):
            XCTAssertEqual(first.diagnostics, second.diagnostics)
        case (let first, let second):
            XCTFail("one run generated and the other failed: \(first) / \(second)")
        }
    }
}
