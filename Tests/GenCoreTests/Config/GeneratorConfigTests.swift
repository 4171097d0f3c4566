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
        let tested = ["name", "clientName", "access", "namespace", "isolation", "initialisms", "templates", "includeOperations",
                      "excludeOperations", "includeTags", "excludeTags", "includePaths", "excludePaths",
                      "typeOverrides", "operationNames", "typeNames", "pagination"]
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

    func testIsolation() throws {
        let files = try generate("isolation: nonisolated\nnamespace: Shop\n")
        XCTAssertTrue(files["PetsSupport.swift"]?.contains("\nnonisolated public enum Shop {}\n\nnonisolated extension Shop {\n") == true)
        XCTAssertTrue(files["PetsModels.swift"]?.contains("\n    nonisolated public struct Pet: Codable") == true)
        XCTAssertTrue(files["PetsClient.swift"]?.contains("\n    nonisolated public struct PetsClient: PetsAPI {") == true)
        XCTAssertEqual(try generate("isolation: default\nnamespace: Shop\n"), try generate("namespace: Shop\n"))
        XCTAssertFalse(try generate("{}\n").values.contains { $0.contains("nonisolated public struct Pet") })
    }

    func testAnUnknownIsolationIsALocatedError() throws {
        let (path, errors) = try loadErrors("isolation: MainActor\n")
        XCTAssertEqual(errors.map(\.headline), ["\(path):1:12: error: 'isolation' must be default or nonisolated, found 'MainActor'"])
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

    func testOperationNames() throws {
        let files = try generate("operationNames:\n  listPets: allPets\n")
        let client = try XCTUnwrap(files["PetsClient.swift"])
        XCTAssertTrue(client.contains("func allPets("), client)
        XCTAssertTrue(client.contains("func allPetsWithResponse("), client)
        XCTAssertFalse(client.contains("func listPets("), client)
    }

    func testTypeNamesByComponentAndByPointer() throws {
        let files = try generate("typeNames:\n  Stats: Statistics\n  '#/components/schemas/Money': Cash\n")
        let models = try XCTUnwrap(files["PetsModels.swift"])
        XCTAssertTrue(models.contains("public struct Statistics:"), models)
        XCTAssertTrue(models.contains("public struct Cash:"), models)
        XCTAssertTrue(models.contains("var price: Cash?"), models)
        XCTAssertFalse(models.contains("struct Stats:"), models)
    }

    /// A configured name that another operation's own name is, is refused where it is written:
    /// taking it would rename that operation behind the user's back.
    func testAnOperationNameThatClashesIsALocatedError() throws {
        let path = try writeConfig("operationNames:\n  listPets: getStats\n")
        let config = try GeneratorConfig.load(path: path)
        XCTAssertThrowsError(try Generator.run(GeneratorOptions(specPath: specPath, config: config))) { error in
            let errors = (error as? DiagnosticsError)?.diagnostics.filter { $0.severity == .error } ?? []
            XCTAssertEqual(errors.map(\.headline),
                           ["\(path):2:13: error: the method name 'getStats' in 'operationNames' is the name of the operation 'getStats'"])
        }
    }

    func testATypeNameThatClashesIsALocatedError() throws {
        let path = try writeConfig("typeNames:\n  Stats: Pet\n  Money: PetsClient\n")
        let config = try GeneratorConfig.load(path: path)
        XCTAssertThrowsError(try Generator.run(GeneratorOptions(specPath: specPath, config: config))) { error in
            let errors = (error as? DiagnosticsError)?.diagnostics.filter { $0.severity == .error } ?? []
            XCTAssertEqual(errors.map(\.headline), [
                "\(path):2:10: error: the type name 'Pet' in 'typeNames' is the name of the component schema 'Pet'",
                "\(path):3:10: error: the type name 'PetsClient' in 'typeNames' is already taken (by the generated code, or by another entry)",
            ])
        }
    }

    func testUnknownKeysOfNamesAreLocatedWarnings() throws {
        let path = try writeConfig("operationNames:\n  listPet: pets\ntypeNames:\n  Stat: Statistics\n  '#/components/schemas/Nope': X\n")
        let config = try GeneratorConfig.load(path: path)
        let result = try Generator.run(GeneratorOptions(specPath: specPath, config: config))
        XCTAssertEqual(result.warnings.map(\.headline), [
            "\(path):5:32: warning: 'typeNames' names '#/components/schemas/Nope', which the spec does not have; it is ignored",
            "\(path):4:9: warning: 'typeNames' names 'Stat', which is neither a component schema nor a JSON pointer ('#/…'); "
                + "it is ignored; did you mean 'Stats'?",
            "\(path):2:12: warning: 'operationNames' names the operationId 'listPet', which no operation has; it is ignored; "
                + "did you mean 'listPets'?",
        ])
    }

    func testANameThatIsNoIdentifierIsALocatedError() throws {
        let (path, errors) = try loadErrors("operationNames:\n  listPets: all pets\n")
        XCTAssertEqual(errors.map(\.headline),
                       ["\(path):2:13: error: the method name 'all pets' is not a Swift identifier (letters, digits and '_', not starting with a digit)"])
    }

    /// A `from` offset looks paged to no rule; `pagination` says how.
    func testPagination() throws {
        try """
            openapi: 3.1.0
            info: {title: Pets, version: '1'}
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - {name: from, in: query, schema: {type: integer}}
                  responses:
                    '200':
                      description: The pets.
                      content:
                        application/json:
                          schema: {type: object, properties: {items: {type: array, items: {type: string}}}}

            """.write(toFile: specPath, atomically: true, encoding: .utf8)
        let before = try XCTUnwrap(try generate("{}\n")["PetsClient.swift"])
        XCTAssertFalse(before.contains("listPetsPages"), before)
        let client = try XCTUnwrap(try generate("pagination:\n  listPets: {offset: $request.from, step: $request.from}\n")["PetsClient.swift"])
        XCTAssertTrue(client.contains("public func listPetsPages(from: Int? = nil) -> PageSequence<ListPetsResponse, Int?>"), client)
        XCTAssertTrue(client.contains("let next = (from ?? 0) + received"), client)
    }

    func testPaginationThatNamesNothingIsALocatedError() throws {
        let (path, errors) = try loadErrors("pagination:\n  listPets: {next: $response.next}\n")
        XCTAssertEqual(errors.map(\.headline), ["\(path):2:13: error: 'pagination' of 'listPets' is not read: it names neither "
                                                + "a '$request.' cursor nor an offset, each a top-level name"])
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
