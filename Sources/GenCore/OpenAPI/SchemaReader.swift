/// Turns schema nodes into `JSONSchema` values, once per node, so that a schema reached both by
/// name and by `$ref` is the same instance, and resolves every `$ref` (other files included) to
/// the schema it points to, so that later stages see schemas only.
final class SchemaReader {
    private let reader: NodeReader
    private let resolver: RefResolver
    private var cache: [ObjectIdentifier: JSONSchema] = [:]
    /// Schemas with a `$ref`, and discriminator mappings, not resolved yet. References are
    /// followed from this list rather than recursively, so that a long chain of them cannot
    /// exhaust the stack.
    private var pendingRefs: [JSONSchema] = []
    /// Discriminator mappings to resolve: `index` into `mapping`, or `nil` for `defaultMapping`.
    private var pendingMappings: [(owner: JSONSchema, index: Int?, ref: String, location: SourceLocation)] = []

    /// Keywords that change a schema's shape and that the generator does not model.
    private static let unmodeledKeywords: Set<String> = [
        "not", "if", "then", "else", "prefixItems", "patternProperties", "unevaluatedProperties",
        "dependentSchemas", "$dynamicRef",
    ]

    init(reader: NodeReader, resolver: RefResolver) {
        self.reader = reader
        self.resolver = resolver
    }

    /// The schema written at `node`. Its references are resolved by `resolveReferences()`.
    func schema(_ node: YAMLNode) -> JSONSchema {
        let id = ObjectIdentifier(node)
        if let known = cache[id] { return known }
        let schema = JSONSchema(location: node.location)
        cache[id] = schema
        fill(schema, from: node)
        return schema
    }

    /// Resolves the references of every schema read so far, and of the schemas they lead to;
    /// one that cannot be resolved is a located error and leaves its `target` `nil`.
    func resolveReferences() {
        while !pendingRefs.isEmpty || !pendingMappings.isEmpty {
            while let schema = pendingRefs.popLast() {
                guard let ref = schema.ref else { continue }
                schema.target = resolve(ref, from: schema.location)
            }
            while let mapping = pendingMappings.popLast() {
                // A mapping that leads nowhere loses only that value: a warning, not an error.
                let target = resolve(mapping.ref, from: mapping.location, failure: { diagnostic in
                    self.reader.diagnostics.warning("discriminator mapping is ignored: " + diagnostic.message, at: mapping.location)
                })
                if let index = mapping.index {
                    mapping.owner.discriminator?.mapping[index].target = target
                } else {
                    mapping.owner.discriminator?.defaultMapping?.target = target
                }
            }
        }
    }

    private func resolve(_ ref: String, from location: SourceLocation,
                         failure: ((Diagnostic) -> Void)? = nil) -> JSONSchema? {
        do {
            return schema(try resolver.resolve(ref, from: location.file, at: location).node)
        } catch {
            for diagnostic in error.diagnostics {
                if let failure {
                    failure(diagnostic)
                } else {
                    reader.diagnostics.emit(diagnostic)
                }
            }
            return nil
        }
    }

    /// The name a `$ref` suggests: the last token of its JSON pointer, or the file's base name
    /// for a whole-file reference.
    static func name(of ref: String) -> String? {
        if let hash = ref.firstIndex(of: "#") {
            let pointer = ref[ref.index(after: hash)...]
            guard let slash = pointer.lastIndex(of: "/") else { return nil }
            let token = RefResolver.unescape(String(pointer[pointer.index(after: slash)...]))
            return token.isEmpty ? nil : token
        }
        let file = ref.split(separator: "/").last.map(String.init) ?? ref
        let base = file.split(separator: ".").first.map(String.init) ?? file
        return base.isEmpty ? nil : base
    }

    private func fill(_ schema: JSONSchema, from node: YAMLNode) {
        if let flag = node.bool {
            schema.booleanSchema = flag
            return
        }
        guard let pairs = reader.mapping(node, "schema") else {
            schema.booleanSchema = true
            return
        }
        for (keyNode, value) in pairs {
            guard let key = keyNode.scalarText else { continue }
            read(key, value, into: schema)
        }
    }

