/// Everything a user can configure, from `gen.yaml` or from `gen`'s flags (flags win). The
/// one list of options: the CLI, the plugins and the README's table all come from here.
public struct GeneratorConfig: Equatable, Sendable {
    /// The API name used for file and type names; from the spec's file name when `nil`.
    public var name: String?
    /// The client type's name; `<name>Client` when `nil`.
    public var clientName: String?
    public var access: AccessLevel?
    /// An enum that holds every declaration of the run (client, error, models, support types),
    /// so that several APIs, and the user's own types, share a module; top level when `nil`.
    public var namespace: String?
    /// Where a config file set `namespace`, for the errors about it the generator finds later
    /// (a clash with the client's name); `nil` when a flag set it.
    public var namespaceLocation: SourceLocation?
    /// The isolation written on every generated type and extension; none when `nil`.
    public var isolation: Isolation?
    /// Extra words written in capitals inside member names.
    public var initialisms: [String] = []
    /// A folder of `.mustache` files that replace the built-in ones of the same name.
    public var templates: String?
    /// Operations to keep, by `operationId`; all when empty.
    public var includeOperations: [String] = []
    public var excludeOperations: [String] = []
    /// Operations to keep, by tag; all when empty.
    public var includeTags: [String] = []
    public var excludeTags: [String] = []
    /// Operations to keep, by path prefix; all when empty.
    public var includePaths: [String] = []
    public var excludePaths: [String] = []
    /// Component schema name → Swift type to use instead of generating one.
    public var typeOverrides: [String: String] = [:]
    /// `operationId` → the client method's name, instead of the one made from the spec.
    public var operationNames: [String: ConfiguredName] = [:]
    /// Component schema name or JSON pointer (`#/paths/~1items/get/…/schema`) → the Swift type's name.
    public var typeNames: [String: ConfiguredName] = [:]
    /// `operationId` → how its pages follow one another, in `x-fern-pagination`'s form.
    public var pagination: [String: PagingHint] = [:]

    public init() {}

    /// A name the user chose for something of the spec, and where it is written (in `gen.yaml`;
    /// `nil` from a flag), so a clash or an unknown key is reported there.
    public struct ConfiguredName: Equatable, Sendable {
        public var name: String
        public var location: SourceLocation?

        public init(_ name: String, location: SourceLocation? = nil) {
            self.name = name
            self.location = location
        }
    }

    /// One documented option: its key in `gen.yaml`, its value's shape, and what it does.
    public struct Option: Sendable {
        public var key: String
        public var flag: String
        public var valueType: String
        public var summary: String
    }

    /// Every option, in the order the README lists them.
    public static let options: [Option] = [
        Option(key: "name", flag: "--name", valueType: "string",
               summary: "API name used for file and type names (default: from the spec's file name, or the target's name in the plugin)."),
        Option(key: "clientName", flag: "--client-name", valueType: "string",
               summary: "Name of the client type (default: `<name>Client`)."),
        Option(key: "access", flag: "--access", valueType: "public | package | internal",
               summary: "Access level of the generated declarations (default: public)."),
        Option(key: "namespace", flag: "--namespace", valueType: "identifier",
               summary: "Declare everything inside `enum NAME` (`A.Client`, `A.Station`, `A.HTTPMiddleware`), so that several APIs share a module."),
        Option(key: "isolation", flag: "--isolation", valueType: "default | nonisolated",
               summary: "`nonisolated` declares every generated type and extension `nonisolated` (Swift 6.1 or later), for targets whose default isolation is MainActor (Xcode 26 app targets); default: the target's default isolation."),
        Option(key: "initialisms", flag: "--initialism", valueType: "[string]",
               summary: "Extra words written in capitals inside member and type names (`sip` makes `callSIPDomain` and `SIPDomain`)."),
        Option(key: "templates", flag: "--templates", valueType: "path",
               summary: "Folder of `.mustache` files replacing built-in templates by name (relative to the config file)."),
        Option(key: "includeOperations", flag: "--include-operation", valueType: "[operationId]",
               summary: "Generate only these operations."),
        Option(key: "excludeOperations", flag: "--exclude-operation", valueType: "[operationId]",
               summary: "Leave these operations out."),
        Option(key: "includeTags", flag: "--include-tag", valueType: "[tag]",
               summary: "Generate only operations with one of these tags."),
        Option(key: "excludeTags", flag: "--exclude-tag", valueType: "[tag]",
               summary: "Leave out operations with one of these tags."),
        Option(key: "includePaths", flag: "--include-path", valueType: "[path prefix]",
               summary: "Generate only operations whose path starts with one of these."),
        Option(key: "excludePaths", flag: "--exclude-path", valueType: "[path prefix]",
               summary: "Leave out operations whose path starts with one of these."),
        Option(key: "typeOverrides", flag: "--type-override", valueType: "{schema: SwiftType}",
               summary: "Use your own Swift type for a component schema instead of generating one (flag: `Schema=Type`)."),
        Option(key: "operationNames", flag: "--operation-name", valueType: "{operationId: name}",
               summary: "Name the client method of an operation yourself (flag: `operationId=name`)."),
        Option(key: "typeNames", flag: "--type-name", valueType: "{schema: TypeName}",
               summary: "Name the Swift type of a component schema, or of any schema by its JSON pointer, yourself (flag: `Schema=Name`)."),
        Option(key: "pagination", flag: "--pagination", valueType: "{operationId: paging}",
               summary: "How an operation's pages follow one another, in `x-fern-pagination`'s form (`{cursor: $request.cursor, next_cursor: $response.next, results: $response.data}`; flag: `operationId=FORM`)."),
    ]

