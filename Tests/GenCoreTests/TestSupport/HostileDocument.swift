import Foundation

/// The raw material of hostile documents: names that are hard to turn into Swift, and text that
/// would become code if it escaped a comment or a string literal.
enum HostileAlphabet {
    /// Swift keywords and contextual keywords, reserved and not.
    static let keywords = [
        "self", "Self", "init", "Type", "Protocol", "default", "case", "rawValue", "let", "var", "inout",
        "class", "func", "some", "any", "deinit", "subscript", "throws", "Any", "super", "true", "nil",
        "where", "associatedtype", "operator", "is", "as", "try", "await", "async", "get", "set",
        "willSet", "didSet", "public", "open", "static", "enum", "struct", "protocol", "extension",
        "import", "return", "throw", "switch", "for", "in", "while", "repeat", "if", "else", "guard",
        "do", "catch", "defer", "break", "continue", "fallthrough", "typealias", "private", "internal",
        "_", "Sendable", "Codable", "Equatable", "Hashable",
    ]
    /// Names the generator declares itself, or that Swift and Foundation do, for an API called
    /// `Hostile` (the documents are written as `hostile.json`).
    static let generatorNames = [
        "FooBody", "fooWithResponse", "Foo", "foo", "Authentication", "HTTPTransport", "HTTPMiddleware",
        "URLSessionTransport", "HTTPResponse", "HTTPResponseData", "RequestBuilder", "WireFormat", "Indirect",
        "JSONValue", "HostileClient", "HostileError", "Hostile", "HostileModels", "ApiClient", "PetsClient",
        "errorFor404", "CodingKeys", "CodingKey", "undocumented", "empty", "other", "unknown", "Unnamed", "value",
        "Body", "Response", "Output", "Input", "String", "Int", "Double", "Bool", "Data", "Date", "URL", "UUID",
        "Optional", "Array", "Dictionary", "Error", "Decoder", "Encoder", "Foundation", "Swift", "Result",
        "decoder", "encoder", "container", "transport", "serverURL", "middlewares", "authentication", "body",
        "request", "response", "headers", "status", "description", "hashValue", "encode", "from", "to",
        "KeyedDecodingContainer", "JSONDecoder", "id", "ID", "URLRequest", "dateParameter", "unionParameter",
        "unionParameterText", "RFC3339", "rawBody",
    ]
    /// Names that become the same after camel-casing.
    static let collisions = [
        "foo_bar", "fooBar", "FOO_BAR", "foo-bar", "foo bar", "Foo.Bar", "FooBar", "foo__bar", "fooBAR",
        "foo_bar_body", "FooBarBody", "fooBarWithResponse", "foo_barWithResponse", "FooBarStream",
    ]
    /// Punctuation, digits, control characters and scripts that identifiers cannot hold.
    static let oddities = [
        "1st", "123", "0", "-1", "1.5", "$ref", "$", "$$", "@type", "@", "-", "--x", ".", "..", ".hidden", "a b", " ",
        "`", "`x`", "\"", "'", "\\", "\\(x)", "*/", "/*", "\"\"\"", "#", "#error(\"x\")", "a\r#error(\"x\")",
        "a\n#error(\"x\")", "a\r\nb", "a\u{0}b", "\u{0}", "\u{202E}abc", "e\u{301}", "\u{301}", "🦄", "👨‍👩‍👧",
        "a\u{2028}b", "\u{2028}", "a\u{2029}b", "a\u{85}b", "", "ümlaut", "日本語", "Ж", "__", "x-y-z", "a/b",
        "{id}", "%20", "~1", "a~0b", "#/components", "ß", "İ", "ﬁ", "\u{FEFF}bom", "\t", "a\tb", "+", "=", "?",
        "&", "%", "a:b", "a;b", "a,b", "(", ")", "[]", "{}", "<T>", "x!", "x?", "_1", "__x__", "Ω", "ǅ",
    ]

    static let names = keywords + generatorNames + collisions + oddities

