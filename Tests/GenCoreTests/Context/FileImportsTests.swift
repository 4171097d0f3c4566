import Foundation
import XCTest
@testable import GenCore

/// Each file imports Foundation at the access level only when its declarations at that level
/// use it (`FileImports`): an unused `public import` is warned about, a missing one is an error
/// under InternalImportsByDefault. BuildSettingsTests compiles the outcome.
final class FileImportsTests: XCTestCase {
    /// The import lines of each generated file (its name → lines that contain ` import ` or start with `import`).
    private func imports(schema: String, access: AccessLevel = .public, overrides: [String: String] = [:]) throws -> [String: [String]] {
        let spec = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Item: \(schema)

            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("file-imports-\(UUID().uuidString).yaml")
        try Data(spec.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var config = GeneratorConfig()
        config.name = "API"
        config.access = access
        config.typeOverrides = overrides
        let result = try Generator.run(GeneratorOptions(specPath: url.path, config: config))
        var lines: [String: [String]] = [:]
        for file in result.files {
            // The import section: after the header comment, up to the first declaration.
            let all = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[file.name] = all.drop { $0.hasPrefix("//") }
                .prefix { $0.isEmpty || $0.hasPrefix("import ") || $0.contains(" import ") || $0.hasPrefix("#if canImport") || $0 == "#endif" }
                .filter { !$0.isEmpty }
        }
        return lines
    }

    func testModelsImportFoundationPubliclyOnlyWhenATypeStoresAFoundationType() throws {
        let dated = try imports(schema: "{type: object, properties: {at: {type: string, format: date-time}}}")
        XCTAssertEqual(dated["APIModels.swift"], ["public import Foundation"])
        // The other models files are empty.
        XCTAssertEqual(dated["APIModels2.swift"], ["import Foundation"])
        for format in ["uuid", "byte"] {
            let typed = try imports(schema: "{type: object, properties: {a: {type: array, items: {type: string, format: \(format)}}}}")
            XCTAssertEqual(typed["APIModels.swift"], ["public import Foundation"], format)
        }
        let plain = try imports(schema: "{type: object, properties: {name: {type: string}, any: {}}}")
        XCTAssertEqual(plain["APIModels.swift"], ["import Foundation"])
        let enumeration = try imports(schema: "{type: string, enum: [a, b]}")
        XCTAssertEqual(enumeration["APIModels.swift"], ["import Foundation"])
    }

    func testTypeOverridesCountWhenTheyNameAFoundationType() throws {
        let schema = "{type: object, properties: {price: {$ref: '#/components/schemas/Money'}}}\n    Money: {type: string}"
        XCTAssertEqual(try imports(schema: schema, overrides: ["Money": "Decimal"])["APIModels.swift"], ["public import Foundation"])
        XCTAssertEqual(try imports(schema: schema, overrides: ["Money": "[String: Foundation.Decimal]"])["APIModels.swift"],
                       ["public import Foundation"])
        XCTAssertEqual(try imports(schema: schema, overrides: ["Money": "MyMoney"])["APIModels.swift"], ["import Foundation"])
    }

    func testClientAndSupportImportsFollowTheAccessLevel() throws {
        let schema = "{type: object, properties: {at: {type: string, format: date-time}, name: {type: string}}}"
        let expected: [AccessLevel: (client: [String], support: [String], emptyModels: [String])] = [
            .public: (["public import Foundation", "#if canImport(FoundationNetworking)", "import FoundationNetworking", "#endif"],
                      ["public import Foundation", "#if canImport(FoundationNetworking)", "public import FoundationNetworking", "#endif",
                       "#if canImport(AsyncHTTPClient)", "public import AsyncHTTPClient", "import NIOCore", "import NIOHTTP1",
                       "import NIOPosix", "#endif"],
                      ["import Foundation"]),
            .package: (["package import Foundation", "#if canImport(FoundationNetworking)", "internal import FoundationNetworking", "#endif"],
                       ["package import Foundation", "#if canImport(FoundationNetworking)", "package import FoundationNetworking", "#endif",
                        "#if canImport(AsyncHTTPClient)", "package import AsyncHTTPClient", "internal import NIOCore",
                        "internal import NIOHTTP1", "internal import NIOPosix", "#endif"],
                       ["internal import Foundation"]),
            .internal: (["import Foundation", "#if canImport(FoundationNetworking)", "import FoundationNetworking", "#endif"],
                        ["import Foundation", "#if canImport(FoundationNetworking)", "import FoundationNetworking", "#endif",
                         "#if canImport(AsyncHTTPClient)", "import AsyncHTTPClient", "import NIOCore", "import NIOHTTP1",
                         "import NIOPosix", "#endif"],
                        ["import Foundation"]),
        ]
        for (access, lines) in expected {
            let files = try imports(schema: schema, access: access)
            XCTAssertEqual(files["APIClient.swift"], lines.client, "\(access)")
            XCTAssertEqual(files["APISupport.swift"], lines.support, "\(access)")
            XCTAssertEqual(files["APIModels4.swift"], lines.emptyModels, "\(access)")
        }
    }
}
