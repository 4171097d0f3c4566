import Foundation
import GenTestSupport
import XCTest
@testable import GenCore

/// `Support.swift` holds only the internal helpers the models and the client call. Each spec
/// here needs one helper more than the bare one: its output must name that helper and still
/// type-check (a flag computed too narrowly leaves a call to a missing helper).
final class SupportTrimmingTests: RobustnessTestCase {
    /// An operation whose only feature is `extra` (YAML under the operation, at column 0).
    private static func operation(_ extra: String = "", method: String = "get", path: String = "/items/{id}") -> String {
        """
        paths:
          \(path):
            \(method):
              operationId: run
        \(SpecBuilder.indent(extra, by: 6))      responses:
                '204': {description: done}

        """
    }

    private static let idParameter = "- {name: id, in: path, required: true, schema: {type: string}}"

    /// Spec body → a helper (a declaration's text) its Support file must hold.
    private static let features: [(name: String, spec: String, needs: String)] = [
        ("query style", operation("parameters:\n  - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}}", path: "/items"),
         "style: String, explode: Bool)"),
        ("path style", operation("parameters:\n  - {name: id, in: path, required: true, style: label, schema: {type: string}}"),
         "static func pathParameter("),
        ("header style", operation("parameters:\n  - {name: X-Tags, in: header, schema: {type: array, items: {type: string}}}", path: "/items"),
         "mutating func setHeader(_ name: String, _ value: ParameterValue?"),
        ("cookie", operation("parameters:\n  - {name: session, in: cookie, schema: {type: string}}", path: "/items"),
         "mutating func addCookie(_ name: String, _ value: String?)"),
        ("cookie style", operation("parameters:\n  - {name: ids, in: cookie, schema: {type: array, items: {type: integer}}}", path: "/items"),
         "mutating func addCookie(_ name: String, _ value: ParameterValue?"),
        ("object query", operation("parameters:\n  - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}", path: "/items"),
         "static func objectFields("),
        ("JSON query", operation("parameters:\n  - {name: filter, in: query, schema: {type: array, items: {type: object}}}", path: "/items"),
         "static func jsonString("),
        ("date query", operation("parameters:\n  - {name: since, in: query, schema: {type: string, format: date-time}}", path: "/items"),
         "enum RFC3339"),
        ("union query", operation("parameters:\n  - {name: key, in: query, schema: {anyOf: [{type: integer}, {type: string}]}}", path: "/items"),
         "static func parameterValue("),
        // Operations named like the client's parameter helpers get other names.
        ("helper names", "paths:\n  /a:\n    get:\n      operationId: unionParameter\n      parameters:\n"
            + "        - {name: key, in: query, schema: {anyOf: [{type: integer}, {type: string}]}}\n"
            + "        - {name: at, in: query, schema: {type: string, format: date-time}}\n"
            + "      responses: {'204': {description: done}}\n  /b:\n    get:\n      operationId: dateParameter\n"
            + "      responses: {'204': {description: done}}\n",
         "static func parameterValue("),
        ("JSON body", operation("requestBody: {content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}", method: "post", path: "/items"),
         "mutating func setJSONBody("),
        ("text body", operation("requestBody: {content: {text/plain: {schema: {type: string}}}}", method: "post", path: "/items"),
         "mutating func setTextBody("),
        ("data body", operation("requestBody: {content: {application/octet-stream: {schema: {type: string, format: binary}}}}", method: "post", path: "/items"),
         "mutating func setDataBody("),
        ("form body", operation("requestBody: {content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {type: array, items: {type: string}}}}}}}", method: "post", path: "/items"),
         "mutating func setFormBody("),
        ("multipart body", operation("requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}}", method: "post", path: "/items"),
         "final class BinaryCollector"),
        ("body choice", operation("requestBody: {content: {application/json: {schema: {type: string}}, application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {type: string}}}}}}", method: "post", path: "/items"),
         "mutating func setFormBody("),
        ("API key in a query", operation(path: "/items") + "components: {securitySchemes: {key: {type: apiKey, name: key, in: query}}}\nsecurity: [{key: []}]\n",
         "enum APIKey"),
        ("bearer", operation(path: "/items") + "components: {securitySchemes: {token: {type: http, scheme: bearer}}}\nsecurity: [{token: []}]\n",
         "struct RequestBuilder"),
        ("other HTTP scheme", operation(path: "/items") + "components: {securitySchemes: {sig: {type: http, scheme: signature}}}\nsecurity: [{sig: []}]\n",
         "struct RequestBuilder"),
        ("string enum", "paths: {}\ncomponents: {schemas: {Color: {type: string, enum: [red, green]}}}\n",
         "static func documentedCase<"),
        ("union", "paths: {}\ncomponents: {schemas: {Value: {oneOf: [{type: string}, {type: integer}]}}}\n",
         "extension SingleValueDecodingContainer"),
        ("properties beside oneOf", "paths: {}\ncomponents: {schemas: {A: {type: object, properties: {a: {type: string}}}, "
            + "B: {type: object, properties: {b: {type: string}}}, P: {type: object, properties: {n: {type: integer}}, "
            + "oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}}}\n",
         "static func encodeMembers("),
        ("explicit null", "paths: {}\ncomponents: {schemas: {Thing: {type: object, required: [a], properties: {a: {type: [string, 'null']}}}}}\n",
         "extension KeyedEncodingContainer"),
        ("additional properties", "paths: {}\ncomponents: {schemas: {Bag: {type: object, properties: {a: {type: string}}, additionalProperties: {type: integer}}}}\n",
         "extension KeyedDecodingContainer"),
        ("recursion", "paths: {}\ncomponents: {schemas: {Node: {type: object, required: [next], properties: {next: {oneOf: [{$ref: '#/components/schemas/Node'}, {type: 'null'}]}}}}}\n",
         "struct Indirect<"),
    ]

