import Foundation
import XCTest
@testable import GenCore

/// Builds small OpenAPI documents for tests, writes them to a temporary folder and runs the
/// pipeline up to the API graph.
enum SpecBuilder {
    /// A minimal OpenAPI 3.1 document whose `components.schemas` is `schemas` (written at column 0,
    /// indented here) and whose `paths` is `paths` (also written at column 0).
    static func document(schemas: String = "", paths: String? = nil, version: String = "3.1.0") -> String {
        var text = """
            openapi: \(version)
            info:
              title: Test
              version: '1'

            """
        if let paths {
            text += "paths:\n" + indent(paths, by: 2)
        } else {
            text += "paths: {}\n"
        }
        if !schemas.isEmpty {
            text += "components:\n  schemas:\n" + indent(schemas, by: 4)
        }
        return text
    }

    static func indent(_ text: String, by width: Int) -> String {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n")
    }
}

/// What a pipeline run produced: the API graph when the document could be read, and every
/// diagnostic gathered on the way.
struct GraphRun {
    var api: APIGraph?
    var diagnostics: [Diagnostic]
    /// The spec's path, as handed to the pipeline.
    var specPath: String
    /// The spec's text, to find where things are written.
    var specText: String

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var types: [NamedType] { api?.schemas.types ?? [] }

    /// Each type's name as written at the top level: `Booking.Payment` for a nested type.
    var qualifiedNames: [String] {
        guard let graph = api?.schemas else { return [] }
        return graph.types.indices.map { id in graph.path(to: id).map { graph.types[$0].name.bare }.joined(separator: ".") }
    }

    /// The type called `name` at the top level (`Booking.Payment` for a nested one).
    func id(of name: String, file: StaticString = #filePath, line: UInt = #line) throws -> NamedTypeID {
        try XCTUnwrap(qualifiedNames.firstIndex { $0 == name },
                      "no type named \(name); types: \(qualifiedNames); diagnostics: \(diagnostics)",
                      file: file, line: line)
    }

    func type(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> NamedType {
        types[try id(of: name, file: file, line: line)]
    }

    func object(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ObjectShape {
        guard case .object(let shape) = try type(name, file: file, line: line).kind else {
            XCTFail("\(name) is not an object: \(try type(name).kind)", file: file, line: line)
            throw TestFailure()
        }
        return shape
    }

    func enumCases(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [EnumCase] {
        guard case .stringEnum(let cases) = try type(name, file: file, line: line).kind else {
            XCTFail("\(name) is not a string enum: \(try type(name).kind)", file: file, line: line)
            throw TestFailure()
        }
        return cases
    }

    func union(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> UnionShape {
        guard case .union(let shape) = try type(name, file: file, line: line).kind else {
            XCTFail("\(name) is not a union: \(try type(name).kind)", file: file, line: line)
            throw TestFailure()
        }
        return shape
    }

    func property(_ jsonName: String, of typeName: String, file: StaticString = #filePath, line: UInt = #line) throws -> Property {
        let shape = try object(typeName, file: file, line: line)
        return try XCTUnwrap(shape.properties.first { $0.jsonName == jsonName },
                             "\(typeName) has no property \(jsonName); has \(shape.properties.map(\.jsonName))",
                             file: file, line: line)
    }

    /// The type of a property of a named object.
    func typeOf(_ jsonName: String, in typeName: String, file: StaticString = #filePath, line: UInt = #line) throws -> TypeRef {
        try property(jsonName, of: typeName, file: file, line: line).type
    }

    /// The 1-based line and column where `needle` is first written in the spec.
    func position(of needle: String, file: StaticString = #filePath, line: UInt = #line) throws -> (line: Int, column: Int) {
        for (index, text) in specText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = text.range(of: needle) {
                return (index + 1, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
        XCTFail("'\(needle)' is not in the spec", file: file, line: line)
        throw TestFailure()
    }
}

struct TestFailure: Error {}

extension XCTestCase {
    /// A fresh folder removed when the test ends.
    func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("GenCoreTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `spec` (and `files`, paths relative to the spec's folder) into a fresh folder
    /// and runs the pipeline as `Generator.run` does, up to the API graph.
    func buildGraph(_ spec: String, files: [String: String] = [:], specName: String = "spec.yaml",
                    initialisms: Set<String> = SwiftNaming.defaultInitialisms) throws -> GraphRun {
        let folder = try makeTemporaryDirectory()
        let specURL = folder.appendingPathComponent(specName)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(spec.utf8).write(to: specURL)
        return Self.runPipeline(specPath: specURL.path, text: spec, initialisms: initialisms)
    }

    static func runPipeline(specPath: String, text: String, initialisms: Set<String>) -> GraphRun {
        var run = GraphRun(api: nil, diagnostics: [], specPath: specPath, specText: text)
        let diagnostics = DiagnosticCollector()
        let loader = YAMLLoader()
        let root: YAMLNode
        do {
            root = try loader.load(Array(text.utf8), file: specPath)
        } catch {
            run.diagnostics = error.diagnostics
            return run
        }
        let resolver = RefResolver(rootFile: specPath, rootNode: root, loader: loader)
        let reader = DocumentReader(resolver: resolver, diagnostics: diagnostics)
        guard let document = reader.read(root, file: specPath) else {
            run.diagnostics = diagnostics.diagnostics
            return run
        }
        let schemas = SchemaGraphBuilder(
            diagnostics: diagnostics, naming: SwiftNaming(initialisms: initialisms), reservedTypeNames: ["TestClient", "TestError"])
        run.api = APIGraphBuilder(document: document, schemas: schemas, diagnostics: diagnostics, name: "Test",
                                  clientTypeName: "TestClient", errorTypeName: "TestError", config: GeneratorConfig()).build()
        run.diagnostics = diagnostics.diagnostics
        return run
    }
}

/// Asserts that `diagnostic` is located in `file` (by suffix) at `line` and, when given, `column`.
func assertLocated(_ diagnostic: Diagnostic?, fileSuffix: String, line expectedLine: Int, column: Int? = nil,
                   file: StaticString = #filePath, line: UInt = #line) {
    guard let diagnostic else { return XCTFail("no diagnostic", file: file, line: line) }
    guard let location = diagnostic.location else {
        return XCTFail("diagnostic has no location: \(diagnostic)", file: file, line: line)
    }
    XCTAssertTrue(location.file.hasSuffix(fileSuffix), "\(location.file) does not end in \(fileSuffix)", file: file, line: line)
    XCTAssertEqual(location.mark.line, expectedLine, "line of \(diagnostic)", file: file, line: line)
    if let column {
        XCTAssertEqual(location.mark.column, column, "column of \(diagnostic)", file: file, line: line)
    }
    XCTAssertTrue(diagnostic.description.hasPrefix("\(location.file):\(expectedLine):\(location.mark.column): "),
                  "not printed as file:line:column: \(diagnostic.description)", file: file, line: line)
}
