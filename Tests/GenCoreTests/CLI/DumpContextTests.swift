import Foundation
import GenCore
import GenTestSupport
import XCTest

/// `gen SPEC --dump-context`: the contexts as JSON on stdout, nothing written, the same bytes
/// every run, and the excerpt that ends Templates/CONTEXT.md still what it prints. Runs the
/// built `gen`, as `CLITests` does.
final class DumpContextTests: XCTestCase {
    /// The repository root, from this file's path: Tests/GenCoreTests/CLI/<this file>.
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The seed spec, which the README and CONTEXT.md's excerpt use.
    private static let seed = root.appendingPathComponent("specs/relay-rest.yaml")

    private var temporary: URL!

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("gen-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Each type names the schema it comes from, so a tool can map schemas to Swift types:
    /// components, inline schemas (nested types, operations' bodies) and other files.
    func testEachTypeGivesTheJSONPointerOfItsSchema() throws {
        let parts = temporary.appendingPathComponent("parts")
        try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: true)
        try Data("Pet:\n  type: object\n  properties:\n    name: {type: string}\n".utf8)
            .write(to: parts.appendingPathComponent("pet.yaml"))
        let spec = temporary.appendingPathComponent("api.yaml")
        try Data("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /stations/{id}:
                get:
                  operationId: getStation
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {station: {$ref: '#/components/schemas/Station'}, pet: {$ref: 'parts/pet.yaml#/Pet'}}}
            components:
              schemas:
                Station:
                  type: object
                  properties:
                    location: {type: object, properties: {lat: {type: number}}}
                    a/b~c: {type: object, properties: {x: {type: string}}}

            """.utf8).write(to: spec)
        let models = try Generator.contexts(GeneratorOptions(specPath: spec.path)).models
        let pointers = Dictionary(uniqueKeysWithValues: models.types.flatMap { type in
            [type] + type.nestedTypes
        }.map { ("\($0.name)", $0.schemaPointer) })
        XCTAssertEqual(pointers, [
            "Station": "#/components/schemas/Station",
            "Location": "#/components/schemas/Station/properties/location",
            "ABC": "#/components/schemas/Station/properties/a~1b~0c",
            "Pet": "parts/pet.yaml#/Pet",
            "GetStationResponse": "#/paths/~1stations~1%7Bid%7D/get/responses/200/content/application~1json/schema",
        ])
    }

    func testPrintsTheFiveContextsAsJSONAndWritesNothing() throws {
        let run = try gen([Self.seed.path, "--dump-context"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "relay-rest has no warnings")
        XCTAssertTrue(run.stdout.hasSuffix("}\n"), "one JSON object and a newline")
        let dump = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(dump.keys), ["models", "client", "support", "api", "server"])

        let client = try XCTUnwrap(dump["client"] as? [String: Any])
        let operations = try XCTUnwrap(client["operations"] as? [[String: Any]])
        let operation = try XCTUnwrap(operations.first { $0["operationID"] as? String == "update-sip-endpoint" },
                                      "the seed's operation, by its operationId")
        XCTAssertEqual(operation["name"] as? String, "updateSipEndpoint")
        XCTAssertEqual(operation["operationIDLiteral"] as? String, #""update-sip-endpoint""#)
        XCTAssertEqual(operation["httpMethod"] as? String, "PUT")
        XCTAssertEqual(operation["path"] as? String, "/endpoints/sip/{id}", "slashes are not escaped")
        XCTAssertEqual(operation["tags"] as? [String], ["subpackage_sipEndpoints"])

        let models = try XCTUnwrap(dump["models"] as? [String: Any])
        let types = try XCTUnwrap(models["types"] as? [[String: Any]])
        XCTAssertEqual(types.count, try Generator.run(GeneratorOptions(specPath: Self.seed.path)).typeCount,
                       "every type in one models context")
        let response = try XCTUnwrap(types.first { $0["name"] as? String == "SipEndpointResponse" })
        let properties = try XCTUnwrap(response["properties"] as? [[String: Any]])
        let callerID = try XCTUnwrap(properties.first { $0["name"] as? String == "callerID" })
        XCTAssertEqual(callerID["jsonName"] as? String, "caller_id")
        XCTAssertEqual(callerID["isRequired"] as? Bool, true)
        XCTAssertNotNil((dump["support"] as? [String: Any])?["usesKeyedCoding"])

        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "no files, no Generated folder")
        XCTAssertEqual(Data(run.stdout.utf8), try Generator.contexts(GeneratorOptions(specPath: Self.seed.path)).json() + Data("\n".utf8),
                       "the CLI prints Generator.contexts")
    }

    func testTwoRunsPrintTheSameBytes() throws {
        let first = try gen([Self.seed.path, "--dump-context"])
        let second = try gen(["--dump-context", Self.seed.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stdout.isEmpty)
        XCTAssertEqual(Data(first.stdout.utf8), Data(second.stdout.utf8))
    }

    /// Warnings go to stderr, the JSON alone to stdout; a spec that fails exits 1 with nothing on stdout.
    func testDiagnosticsGoToStandardError() throws {
        let spec = temporary.appendingPathComponent("warns.yaml")
        try Data("""
            openapi: 3.1.0
            info: {title: Warns, version: '1'}
            paths:
              /a: {get: {operationId: getA, responses: {'600': {description: odd}, '204': {description: ok}}}}

            """.utf8).write(to: spec)
        let warned = try gen([spec.path, "--dump-context"])
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stderr.contains("warning: '600' is not an HTTP status code"), warned.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)), "stdout is the JSON alone")

        let failed = try gen(["absent.yaml", "--dump-context"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, "error: cannot read the spec 'absent.yaml': no such file\n")
        XCTAssertEqual(failed.stdout, "")
    }

    func testCheckAndOutputAreUsageErrors() throws {
        let cases: [(arguments: [String], message: String)] = [
            ([Self.seed.path, "--dump-context", "--check"], "'--dump-context' writes nothing to check; it cannot be used with '--check'"),
            (["--check", Self.seed.path, "--dump-context"], "'--dump-context' writes nothing to check; it cannot be used with '--check'"),
            ([Self.seed.path, "--dump-context", "-o", "out"], "'--dump-context' writes no files; it cannot be used with '-o'/'--output'"),
            ([Self.seed.path, "--output=out", "--dump-context"], "'--dump-context' writes no files; it cannot be used with '-o'/'--output'"),
            ([Self.seed.path, "--dump-context=yes"], "'--dump-context' takes no value, got 'yes'"),
        ]
        for item in cases {
            let run = try gen(item.arguments)
            XCTAssertEqual(run.status, 64, "\(item.arguments)")
            XCTAssertEqual(run.stderr, "error: \(item.message)\nUsage: gen SPEC [options]\nSee 'gen --help' for more information.\n",
                           "\(item.arguments)")
            XCTAssertEqual(run.stdout, "", "\(item.arguments)")
        }
        let help = try gen(["--help"]).stdout
        let flat = help.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(flat.contains("--dump-context Write nothing; print the contexts"), help)
        XCTAssertTrue(flat.contains("Not with --check or -o."), help)
    }

    /// The excerpt that ends CONTEXT.md is a part of the seed's dump: every object in it holds a
    /// selection of the keys of the object it stands for, with their values, and every line is
    /// one the dump prints (so the formatting is the dump's too).
    func testContextDocumentationEndsWithAnExcerptOfTheSeedsDump() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("Templates/CONTEXT.md"), encoding: .utf8)
        let heading = try XCTUnwrap(doc.range(of: "## The contexts as JSON: `gen --dump-context`"), "CONTEXT.md's dump section")
        let fence = try XCTUnwrap(doc.range(of: "```json\n", range: heading.upperBound..<doc.endIndex))
        let close = try XCTUnwrap(doc.range(of: "\n```\n", range: fence.upperBound..<doc.endIndex))
        XCTAssertEqual(close.upperBound, doc.endIndex, "CONTEXT.md ends with the excerpt")
        let excerpt = String(doc[fence.upperBound..<close.lowerBound])
        XCTAssertGreaterThan(excerpt.split(separator: "\n").count, 30, "a few dozen lines")

        let run = try gen([Self.seed.path, "--dump-context"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let dump = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let part = try JSONSerialization.jsonObject(with: Data(excerpt.utf8))
        var mismatch: [String] = []
        Self.compare(part, in: dump, path: "", mismatches: &mismatch)
        XCTAssertEqual(mismatch, [], "CONTEXT.md's excerpt differs from what gen --dump-context prints; update it")

        func normalized(_ line: Substring) -> String {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasSuffix(",") ? String(trimmed.dropLast()) : trimmed
        }
        let printed = Set(run.stdout.split(separator: "\n").map(normalized))
        for line in excerpt.split(separator: "\n") {
            XCTAssertTrue(printed.contains(normalized(line)), "CONTEXT.md's excerpt has a line the dump does not print: \(line)")
        }
    }

    /// Records where `part` is not contained in `whole`: an object's keys must be there with
    /// contained values, an array's elements must each be contained in one of `whole`'s, and
    /// anything else must be equal (a Bool to a Bool).
    private static func compare(_ part: Any, in whole: Any, path: String, mismatches: inout [String]) {
        switch part {
        case let object as [String: Any]:
            guard let wholeObject = whole as? [String: Any] else { return mismatches.append("\(path): not an object") }
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let counterpart = wholeObject[key] else {
                    mismatches.append("\(path).\(key): no such key")
                    continue
                }
                compare(value, in: counterpart, path: "\(path).\(key)", mismatches: &mismatches)
            }
        case let array as [Any]:
            guard let wholeArray = whole as? [Any] else { return mismatches.append("\(path): not an array") }
            for (index, element) in array.enumerated() {
                let found = wholeArray.contains { candidate in
                    var inner: [String] = []
                    compare(element, in: candidate, path: "", mismatches: &inner)
                    return inner.isEmpty
                }
                guard !found else { continue }
                // An element with a name is compared with the dump's of that name, to say what differs.
                let name = (element as? [String: Any])?["name"] as? String
                if let name, let named = wholeArray.first(where: { ($0 as? [String: Any])?["name"] as? String == name }) {
                    compare(element, in: named, path: "\(path)[\(name)]", mismatches: &mismatches)
                } else {
                    mismatches.append("\(path)[\(index)]: no element of the dump holds it")
                }
            }
        default:
            let equal = (part as? NSObject)?.isEqual(whole) ?? false
            let sameKind = (part is Bool) == (whole is Bool)
            if !equal || !sameKind { mismatches.append("\(path): \(part) in the excerpt, \(whole) in the dump") }
        }
    }

    /// Runs `gen` in the test's folder.
    private func gen(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ProcessRunner.run(executable: try BuiltProducts.gen(for: Self.self), arguments: arguments,
                              currentDirectory: temporary, timeout: 120)
    }
}
