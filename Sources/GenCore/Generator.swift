import Foundation

/// How Swift access is written on generated declarations.
public enum AccessLevel: String, CaseIterable, Sendable {
    case `public`, `package`, `internal`
}

/// The isolation generated declarations state (`isolation`).
public enum Isolation: String, CaseIterable, Sendable {
    /// None: the declarations take their target's default isolation, as its other code does
    /// (main-actor-isolated under `-default-isolation MainActor`).
    case `default`
    /// Every type, protocol and extension is declared `nonisolated` (SE-0449, Swift 6.1), so a
    /// MainActor-default target can decode models and call the client off the main actor.
    case nonisolated
}

/// What one run of the generator is asked to do.
public struct GeneratorOptions: Sendable {
    /// The spec's path as the user wrote it; diagnostics repeat it.
    public var specPath: String
    public var config: GeneratorConfig

    /// The named values, where given, take precedence over `config`'s.
    public init(specPath: String, name: String? = nil, access: AccessLevel? = nil,
                templatesDirectory: String? = nil, initialisms: [String] = [],
                config: GeneratorConfig = GeneratorConfig()) {
        self.specPath = specPath
        var explicit = GeneratorConfig()
        explicit.name = name
        explicit.access = access
        explicit.templates = templatesDirectory
        explicit.initialisms = initialisms
        self.config = config.overridden(by: explicit)
    }
}

/// The result of a run that produced output: the files, what it counted, and its warnings.
public struct GenerationResult: Sendable {
    /// The API name the files and types are named after (`RelayRest`).
    public var name: String
    public var files: [GeneratedFile]
    public var warnings: [Diagnostic]
    public var typeCount: Int
    public var operationCount: Int
    /// Every file the spec is made of (the root and the files its `$ref`s reach).
    public var inputFiles: [String]
}

/// The contexts the built-in templates are rendered with, as `gen --dump-context` prints them:
/// the models (every type in one, not split into files), the client, the support file and the
/// API protocol.
public struct GenerationContexts: Encodable, Sendable {
    public var models: ModelsContext
    public var client: ClientContext
    public var support: SupportContext
    /// The API protocol, its extension and its stub.
    public var api: APIContext
    /// The server that answers any implementation of the protocol, and its adapters.
    public var server: ServerAdapterContext
    /// The run's warnings (not part of the dump).
    public var warnings: [Diagnostic] = []

    private enum CodingKeys: String, CodingKey {
        case models, client, support, api, server
    }

    /// The JSON `gen --dump-context` prints: pretty-printed, keys sorted, the same bytes every run.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// The pipeline: spec file → YAML → OpenAPI document → API graph → contexts → Swift files.
public enum Generator {
    public static func run(_ options: GeneratorOptions) throws(DiagnosticsError) -> GenerationResult {
        let diagnostics = DiagnosticCollector()
        // The YAML trees and schema objects die with `readAPI`'s frame, so rendering, the
        // other stage that needs much memory, starts without them.
        let (api, inputFiles) = try readAPI(options, diagnostics: diagnostics)
        let config = options.config
        let name = api.name

        let templates = try TemplateSet(overridesDirectory: config.templates)
        let renderer = Renderer(library: try templates.library(templatesDirectory: config.templates))
        let contexts = buildContexts(api, options)
        let accessLevel = config.access ?? .public
        let fileNames = OutputFileNames(name: name)
        let modelsFiles = contexts.models.splitIntoFiles(
            emptyNote: .lineComment("No types here: big specs spread their models over \(name)Models*.swift, which compile in parallel."))
        var jobs: [Renderer.Job] = []
        for (fileName, var context) in zip(fileNames.models, modelsFiles) {
            context.importLines = FileImports.models(access: accessLevel, holding: context.types)
            jobs.append(.init(fileName: fileName, template: "models", context: context))
        }
        jobs.append(.init(fileName: fileNames.client, template: "client", context: contexts.client))
        jobs.append(.init(fileName: fileNames.support, template: "support", context: contexts.support))
        jobs.append(.init(fileName: fileNames.api, template: "api", context: contexts.api))
        jobs.append(.init(fileName: fileNames.server, template: "server", context: contexts.server))
        for template in templates.extraOutputTemplates {
            jobs.append(.init(fileName: template, template: template, context: contexts.client))
        }
        let extraOutputs = Set(templates.extraOutputTemplates)
        let files = try renderer.render(jobs).map { file in
            guard extraOutputs.contains(file.name) else { return file }
            return GeneratedFile(name: file.name, contents: ExtraOutputWrapping.wrap(file.contents, in: api.namespace))
        }
        return GenerationResult(
            name: name, files: files, warnings: diagnostics.diagnostics, typeCount: api.schemas.types.count,
            operationCount: api.operations.count, inputFiles: inputFiles)
    }