    /// Text that is harmless in a comment or a string literal and code anywhere else; each
    /// holds `CANARY`, which no name holds.
    static let canaries = [
        "\r#error(\"x\") CANARY_CR()",
        "\n#error(\"x\") CANARY_LF()",
        "\r\nCANARY_CRLF()",
        "\u{2028}CANARY_LS()",
        "\u{2029}CANARY_PS()",
        "\u{85}CANARY_NEL()",
        "*/ CANARY_BLOCK() /*",
        "\"; CANARY_QUOTE(); let x = \"",
        "\\(CANARY_INTERP())",
        "\\\\(CANARY_INTERP2())",
        "\"\"\"\nCANARY_TRIPLE()\n\"\"\"",
        "\"# CANARY_RAW() #\"",
        "\u{0}CANARY_NUL()",
        "\r\n}\nfunc CANARY_FUNC() {",
        "\n/// ok\n#error(\"x\") CANARY_DOC()",
        "`) CANARY_TICK() (`",
    ]

    /// Free text without a canary.
    static let prose = [
        "", " ", "Plain words.", "Ünïcödé 日本語 🦄", "a\u{202E}evil", "combining e\u{301}", "tab\there",
        "`code`", "*/", "/*", "\"\"\"", "#", "\\", "\\(x)", "#error(\"x\")", "trailing space ", "\u{FEFF}",
        "line one\nline two", "<b>html</b>", "100%", "{placeholder}", "${env}", "@param x",
        String(repeating: "long ", count: 40),
    ]

    static let mediaTypes = [
        "application/json", "application/json; charset=utf-8", "application/vnd.api+json", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "*/*",
        "application/*", "text/event-stream", "application/xml", "image/png", "application/problem+json",
        "application/self", "application/default", "application/\"x\"", "application/x\u{2028}y",
        "application/json\r\nX-Injected: 1", "", "APPLICATION/JSON", "text/plain; charset=\"utf\\\"8\"",
    ]

    static let pathSegments = [
        "users", "a b", "ü", "%20", "self", "$", "~", "~1", ".", "..", "default", "case", "日本", "🦄", "a\"b",
        "a\\b", "*/", "#", "?x=1", "", "v1", "1", "-", "a\u{2028}b", "{}", "%7B",
    ]

    static let formats = ["date-time", "date", "uuid", "binary", "byte", "int32", "int64", "float", "double", "email",
                          "uri", "password", "self", "#error(\"x\")", ""]
}

/// A seeded, reproducible generator of OpenAPI 3.1 documents whose names and strings come from
/// `HostileAlphabet`, in every position a string can take. The documents are structurally
/// mostly valid, so that most of them generate and the compiler sees what the names became.
struct HostileDocumentGenerator {
    private var random: SplitMix64
    /// The component schema names, chosen before their bodies so that `$ref`s can reach any.
    private var schemaNames: [String] = []
    /// The components that are objects, for `oneOf` branches and `allOf` parts.
    private var objectNames: [String] = []
    private var schemeNames: [String] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A whole document: info, servers, tags, security, paths and components.
    mutating func document() -> JSONTree {
        schemaNames = uniqueNames(count(10...30))
        objectNames = schemaNames.filter { _ in chance(0.5) }
        schemeNames = uniqueNames(count(1...3))
        var tree: JSONTree = ["openapi": "3.1.0", "info": info()]
        tree["servers"] = .array((0..<count(1...3)).map { _ in server() })
        tree["tags"] = .array((0..<count(0...3)).map { _ in ["name": .string(name()), "description": .string(text())] })
        tree["security"] = .array(schemeNames.filter { _ in chance(0.6) }.map { .object([(key: $0, value: .array([]))]) })
        tree["paths"] = paths()
        if chance(0.3) {
            let webhook: JSONTree = ["post": operation(placeholders: [])]
            tree["webhooks"] = .object([(key: name(), value: webhook)])
        }
        tree["components"] = components()
        tree["x-" + name()] = .string(text())
        return tree
    }

    // MARK: - Document parts

    private mutating func info() -> JSONTree {
        var info: JSONTree = ["title": .string(text()), "version": .string(text())]
        if chance(0.7) { info["summary"] = .string(text()) }
        if chance(0.7) { info["description"] = .string(text()) }
        if chance(0.3) { info["license"] = ["name": .string(text()), "identifier": "MIT"] }
        return info
    }

