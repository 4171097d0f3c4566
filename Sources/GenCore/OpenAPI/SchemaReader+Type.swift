extension SchemaReader {
    /// JSON Schema's type names.
    static let typeNames: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// `type`: one name or a list of names. A name JSON Schema does not have is a located
    /// warning that says what is read instead: Swagger 2.0's `file` is binary data (as in a 2.0
    /// document), YAML's unquoted `null` is the type `'null'`, any other name is left out.
    func readType(_ value: YAMLNode, into schema: JSONSchema) {
        let names: [YAMLNode]
        if let items = value.sequence {
            names = items
        } else if value.mapping == nil {
            names = [value]
        } else {
            reader.diagnostics.error("'type' must be a string or a sequence of strings, found \(value.kindDescription)",
                                     at: value.location)
            return
        }
        var types: [String] = []
        for node in names {
            if node.isNull {
                reader.diagnostics.warning("an unquoted null in 'type' is YAML's null, not a type name; it is read as the "
                                           + "type 'null' (write it in quotes: 'null')", at: node.location)
                types.append("null")
                continue
            }
            guard let name = node.string else {
                reader.diagnostics.error("'type' must be a string or a sequence of strings, found \(node.kindDescription)",
                                         at: node.location)
                continue
            }
            if name == "file" {
                if !swagger2 {
                    reader.diagnostics.warning("'file' is a Swagger 2.0 type, not a JSON Schema one; it is read as binary data, "
                                               + "as OpenAPI 3 writes it: type: string, format: binary", at: node.location)
                }
                types.append("string")
                schema.format = "binary"
            } else if Self.typeNames.contains(name) {
                types.append(name)
            } else {
                reader.diagnostics.warning("unknown type '\(name)' (JSON Schema's are string, number, integer, boolean, array, "
                                           + "object and null); it is left out, so the schema allows what its other keywords "
                                           + "allow", at: node.location)
            }
        }
        schema.types = types
    }
}
