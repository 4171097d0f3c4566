import Foundation
import XCTest
@testable import GenCore

/// The strict check between templates, contexts, their Mustache lookups and CONTEXT.md.
///
/// Lookups are `switch`es (Render/…+TemplateContext.swift), not reflection, so a key missing there
/// renders as empty text without any error; these tests turn every such drift into a failure.
final class TemplateContextTests: XCTestCase {
    /// The repository root, from this file's path: Tests/GenCoreTests/Render/<this file>.
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The context each top-level template renders (as `Generator.run` passes them); partials
    /// see the context of the template that includes them.
    private static let rootTemplates = ["models": "ModelsContext", "client": "ClientContext", "support": "SupportContext",
                                        "api": "APIContext", "server": "ServerAdapterContext"]

    // MARK: - (a) template tags name real keys

    func testEveryNameInABuiltInTemplateIsAKeyOfItsContexts() throws {
        let samples = try contextSamples()
        let families = try templateFamilies()
        for (template, source) in TemplateSet.builtIn.sorted(by: { $0.key < $1.key }) {
            guard let rootType = families[template] else {
                XCTFail("built-in template '\(template)' is neither rendered by Generator.run nor included as a partial")
                continue
            }
            let allowed = samples.reachable(from: rootType)
            let keys = Set(allowed.flatMap { samples.keys[$0] ?? [] })
            for tag in try MustacheTags.scan( source) {
                guard case .name(let name) = tag.kind else { continue }
                XCTAssertTrue(keys.contains(name),
                              "\(template).mustache:\(tag.line): '\(name)' is not a key of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// The checker's own parser, so that a parsing slip cannot make (a) pass vacuously.
    func testTagParserReadsEveryTagForm() throws {
        let source = "{{% CONTENT_TYPE: TEXT}}\n{{! a\ncomment }}{{a}} {{{b}}} {{& c}}\n{{#d}}{{^ e }}{{/d}}{{> part}}{{.}}{{f.g}}"
            + "{{$ h}}{{#i}}{{/i}}{{/h}}{{<j}}{{/j}}"
        let kinds = try MustacheTags.scan( source).map(\.kind)
        XCTAssertEqual(kinds, [.ignored, .ignored, .name("a"), .name("b"), .name("c"), .name("d"), .name("e"), .name("d"),
                               .partial("part"), .ignored, .name("f"), .name("g"),
                               .block("h"), .name("i"), .name("i"), .ignored, .partial("j"), .ignored])
        XCTAssertEqual(try MustacheTags.scan( "x\n\n{{y}}").map(\.line), [3])
        // Every template has at least its pragma; most also use names (a partial of plain Swift,
        // such as supportWireFormat, may not).
        var names = 0
        for (template, source) in TemplateSet.builtIn {
            let tags = try MustacheTags.scan(source)
            XCTAssertFalse(tags.isEmpty, "no tags read from \(template).mustache")
            names += tags.filter { if case .name = $0.kind { true } else { false } }.count
        }
        XCTAssertGreaterThan(names, 100, "names read from all built-in templates")
    }

    // MARK: - (b) Encodable keys and the lookup switches agree

    func testEveryEncodableKeyIsAnsweredByTheLookup() throws {
        let samples = try contextSamples()
        XCTAssertEqual(Set(samples.values.keys), try Self.declaredContextTypes(),
                       "the sample spec must produce an instance of every context type declared in Sources/GenCore/Context")
        for (type, values) in samples.values.sorted(by: { $0.key < $1.key }) {
            for value in values {
                guard let context = value as? any TemplateContext else {
                    XCTFail("\(type) is a context but does not conform to TemplateContext: add its switch to a …+TemplateContext.swift file in Render/")
                    break
                }
                let dumpOnly = Self.dumpOnlyKeys(of: value)
                for key in try Self.encodedKeys(value) {
                    if dumpOnly.contains(key) {
                        XCTAssertNil(context.value(for: key), "\(type) answers its dump-only key '\(key)' to templates")
                    } else {
                        XCTAssertNotNil(context.value(for: key), "\(type).value(for: \"\(key)\") returns nil; add it to its switch")
                    }
                }
                XCTAssertTrue(dumpOnly.isSubset(of: try Self.encodedKeys(value)), "\(type)'s dump-only keys are not all encoded")
                XCTAssertNil(context.value(for: "noSuchKey"), "\(type) answers an unknown key")
            }
        }
    }

    func testEveryKeyTheLookupAnswersIsAnEncodableKey() throws {
        let samples = try contextSamples()
        let switches = try Self.lookupSwitchKeys()
        XCTAssertEqual(Set(switches.keys), Set(samples.keys.keys), "types with a lookup switch vs. context types")
        for (type, cases) in switches.sorted(by: { $0.key < $1.key }) {
            let encodable = samples.keys[type] ?? []
            XCTAssertEqual(cases.count, Set(cases).count, "\(type)'s switch repeats a key")
            for key in cases {
                XCTAssertTrue(encodable.contains(key), "\(type)'s switch answers '\(key)', which is not one of its properties")
            }
            // Every key answers for this type only: probing other types' keys finds copy-paste slips.
            let probes = Set(samples.keys.values.flatMap { $0 }).subtracting(encodable)
            for value in samples.values[type] ?? [] {
                for probe in probes.sorted() {
                    XCTAssertNil((value as? any TemplateContext)?.value(for: probe), "\(type) answers '\(probe)', not its key")
                }
            }
        }
    }

    // MARK: - (c), (d) partials and template files

    func testEveryPartialIsABuiltInTemplate() throws {
        for (template, source) in TemplateSet.builtIn {
            for tag in try MustacheTags.scan( source) {
                guard case .partial(let name) = tag.kind else { continue }
                XCTAssertNotNil(TemplateSet.builtIn[name], "\(template).mustache:\(tag.line) includes missing partial '\(name)'")
            }
        }
    }

    /// A block overridden through a parent is replaced in every template the parent includes, so
    /// two built-in templates sharing a block name could not be customized apart.
    func testEveryBlockNameIsInOneBuiltInTemplateOnly() throws {
        var owners: [String: String] = [:]
        for (template, source) in TemplateSet.builtIn.sorted(by: { $0.key < $1.key }) {
            for tag in try MustacheTags.scan(source) {
                guard case .block(let name) = tag.kind else { continue }
                if let owner = owners[name], owner != template {
                    XCTFail("\(template).mustache:\(tag.line): block '\(name)' is also in \(owner).mustache")
                }
                owners[name] = template
            }
        }
        XCTAssertGreaterThanOrEqual(owners.count, 10, "blocks found in the built-in templates: \(owners.keys.sorted())")
    }

    func testTemplatesFolderAndBuiltInSetAgree() throws {
        let folder = Self.root.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        XCTAssertFalse(files.isEmpty, "no templates in \(folder.path)")
        XCTAssertEqual(Set(files.map { String($0.dropLast(".mustache".count)) }), Set(TemplateSet.builtIn.keys),
                       "Templates/*.mustache and TemplateSet.builtIn must list the same templates")
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(TemplateSet.builtIn[name], text, "\(file) differs from its embedded copy (rebuild?)")
            XCTAssertTrue(text.hasPrefix("{{% CONTENT_TYPE: TEXT}}\n"), "\(file) must start with {{% CONTENT_TYPE: TEXT}}")
        }
    }

    // MARK: - CONTEXT.md

    func testContextDocumentationListsExactlyTheKeysOfEveryContext() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("Templates/CONTEXT.md"), encoding: .utf8)
        let samples = try contextSamples()
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (type, keys) in samples.keys.sorted(by: { $0.key < $1.key }) {
            guard let start = lines.firstIndex(of: "### `\(type)`") else {
                XCTFail("CONTEXT.md has no section \"### `\(type)`\"")
                continue
            }
            let section = lines[(start + 1)...].prefix { !$0.hasPrefix("#") }
            let rows = section.compactMap { line -> (key: String, type: String)? in
                guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
                let columns = line.split(separator: "|", omittingEmptySubsequences: false)
                return (String(line[line.index(line.startIndex, offsetBy: 3)..<end]), columns.count > 2 ? String(columns[2]) : "")
            }
            let documented = rows.map(\.key)
            let dumpOnly = samples.values[type]?.first.map(Self.dumpOnlyKeys) ?? []
            for row in rows where keys.contains(row.key) {
                XCTAssertEqual(row.type.contains("dump only"), dumpOnly.contains(row.key),
                               "CONTEXT.md's \(type).\(row.key): say \"dump only\" in its type exactly when the key is in dumpOnlyKeys")
            }
            XCTAssertEqual(documented.count, Set(documented).count, "CONTEXT.md lists a key of \(type) twice")
            let missing = keys.subtracting(documented).sorted(), extra = Set(documented).subtracting(keys).sorted()
            XCTAssertTrue(missing.isEmpty && extra.isEmpty,
                          "CONTEXT.md's table for \(type): missing keys \(missing), keys it no longer has \(extra)")
        }
        for name in TemplateSet.builtIn.keys {
            XCTAssertTrue(doc.contains("`\(name).mustache`"), "CONTEXT.md does not mention \(name).mustache")
        }
    }

    // MARK: - Samples

    /// Instances of every context type reachable from the three roots, by unqualified type name.
    private struct Samples {
        var values: [String: [Any]] = [:]
        var keys: [String: Set<String>] = [:]
        /// Type → context types found in its properties.
        var edges: [String: Set<String>] = [:]

        func reachable(from type: String) -> Set<String> {
            var seen: Set<String> = [type], pending = [type]
            while let next = pending.popLast() {
                for child in edges[next] ?? [] where seen.insert(child).inserted { pending.append(child) }
            }
            return seen
        }
    }

    /// A spec that exercises every context type: struct, string enum, discriminated union,
    /// basic/bearer/API-key credentials, query/querystring/header/cookie parameters, error bodies.
    private static let sampleSpec = """
        openapi: 3.2.0
        info: {title: Sample, version: '1'}
        servers: [{url: 'https://{region}.example.com/{version}', variables: {region: {default: eu, enum: [eu, us]}, version: {default: v1}}}]
        security: [{basicAuth: []}]
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                - {name: X-Trace, in: header, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                '404': {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                default: {description: other}
            put:
              operationId: putPet
              security: [{apiKey: []}, {bearer: []}]
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                  application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Cat'}}
              responses:
                '204': {description: done}
          /pets:
            get:
              operationId: listPets
              parameters:
                - {name: cursor, in: query, schema: {type: string}}
              responses:
                '200':
                  description: A page.
                  content:
                    application/json:
                      schema: {type: object, properties: {items: {type: array, items: {type: string}}, next_cursor: {type: string}}}
          /search:
            get:
              operationId: search
              parameters:
                - {name: filter, in: querystring, content: {application/json: {schema: {type: object}}}}
              responses:
                '204': {description: done}
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
            bearer: {type: http, scheme: bearer}
            apiKey: {type: apiKey, name: X-Key, in: header}
          schemas:
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind}
            Cat:
              type: object
              required: [kind]
              properties: {kind: {type: string}, color: {$ref: '#/components/schemas/Color'}}
            Dog: {type: object, properties: {kind: {type: string}}}
            Color: {type: string, enum: [red, green]}
            Problem: {type: object, properties: {message: {type: string}}}
            Id: {oneOf: [{type: string}, {type: integer}]}

        """

    private func contextSamples() throws -> Samples {
        let run = try buildGraph(Self.sampleSpec)
        let api = try XCTUnwrap(run.api, "the sample spec does not load: \(run.diagnostics)")
        XCTAssertEqual(run.errors, [], "the sample spec has errors")
        let header: [SwiftCode] = ["// header"]
        var samples = Samples()
        let models = ModelsContextBuilder(graph: api.schemas, access: "public", headerLines: header).build()
        let clientBuilder = ClientContextBuilder(api: api, access: "public", headerLines: header)
        let client = clientBuilder.build()
        try collect(models, into: &samples)
        try collect(client, into: &samples)
        try collect(SupportContextBuilder(headerLines: header, access: "public", models: models, client: client,
                                          wireHelpers: clientBuilder.helpers.used, graph: api.schemas).build(),
                    into: &samples)
        let apiContext = APIContextBuilder(client: client, protocolName: api.protocolTypeName, stubName: api.stubTypeName).build()
        try collect(apiContext, into: &samples)
        try collect(ServerAdapterContextBuilder(api: api, client: client, apiContext: apiContext).build(), into: &samples)
        return samples
    }

    /// Records `value` if it is a GenCore context (an Encodable GenCore type), then its children.
    private func collect(_ value: Any, into samples: inout Samples, parent: String? = nil) throws {
        var owner = parent
        // Code is a leaf: it encodes as text.
        if value is SwiftCode { return }
        if let encodable = value as? any Encodable, String(reflecting: type(of: value)).hasPrefix("GenCore.") {
            let name = String(describing: type(of: value))
            samples.values[name, default: []].append(value)
            samples.keys[name, default: []].formUnion(try Self.encodedKeys(encodable))
            if let parent { samples.edges[parent, default: []].insert(name) }
            owner = name
        }
        for child in Mirror(reflecting: value).children {
            try collect(child.value, into: &samples, parent: owner)
        }
    }

    /// The keys a context encodes for `gen --dump-context` but does not answer to templates.
    private static func dumpOnlyKeys(of value: Any) -> Set<String> {
        (value as? any DumpOnlyKeys).map { type(of: $0).dumpOnlyKeys } ?? []
    }

    private static func encodedKeys(_ value: Any) throws -> Set<String> {
        let encodable = try XCTUnwrap(value as? any Encodable)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(encodable))
        return Set(try XCTUnwrap(object as? [String: Any], "\(type(of: value)) does not encode as an object").keys)
    }