    private func read(_ key: String, _ value: YAMLNode, into schema: JSONSchema) {
        switch key {
        case "$ref":
            schema.ref = reader.string(value, "$ref")
            schema.refName = schema.ref.flatMap(Self.name(of:))
            if schema.ref != nil { pendingRefs.append(schema) }
        case "type":
            if let single = value.string {
                schema.types = [single]
            } else if let items = reader.sequence(value, "type") {
                schema.types = items.compactMap { reader.string($0, "type") }
            }
        case "format": schema.format = reader.text(value, "format")
        case "pattern": schema.pattern = reader.text(value, "pattern").map { ($0, value.location) }
        case "title": schema.title = reader.text(value, "title")
        case "description": schema.description = reader.text(value, "description")
        case "enum":
            schema.enumValues = reader.sequence(value, "enum")?.map(SchemaValue.init)
            schema.enumLocation = value.location
        case "const": schema.constValue = SchemaValue(value)
        case "default": schema.defaultValue = SchemaValue(value)
        case "properties":
            for (name, property) in reader.mapping(value, "properties") ?? [] {
                guard let text = name.scalarText else { continue }
                schema.properties.append((text, self.schema(property)))
            }
        case "required":
            for item in reader.sequence(value, "required") ?? [] {
                if let name = reader.string(item, "required") { schema.required.append((name, item.location)) }
            }
        case "items":
            // OpenAPI 3.0 documents sometimes carry a 2019-09 style list of item schemas.
            if value.sequence != nil {
                schema.unmodeledKeywords.append((key, value.location))
            } else {
                schema.items = self.schema(value)
            }
        case "additionalProperties":
            if let flag = value.bool {
                schema.additionalProperties = .allowed(flag)
            } else {
                schema.additionalProperties = .schema(self.schema(value))
            }
        case "allOf": schema.allOf = (reader.sequence(value, "allOf") ?? []).map(self.schema)
        case "oneOf": schema.oneOf = (reader.sequence(value, "oneOf") ?? []).map(self.schema)
        case "anyOf": schema.anyOf = (reader.sequence(value, "anyOf") ?? []).map(self.schema)
        case "discriminator": schema.discriminator = discriminator(value, of: schema)
        case "contentMediaType": schema.contentMediaType = reader.text(value, "contentMediaType")
        case "contentSchema": schema.contentSchema = self.schema(value)
        case "nullable": schema.nullable = reader.bool(value, "nullable") ?? false
        case "deprecated": schema.deprecated = reader.bool(value, "deprecated") ?? false
        case "readOnly": schema.readOnly = reader.bool(value, "readOnly") ?? false
        case "writeOnly": schema.writeOnly = reader.bool(value, "writeOnly") ?? false
        default:
            if Self.unmodeledKeywords.contains(key) {
                schema.unmodeledKeywords.append((key, value.location))
            }
        }
    }

    private func discriminator(_ node: YAMLNode, of owner: JSONSchema) -> Discriminator? {
        guard reader.mapping(node, "discriminator") != nil,
              let property = reader.string(node["propertyName"], "propertyName") else { return nil }
        var mapping: [(value: String, target: JSONSchema?)] = []
        for (key, target) in reader.mapping(node["mapping"], "mapping") ?? [] {
            if let value = key.scalarText, let ref = reader.string(target, "mapping") {
                pendingMappings.append((owner, mapping.count, Self.spelled(mapping: ref), target.location))
                mapping.append((value, nil))
            }
        }
        var fallback: (ref: String, target: JSONSchema?, location: SourceLocation)?
        if let node = node["defaultMapping"], let ref = reader.string(node, "defaultMapping") {
            pendingMappings.append((owner, nil, Self.spelled(mapping: ref), node.location))
            fallback = (ref, nil, node.location)
        }
        return Discriminator(propertyName: property, mapping: mapping, defaultMapping: fallback)
    }

    /// A mapping may name a component schema instead of referencing it.
    private static func spelled(mapping ref: String) -> String {
        ref.contains("/") || ref.contains("#") ? ref : "#/components/schemas/" + ref
    }
}
