import Foundation

/// Reads a Swagger 2.0 document into the `OpenAPIDocument` an OpenAPI 3 document gives, so that
/// every later stage is the same for both.
///
/// The 2.0 nodes are read where they are written, so every diagnostic points into the 2.0
/// document's own lines: `definitions` become component schemas; `in: body` and `in: formData`
/// parameters a request body (`multipart/form-data` when a field is a `file` or `consumes` asks
/// for it, else `application/x-www-form-urlencoded`); `consumes` and `produces` its media types;
/// `collectionFormat` a `style` and `explode`; `host`, `basePath` and `schemes` the servers.
/// `$ref`s to `#/definitions`, `#/parameters` and `#/responses` are followed like any other.
final class Swagger2Reader {
    private let document: DocumentReader
    private var reader: NodeReader { document.reader }
    private var diagnostics: DiagnosticCollector { document.diagnostics }
    private var schemas: SchemaReader { document.schemas }
    /// The root `consumes` and `produces`; an operation's own replace them.
    private var consumes: [String] = []
    private var produces: [String] = []
    /// The root `host`, `basePath` and `schemes`, which an operation's `schemes` recombine.
    private var host: String?
    private var basePath = "/"
    private var rootSchemes: [String] = []

    private static let methods = ["get", "put", "post", "delete", "options", "head", "patch"]
    /// The keys of a non-body parameter (or an items or header object) that are not its schema.
    private static let parameterKeys: Set<String> = ["name", "in", "required", "collectionFormat", "allowEmptyValue",
                                                     "description"]

    init(reader: DocumentReader) {
        self.document = reader
    }

    func read(_ root: YAMLNode, swagger: YAMLNode, file: String) -> OpenAPIDocument? {
        guard let version = reader.text(swagger, "swagger") else { return nil }
        guard version == "2.0" else {
            diagnostics.error("unsupported Swagger version '\(version)'; expected 2.0 (or an OpenAPI 3.0.x, 3.1.x or 3.2.x "
                              + "document)", at: swagger.location)
            return nil
        }
        if let openapi = root["openapi"] {
            diagnostics.warning("a document with both 'swagger' and 'openapi' is read as Swagger 2.0", at: openapi.location)
        }
        schemas.swagger2 = true
        consumes = strings(root["consumes"], "consumes") ?? []
        produces = strings(root["produces"], "produces") ?? []
        host = reader.text(root["host"], "host")
        basePath = reader.text(root["basePath"], "basePath") ?? "/"
        rootSchemes = strings(root["schemes"], "schemes") ?? []
        var result = OpenAPIDocument(
            version: version, info: document.readInfo(root["info"], root: root),
            servers: servers(schemes: rootSchemes, at: (root["host"] ?? root["basePath"] ?? root).location),
            operations: [], schemas: [], extraSchemas: [], securitySchemes: readSecurityDefinitions(root["securityDefinitions"]),
            security: document.readSecurity(root["security"]), file: file)
        for (name, node) in reader.mapping(reader.followingRef(root["definitions"], "the definitions map"), "definitions") ?? [] {
            guard let text = name.scalarText else { continue }
            result.schemas.append((text, schemas.schema(node)))
        }
        // Root `parameters` and `responses` are only targets of `$ref`s, read where they are used.
        _ = reader.mapping(root["parameters"], "parameters")
        _ = reader.mapping(root["responses"], "responses")
        if root["paths"] == nil && root["definitions"] == nil {
            diagnostics.error("the document has no 'paths' or 'definitions'", at: root.location)
        }
        for (path, item) in reader.mapping(reader.followingRef(root["paths"], "the paths map"), "paths") ?? [] {
            guard let pathText = path.scalarText, !pathText.hasPrefix("x-") else { continue }
            result.operations += readPathItem(item, path: pathText)
        }
        schemas.resolveReferences()
        result.reconcile(diagnostics: diagnostics)
        return result
    }

    private func strings(_ node: YAMLNode?, _ what: String) -> [String]? {
        reader.sequence(node, what).map { $0.compactMap { reader.text($0, what) } }
    }

