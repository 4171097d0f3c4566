/// Where a node sits in a `JSONTree`: keys and indices from the root.
enum TreeStep: Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

typealias TreePath = [TreeStep]

extension JSONTree {
    subscript(path path: TreePath) -> JSONTree? {
        get {
            var node: JSONTree? = self
            for step in path {
                switch step {
                case .key(let key): node = node?[key]
                case .index(let index):
                    guard let items = node?.items, items.indices.contains(index) else { return nil }
                    node = items[index]
                }
            }
            return node
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            let rest = Array(path.dropFirst())
            switch first {
            case .key(let key):
                if rest.isEmpty {
                    self[key] = newValue
                } else if var child = self[key] {
                    child[path: rest] = newValue
                    self[key] = child
                }
            case .index(let index):
                guard case .array(var items) = self, items.indices.contains(index) else { return }
                if rest.isEmpty {
                    if let newValue { items[index] = newValue } else { items.remove(at: index) }
                } else {
                    items[index][path: rest] = newValue
                }
                self = .array(items)
            }
        }
    }
}

/// Seeded mutations of an OpenAPI document's structure (not its bytes): schemas retyped, made
/// nullable, unioned and composed; awkward enums; `$ref`s pointed at themselves, at nothing and
/// at things that are not schemas; duplicate and keyword operationIds; parameters in odd
/// places; `required` naming what is not there. Each returns what it did, for the label.
struct StructuralMutator {
    private var random: SplitMix64
    private var tree: JSONTree
    private var applied: [String] = []

    init(_ tree: JSONTree, random: SplitMix64) {
        self.tree = tree
        self.random = random
    }

    /// `count` mutations of the document; the result and what was done.
    mutating func mutate(count: Int) -> (JSONTree, [String]) {
        for _ in 0..<count {
            let kinds: [(inout StructuralMutator) -> String?] = [
                { $0.retype() }, { $0.makeNullable() }, { $0.unionComponents() }, { $0.awkwardEnum() },
                { $0.repointReference() }, { $0.composeAllOf() }, { $0.oddOperationID() }, { $0.oddParameter() },
                { $0.oddRequired() }, { $0.collidingProperty() }, { $0.oddDiscriminator() },
                { $0.renameComponent() }, { $0.oddServer() }, { $0.hostileName() }, { $0.oddParameterSchema() },
                { $0.oddOperationShape() },
            ]
            // A mutation that finds nothing to work on (no operations, no $ref) gives way to another.
            for _ in 0..<5 {
                if let done = kinds[Int.random(in: 0..<kinds.count, using: &random)](&self) {
                    applied.append(done)
                    break
                }
            }
        }
        return (tree, applied)
    }

    // MARK: - Mutations

    private mutating func retype() -> String? {
        guard let path = pick(schemaPaths()) else { return nil }
        let type = pick(["string", "integer", "object", "array", "boolean", "number"])!
        var schema = tree[path: path] ?? [:]
        guard schema.pairs != nil else { return nil }
        schema["type"] = .string(type)
        schema["$ref"] = nil
        if type == "array", schema["items"] == nil { schema["items"] = chance(0.5) ? ["type": "string"] : componentRef() }
        if type != "object", chance(0.5) { schema["properties"] = nil }
        tree[path: path] = schema
        return "retype \(Self.show(path)) to \(type)"
    }

    private mutating func makeNullable() -> String? {
        guard let path = pick(schemaPaths()), let schema = tree[path: path] else { return nil }
        if chance(0.5), case .string(let type)? = schema["type"] {
            tree[path: path + [.key("type")]] = [.string(type), "null"]
            return "type [\(type), null] at \(Self.show(path))"
        }
        tree[path: path] = [(chance(0.5) ? "oneOf" : "anyOf"): chance(0.5) ? [schema, ["type": "null"]] : [["type": "null"], schema]]
        return "wrap \(Self.show(path)) in oneOf/anyOf with null"
    }