    /// A server URL with variables named from the alphabet, in placeholders of the URL.
    private mutating func server() -> JSONTree {
        let variables = uniqueNames(count(0...3)).filter { !$0.contains("{") && !$0.contains("}") && !$0.isEmpty }
        var url = pick(["https://api.example.com", "http://localhost:8080", "https://example.com/base/", "/relative",
                        "https://example.com/a b", "https://example.com/\u{2028}CANARY_URL()", "https://{x}.example.com"])
        var tree: JSONTree = [:]
        var definitions: [(key: String, value: JSONTree)] = []
        if url.contains("{x}") { definitions.append((key: "x", value: ["default": "x"])) }
        for variable in variables {
            url += (url.hasSuffix("/") ? "" : "/") + "{\(variable)}"
            var definition: JSONTree = ["description": .string(text())]
            if chance(0.5) {
                var values = uniqueNames(count(1...4))
                if chance(0.3) { values.append(pick(values)) }
                definition["enum"] = .array(values.map { .string($0) })
                definition["default"] = .string(pick(values))
            } else {
                definition["default"] = .string(chance(0.5) ? text() : name())
            }
            definitions.append((key: variable, value: definition))
        }
        tree["url"] = .string(url)
        if chance(0.5) { tree["description"] = .string(text()) }
        if !definitions.isEmpty { tree["variables"] = .object(definitions) }
        return tree
    }

    private mutating func components() -> JSONTree {
        var schemas: [(key: String, value: JSONTree)] = []
        for name in schemaNames {
            schemas.append((key: name, value: objectNames.contains(name) ? objectSchema(depth: 0) : componentSchema()))
        }
        var schemes: [(key: String, value: JSONTree)] = []
        for name in schemeNames {
            schemes.append((key: name, value: securityScheme()))
        }
        return ["schemas": .object(schemas), "securitySchemes": .object(schemes)]
    }

    private mutating func securityScheme() -> JSONTree {
        var scheme: JSONTree
        switch count(0...3) {
        case 0: scheme = ["type": "apiKey", "in": .string(pick(["header", "query", "cookie"])), "name": .string(name())]
        case 1: scheme = ["type": "http", "scheme": .string(pick(["basic", "bearer", "Bearer", "digest"]))]
        case 2:
            let scopes = uniqueNames(count(0...3)).map { (key: $0, value: JSONTree.string(text())) }
            scheme = ["type": "oauth2", "flows": ["clientCredentials": ["tokenUrl": "https://example.com/token",
                                                                         "scopes": .object(scopes)]]]
        default: scheme = ["type": "openIdConnect", "openIdConnectUrl": "https://example.com/.well-known"]
        }
        scheme["description"] = .string(text())
        return scheme
    }

    // MARK: - Schemas

    /// A named component that is not an object: an enum, a scalar, a composition or an alias.
    private mutating func componentSchema() -> JSONTree {
        var schema: JSONTree
        switch count(0...9) {
        case 0, 1: schema = enumSchema()
        case 2: schema = scalarSchema()
        case 3: schema = ["type": "array", "items": propertySchema(depth: 1)]
        case 4: schema = oneOfSchema()
        case 5: schema = ["anyOf": [scalarSchema(), scalarSchema()]]
        case 6: schema = allOfSchema()
        case 7: schema = reference()
        case 8: schema = nullable(propertySchema(depth: 1))
        default: schema = ["type": "object", "additionalProperties": propertySchema(depth: 1)]
        }
        return documented(schema)
    }

    private mutating func objectSchema(depth: Int) -> JSONTree {
        let names = uniqueNames(count(1...8))
        var properties: [(key: String, value: JSONTree)] = []
        for name in names {
            properties.append((key: name, value: propertySchema(depth: depth + 1)))
        }
        var schema: JSONTree = ["type": "object", "properties": .object(properties)]
        var required = names.filter { _ in chance(0.5) }
        if chance(0.1) { required.append(name()) }
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        if chance(0.2) { schema["additionalProperties"] = chance(0.5) ? .bool(chance(0.5)) : scalarSchema() }
        return documented(schema)
    }