    /// The contexts `run` renders the built-in templates with, without rendering or writing
    /// anything (`gen --dump-context`); the models context holds every type, with the imports
    /// they need together. Templates play no part, so `--templates` changes nothing here.
    public static func contexts(_ options: GeneratorOptions) throws(DiagnosticsError) -> GenerationContexts {
        let diagnostics = DiagnosticCollector()
        let (api, inputFiles) = try readAPI(options, diagnostics: diagnostics)
        let pointers = SchemaPointers.find(Set(api.schemas.types.map(\.location)), files: inputFiles, rootFile: options.specPath)
        var contexts = buildContexts(api, options, pointers: pointers)
        contexts.models.importLines = FileImports.models(access: options.config.access ?? .public, holding: contexts.models.types)
        contexts.warnings = diagnostics.diagnostics
        return contexts
    }

    /// API graph → the three contexts, as both `run` and `contexts` use them; the models'
    /// `importLines` are left to the caller, which knows how the types are split into files.
    private static func buildContexts(_ api: APIGraph, _ options: GeneratorOptions,
                                      pointers: [SourceLocation: String] = [:]) -> GenerationContexts {
        let config = options.config
        let header = [SwiftCode.lineComment("Generated by swift-openapi-gen from \(Self.fileName(options.specPath)). Do not edit.")]
        let accessLevel = config.access ?? .public
        let access = accessLevel.code
        let namespace = NamespaceSpelling(api.namespace)
        let clientBuilder = ClientContextBuilder(api: api, access: access, headerLines: header)
        var client = clientBuilder.build()
        client.importLines = FileImports.client(access: accessLevel)
        client.place(in: namespace)
        var models = ModelsContextBuilder(graph: api.schemas, access: access, headerLines: header, pointers: pointers,
                                          boxesByHand: config.isolation == .nonisolated).build()
        models.place(in: namespace)
        var support = SupportContextBuilder(headerLines: header, access: access, models: models, client: client,
                                            wireHelpers: clientBuilder.helpers.used, graph: api.schemas).build()
        support.importLines = FileImports.support(access: accessLevel)
        support.place(in: namespace)
        let isolation = (config.isolation ?? .default).code
        models.isolation = isolation
        client.isolation = isolation
        support.isolation = isolation
        let apiBuilder = APIContextBuilder(client: client, protocolName: api.protocolTypeName, stubName: api.stubTypeName)
        var apiContext = apiBuilder.build()
        apiContext.isolation = isolation
        apiContext.importLines = FileImports.api(access: accessLevel, signatureTypes: apiBuilder.signatureTypes)
        apiContext.place(in: namespace)
        var server = ServerAdapterContextBuilder(api: api, client: client, apiContext: apiContext).build()
        server.isolation = isolation
        server.importLines = FileImports.server(access: accessLevel)
        server.place(in: namespace)
        return GenerationContexts(models: models, client: client, support: support, api: apiContext, server: server)
    }

    /// Spec file → YAML → OpenAPI document → API graph; also every file the spec is made of.
    static func readAPI(_ options: GeneratorOptions,
                       diagnostics: DiagnosticCollector) throws(DiagnosticsError) -> (APIGraph, [String]) {
        let loader = YAMLLoader()
        let data: Data
        switch InputFile.read(options.specPath) {
        case .success(let contents): data = contents
        case .failure(let failure): throw DiagnosticsError(.error("cannot read the spec '\(options.specPath)': \(failure.reason)", at: nil))
        }
        var noncharacters: [SourceLocation] = []
        let root = try loader.load([UInt8](data), file: options.specPath, noncharacters: &noncharacters)
        let resolver = RefResolver(rootFile: options.specPath, rootNode: root, loader: loader)
        let reader = DocumentReader(resolver: resolver, diagnostics: diagnostics)
        guard let document = reader.read(root, file: options.specPath) else {
            throw DiagnosticsError(diagnostics.diagnostics)
        }
        try diagnostics.throwIfErrors()

        let config = options.config
        let naming = SwiftNaming(initialisms: SwiftNaming.defaultInitialisms.union(config.initialisms))
        let name = config.name.map(naming.apiName) ?? naming.apiName(Self.baseName(options.specPath))
        let clientName = SwiftName(bare: config.clientName.map(naming.apiName) ?? name + "Client")
        let errorName = SwiftName(bare: name + "Error")
        let protocolNames = APIGraphBuilder.protocolNames(name: name, clientTypeName: clientName)
        let namespace = try Self.namespace(config.namespace, at: config.namespaceLocation, taken: [(clientName, "client"), (errorName, "error type"),
                                                                     (protocolNames.protocol, "API protocol"),
                                                                     (protocolNames.stub, "API stub"),
                                                                     (protocolNames.server, "server")])
        // In a namespace, a model named like it would hide it (`A.A`) and the coding helpers
        // are types of their own (`supportCoding.mustache`), which a model must not hide.
        let namespaceNames = namespace.map { [$0.bare] + Self.namespacedSupportTypes } ?? []
        let generatedNames = [clientName, errorName, protocolNames.protocol, protocolNames.stub, protocolNames.server].map(\.bare)
        let schemas = SchemaGraphBuilder(
            diagnostics: diagnostics, naming: naming,
            reservedTypeNames: Set(generatedNames + namespaceNames), typeOverrides: config.typeOverrides)
        let configuredTypes = configuredTypeNames(config.typeNames, document: document, resolver: resolver,
                                                  naming: naming, specPath: options.specPath, diagnostics: diagnostics)
        schemas.reserveConfiguredNames(configuredTypes)
        var api = APIGraphBuilder(document: document, schemas: schemas, diagnostics: diagnostics, name: name,
                                  clientTypeName: clientName, errorTypeName: errorName, config: config).build()
        for (location, configured) in configuredTypes.sorted(by: { $0.value.name < $1.value.name })
        where !schemas.usedConfiguredNames.contains(location) {
            diagnostics.warning("'typeNames' names a schema that is not a type of its own here (an alias, a plain value, "
                                + "or a type overridden or left out); '\(configured.name)' is not used", at: configured.location)
        }
        api.namespace = namespace
        // Where one reaches a literal of the output, U+FFFD stands in (`SwiftCode.literal`).
        for location in noncharacters + resolver.noncharacters {
            diagnostics.warning("this text holds a Unicode noncharacter, which no Swift string literal can hold; "
                                + "where it is written in one, U+FFFD stands in", at: location)
        }
        try diagnostics.throwIfErrors()
        return (api, resolver.loadedFiles)
    }