    /// A component becomes the union of two others (or of itself and another).
    private mutating func unionComponents() -> String? {
        let names = componentNames()
        guard let target = pick(names), let first = pick(names), let second = pick(names) else { return nil }
        var union: JSONTree = [(chance(0.6) ? "oneOf" : "anyOf"): [["$ref": .string(Self.ref(first))], ["$ref": .string(Self.ref(second))]]]
        if chance(0.4) { union["discriminator"] = ["propertyName": .string(pick(["type", "kind", "id", "self", ""])!)] }
        tree[path: Self.component(target)] = union
        return "\(target) = union of \(first) and \(second)"
    }

    private mutating func awkwardEnum() -> String? {
        guard let path = pick(schemaPaths()) else { return nil }
        let enums: [JSONTree] = [
            ["", "a b", "1"], ["a", "a"], ["A", "a", "_a", "-a"], [""], [1, "1", true, .null], [.number(1.5), 2, .number(-0.0)],
            ["self", "Self", "init", "Type", "default", "rawValue", "unknown", "other"], [.null], [],
            ["foo_bar", "fooBar", "FOO_BAR", "foo-bar"], [0, 0], ["\u{2028}", "\r\n", "\u{0}"], [["a": 1], [1]],
        ]
        let values = pick(enums)!
        var schema = tree[path: path] ?? [:]
        guard schema.pairs != nil else { return nil }
        schema["enum"] = values
        schema["$ref"] = nil
        switch Int.random(in: 0..<3, using: &random) {
        case 0: schema["type"] = "string"
        case 1: schema["type"] = "integer"
        default: schema["type"] = nil
        }
        tree[path: path] = schema
        return "enum \(JSONWriter.write(values).filter { !$0.isNewline }) at \(Self.show(path))"
    }

