import Foundation
import XCTest
@testable import GenCore

/// Each `gen.yaml` option, loaded with `GeneratorConfig.load(path:)` and seen in the generated
/// files; then the located errors of a bad file, and flags over the file.
final class GeneratorConfigTests: XCTestCase {
    private var folder: URL!
    private var specPath: String { folder.appendingPathComponent("pets.yaml").path }

    /// Two tagged operations under different paths and three component schemas.
    private static let spec = """
        openapi: 3.1.0
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200':
                  description: The pets.
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
          /admin/stats:
            get:
              operationId: getStats
              tags: [admin]
              responses:
                '200':
                  description: The stats.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Stats'}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                call_sip_domain: {type: string}
                price: {$ref: '#/components/schemas/Money'}
            Money:
              type: object
              properties:
                amount: {type: string}
            Stats:
              type: object
              properties:
                count: {type: integer}

        """

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.spec.write(toFile: specPath, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Helpers

    /// Writes `yaml` as `gen.yaml` (or at `relativePath`) in the test's folder; returns its path.
    @discardableResult
    private func writeConfig(_ yaml: String, at relativePath: String = "gen.yaml") throws -> String {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Loads `yaml` as a config file and generates the spec with it: file name → contents.
    private func generate(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let config = try GeneratorConfig.load(path: try writeConfig(yaml))
        let result = try Generator.run(GeneratorOptions(specPath: specPath, config: config))
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
    }

    /// The operations the generated client has, by method name.
    private func operations(_ files: [String: String], client: String = "PetsClient.swift") -> [String] {
        let text = files[client] ?? ""
        return ["listPets", "getStats"].filter { text.contains("func \($0)(") }
    }

    /// The error diagnostics that loading `yaml` as `gen.yaml` throws.
    private func loadErrors(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> (path: String, errors: [Diagnostic]) {
        let path = try writeConfig(yaml)
        do {
            _ = try GeneratorConfig.load(path: path)
            XCTFail("loading succeeded", file: file, line: line)
            return (path, [])
        } catch {
            return (path, error.diagnostics.filter { $0.severity == .error })
        }
    }

    // MARK: - One test per option

    /// Every option has a test below; a new option fails here until it gets one.
    func testEveryOptionHasATest() {
        let tested = ["name", "clientName", "access", "namespace", "initialisms", "templates", "includeOperations",
                      "excludeOperations", "includeTags", "excludeTags", "includePaths", "excludePaths",
                      "typeOverrides"]
        XCTAssertEqual(GeneratorConfig.options.map(\.key).sorted(), tested.sorted())
    }

    func testName() throws {
        let files = try generate("name: billing-api\n")
        XCTAssertEqual(files.keys.sorted(), Generator.outputFileNames(name: "BillingApi").sorted())
        XCTAssertTrue(files["BillingApiClient.swift"]?.contains("public struct BillingApiClient") == true)
    }

    func testClientName() throws {
        let files = try generate("clientName: PetStore\n")
        XCTAssertTrue(files["PetsClient.swift"]?.contains("public struct PetStore: PetsAPI {") == true)
        XCTAssertFalse(files["PetsClient.swift"]?.contains("struct PetsClient") == true)
    }

    func testAccess() throws {
        let files = try generate("access: package\n")
        XCTAssertTrue(files["PetsModels.swift"]?.contains("package struct Pet:") == true)
        XCTAssertFalse(files.values.contains { $0.contains("public struct") }, "no public declarations left")
    }

    func testNamespace() throws {
        let files = try generate("namespace: Shop\n")
        XCTAssertTrue(files["PetsSupport.swift"]?.contains("\npublic enum Shop {}\n") == true)
        for name in ["PetsModels.swift", "PetsClient.swift"] {
            XCTAssertTrue(files[name]?.contains("\nextension Shop {\n") == true, name)
        }
        // A models file with no types (this spec's fit in the first) opens no extension.
        XCTAssertEqual(files["PetsModels2.swift"]?.contains("extension"), false)
        XCTAssertTrue(files["PetsModels.swift"]?.contains("\n    public struct Pet: Codable") == true)
        XCTAssertEqual(files.values.filter { $0.contains("enum Shop") }.count, 1, "declared once")
    }

    func testANamespaceThatIsNoIdentifierIsALocatedError() throws {
        let (path, errors) = try loadErrors("namespace: My API\n")
        XCTAssertEqual(errors.map(\.headline), ["\(path):1:12: error: the namespace 'My API' is not a Swift identifier "
                                                + "(letters, digits and '_', not starting with a digit)"])
        XCTAssertEqual(try loadErrors("namespace: Foundation\n").errors.map(\.message),
                       ["the namespace 'Foundation' would hide the type or module of that name that the generated code uses"])
        XCTAssertEqual(try loadErrors("namespace: struct\n").errors.map(\.message), ["the namespace 'struct' is a Swift keyword"])
    }

    func testInitialisms() throws {
        XCTAssertTrue(try generate("{}\n")["PetsModels.swift"]?.contains("var callSipDomain: String?") == true)
        XCTAssertTrue(try generate("initialisms: [sip]\n")["PetsModels.swift"]?.contains("var callSIPDomain: String?") == true)
    }

    func testTemplatesFolderIsRelativeToTheConfigFile() throws {
        try writeConfig("{{% CONTENT_TYPE: TEXT}}\n// Support from the config's own templates.\n",
                        at: "config/custom/support.mustache")
        let path = try writeConfig("templates: custom\n", at: "config/gen.yaml")
        let config = try GeneratorConfig.load(path: path)
        XCTAssertEqual(config.templates, folder.appendingPathComponent("config/custom").path)
        let result = try Generator.run(GeneratorOptions(specPath: specPath, config: config))
        XCTAssertEqual(result.files.first { $0.name == "PetsSupport.swift" }?.contents,
                       "// Support from the config's own templates.\n")
    }

    func testIncludeOperations() throws {
        XCTAssertEqual(operations(try generate("includeOperations: [getStats]\n")), ["getStats"])
    }

    func testExcludeOperations() throws {
        XCTAssertEqual(operations(try generate("excludeOperations: [getStats]\n")), ["listPets"])
    }

    func testIncludeTags() throws {
        XCTAssertEqual(operations(try generate("{}\n")), ["listPets", "getStats"])
        XCTAssertEqual(operations(try generate("includeTags: [pets]\n")), ["listPets"])
    }

    func testExcludeTags() throws {
        XCTAssertEqual(operations(try generate("excludeTags: [pets]\n")), ["getStats"])
    }

    func testIncludePaths() throws {
        XCTAssertEqual(operations(try generate("includePaths: [/admin]\n")), ["getStats"])
    }

    func testExcludePaths() throws {
        XCTAssertEqual(operations(try generate("excludePaths: [/admin]\n")), ["listPets"])
    }

    func testTypeOverrides() throws {
        let models = try XCTUnwrap(try generate("typeOverrides:\n  Money: Decimal\n")["PetsModels.swift"])
        XCTAssertFalse(models.contains("struct Money"), "Money is not generated")
        XCTAssertTrue(models.contains("var price: Decimal?"), models)
    }

    // MARK: - Errors are located

    func testUnknownKeyIsALocatedError() throws {
        let (path, errors) = try loadErrors("access: public\nacess: package\n")
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: path, line: 2, column: 1))
        XCTAssertEqual(errors.first?.headline, "\(path):2:1: error: unknown option 'acess'; did you mean 'access'?")
        XCTAssertTrue(errors.first?.note?.contains("access") == true, "the note lists the options")
    }

    func testAnUnknownKeyFarFromEveryOptionGetsNoSuggestion() throws {
        let (path, errors) = try loadErrors("colour: blue\nclientname: C\n")
        XCTAssertEqual(errors.map(\.headline), ["\(path):1:1: error: unknown option 'colour'",
                                               "\(path):2:1: error: unknown option 'clientname'; did you mean 'clientName'?"])
    }

    func testUnreadableConfigSaysWhy() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).yaml").path
        XCTAssertThrowsError(try GeneratorConfig.load(path: missing)) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.map(\.headline),
                           ["error: cannot read the config file '\(missing)': no such file"])
        }
        XCTAssertEqual(InputFile.reason(EACCES), "permission denied", "as root, a file's mode cannot make it unreadable")
        XCTAssertEqual(InputFile.reason(EISDIR), "it is a folder, not a file")
    }

    func testEveryUnknownKeyIsReported() throws {
        let (_, errors) = try loadErrors("nmae: x\nclientName: C\nacess: package\n")
        XCTAssertEqual(errors.map { $0.location?.mark.line }, [1, 3])
    }

    func testWrongTypeIsALocatedError() throws {
        let (path, errors) = try loadErrors("name: Pets\ninitialisms: sip\n")
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.location?.file, path)
        XCTAssertEqual(errors.first?.location?.mark.line, 2)
        XCTAssertEqual(errors.first?.location?.mark.column, 14, errors.first?.headline ?? "")
    }

    func testWrongAccessValueIsALocatedError() throws {
        let (path, errors) = try loadErrors("access: private\n")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: path, line: 1, column: 9))
        XCTAssertTrue(errors.first?.message.contains("public, package or internal") == true)
    }

    // MARK: - Flags over the file

    func testFlagsOverrideTheFile() throws {
        let file = try GeneratorConfig.load(path: try writeConfig("""
            name: FromFile
            access: internal
            initialisms: [sip]
            includeTags: [pets]
            excludeTags: [beta]
            typeOverrides: {Money: Decimal, Stats: MyStats}

            """))
        var flags = GeneratorConfig()
        flags.name = "FromFlag"
        flags.initialisms = ["dns"]
        flags.includeTags = ["admin"]
        flags.excludeTags = ["alpha"]
        flags.typeOverrides = ["Money": "Double"]
        let resolved = file.overridden(by: flags)
        XCTAssertEqual(resolved.name, "FromFlag", "a flag replaces a single value")
        XCTAssertEqual(resolved.access, .internal, "an option no flag sets keeps the file's value")
        XCTAssertEqual(resolved.includeTags, ["admin"], "an include list given by flags replaces the file's")
        XCTAssertEqual(resolved.excludeTags, ["beta", "alpha"], "exclude lists add up")
        XCTAssertEqual(resolved.initialisms, ["sip", "dns"], "initialisms add up")
        XCTAssertEqual(resolved.typeOverrides, ["Money": "Double", "Stats": "MyStats"], "a flag wins per schema")

        let result = try Generator.run(GeneratorOptions(specPath: specPath, config: resolved))
        XCTAssertEqual(result.name, "FromFlag")
        XCTAssertEqual(result.operationCount, 1)
    }
}