    /// The config's `typeNames` by where the schema each names is written: a component's
    /// name, or a JSON pointer into the spec (`#/paths/~1items/get/…`). A key that names no
    /// schema is a located warning.
    private static func configuredTypeNames(
        _ names: [String: GeneratorConfig.ConfiguredName], document: OpenAPIDocument, resolver: RefResolver,
        naming: SwiftNaming, specPath: String, diagnostics: DiagnosticCollector
    ) -> [SourceLocation: GeneratorConfig.ConfiguredName] {
        var result: [SourceLocation: GeneratorConfig.ConfiguredName] = [:]
        let components = document.schemas.map(\.name)
        // The names the other components want: taking one would rename them behind the user's back.
        var wanted: [String: String] = [:]
        for component in components where names[component] == nil { wanted[naming.typeName(component)] = component }
        for (key, configured) in names.sorted(by: { $0.key < $1.key }) {
            if let other = wanted[configured.name] {
                diagnostics.error("the type name '\(configured.name)' in 'typeNames' is the name of the component schema '\(other)'",
                                  at: configured.location)
            } else if let component = document.schemas.first(where: { $0.name == key }) {
                result[component.schema.location] = configured
            } else if key.hasPrefix("#") {
                let at = configured.location ?? SourceLocation(file: specPath, line: 1, column: 1)
                do {
                    result[try resolver.resolve(key, from: specPath, at: at).node.location] = configured
                } catch {
                    diagnostics.warning("'typeNames' names '\(key)', which the spec does not have; it is ignored",
                                        at: configured.location)
                }
            } else {
                diagnostics.warning("'typeNames' names '\(key)', which is neither a component schema nor a JSON pointer "
                                    + "('#/…'); it is ignored" + Suggestion.hint(for: key, in: components), at: configured.location)
            }
        }
        return result
    }

    /// The types the support file declares only inside a namespace, where extensions of the
    /// standard library's coding containers would clash with another namespace's.
    static let namespacedSupportTypes = ["KeyedReader", "KeyedWriter", "ValueReader", "ValueWriter"]

    /// The configured namespace as a name, or the error that says why it cannot be one, at the
    /// config file's `namespace:` when a file set it. The config has checked it is an
    /// identifier; here it must also differ from the type names the run takes for itself
    /// (models named like it are renamed, as reserved names are).
    private static func namespace(_ wanted: String?, at location: SourceLocation?,
                                  taken: [(SwiftName, String)]) throws(DiagnosticsError) -> SwiftName? {
        guard let wanted else { return nil }
        if let problem = GeneratorConfig.namespaceProblem(wanted) {
            throw DiagnosticsError(.error(problem, at: location))
        }
        for (taken, what) in taken where taken.bare == wanted {
            throw DiagnosticsError(.error("the namespace '\(wanted)' is also the name of the \(what) it would hold; "
                                          + "choose another namespace, or another --name or --client-name", at: location))
        }
        return SwiftName(bare: wanted)
    }

    /// The names of the files a run writes for an API name, known before running: the plugin
    /// declares them as its outputs.
    public static func outputFileNames(name: String) -> [String] {
        OutputFileNames(name: name).all
    }

    private static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    private static func baseName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}

/// The files every run writes (user templates may add more).
struct OutputFileNames {
    var models: [String]
    var client: String
    var support: String
    /// The API protocol and its stub.
    var api: String
    /// The server, whose framework adapters compile only where the framework is imported.
    var server: String

    init(name: String) {
        models = ["\(name)Models.swift"]
        for index in 2...ModelsContext.fileCount {
            models.append("\(name)Models\(index).swift")
        }
        client = "\(name)Client.swift"
        support = "\(name)Support.swift"
        api = "\(name)API.swift"
        server = "\(name)Server.swift"
    }

    var all: [String] { models + [client, support, api, server] }
}
