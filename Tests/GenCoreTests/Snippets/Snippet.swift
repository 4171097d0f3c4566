import Foundation
@testable import GenCore
import GenTestSupport
import XCTest

/// Snippet tests: a few lines of spec in, the Swift of one declaration out, both in the test.
///
/// The fragment is written at column 0 and wrapped into a minimal document by `SpecBuilder`:
/// `schemas` becomes `components.schemas`, `paths` becomes `paths`. The whole pipeline runs, so
/// a snippet shows exactly what a user gets.
struct Snippet {
    /// The generated files, by name.
    let files: [String: String]
    let warnings: [Diagnostic]

    /// Files as they are, for tests of the helper itself.
    init(files: [String: String]) {
        self.files = files
        warnings = []
    }

    /// Generates the document made of `schemas` and `paths`; a run that refuses the document fails the test.
    init(schemas: String = "", paths: String? = nil, version: String = "3.1.0",
         file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-snippet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("snippet.yaml")
        try Data(SpecBuilder.document(schemas: schemas, paths: paths, version: version).utf8).write(to: spec)
        let result: GenerationResult
        do {
            result = try Generator.run(GeneratorOptions(specPath: spec.path))
        } catch {
            XCTFail("the snippet does not generate: \(error.diagnostics.map(\.description))", file: file, line: line)
            throw error
        }
        files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        warnings = result.warnings
    }

    /// The declaration of the struct, enum or method `name`, from its doc comment and
    /// attributes to its closing brace (without a newline after it, as a multi-line string
    /// literal ends); `nil` when no file declares it. A plain name is found at any depth; a
    /// dotted one (`Booking.Payment`) names a declaration nested in those before it.
    func declaration(_ name: String) -> String? {
        let path = name.split(separator: ".").map(String.init)
        // The protocol and the server repeat the client's method names: the client's come first.
        let derived = { (name: String) in name.hasSuffix("API.swift") || name.hasSuffix("Server.swift") }
        for fileName in files.keys.sorted(by: { derived($0) == derived($1) ? $0 < $1 : !derived($0) }) {
            let lines = files[fileName, default: ""].split(separator: "\n", omittingEmptySubsequences: false)
            var range = lines.indices
            for component in path {
                guard let found = Self.declarationLines(component, in: lines, within: range) else {
                    range = 0..<0
                    break
                }
                range = found
            }
            guard !range.isEmpty else { continue }
            return lines[range].joined(separator: "\n")
        }
        return nil
    }

    /// The lines of the first declaration of `name` inside `range` of `lines`.
    private static func declarationLines(_ name: String, in lines: [Substring], within range: Range<Int>) -> Range<Int>? {
        guard let start = lines[range].firstIndex(where: { declaredName(in: $0) == name }) else { return nil }
        let indentation = lines[start].prefix { $0 == " " }
        var first = start
        while first > range.lowerBound, isPreamble(lines[first - 1], indentation: indentation) { first -= 1 }
        guard let end = lines[start..<range.upperBound].firstIndex(where: { $0 == indentation + "}" }) else { return nil }
        return first..<(end + 1)
    }

    /// The names of every struct, enum and method the files declare, in file and line order:
    /// for tests of naming.
    var declaredNames: [String] {
        files.keys.sorted().flatMap { name in
            files[name, default: ""].split(separator: "\n").compactMap(Self.declaredName(in:))
        }
    }

    /// `Pet` for `public struct Pet: Codable…`, `indirect enum Node…`, `func getPet(`.
    private static func declaredName(in line: Substring) -> String? {
        var words = line.split(separator: " ")[...]
        while let word = words.first, Self.modifiers.contains(word) {
            words = words.dropFirst()
        }
        guard let keyword = words.first, ["struct", "enum", "func"].contains(keyword),
              let named = words.dropFirst().first else { return nil }
        let name = named.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" }
        return name.isEmpty ? nil : String(name)
    }

    private static let modifiers: Set<Substring> = [
        "public", "package", "internal", "private", "fileprivate", "indirect", "static",
    ]

    private static func isPreamble(_ line: Substring, indentation: Substring) -> Bool {
        line.hasPrefix(indentation + "///") || line.hasPrefix(indentation + "@")
    }
}

extension Snippet {
    /// Why declaration `name` is not `expected`: a unified diff, or that there is no such
    /// declaration; `nil` when it is `expected`.
    func mismatch(_ name: String, expected: String) -> String? {
        guard let actual = declaration(name) else {
            return "no declaration named '\(name)'; declared: \(declaredNames.joined(separator: ", "))"
        }
        guard actual != expected else { return nil }
        return "'\(name)' differs from the expected Swift:\n"
            + GoldenFiles.unifiedDiff(expected: expected, actual: actual, expectedName: "expected", actualName: "generated")
    }
}

/// Compares a snippet's declaration with the expected Swift, showing a unified diff when they differ.
func assertDeclaration(_ name: String, in snippet: Snippet, _ expected: String,
                       file: StaticString = #filePath, line: UInt = #line) {
    if let mismatch = snippet.mismatch(name, expected: expected) {
        XCTFail(mismatch, file: file, line: line)
    }
}

/// The declaration `name` generated from `schemas` (`components.schemas`) and `paths`.
func assertSnippet(schemas: String = "", paths: String? = nil, declaration name: String, _ expected: String,
                   file: StaticString = #filePath, line: UInt = #line) throws {
    let snippet = try Snippet(schemas: schemas, paths: paths, file: file, line: line)
    assertDeclaration(name, in: snippet, expected, file: file, line: line)
}