    /// The values of `other` where it sets them, these elsewhere: flags over the file.
    public func overridden(by other: GeneratorConfig) -> GeneratorConfig {
        var result = self
        result.name = other.name ?? name
        result.clientName = other.clientName ?? clientName
        result.access = other.access ?? access
        result.namespace = other.namespace ?? namespace
        result.namespaceLocation = other.namespace == nil ? namespaceLocation : other.namespaceLocation
        result.isolation = other.isolation ?? isolation
        result.templates = other.templates ?? templates
        result.initialisms = initialisms + other.initialisms
        result.includeOperations = other.includeOperations.isEmpty ? includeOperations : other.includeOperations
        result.excludeOperations = excludeOperations + other.excludeOperations
        result.includeTags = other.includeTags.isEmpty ? includeTags : other.includeTags
        result.excludeTags = excludeTags + other.excludeTags
        result.includePaths = other.includePaths.isEmpty ? includePaths : other.includePaths
        result.excludePaths = excludePaths + other.excludePaths
        result.typeOverrides = typeOverrides.merging(other.typeOverrides) { _, flag in flag }
        result.operationNames = operationNames.merging(other.operationNames) { _, flag in flag }
        result.typeNames = typeNames.merging(other.typeNames) { _, flag in flag }
        result.pagination = pagination.merging(other.pagination) { _, flag in flag }
        return result
    }

    /// Why `name` cannot be a namespace, or `nil` when it can: it is written in the output and
    /// in the user's code as it is, so it must be an identifier, and not one that would hide a
    /// name the generated code or Swift refers to (`Foundation`, `URL`, `JSONValue`).
    public static func namespaceProblem(_ name: String) -> String? {
        guard SwiftName.isIdentifier(name) else {
            return "the namespace '\(name)' is not a Swift identifier (letters, digits and '_', not starting with a digit)"
        }
        if SwiftKeywords.reserved.contains(name) {
            return "the namespace '\(name)' is a Swift keyword"
        }
        if SwiftKeywords.takenTypeNames.contains(name) {
            return "the namespace '\(name)' would hide the type or module of that name that the generated code uses"
        }
        return nil
    }

    /// Why `name` cannot be the name `operationNames` or `typeNames` (`what`) gives, or `nil`
    /// when it can: it is written in the output as it is, so it must be an identifier.
    public static func configuredNameProblem(_ name: String, for what: String) -> String? {
        SwiftName.isIdentifier(name) ? nil
            : "the \(what) '\(name)' is not a Swift identifier (letters, digits and '_', not starting with a digit)"
    }

    /// The paging a `--pagination` value's form (after `operationId=`) describes, or why not.
    public static func pagination(fromFlag form: String) -> Result<PagingHint, PagingHintProblem> {
        guard let node = try? YAMLLoader().load(Array(form.utf8), file: "--pagination"), node.mapping != nil else {
            return .failure(PagingHintProblem("'\(form)' is not a mapping such as {cursor: $request.cursor, next_cursor: $response.next}"))
        }
        return PagingHint.fern(node)
    }

    /// Whether an operation passes the include and exclude filters.
    func keeps(operationID: String?, tags: [String], path: String) -> Bool {
        if !includeOperations.isEmpty && !includeOperations.contains(operationID ?? "") { return false }
        if let id = operationID, excludeOperations.contains(id) { return false }
        if !includeTags.isEmpty && !tags.contains(where: includeTags.contains) { return false }
        if tags.contains(where: excludeTags.contains) { return false }
        if !includePaths.isEmpty && !includePaths.contains(where: path.hasPrefix) { return false }
        return !excludePaths.contains(where: path.hasPrefix)
    }
}
