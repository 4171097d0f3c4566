import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// Nothing in a corpus spec is lost or loosened without a located warning: what the document
/// defines, counted from its YAML (operations under `paths`, their parameters and bodies,
/// documented JSON responses, component properties including those `allOf` brings, string enum
/// values), is compared with what the generator's API graph carries into the Swift.
final class AccountingTests: XCTestCase {
    private static let folder = Fixtures.url("Corpus")

    func testEveryCorpusSpecCarriesWhatItDefines() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        var warningClasses: [String: Int] = [:]
        for name in names {
            let path = Self.folder.appendingPathComponent(name).path
            let diagnostics = DiagnosticCollector()
            let api: APIGraph
            do {
                api = try Generator.readAPI(GeneratorOptions(specPath: path), diagnostics: diagnostics).0
            } catch {
                XCTFail("\(name) does not generate: \(error)")
                continue
            }
            let root = try YAMLLoader().load(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
            var ledger = Ledger(spec: SpecWalker(root: root), api: api, warnings: diagnostics.diagnostics)
            ledger.compare()
            print("AccountingTests: \(name): \(ledger.counts.summary); \(ledger.explained) explained by warnings")
            for difference in ledger.unexplained {
                XCTFail("\(name): \(difference)")
            }
            XCTAssertGreaterThan(ledger.counts.total, 0, "\(name): nothing compared")
            for warning in diagnostics.diagnostics where warning.severity == .warning {
                warningClasses[Self.warningClass(warning.message), default: 0] += 1
            }
        }
        print("AccountingTests: warning classes over the corpus:")
        for (message, count) in warningClasses.sorted(by: { $0.value > $1.value }) {
            print("  \(count)× \(message)")
        }
    }

    /// A warning's message with its quoted specifics elided, so messages group by kind.
    private static func warningClass(_ message: String) -> String {
        var result = ""
        var quoted = false
        for character in message {
            if character == "'" {
                quoted.toggle()
                result += quoted ? "'…" : "'"
            } else if !quoted {
                result.append(character)
            }
        }
        return result
    }
}

/// What was compared, by kind.
private struct Counts {
    var operations = 0, parameters = 0, bodies = 0, responses = 0, properties = 0, enumValues = 0

    var total: Int { operations + parameters + bodies + responses + properties + enumValues }

    var summary: String {
        "\(operations) operations, \(parameters) parameters, \(bodies) bodies, \(responses) JSON responses, "
            + "\(properties) component properties, \(enumValues) enum values"
    }
}

/// Compares the spec's elements with the graph's, one by one; a difference is explained when a
/// warning points inside the element's node.
private struct Ledger {
    let spec: SpecWalker
    let api: APIGraph
    let warnings: [Diagnostic]
    var counts = Counts()
    var unexplained: [String] = []
    var explained = 0

    /// Header parameters the OpenAPI specification says to ignore.
    private static let ignoredHeaders: Set<String> = ["authorization", "accept", "content-type"]

    mutating func compare() {
        let operations = spec.operations()
        var byKey: [String: APIOperation] = [:]
        for operation in api.operations { byKey[operation.httpMethod + " " + operation.path] = operation }
        for (method, path, node, shared) in operations {
            counts.operations += 1
            guard let operation = byKey[method.uppercased() + " " + path] else {
                record("operation \(method) \(path) is missing", node)
                continue
            }
            compareParameters(spec.parameters(of: node, shared: shared), operation, node)
            if let body = spec.follow(node["requestBody"]), let content = spec.follow(body["content"])?.mapping, !content.isEmpty {
                counts.bodies += 1
                let offered = Set(operation.body?.alternatives.map(\.contentType) ?? [])
                for (type, _) in content where !offered.contains(type.scalarText ?? "") {
                    record("\(method) \(path): request body \(type.scalarText ?? "") is missing", body)
                }
            }
            for (status, response) in spec.follow(node["responses"])?.mapping ?? [] {
                guard let response = spec.follow(response), let content = spec.follow(response["content"])?.mapping,
                      content.contains(where: { BodyEncoding.isJSON($0.key.scalarText ?? "") && $0.value["schema"] != nil })
                else { continue }
                counts.responses += 1
                let code = status.scalarText ?? ""
                if operation.responses.first(where: { $0.statusCode == code })?.encoding != .json {
                    record("\(method) \(path): JSON response \(code) is not decoded", response)
                }
            }
        }
        compareComponents()
    }

    private mutating func compareParameters(_ parameters: [YAMLNode], _ operation: APIOperation, _ node: YAMLNode) {
        for parameter in parameters {
            guard let name = parameter["name"]?.scalarText, let location = parameter["in"]?.scalarText else { continue }
            if location == "header" && Self.ignoredHeaders.contains(name.lowercased()) { continue }
            counts.parameters += 1
            if !operation.parameters.contains(where: { $0.jsonName == name && $0.location.rawValue == location }) {
                record("\(operation.httpMethod) \(operation.path): parameter \(name) in \(location) is missing", parameter)
            }
        }
    }

    private mutating func compareComponents() {
        var typeAt: [String: NamedTypeID] = [:]
        for (id, type) in api.schemas.types.enumerated() { typeAt[Self.key(type.location)] = id }
        for (name, schema) in spec.componentSchemas() {
            let id = typeAt[Self.key(schema.location)]
            let type = id.map { api.schemas.types[$0] }
            let properties = spec.properties(of: schema)
            if !properties.isEmpty {
                counts.properties += properties.count
                guard let type, case .object(let shape) = type.kind else {
                    record("component \(name) with properties is no struct", schema)
                    continue
                }
                let keys = Set(shape.properties.map(\.jsonName))
                for (property, node) in properties where !keys.contains(property) {
                    record("component \(name): property \(property) is missing", node)
                }
                for property in shape.properties {
                    guard let node = properties.first(where: { $0.name == property.jsonName })?.node else { continue }
                    compareEnum(spec.follow(node) ?? node, property.type, "\(name).\(property.jsonName)", property: property)
                }
            } else {
                compareEnum(schema, id.map(TypeRef.named) ?? .json, name)
            }
        }
    }