    /// Helpers a spec with one bare operation does without.
    private static let optionalHelpers = [
        "enum ParameterValue", "rawQuery", "addCookie", "setJSONBody", "setTextBody", "setDataBody", "setFormBody",
        "setMultipartBody", "pathParameter", "objectFields", "jsonString", "formFields", "formText", "BinaryCollector", "parameterValue",
        "enum APIKey", "documentedCase", "extension KeyedDecodingContainer", "extension KeyedEncodingContainer",
        "extension SingleValueDecodingContainer", "struct Indirect",
    ]

    func testABareSpecGetsNoOptionalHelper() throws {
        let support = try supportFile(Self.operation(path: "/items"), name: "bare")
        for helper in Self.optionalHelpers {
            XCTAssertFalse(support.contains(helper), "the Support file of a bare spec holds '\(helper)'")
        }
    }

    func testEachFeatureGetsItsHelpersAndCompiles() throws {
        for feature in Self.features {
            let path = try write(Self.spec(feature.spec), feature.name.replacingOccurrences(of: " ", with: "-") + ".yaml")
            let result = try Generator.run(GeneratorOptions(specPath: path))
            let support = try XCTUnwrap(result.files.first { $0.name.hasSuffix("Support.swift") }).contents
            XCTAssertTrue(support.contains(feature.needs), "\(feature.name): Support lacks '\(feature.needs)'")
            let sources = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
            let check = try SwiftCompiler.typecheck(sources: sources)
            XCTAssertEqual(check.exitCode, 0, "\(feature.name):\n\(check.output)")
        }
    }

    private func supportFile(_ body: String, name: String) throws -> String {
        let path = try write(Self.spec(body), name + ".yaml")
        let result = try Generator.run(GeneratorOptions(specPath: path))
        return try XCTUnwrap(result.files.first { $0.name.hasSuffix("Support.swift") }).contents
    }
}
