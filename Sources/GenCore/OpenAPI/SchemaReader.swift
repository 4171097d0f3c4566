/// Turns schema nodes into `JSONSchema` values, once per node, so that a schema reached both by
/// name and by `$ref` is the same instance.
final class SchemaReader {
    private let reader: NodeReader
    private var cache: [ObjectIdentifier: JSONSchema] = [:]

    /// Keywords that change a schema's shape and that the generator does not model.
    private static let unmodeledKeywords: Set<String> = [
        "not", "if", "then", "else", "prefixItems", "patternProperties", "unevaluatedProperties",
        "dependentSchemas", "$dynamicRef",
    ]

    init(reader: NodeReader) {
        self.reader = reader
    }

    func schema(_ node: YAMLNode) -> JSONSchema {
        let id = ObjectIdentifier(node)
        if let known = cache[id] { return known }
        let schema = JSONSchema(node: node)
        cache[id] = schema
        fill(schema, from: node)
        return schema
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
        case "$ref": schema.ref = reader.string(value, "$ref")
        case "type":
            if let single = value.string {
                schema.types = [single]
            } else if let items = reader.sequence(value, "type") {
                schema.types = items.compactMap { reader.string($0, "type") }
            }
        case "format": schema.format = reader.text(value, "format")
        case "title": schema.title = reader.text(value, "title")
        case "description": schema.description = reader.text(value, "description")
        case "enum": schema.enumValues = reader.sequence(value, "enum")
        case "const": schema.constValue = value
        case "default": schema.defaultValue = value
        case "properties":
            for (name, property) in reader.mapping(value, "properties") ?? [] {
                guard let text = name.scalarText else { continue }
                schema.properties.append((text, self.schema(property)))
            }
        case "required":
            for item in reader.sequence(value, "required") ?? [] {
                if let name = reader.string(item, "required") { schema.required.append((name, item)) }
            }
        case "items":
            // OpenAPI 3.0 documents sometimes carry a 2019-09 style list of item schemas.
            if value.sequence != nil {
                schema.unmodeledKeywords.append((key, value))
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
        case "discriminator": schema.discriminator = discriminator(value)
        case "nullable": schema.nullable = reader.bool(value, "nullable") ?? false
        case "deprecated": schema.deprecated = reader.bool(value, "deprecated") ?? false
        case "readOnly": schema.readOnly = reader.bool(value, "readOnly") ?? false
        case "writeOnly": schema.writeOnly = reader.bool(value, "writeOnly") ?? false
        default:
            if Self.unmodeledKeywords.contains(key) {
                schema.unmodeledKeywords.append((key, value))
            }
        }
    }

    private func discriminator(_ node: YAMLNode) -> Discriminator? {
        guard reader.mapping(node, "discriminator") != nil,
              let property = reader.string(node["propertyName"], "propertyName") else { return nil }
        var mapping: [(value: String, ref: String)] = []
        for (key, target) in reader.mapping(node["mapping"], "mapping") ?? [] {
            if let value = key.scalarText, let ref = reader.string(target, "mapping") {
                mapping.append((value, ref))
            }
        }
        let fallback = node["defaultMapping"].flatMap { node in
            reader.string(node, "defaultMapping").map { (ref: $0, location: node.location) }
        }
        return Discriminator(propertyName: property, mapping: mapping, defaultMapping: fallback)
    }
}