    /// A string enum of the spec must be a Swift enum with every value as a case.
    /// Integer and boolean enums: one value is the property's constant; several are read as
    /// plain values, which the graph warns about. A property's one-value string enum is its constant.
    private mutating func compareEnum(_ schema: YAMLNode, _ type: TypeRef, _ what: String, property: Property? = nil) {
        guard let values = schema["enum"]?.sequence, !values.isEmpty else { return }
        let strings = values.compactMap { $0.string }
        let nonNull = values.filter { !$0.isNull }
        guard strings.count == nonNull.count else {
            counts.enumValues += nonNull.count
            let integers = nonNull.compactMap { node -> Int? in if case .int(let value) = node.value { value } else { nil } }
            if nonNull.count == 1 {
                if property?.defaultValue == nil && property?.constant == nil { record("\(what): the constant \(nonNull[0].scalarText ?? "") is lost", schema) }
            } else if integers.count == nonNull.count, case .named(let id) = type.nonNull,
                      case .integerEnum(let cases) = api.schemas.types[id].kind {
                let raw = Set(cases.map(\.rawValue))
                for value in integers where !raw.contains(String(value)) {
                    record("\(what): enum value \(value) is missing", schema)
                }
            } else {
                record("\(what): enum values of other types are not modeled", schema)
            }
            return
        }
        counts.enumValues += strings.count
        // A one-value enum of a property is that property's constant.
        if strings.count == 1, case .string(strings[0]) = property?.constant { return }
        guard case .named(let id) = type.nonNull, case .stringEnum(let cases) = api.schemas.types[id].kind else {
            record("\(what): string enum is not an enum", schema)
            return
        }
        let raw = Set(cases.map(\.rawValue))
        for value in strings where !raw.contains(value) {
            record("\(what): enum value \(value) is missing", schema)
        }
    }

    private mutating func record(_ difference: String, _ node: YAMLNode) {
        let explanation = warnings.contains { warning in
            guard warning.severity == .warning, let location = warning.location, location.file == node.file else { return false }
            return (location.mark.line, location.mark.column) >= (node.start.line, node.start.column)
                && (location.mark.line, location.mark.column) <= (node.end.line, node.end.column)
        }
        if explanation { explained += 1 } else { unexplained.append("\(difference) (at \(node.location))") }
    }

    private static func key(_ location: SourceLocation) -> String {
        "\(location.file):\(location.mark.line):\(location.mark.column)"
    }
}

/// Reads the spec's YAML directly, following local `$ref`s, independently of the generator's
/// document reader.
private struct SpecWalker {
    let root: YAMLNode
    private static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    func follow(_ node: YAMLNode?) -> YAMLNode? {
        var current = node
        for _ in 0..<16 {
            guard let ref = current?["$ref"]?.scalarText, ref.hasPrefix("#/") else { return current }
            current = ref.dropFirst(2).split(separator: "/").reduce(root as YAMLNode?) { node, token in
                node?[String(token).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                    .removingPercentEncoding ?? String(token)]
            }
        }
        return current
    }

    func operations() -> [(method: String, path: String, node: YAMLNode, shared: YAMLNode?)] {
        var result: [(String, String, YAMLNode, YAMLNode?)] = []
        for (path, item) in root["paths"]?.mapping ?? [] {
            guard let item = follow(item), let pathText = path.scalarText else { continue }
            for (key, operation) in item.mapping ?? [] {
                guard let method = key.scalarText, Self.methods.contains(method), let node = follow(operation) else { continue }
                result.append((method, pathText, node, item["parameters"]))
            }
        }
        return result
    }

    /// Path-level and operation-level parameters; the operation's win on name and location.
    func parameters(of operation: YAMLNode, shared: YAMLNode?) -> [YAMLNode] {
        var result: [YAMLNode] = []
        for node in (shared?.sequence ?? []) + (operation["parameters"]?.sequence ?? []) {
            guard let parameter = follow(node) else { continue }
            result.removeAll { $0["name"]?.scalarText == parameter["name"]?.scalarText && $0["in"]?.scalarText == parameter["in"]?.scalarText }
            result.append(parameter)
        }
        return result
    }

    func componentSchemas() -> [(name: String, schema: YAMLNode)] {
        (root["components"]?["schemas"]?.mapping ?? []).compactMap { key, value in
            key.scalarText.map { ($0, value) }
        }
    }

    /// The properties a schema declares itself and through `allOf` (and `$ref`s there).
    func properties(of schema: YAMLNode) -> [(name: String, node: YAMLNode)] {
        var result: [(name: String, node: YAMLNode)] = []
        var seen: Set<String> = []
        var visited = 0
        func walk(_ node: YAMLNode?) {
            visited += 1
            guard visited < 200, let node = follow(node) else { return }
            for part in node["allOf"]?.sequence ?? [] { walk(part) }
            for (key, value) in node["properties"]?.mapping ?? [] {
                if let name = key.scalarText, seen.insert(name).inserted { result.append((name, value)) }
            }
        }
        walk(schema)
        return result
    }
}