    /// Built-in template → the context type it is rendered with.
    private func templateFamilies() throws -> [String: String] {
        var families: [String: String] = [:]
        var pending = Self.rootTemplates.map { ($0.key, $0.value) }
        while let (template, type) = pending.popLast() {
            guard families[template] == nil, let source = TemplateSet.builtIn[template] else { continue }
            families[template] = type
            for tag in try MustacheTags.scan( source) {
                if case .partial(let name) = tag.kind { pending.append((name, type)) }
            }
        }
        return families
    }

    // MARK: - Source parsing

    /// `public struct X: Encodable` in Sources/GenCore/Context/*Context.swift.
    private static func declaredContextTypes() throws -> Set<String> {
        var names: Set<String> = []
        for file in ["ModelsContext.swift", "ClientContext.swift", "APIContext.swift", "ServerAdapterContext.swift"] {
            let text = try String(contentsOf: root.appendingPathComponent("Sources/GenCore/Context/\(file)"), encoding: .utf8)
            names.formUnion(try matches(#"public struct (\w+): Encodable"#, in: text))
        }
        return names
    }

    /// Type → the keys its `value(for:)` switch answers, read from the `…+TemplateContext.swift`
    /// files of Render/.
    private static func lookupSwitchKeys() throws -> [String: [String]] {
        let folder = root.appendingPathComponent("Sources/GenCore/Render")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("+TemplateContext.swift") }.sorted()
        let text = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        var result: [String: [String]] = [:]
        for block in text.components(separatedBy: "\nextension ").dropFirst() {
            guard let type = try matches(#"^(\w+): TemplateContext"#, in: block).first else { continue }
            result[type] = try matches(#"case "(\w+)":"#, in: block)
        }
        return result
    }

    private static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
