// Runs the Mustache spec's JSON tests through the generator's engine. Compiled by
// Scripts/mustache-spec-check together with Sources/GenCore/Render/Mustache/*.swift into one
// module, so the engine's types stay internal to GenCore.
//
// Usage: mustache-spec SPEC_DIR EXPECTED_FAILURES_FILE
// EXPECTED_FAILURES_FILE has one "file|test name|reason" a line. Exit status 1 when a required
// test fails that is not listed, or a listed one passes.
import Foundation

/// The spec's data: JSON as it is.
indirect enum JSON: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let int = try? container.decode(Int.self) { self = .int(int) }
        else if let double = try? container.decode(Double.self) { self = .double(double) }
        else if let string = try? container.decode(String.self) { self = .string(string) }
        else if let array = try? container.decode([JSON].self) { self = .array(array) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }

    /// The value the engine sees. The spec's rules: numbers interpolate as their shortest
    /// decimal (`1.210` is `1.21`, `85` stays `85`); `null` interpolates as "" and is falsey:
    /// the engine's empty list, which does both (and, being found, ends the lookup as the
    /// spec's null does).
    var templateValue: TemplateValue {
        switch self {
        case .null: .list(JSONList(elements: []))
        case .bool(let bool): .bool(bool)
        case .int(let int): .text(String(int))
        case .double(let double): .text(double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double))
        case .string(let string): .text(string)
        case .array(let array): .list(JSONList(elements: array))
        case .object(let object): .context(JSONContext(members: object))
        }
    }
}

struct JSONContext: TemplateContext {
    let members: [String: JSON]
    func value(for key: String) -> TemplateValue? { members[key]?.templateValue }
}

struct JSONList: TemplateList {
    let elements: [JSON]
    var count: Int { elements.count }
    func element(at index: Int) -> TemplateValue { elements[index].templateValue }
}

/// The engine's TemplateValue.swift turns generated code into text; GenCore's SwiftCode is not
/// compiled in here.
struct SwiftCode { var text: String }

struct SpecFile: Decodable { let tests: [SpecTest] }
struct SpecTest: Decodable {
    let name: String, template: String, expected: String
    let data: JSON
    let partials: [String: String]?
}

/// The engine's output for a test, or why there is none.
func run(_ test: SpecTest) -> String {
    do {
        var library = TemplateLibrary()
        library.register(try Template(test.template), named: "\u{0}main")
        for (name, source) in test.partials ?? [:] {
            library.register(try Template(source), named: name)
        }
        // The engine renders over a context only (every template of the generator has one).
        guard case .context(let root) = test.data.templateValue else { return "<root data is not an object>" }
        return try library.render("\u{0}main", with: root) ?? ""
    } catch let error as TemplateSyntaxError {
        return "<syntax error \(error.line):\(error.column): \(error.message)>"
    } catch {
        return "<render error: \(error)>"
    }
}

/// `text` as a JSON string literal, so whitespace and line ends are visible.
func quoted(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let data = try! encoder.encode(text)
    return String(decoding: data, as: UTF8.self)
}

let arguments = CommandLine.arguments
let specDirectory = URL(fileURLWithPath: arguments[1])
var expectedFailures: [String: String] = [:]  // "file|name" -> reason
for line in try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n") {
    let fields = line.split(separator: "|", maxSplits: 2).map(String.init)
    expectedFailures[fields[0] + "|" + fields[1]] = fields[2]
}

// The six core files, and the optional inheritance module, which the engine implements.
let requiredFiles = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
let optionalFiles = ["~lambdas", "~dynamic-names"]
var totals = (passed: 0, failed: 0, expected: 0), problems = 0, listedSeen = Set<String>()

for file in requiredFiles + optionalFiles {
    let isRequired = requiredFiles.contains(file)
    let path = specDirectory.appendingPathComponent(file + ".json")
    let spec: SpecFile
    do {
        spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: path))
    } catch {
        print("\(file).json: cannot read: \(error)")
        problems += 1
        continue
    }
    var passed = 0, failed = 0, expected = 0
    for test in spec.tests {
        let got = run(test)
        let key = "\(file).json|\(test.name)"
        let reason = expectedFailures[key]
        if reason != nil { listedSeen.insert(key) }
        if got == test.expected {
            passed += 1
            if isRequired, reason != nil {
                print("\(file).json: \(test.name): PASSES but is listed as an expected failure; remove it from the list")
                problems += 1
            }
        } else if isRequired, reason != nil {
            expected += 1
        } else {
            failed += 1
            if isRequired {
                print("\(file).json: \(test.name): FAILED: expected \(quoted(test.expected)) got \(quoted(got))")
                problems += 1
            }
        }
    }
    let summary = "\(passed) passed, \(failed) failed" + (expected > 0 ? ", \(expected) expected failures" : "")
    print("\(file).json: \(summary)\(isRequired ? "" : " (optional module, not supported; does not fail the check)")")
    if isRequired { totals.passed += passed; totals.failed += failed; totals.expected += expected }
}
for key in expectedFailures.keys.sorted() where !listedSeen.contains(key) {
    print("\(key.replacingOccurrences(of: "|", with: ": ")): listed as an expected failure but there is no such test")
    problems += 1
}
print("required: \(totals.passed) passed, \(totals.failed) failed, \(totals.expected) expected failures")
exit(problems == 0 ? 0 : 1)