    /// What a property or a parameter holds: scalars, enums, arrays, nested objects, refs.
    private mutating func propertySchema(depth: Int) -> JSONTree {
        switch count(0...9) {
        case 0, 1, 2: return documented(scalarSchema())
        case 3: return documented(enumSchema())
        case 4: return ["type": "array", "items": depth < 2 ? propertySchema(depth: depth + 1) : scalarSchema()]
        case 5: return depth < 2 ? objectSchema(depth: depth) : scalarSchema()
        case 6, 7: return reference()
        case 8: return nullable(depth < 2 ? propertySchema(depth: depth + 1) : scalarSchema())
        default: return ["type": ["string", "integer"]]
        }
    }

    private mutating func scalarSchema() -> JSONTree {
        switch count(0...9) {
        case 0:
            var schema: JSONTree = ["type": "string"]
            if chance(0.5) { schema["default"] = .string(text()) }
            if chance(0.3) { schema["pattern"] = .string(text()) }
            return schema
        case 1: return ["type": "string", "format": .string(pick(HostileAlphabet.formats))]
        case 2: return ["type": "integer", "default": .integer(pick([0, -1, 42, Int.max, Int.min])), "format": "int64"]
        case 3: return ["type": "number", "default": .number(pick([0.5, -1e300, 3]))]
        case 4: return ["type": "boolean", "default": .bool(chance(0.5))]
        case 5: return ["const": .string(name())]
        case 6: return ["type": "integer", "default": .literal(pick(["99999999999999999999", "-0", "1e308", "1.0"]))]
        case 7: return ["type": "number", "enum": .array([.literal("1e308"), .literal("-0"), .literal("0.1"), .integer(1)])]
        case 8: return ["type": pick(["integer", "boolean", "number"]), "default": .string(text())]
        default: return ["type": "string", pick(["readOnly", "writeOnly"]): true, "minLength": 1, "maxLength": 0]
        }
    }

    /// String, integer or mixed enums, sometimes with duplicates and a default.
    private mutating func enumSchema() -> JSONTree {
        switch count(0...5) {
        case 0, 1, 2:
            let values = (0..<count(1...8)).map { _ in name() }
            return ["type": "string", "enum": .array(values.map { .string($0) }), "default": .string(pick(values))]
        case 3:
            let values = (0..<count(1...6)).map { _ in pick([0, 1, -1, 2, 404, Int.max, Int.min, 7]) }
            return ["type": "integer", "enum": .array(values.map { .integer($0) })]
        case 4:
            return ["enum": .array([.string(name()), .integer(1), .null, .bool(true), .number(1.5), .string(name())])]
        default:
            let values = (0..<count(1...4)).map { _ in name() }
            return ["type": ["string", "null"], "enum": .array(values.map { .string($0) } + [.null])]
        }
    }

    /// A `oneOf` of object components, with a discriminator whose property and mapping keys are hostile.
    private mutating func oneOfSchema() -> JSONTree {
        let branches = objectNames.isEmpty ? [] : (0..<count(1...3)).map { _ in pick(objectNames) }
        guard !branches.isEmpty else { return ["oneOf": [scalarSchema(), enumSchema()]] }
        var schema: JSONTree = ["oneOf": .array(branches.map { .string(Self.ref($0)) }.map { ["$ref": $0] })]
        if chance(0.6) {
            var discriminator: JSONTree = ["propertyName": .string(name())]
            if chance(0.7) {
                // Mapping values are refs or, as OpenAPI also allows, bare component names.
                var mapping: [(key: String, value: JSONTree)] = []
                for branch in branches {
                    mapping.append((key: name(), value: .string(chance(0.3) ? branch : Self.ref(branch))))
                }
                discriminator["mapping"] = .object(mapping)
            }
            schema["discriminator"] = discriminator
        }
        return schema
    }

    private mutating func allOfSchema() -> JSONTree {
        var parts: [JSONTree] = objectNames.isEmpty ? [] : [["$ref": .string(Self.ref(pick(objectNames)))]]
        parts.append(objectSchema(depth: 1))
        if chance(0.3) {
            // The same property twice, with types that do not agree.
            let shared = name()
            let text: JSONTree = ["type": "string"], number: JSONTree = ["type": "integer"]
            parts.append(["type": "object", "properties": .object([(key: shared, value: text)])])
            parts.append(["type": "object", "properties": .object([(key: shared, value: number)]), "required": [.string(shared)]])
        }
        return ["allOf": .array(parts)]
    }

    private mutating func reference() -> JSONTree {
        ["$ref": .string(Self.ref(pick(schemaNames)))]
    }