    private mutating func repointReference() -> String? {
        guard let path = pick(referencePaths()) else { return nil }
        let owner = path.count >= 3 && path[0] == .key("components") && path[1] == .key("schemas") ? Array(path.prefix(3)) : nil
        var targets = ["#/components/schemas/DoesNotExist", "#/paths", "#/info", "#/info/title", "#/components/schemas",
                       "#/components", "#", "", "other.yaml#/Nope", "#/components/responses/Nope", "#/servers/0",
                       "#/components/schemas/%", "#/components/schemas/a~2b"]
        if let owner, case .key(let name) = owner[2] {
            targets += [Self.ref(name), Self.ref(name), Self.ref(name) + "/properties"]
        }
        if let first = pick(componentNames()) { targets.append(Self.ref(first) + "/type") }
        let target = pick(targets)!
        tree[path: path + [.key("$ref")]] = .string(target)
        return "$ref at \(Self.show(path)) → \(target.isEmpty ? "\"\"" : target)"
    }

    private mutating func composeAllOf() -> String? {
        guard let path = pick(schemaPaths()), let schema = tree[path: path] else { return nil }
        var parts: [JSONTree] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            if let ref = componentRef() { parts.append(ref) }
        }
        let extra = pick(["extra", "id", "type", "self"])!
        parts.append(["type": "object", "properties": .object([(key: extra, value: ["type": "string"] as JSONTree)]), "required": ["extra"]])
        if chance(0.5) { parts.append(schema) }
        tree[path: path] = ["allOf": .array(parts)]
        return "allOf of \(parts.count) parts at \(Self.show(path))"
    }

    private mutating func oddOperationID() -> String? {
        let operations = operationPaths()
        guard let path = pick(operations) else { return nil }
        let others = operations.compactMap { tree[path: $0 + [.key("operationId")]]?.text }
        var names = ["self", "Self", "init", "default", "Type", "subscript", "deinit", "", "1", "rawValue", "some", "any",
                     "errorFor404", "undocumented", "CodingKeys"]
        for other in others.prefix(3) { names += [other, other + "WithResponse", other.uppercased(), other + "_"] }
        names += componentNames().prefix(3)
        let id = pick(names)!
        tree[path: path + [.key("operationId")]] = .string(id)
        return "operationId '\(id)' at \(Self.show(path))"
    }

    private mutating func oddParameter() -> String? {
        guard let path = pick(operationPaths()) else { return nil }
        let parameters: [(JSONTree, String)] = [
            (["name": "filter", "in": "header", "style": "deepObject",
              "schema": ["type": "object", "properties": ["a": ["type": "string"]]]], "deepObject header"),
            (["name": "ids", "in": "cookie", "explode": true, "schema": ["type": "array", "items": ["type": "integer"]]], "array cookie"),
            (["name": "missing", "in": "path", "required": true, "schema": ["type": "string"]], "path parameter not in the path"),
            (["name": "opt", "in": "path", "schema": ["type": "string"]], "optional path parameter"),
            (["name": "body", "in": "query", "schema": ["type": "string"]], "query named body"),
            (["name": "Content-Type", "in": "header", "schema": ["type": "string"]], "Content-Type header"),
            (["name": "q", "in": "query", "content": ["application/json": ["schema": ["type": "object"]]]], "content query"),
            (["name": "q", "in": "query", "schema": ["type": "string"]], "duplicate query q"),
            (["name": "Q", "in": "query", "schema": ["type": "string"]], "query Q"),
            (["name": "x", "in": "body", "schema": ["type": "string"]], "in: body"),
            (["name": "", "in": "query", "schema": ["type": "string"]], "empty name"),
            (["name": "self", "in": "header", "schema": ["type": "object", "additionalProperties": true], "style": "form"], "object header self"),
            (["name": "m", "in": "query", "style": "spaceDelimited", "schema": ["type": "object"]], "spaceDelimited object"),
            (["$ref": "#/components/parameters/Nope"], "missing parameter ref"),
            (["$ref": .string(Self.ref(componentNames().first ?? "X"))], "parameter ref to a schema"),
        ]
        let (parameter, what) = pick(parameters)!
        var list = tree[path: path + [.key("parameters")]]?.items ?? []
        if chance(0.8) {
            list.append(parameter)
        } else if let index = list.indices.randomElement(using: &random) {
            list.remove(at: index)
            tree[path: path + [.key("parameters")]] = .array(list)
            return "drop parameter \(index) of \(Self.show(path))"
        } else {
            list.append(parameter)
        }
        tree[path: path + [.key("parameters")]] = .array(list)
        return "\(what) on \(Self.show(path))"
    }

    private mutating func oddRequired() -> String? {
        guard let path = pick(schemaPaths()), var schema = tree[path: path], schema.pairs != nil else { return nil }
        let properties = schema["properties"]?.keys ?? []
        let required: JSONTree
        switch Int.random(in: 0..<5, using: &random) {
        case 0: required = .array((properties + ["notAProperty"]).map { .string($0) })
        case 1: required = .array((properties.prefix(1) + properties.prefix(1) + ["", "self"]).map { .string($0) })
        case 2: required = []
        case 3: required = "id"
        default: required = .array(properties.reversed().map { .string($0) } + [.string(properties.first ?? "x")])
        }
        schema["required"] = required
        tree[path: path] = schema
        return "required \(JSONWriter.write(required).filter { !$0.isNewline }) at \(Self.show(path))"
    }

    /// A property next to one whose name camel-cases the same.
    private mutating func collidingProperty() -> String? {
        let objects = schemaPaths().filter { tree[path: $0 + [.key("properties")]]?.pairs?.isEmpty == false }
        guard let path = pick(objects), let properties = tree[path: path + [.key("properties")]]?.pairs,
              let original = pick(properties) else { return nil }
        let twins = [original.key.uppercased(), original.key + "_", "_" + original.key, original.key.replacingOccurrences(of: "_", with: "-"),
                     snakeCase(original.key), original.key + " ", "self", "Type", "CodingKeys", "init"]
        let twin = pick(twins)!
        guard twin != original.key else { return nil }
        tree[path: path + [.key("properties"), .key(twin)]] = chance(0.5) ? original.value : ["type": "integer"]
        return "property '\(twin)' beside '\(original.key)' at \(Self.show(path))"
    }

    private mutating func oddDiscriminator() -> String? {
        let names = componentNames()
        guard let target = pick(names), let first = pick(names) else { return nil }
        let discriminator: JSONTree = ["propertyName": .string(pick(["kind", "", "self", "type"])!),
                                       "mapping": ["a": .string(Self.ref(first)), "": "#/components/schemas/Nope", "1": .string(Self.ref(target))]]
        tree[path: Self.component(target)] = ["oneOf": [["$ref": .string(Self.ref(first))], ["type": "string"]], "discriminator": discriminator]
        return "\(target) = oneOf [\(first), string] with an odd discriminator"
    }

    /// A component renamed to a name that is hard to spell in Swift, every `$ref` to it following.
    private mutating func renameComponent() -> String? {
        let names = componentNames()
        guard let old = pick(names) else { return nil }
        let new = pick(["self", "Self", "1st", "_x", "Type", "CodingKeys", "JSONValue", "HTTPTransport", "Authentication",
                        "MutantClient", "MutantError", "a b", "", "Unnamed", "String", "Foundation"] + names.map { $0 + "Body" })!
        guard !names.contains(new) else { return nil }
        var schemas = tree[path: [.key("components"), .key("schemas")]]?.pairs ?? []
        guard let index = schemas.firstIndex(where: { $0.key == old }) else { return nil }
        schemas[index].key = new
        tree[path: [.key("components"), .key("schemas")]] = .object(schemas)
        tree = Self.replacingRefs(in: tree, Self.ref(old), with: Self.ref(new))
        return "rename component \(old) to '\(new)'"
    }

    /// A property, parameter, operationId, enum value or tag renamed from the hostile alphabet.
    private mutating func hostileName() -> String? {
        let name = pick(HostileAlphabet.names)!
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            let objects = schemaPaths().filter { tree[path: $0 + [.key("properties")]]?.pairs?.isEmpty == false }
            guard let path = pick(objects), var properties = tree[path: path + [.key("properties")]]?.pairs,
                  let index = properties.indices.randomElement(using: &random),
                  !properties.contains(where: { $0.key == name }) else { return nil }
            let old = properties[index].key
            properties[index].key = name
            tree[path: path + [.key("properties")]] = .object(properties)
            if let required = tree[path: path + [.key("required")]]?.items {
                tree[path: path + [.key("required")]] = .array(required.map { $0.text == old ? .string(name) : $0 })
            }
            return "property '\(old)' renamed \(name.debugDescription) at \(Self.show(path))"
        case 1:
            let parameters = operationPaths().flatMap { operation in
                (tree[path: operation + [.key("parameters")]]?.items ?? []).indices.map { operation + [.key("parameters"), .index($0)] }
            }.filter { tree[path: $0 + [.key("in")]]?.text != "path" && tree[path: $0 + [.key("name")]] != nil }
            guard let path = pick(parameters) else { return nil }
            tree[path: path + [.key("name")]] = .string(name)
            return "parameter renamed \(name.debugDescription) at \(Self.show(path))"
        case 2:
            guard let path = pick(operationPaths()) else { return nil }
            tree[path: path + [.key("operationId")]] = .string(name)
            return "operationId \(name.debugDescription) at \(Self.show(path))"
        case 3:
            let enums = schemaPaths().filter { tree[path: $0 + [.key("enum")]]?.items?.isEmpty == false }
            guard let path = pick(enums), var values = tree[path: path + [.key("enum")]]?.items else { return nil }
            values.append(.string(name))
            tree[path: path + [.key("enum")]] = .array(values)
            return "enum value \(name.debugDescription) added at \(Self.show(path))"
        default:
            guard let path = pick(operationPaths()) else { return nil }
            tree[path: path + [.key("tags")]] = [.string(name)]
            return "tag \(name.debugDescription) at \(Self.show(path))"
        }
    }

    /// A parameter's schema becomes one that parameters cannot easily carry.
    private mutating func oddParameterSchema() -> String? {
        let parameters = operationPaths().flatMap { operation in
            (tree[path: operation + [.key("parameters")]]?.items ?? []).indices.map { operation + [.key("parameters"), .index($0)] }
        }.filter { tree[path: $0 + [.key("schema")]] != nil }
        guard let path = pick(parameters) else { return nil }
        let schemas: [(JSONTree, String)] = [
            (["type": "array", "items": ["type": "array", "items": ["type": "string"]]], "array of arrays"),
            (["type": "object", "additionalProperties": ["type": "object"]], "map of objects"),
            (["oneOf": [["type": "string"], ["type": "integer"]]], "oneOf"),
            (["type": "string", "format": "binary"], "binary"),
            (["type": "null"], "null"),
            ([:], "free-form"),
            (["type": "array", "items": ["oneOf": [["type": "string"], ["type": "null"]]]], "array of nullable"),
        ]
        let (schema, what) = pick(schemas)!
        tree[path: path + [.key("schema")]] = schema
        return "\(what) schema at \(Self.show(path))"
    }

    /// Operations shaped oddly: a body on GET, no responses, only an error response, a response
    /// with headers but no content.
    private mutating func oddOperationShape() -> String? {
        guard let path = pick(operationPaths()) else { return nil }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            tree[path: path + [.key("requestBody")]] = ["content": ["application/json": ["schema": ["type": "string"]]], "required": true]
            return "request body at \(Self.show(path))"
        case 1:
            tree[path: path + [.key("responses")]] = [:]
            return "no responses at \(Self.show(path))"
        case 2:
            tree[path: path + [.key("responses")]] = ["500": ["description": "x", "content": ["text/plain": ["schema": ["type": "string"]]]]]
            return "only a 500 response at \(Self.show(path))"
        default:
            tree[path: path + [.key("responses")]] = ["200": ["description": "x", "headers": ["X-Rate": ["schema": ["type": "integer"]],
                                                                                             "self": ["schema": ["type": "array", "items": ["type": "string"]]]]]]
            return "a 200 with headers only at \(Self.show(path))"
        }
    }

    /// A server whose variables have duplicate enum values, a default outside the enum, or none.
    private mutating func oddServer() -> String? {
        let variables: [(JSONTree, String)] = [
            (["default": "a", "enum": ["a", "a", "self"]], "duplicate enum values"),
            (["default": "z", "enum": ["a", "b"]], "default outside the enum"),
            (["enum": ["a"]], "no default"),
            (["default": "", "enum": ["", "1", "-"]], "empty and punctuation values"),
            (["default": "x\r\ny"], "CRLF default"),
        ]
        let (variable, what) = pick(variables)!
        let name = pick(["v", "self", "default", "1", "serverURL", ""])!
        let server: JSONTree = ["url": .string("https://{\(name)}.example.com/{\(name)}"), "variables": .object([(key: name, value: variable)])]
        tree["servers"] = .array([server] + (tree["servers"]?.items ?? []))
        return "server variable '\(name)': \(what)"
    }

    private static func replacingRefs(in node: JSONTree, _ old: String, with new: String) -> JSONTree {
        switch node {
        case .object(let pairs):
            return .object(pairs.map { pair in
                if pair.key == "$ref", pair.value.text == old { return (key: pair.key, value: .string(new)) }
                if pair.key == "mapping", let entries = pair.value.pairs {
                    return (key: pair.key, value: .object(entries.map { (key: $0.key, value: $0.value.text == old ? .string(new) : $0.value) }))
                }
                return (key: pair.key, value: replacingRefs(in: pair.value, old, with: new))
            })
        case .array(let items):
            return .array(items.map { replacingRefs(in: $0, old, with: new) })
        default:
            return node
        }
    }

    // MARK: - Finding things

    private func componentNames() -> [String] {
        tree[path: [.key("components"), .key("schemas")]]?.keys ?? []
    }

    private static func component(_ name: String) -> TreePath {
        [.key("components"), .key("schemas"), .key(name)]
    }

    private mutating func componentRef() -> JSONTree? {
        pick(componentNames()).map { ["$ref": .string(Self.ref($0))] }
    }

    /// Every object under `paths` that is an operation.
    private func operationPaths() -> [TreePath] {
        var found: [TreePath] = []
        for (path, item) in tree["paths"]?.pairs ?? [] {
            for (method, _) in item.pairs ?? [] where ["get", "put", "post", "delete", "options", "head", "patch", "trace"].contains(method) {
                found.append([.key("paths"), .key(path), .key(method)])
            }
        }
        return found
    }

    /// Every schema object reachable from the components and the operations.
    private func schemaPaths() -> [TreePath] {
        var found: [TreePath] = []
        for name in componentNames() {
            collectSchemas(at: Self.component(name), into: &found)
        }
        for operation in operationPaths() {
            for place in mediaSchemas(under: operation) {
                collectSchemas(at: place, into: &found)
            }
        }
        return found.filter { tree[path: $0]?.pairs != nil }
    }

    /// The `schema` of each parameter, request body and response content under an operation.
    private func mediaSchemas(under operation: TreePath) -> [TreePath] {
        var found: [TreePath] = []
        for (index, _) in (tree[path: operation + [.key("parameters")]]?.items ?? []).enumerated() {
            found.append(operation + [.key("parameters"), .index(index), .key("schema")])
        }
        let content = operation + [.key("requestBody"), .key("content")]
        for media in tree[path: content]?.keys ?? [] {
            found.append(content + [.key(media), .key("schema")])
        }
        for status in tree[path: operation + [.key("responses")]]?.keys ?? [] {
            let content = operation + [.key("responses"), .key(status), .key("content")]
            for media in tree[path: content]?.keys ?? [] {
                found.append(content + [.key(media), .key("schema")])
            }
        }
        return found.filter { tree[path: $0] != nil }
    }

    private func collectSchemas(at path: TreePath, into found: inout [TreePath]) {
        guard path.count < 40, let schema = tree[path: path], schema.pairs != nil else { return }
        found.append(path)
        for (name, _) in schema["properties"]?.pairs ?? [] {
            collectSchemas(at: path + [.key("properties"), .key(name)], into: &found)
        }
        for key in ["items", "additionalProperties", "not"] {
            collectSchemas(at: path + [.key(key)], into: &found)
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            for index in (schema[key]?.items ?? []).indices {
                collectSchemas(at: path + [.key(key), .index(index)], into: &found)
            }
        }
    }

    /// Schema objects that are `$ref`s, and parameters and responses that are.
    private func referencePaths() -> [TreePath] {
        var found = schemaPaths().filter { tree[path: $0]?["$ref"] != nil }
        for operation in operationPaths() {
            for (index, parameter) in (tree[path: operation + [.key("parameters")]]?.items ?? []).enumerated()
            where parameter["$ref"] != nil {
                found.append(operation + [.key("parameters"), .index(index)])
            }
        }
        return found
    }

    // MARK: - Helpers

    private mutating func pick<T>(_ values: [T]) -> T? {
        values.isEmpty ? nil : values[Int.random(in: 0..<values.count, using: &random)]
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.lowercased()
        }
        return result
    }

    static func ref(_ name: String) -> String {
        HostileDocumentGenerator.ref(name)
    }

    static func show(_ path: TreePath) -> String {
        path.map(\.description).joined(separator: ".")
    }
}