    /// `scheme://host/basePath` for each scheme (`https` when none is given, as the scheme the
    /// document was fetched with is not known here); without a `host`, the path alone, which
    /// is relative to wherever the client is pointed.
    private func servers(schemes: [String], at location: SourceLocation) -> [Server] {
        let path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        guard let host else {
            return basePath == "/" ? [] : [Server(url: path, description: nil, variables: [], location: location)]
        }
        let trimmed = path == "/" ? "" : path
        return (schemes.isEmpty ? ["https"] : schemes).compactMap { scheme in
            let url = scheme + "://" + host + trimmed
            // Documents write placeholders (`host: '{host}'`) that 2.0 has no variables for; a
            // default URL Foundation cannot parse would trap in the client.
            guard URL(string: url) != nil else {
                diagnostics.warning("'host', 'basePath' and 'schemes' make '\(url)', which is not a URL; it is not the "
                                    + "client's default server URL (pass one to the client)", at: location)
                return nil
            }
            return Server(url: url, description: nil, variables: [], location: location)
        }
    }

    private func readSecurityDefinitions(_ node: YAMLNode?) -> [SecurityScheme] {
        (reader.mapping(reader.followingRef(node, "the security definitions map"), "securityDefinitions") ?? []).compactMap { name, entry in
            guard let key = name.scalarText, let scheme = document.follow(entry, as: .securityScheme),
                  reader.mapping(scheme, "security scheme") != nil else { return nil }
            let type = reader.text(scheme["type"], "type") ?? ""
            let description = reader.text(scheme["description"], "description")
            switch type {
            case "basic":
                return SecurityScheme(name: key, kind: .httpBasic, description: description, location: scheme.location)
            case "apiKey":
                let place = reader.text(scheme["in"], "in") ?? ""
                guard let location = ParameterLocation(rawValue: place), location == .header || location == .query else {
                    diagnostics.warning("API key '\(key)' is in '\(place)', which Swagger 2.0 does not know (it has 'header' "
                                        + "and 'query'); it is sent as a header", at: (scheme["in"] ?? scheme).location)
                    return SecurityScheme(name: key, kind: .apiKey(name: reader.text(scheme["name"], "name") ?? key, location: .header),
                                          description: description, location: scheme.location)
                }
                return SecurityScheme(name: key, kind: .apiKey(name: reader.text(scheme["name"], "name") ?? key, location: location),
                                      description: description, location: scheme.location)
            case "oauth2":
                var read = SecurityScheme(name: key, kind: .oauthToken, description: description, location: scheme.location)
                if let flow = oauthFlow(scheme) { read.flows = [flow] }
                return read
            default:
                diagnostics.warning("security scheme type '\(type)' is not one of Swagger 2.0's (basic, apiKey, oauth2); "
                                    + "the client sends nothing for it", at: (scheme["type"] ?? scheme).location)
                return SecurityScheme(name: key, kind: .unsupported(type: type), description: description, location: scheme.location)
            }
        }
    }

    /// Swagger 2.0's one `flow` of an `oauth2` scheme, by its OpenAPI 3 name.
    private func oauthFlow(_ scheme: YAMLNode) -> SecurityScheme.OAuthFlow? {
        let names = ["implicit": "implicit", "password": "password", "application": "clientCredentials",
                     "accessCode": "authorizationCode"]
        guard let flowNode = scheme["flow"], let flow = reader.text(flowNode, "flow") else { return nil }
        guard let name = names[flow] else {
            diagnostics.warning("OAuth 2 flow '\(flow)' is not one of Swagger 2.0's (implicit, password, application, "
                                + "accessCode); the client still sends the token it is given", at: flowNode.location)
            return nil
        }
        return SecurityScheme.OAuthFlow(
            name: name, authorizationURL: reader.text(scheme["authorizationUrl"], "authorizationUrl"),
            deviceAuthorizationURL: nil, tokenURL: reader.text(scheme["tokenUrl"], "tokenUrl"), refreshURL: nil,
            scopes: (reader.mapping(scheme["scopes"], "scopes") ?? []).compactMap { $0.key.scalarText })
    }

    private func readPathItem(_ node: YAMLNode, path: String) -> [Operation] {
        guard let item = document.follow(node, as: .pathItem), reader.mapping(item, "path item") != nil else { return [] }
        let shared = parameterNodes(item["parameters"])
        var operations: [Operation] = []
        for (key, value) in item.mapping ?? [] {
            guard let method = key.scalarText, Self.methods.contains(method),
                  let operationNode = document.followDisallowed(value, what: "an operation") else { continue }
            if let operation = readOperation(operationNode, method: method, path: path, shared: shared) {
                operations.append(operation)
            }
        }
        return operations
    }

    /// A parameter's node (its `$ref` followed), with its name and location as written.
    private struct ParameterNode {
        var node: YAMLNode
        var name: String
        var place: String
    }