    private mutating func nullable(_ schema: JSONTree) -> JSONTree {
        if chance(0.5), case .string(let type)? = schema["type"] {
            var copy = schema
            copy["type"] = [.string(type), "null"]
            return copy
        }
        return ["oneOf": [schema, ["type": "null"]]]
    }

    /// Title, description and example, each sometimes.
    private mutating func documented(_ schema: JSONTree) -> JSONTree {
        guard schema["$ref"] == nil else { return schema }
        var copy = schema
        if chance(0.4) { copy["title"] = .string(text()) }
        if chance(0.6) { copy["description"] = .string(text()) }
        if chance(0.3) { copy["example"] = chance(0.7) ? .string(text()) : ["k": .string(text())] }
        return copy
    }

    // MARK: - Paths and operations

    private mutating func paths() -> JSONTree {
        var paths: [(key: String, value: JSONTree)] = []
        var remaining = count(5...15)
        while remaining > 0 {
            let (path, placeholders) = pathTemplate()
            guard !paths.contains(where: { $0.key == path }) else { continue }
            var item: JSONTree = [:]
            if chance(0.2) { item["summary"] = .string(text()) }
            if chance(0.2) {
                // Shared by the item's operations, beside their own (whose names may be the same).
                item["parameters"] = [parameter(name: name(), location: pick(["query", "header", "cookie"]))]
            }
            for method in ["get", "post", "put", "delete", "patch"].filter({ _ in chance(0.4) }).prefix(remaining) {
                item[method] = operation(placeholders: placeholders)
                remaining -= 1
            }
            if !item.keys.contains(where: { $0 != "summary" }) {
                item["get"] = operation(placeholders: placeholders)
                remaining -= 1
            }
            paths.append((key: path, value: item))
        }
        return .object(paths)
    }

    /// `/segment/{placeholder}/…`, and the placeholders' names.
    private mutating func pathTemplate() -> (String, [String]) {
        var path = ""
        var placeholders: [String] = []
        for _ in 0..<count(1...3) {
            if chance(0.4) {
                let placeholder = name()
                if !placeholder.isEmpty, !placeholder.contains(where: { "{}/".contains($0) }),
                   !placeholders.contains(placeholder) || chance(0.05) {
                    placeholders.append(placeholder)
                    path += "/{\(placeholder)}"
                    continue
                }
            }
            path += "/" + pick(HostileAlphabet.pathSegments)
        }
        return (path, placeholders)
    }

