import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Input built to exhaust time, memory or the stack, and values at the edges of what Swift
/// can spell: each one finishes quickly, with output that compiles or with a located error.
final class HostileInputTests: RobustnessTestCase {
    func testBillionLaughs() throws {
        var body = "paths: {}\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            body += "x-a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try withinTime(.seconds(2), "billion laughs") {
            // Levels 1 to 3 expand 12,330 nodes; the 8th alias of level 4 (11,111 nodes each) trips.
            try assertFails(Self.spec(body), "alias expansion exceeds 100000 nodes", at: 10, 47)
        }
    }

    func testHundredThousandLevelsOfNesting() throws {
        let depth = 100_000
        let body = "paths: {}\nx-deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        try withinTime(.seconds(5), "deep nesting") {
            // The root mapping is level 1, so the 1000th bracket (column 9 + 999) is level 1001.
            try assertFails(Self.spec(body), "nesting deeper than 1000 levels", at: 6, 1008)
        }
    }

    func testHundredThousandLevelsOfFlowMappings() throws {
        let depth = 100_000
        let body = "paths: {}\nx-deep: " + String(repeating: "{a: ", count: depth) + String(repeating: "}", count: depth) + "\n"
        try withinTime(.seconds(5), "deep mappings") {
            try assertFails(Self.spec(body), "nesting deeper than 1000 levels", at: 6, 9 + 999 * 4)
        }
    }

    func testFiftyMegabyteScalar() throws {
        let big = String(repeating: "x", count: 50_000_000)
        let path = try write(Self.spec("  description: \(big)\npaths: {}\n"))
        let result = try withinTime(.seconds(30), "a 50 MB scalar") {
            try Generator.run(GeneratorOptions(specPath: path))
        }
        XCTAssertEqual(result.files.count, Generator.outputFileNames(name: result.name).count)
    }

    func testFiftyMegabyteSchemaDescription() throws {
        let big = String(repeating: "y", count: 50_000_000)
        let path = try write(Self.spec("paths: {}\ncomponents:\n  schemas:\n    Big:\n      type: string\n      description: \(big)\n"))
        let outcome = withinTime(.seconds(30), "a 50 MB description") {
            Result { () throws(DiagnosticsError) in try Generator.run(GeneratorOptions(specPath: path)) }
        }
        switch outcome {
        case .success(let result):
            XCTAssertEqual(result.files.count, Generator.outputFileNames(name: result.name).count)
        case .failure(let error):
            XCTAssertTrue(error.diagnostics.allSatisfy { $0.location != nil }, "\(error)")
        }
    }

    func testHundredThousandEnumValues() throws {
        let values = (0..<100_000).map { "v\($0)" }.joined(separator: ", ")
        let path = try write(Self.spec("paths: {}\ncomponents:\n  schemas:\n    Huge:\n      type: string\n      enum: [\(values)]\n"))
        let result = try withinTime(.seconds(60), "an enum of 100,000 values") {
            try Generator.run(GeneratorOptions(specPath: path))
        }
        let models = result.files.filter { $0.name.contains("Models") }.map(\.contents).joined()
        // Cases are packed on lines (`case v99993, …, v99999`): the last line of them ends with it.
        XCTAssertTrue(models.split(separator: "\n").contains { $0.hasPrefix("    case v") && $0.hasSuffix(" v99999") },
                      "the last value has its case")
    }

    func testIntegersBeyondInt64() throws {
        let path = try write(Self.spec("""
            paths: {}
            components:
              schemas:
                Big:
                  type: object
                  properties:
                    count:
                      type: integer
                      default: 99999999999999999999
                      minimum: -99999999999999999999
                      maximum: 1e400
                    level:
                      type: integer
                      enum: [1, 99999999999999999999, -99999999999999999999]
                    ratio:
                      type: number
                      default: 1e400

            """))
        let result = try Generator.run(GeneratorOptions(specPath: path))
        try assertCompiles(result)
    }

    /// Names with no letter or digit still need a legal, distinct Swift identifier.
    func testNamesThatSanitizeToNothing() throws {
        let path = try write(Self.spec("""
            paths:
              /things:
                get:
                  operationId: '---'
                  parameters:
                    - {name: '!!', in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/$$$'}
                post:
                  operationId: '***'
                  responses:
                    '204': {description: done}
            components:
              schemas:
                $$$:
                  type: object
                  properties:
                    '@': {type: string}
                    '#': {type: integer}
                    '': {type: boolean}
                '%%%':
                  type: string
                  enum: ['', '-', '+']

            """))
        let result = try Generator.run(GeneratorOptions(specPath: path))
        try assertCompiles(result)
    }

    private func assertCompiles(_ result: GenerationResult, file: StaticString = #filePath, line: UInt = #line) throws {
        let sources = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let check = try SwiftCompiler.typecheck(sources: sources)
        XCTAssertEqual(check.exitCode, 0, check.output, file: file, line: line)
    }
}