    private func parameterNodes(_ node: YAMLNode?) -> [ParameterNode] {
        (reader.sequence(reader.followingRef(node, "a parameters list"), "parameters") ?? []).compactMap { entry in
            guard let parameter = document.follow(entry, as: .parameter), reader.mapping(parameter, "parameter") != nil,
                  let name = document.requiredName(of: parameter) else { return nil }
            guard let place = reader.text(parameter["in"], "in") else {
                diagnostics.error("parameter '\(name)' has no 'in'", at: parameter.location)
                return nil
            }
            return ParameterNode(node: parameter, name: name, place: place)
        }
    }

    private func readOperation(_ node: YAMLNode, method: String, path: String, shared: [ParameterNode]) -> Operation? {
        guard reader.mapping(node, method) != nil else { return nil }
        var all = shared
        for parameter in parameterNodes(node["parameters"]) {
            all.removeAll { $0.name == parameter.name && $0.place == parameter.place }
            all.append(parameter)
        }
        let consumes = strings(node["consumes"], "consumes") ?? self.consumes
        let produces = strings(node["produces"], "produces") ?? self.produces
        var parameters: [Parameter] = []
        var bodies: [ParameterNode] = []
        var fields: [ParameterNode] = []
        for parameter in all {
            switch parameter.place {
            case "body": bodies.append(parameter)
            case "formData": fields.append(parameter)
            default:
                if let read = readParameter(parameter) { parameters.append(read) }
            }
        }
        let servers = node["schemes"].flatMap { schemesNode in
            strings(schemesNode, "schemes").map { self.servers(schemes: $0, at: schemesNode.location) }
        } ?? []
        var responses: [Response] = []
        for (code, value) in reader.mapping(document.followDisallowed(node["responses"], what: "the responses of an operation"), "responses") ?? [] {
            guard let status = code.scalarText, !status.hasPrefix("x-"), let response = document.follow(value, as: .response) else { continue }
            responses.append(readResponse(response, status: status, produces: produces))
        }
        return Operation(
            method: method, httpMethod: method.uppercased(), path: path,
            operationID: reader.text(node["operationId"], "operationId"),
            summary: reader.text(node["summary"], "summary"),
            description: reader.text(node["description"], "description"),
            tags: (reader.sequence(node["tags"], "tags") ?? []).compactMap { reader.text($0, "tags") },
            deprecated: reader.bool(node["deprecated"], "deprecated") ?? false,
            parameters: parameters, requestBody: requestBody(bodies: bodies, fields: fields, consumes: consumes),
            responses: responses, security: document.readSecurity(node["security"]), servers: servers,
            location: node.location)
    }

    private func readParameter(_ parameter: ParameterNode) -> Parameter? {
        let node = parameter.node
        guard let location = ParameterLocation(rawValue: parameter.place), location != .querystring, location != .cookie else {
            diagnostics.error("parameter '\(parameter.name)' has an unknown location '\(parameter.place)' (Swagger 2.0 has "
                              + "path, query, header, body and formData)", at: node["in"]?.location)
            return nil
        }
        let schema = schemas.schema(node, skipping: Self.parameterKeys)
        let (style, explode) = collectionStyle(node, name: parameter.name, location: location, schema: schema)
        return Parameter(
            name: parameter.name, location: location,
            required: reader.bool(node["required"], "required") ?? (location == .path),
            description: reader.text(node["description"], "description"), deprecated: false,
            style: style, explode: explode, allowReserved: false, schema: schema, contentType: nil,
            sourceLocation: node.location)
    }