    private mutating func operation(placeholders: [String]) -> JSONTree {
        var operation: JSONTree = [:]
        if chance(0.9) { operation["operationId"] = .string(uniqueOperationID()) }
        if chance(0.5) { operation["tags"] = .array([.string(name())]) }
        if chance(0.7) { operation["summary"] = .string(text()) }
        if chance(0.5) { operation["description"] = .string(text()) }
        var parameters = placeholders.map { parameter(name: $0, location: "path") }
        var taken = Set(placeholders.map { "path " + $0 })
        for _ in 0..<count(0...4) {
            let location = pick(["query", "header", "cookie"])
            let name = name()
            guard taken.insert(location + " " + name).inserted else { continue }
            parameters.append(parameter(name: name, location: location))
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if chance(0.4) { operation["requestBody"] = requestBody() }
        operation["responses"] = responses()
        if chance(0.2), !schemeNames.isEmpty { operation["security"] = [.object([(key: pick(schemeNames), value: .array([]))])] }
        if chance(0.1) { operation["deprecated"] = true }
        if chance(0.15) { operation["servers"] = [server()] }
        if chance(0.1) { operation["x-" + name()] = .string(text()) }
        return operation
    }

    private var operationIDs: Set<String> = []

    /// OperationIds are unique in a document, so each is a fresh name (or a name and a number).
    private mutating func uniqueOperationID() -> String {
        var candidate = name()
        while !operationIDs.insert(candidate).inserted {
            candidate = name() + String(count(0...9))
        }
        return candidate
    }

    private mutating func parameter(name: String, location: String) -> JSONTree {
        var parameter: JSONTree = ["name": .string(name), "in": .string(location)]
        if location == "path" || chance(0.4) { parameter["required"] = true }
        if chance(0.5) { parameter["description"] = .string(text()) }
        switch count(0...7) {
        case 0: parameter["schema"] = enumSchema()
        case 1: parameter["schema"] = ["type": "array", "items": chance(0.7) ? ["type": "string"] : nullable(enumSchema())]
        case 2: parameter["schema"] = ["type": "integer", "format": "int32"]
        case 3 where location == "query":
            parameter["schema"] = objectSchema(depth: 2)
            parameter["style"] = "deepObject"
        case 4: parameter["schema"] = nullable(scalarSchema())
        case 5: parameter["schema"] = reference()
        default: parameter["schema"] = ["type": "string", "example": .string(text())]
        }
        if chance(0.2) { parameter["example"] = .string(text()) }
        return parameter
    }

    private mutating func requestBody() -> JSONTree {
        var body: JSONTree = ["content": content(count(1...3))]
        if chance(0.5) { body["required"] = true }
        if chance(0.4) { body["description"] = .string(text()) }
        return body
    }

    private mutating func responses() -> JSONTree {
        let statuses = ["200", "201", "202", "204", "301", "400", "404", "409", "4XX", "5XX", "default", "299", "2XX", "1XX"]
        var responses: [(key: String, value: JSONTree)] = []
        for status in statuses.filter({ _ in chance(0.25) }).prefix(4) {
            responses.append((key: status, value: response()))
        }
        if responses.isEmpty { responses.append((key: "200", value: response())) }
        return .object(responses)
    }

    private mutating func response() -> JSONTree {
        var response: JSONTree = ["description": .string(text())]
        var headers: [(key: String, value: JSONTree)] = []
        for header in uniqueNames(count(0...2)) {
            headers.append((key: header, value: ["schema": scalarSchema(), "description": .string(text())]))
        }
        if !headers.isEmpty { response["headers"] = .object(headers) }
        let media = count(0...2)
        if media > 0 { response["content"] = content(media) }
        return response
    }

    /// Media types from the alphabet, each with a schema (and sometimes named examples).
    private mutating func content(_ count: Int) -> JSONTree {
        var media: [(key: String, value: JSONTree)] = []
        for _ in 0..<count {
            let type = chance(0.6) ? pick(Array(HostileAlphabet.mediaTypes.prefix(8))) : pick(HostileAlphabet.mediaTypes)
            var entry: JSONTree = ["schema": chance(0.6) ? reference() : propertySchema(depth: 1)]
            if self.chance(0.2) {
                let example: JSONTree = ["summary": .string(text()), "value": .string(text())]
                entry["examples"] = .object([(key: name(), value: example)])
            }
            media.append((key: type, value: entry))
        }
        return .object(media)
    }

    // MARK: - Primitives

    /// A name from the alphabet, sometimes two joined.
    private mutating func name() -> String {
        let first = pick(HostileAlphabet.names)
        guard chance(0.25) else { return first }
        return first + pick(["_", "-", " ", ".", "", "$", "/"]) + pick(HostileAlphabet.names)
    }

    /// `count` distinct names (distinct as strings; they may still collide once camel-cased).
    private mutating func uniqueNames(_ count: Int) -> [String] {
        var names: [String] = []
        var attempts = 0
        while names.count < count, attempts < count * 10 {
            attempts += 1
            let candidate = name()
            if !names.contains(candidate) { names.append(candidate) }
        }
        return names
    }

    /// Free text: prose, often with a canary in it.
    private mutating func text() -> String {
        var parts = (0..<count(0...2)).map { _ in pick(HostileAlphabet.prose) }
        if chance(0.6) { parts.insert(pick(HostileAlphabet.canaries), at: count(0...parts.count)) }
        return parts.joined(separator: pick(["", " ", "\n", "\r\n"]))
    }

    private mutating func pick<T>(_ values: [T]) -> T {
        values[Int.random(in: 0..<values.count, using: &random)]
    }

    private mutating func count(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    /// `#/components/schemas/<name>`: the name as a JSON pointer token (`~0`, `~1`), then
    /// percent-encoded where a URI fragment may not hold it raw.
    static func ref(_ name: String) -> String {
        let token = name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")
        return "#/components/schemas/" + (token.addingPercentEncoding(withAllowedCharacters: allowed) ?? token)
    }
}