    /// `collectionFormat` as OpenAPI 3's `style` and `explode`. Swagger 2.0's default is `csv`
    /// (comma-separated), where OpenAPI 3's for a query is one field per item.
    private func collectionStyle(_ node: YAMLNode, name: String, location: ParameterLocation,
                                 schema: JSONSchema) -> (style: String?, explode: Bool?) {
        let formatNode = node["collectionFormat"]
        let format = reader.text(formatNode, "collectionFormat") ?? "csv"
        guard schema.types.contains("array") else { return (nil, nil) }
        if let inner = node["items"]?["collectionFormat"] {
            diagnostics.warning("the 'collectionFormat' of an array's items is not read; inner arrays are sent as JSON text",
                                at: inner.location)
        }
        let at = (formatNode ?? node).location
        switch (location, format) {
        case (.query, "csv"): return ("form", false)
        case (.query, "multi"): return ("form", true)
        case (.query, "ssv"): return ("spaceDelimited", false)
        case (.query, "pipes"): return ("pipeDelimited", false)
        case (_, "csv"): return ("simple", false)
        case (_, "ssv"), (_, "tsv"), (_, "pipes"), (_, "multi"):
            diagnostics.warning("parameter '\(name)': collectionFormat '\(format)' has no OpenAPI 3 style"
                                + (location == .query ? "" : " in a \(location.rawValue)")
                                + "; the values are sent comma-separated (csv)", at: at)
            return (location == .query ? "form" : "simple", false)
        default:
            diagnostics.warning("parameter '\(name)': unknown collectionFormat '\(format)' (Swagger 2.0 has csv, ssv, tsv, "
                                + "pipes and multi); the values are sent comma-separated (csv)", at: at)
            return (location == .query ? "form" : "simple", false)
        }
    }

    /// The `in: body` parameter's schema in each `consumes` media type, or the `in: formData`
    /// parameters as the fields of one object.
    private func requestBody(bodies: [ParameterNode], fields: [ParameterNode], consumes: [String]) -> RequestBody? {
        for extra in bodies.dropFirst() {
            diagnostics.warning("parameter '\(extra.name)' is a second 'in: body' parameter; an operation has one body, so it "
                                + "is left out", at: extra.node.location)
        }
        if let body = bodies.first {
            if let field = fields.first {
                diagnostics.warning("an operation with an 'in: body' parameter cannot have 'in: formData' ones (Swagger 2.0); "
                                    + "the form fields are left out", at: field.node.location)
            }
            guard let schemaNode = body.node["schema"] else {
                diagnostics.error("body parameter '\(body.name)' has no 'schema'", at: body.node.location)
                return nil
            }
            let schema = schemas.schema(schemaNode)
            let types = consumes.isEmpty ? ["application/json"] : consumes
            return RequestBody(
                description: reader.text(body.node["description"], "description"),
                required: reader.bool(body.node["required"], "required") ?? false,
                content: types.map { MediaType(contentType: $0, schema: schema, location: body.node.location) },
                location: body.node.location)
        }
        guard let first = fields.first else { return nil }
        let form = JSONSchema(location: first.node.location)
        form.types = ["object"]
        var hasFile = false
        for field in fields {
            let schema = schemas.schema(field.node, skipping: Self.parameterKeys)
            if field.node["type"]?.string == "file" { hasFile = true }
            form.properties.append((field.name, schema))
            if reader.bool(field.node["required"], "required") == true {
                form.required.append((field.name, field.node.location))
            }
            if schema.types.contains("array"), let format = reader.text(field.node["collectionFormat"], "collectionFormat"),
               format != "multi" {
                diagnostics.warning("form field '\(field.name)': collectionFormat '\(format)' is not read; the values are sent "
                                    + "as one field per item (multi)", at: field.node["collectionFormat"]?.location)
            }
        }
        let multipart = "multipart/form-data", urlencoded = "application/x-www-form-urlencoded"
        let contentType = hasFile ? multipart : consumes.first { $0 == multipart || $0 == urlencoded } ?? urlencoded
        return RequestBody(
            description: nil, required: !form.required.isEmpty,
            content: [MediaType(contentType: contentType, schema: form, location: first.node.location)],
            location: first.node.location)
    }

    private func readResponse(_ node: YAMLNode, status: String, produces: [String]) -> Response {
        var headers: [(name: String, schema: JSONSchema?, description: String?, required: Bool)] = []
        for (name, value) in reader.mapping(reader.followingRef(node["headers"], "a headers map"), "headers") ?? [] {
            guard let headerName = name.scalarText, let header = document.follow(value, as: .header) else { continue }
            headers.append((headerName, schemas.schema(header, skipping: Self.parameterKeys),
                            reader.text(header["description"], "description"), false))
        }
        var content: [MediaType] = []
        if let schemaNode = node["schema"] {
            let schema = schemas.schema(schemaNode)
            let isFile = schemaNode["type"]?.string == "file"
            let types = produces.isEmpty ? [isFile ? "application/octet-stream" : "application/json"] : produces
            content = types.map { MediaType(contentType: $0, schema: schema, location: schemaNode.location) }
        }
        return Response(statusCode: status, description: reader.text(node["description"], "description"),
                        content: content, headers: headers, location: node.location)
    }
}
