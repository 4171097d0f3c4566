import Foundation

/// Reads a loaded YAML tree into an `OpenAPIDocument`, reporting every problem it finds.
///
/// `$ref`s to parameters, request bodies, responses, headers and path items are followed here;
/// schema `$ref`s are kept for the schema graph. A Swagger 2.0 document is read by
/// `Swagger2Reader` into the same model.
final class DocumentReader {
    let diagnostics: DiagnosticCollector
    let reader: NodeReader
    let resolver: RefResolver
    let schemas: SchemaReader
    /// Body schemas of the callbacks met while reading operations.
    private var callbackSchemas: [(name: String, schema: JSONSchema)] = []
    /// OpenAPI 3.2 allows a `$ref` for a media type (to `components/mediaTypes`).
    private var mediaTypesMayBeRefs = false
    /// The fixed fields of a path item that are operations (`query` is OpenAPI 3.2's).
    private static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]

    init(resolver: RefResolver, diagnostics: DiagnosticCollector) {
        self.diagnostics = diagnostics
        self.reader = NodeReader(diagnostics: diagnostics, resolver: resolver)
        self.resolver = resolver
        self.schemas = SchemaReader(reader: reader, resolver: resolver)
    }

    func read(_ root: YAMLNode, file: String) -> OpenAPIDocument? {
        guard root.mapping != nil else {
            diagnostics.error("an OpenAPI document must be a mapping, found \(root.kindDescription)", at: root.location)
            return nil
        }
        if let swagger = root["swagger"] {
            return Swagger2Reader(reader: self).read(root, swagger: swagger, file: file)
        }
        guard let version = checkVersion(root) else { return nil }
        mediaTypesMayBeRefs = version.hasPrefix("3.2")
        if let selfNode = root["$self"], let uri = reader.string(selfNode, "$self") {
            do {
                try resolver.setSelf(uri, at: selfNode.location)
            } catch {
                for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
            }
        }
        let info = readInfo(root["info"], root: root)
        let servers = readServers(root["servers"])
        let security = readSecurity(root["security"])
        var document = OpenAPIDocument(
            version: version, info: info, servers: servers, operations: [], schemas: [], extraSchemas: [],
            securitySchemes: [], security: security, file: file)
        let components = reader.followingRef(root["components"], "components")
        _ = reader.mapping(components, "components")
        for (name, node) in reader.mapping(reader.followingRef(components?["schemas"], "the schemas map"), "schemas") ?? [] {
            guard let text = name.scalarText else { continue }
            document.schemas.append((text, schemas.schema(node)))
        }
        document.securitySchemes = readSecuritySchemes(reader.followingRef(components?["securitySchemes"], "the security schemes map"))
        if root["paths"] == nil && root["webhooks"] == nil && components == nil {
            diagnostics.error("the document has no 'paths', 'webhooks' or 'components'", at: root.location)
        }
        for (path, item) in reader.mapping(reader.followingRef(root["paths"], "the paths map"), "paths") ?? [] {
            guard let pathText = path.scalarText else { continue }
            document.operations += readPathItem(item, path: pathText, file: file)
        }
        for (name, item) in reader.mapping(root["webhooks"], "webhooks") ?? [] {
            for operation in readPathItem(item, path: name.scalarText ?? "", file: file) {
                document.extraSchemas += bodySchemas(of: operation, prefix: "Webhook " + (name.scalarText ?? ""))
            }
        }
        document.extraSchemas += callbackSchemas
        schemas.resolveReferences()
        document.reconcile(diagnostics: diagnostics)
        return document
    }

    private func checkVersion(_ root: YAMLNode) -> String? {
        guard let node = root["openapi"] else {
            // `openapi` with a stray character (`.openapi`, `openapi:` pasted after a BOM or a quote).
            let near = root.mapping?.first { pair in
                guard let key = pair.key.scalarText?.lowercased() else { return false }
                return key != "openapi" && key.contains("openapi") && key.count <= "openapi".count + 2
            }
            diagnostics.error("missing 'openapi' version field", at: near?.key.location ?? root.location,
                              note: near.map { "the key '\($0.key.scalarText ?? "")' is not 'openapi': remove the stray characters" })
            return nil
        }
        guard let version = reader.text(node, "openapi") else { return nil }
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") || version.hasPrefix("3.2") else {
            diagnostics.error("unsupported OpenAPI version '\(version)'; expected 3.0.x, 3.1.x or 3.2.x", at: node.location)
            return nil
        }
        return version
    }

    func readInfo(_ node: YAMLNode?, root: YAMLNode) -> Info {
        guard let node else {
            diagnostics.error("missing 'info'", at: root.location)
            return Info(title: "", version: "")
        }
        _ = reader.mapping(node, "info")
        return Info(
            title: reader.text(node["title"], "title") ?? "",
            version: reader.text(node["version"], "version") ?? "",
            summary: reader.text(node["summary"], "summary"),
            description: reader.text(node["description"], "description"))
    }

    private func readServers(_ node: YAMLNode?) -> [Server] {
        (reader.sequence(node, "servers") ?? []).compactMap { entry in
            guard let server = followDisallowed(entry, what: "a server"), reader.mapping(server, "server") != nil, let url = reader.text(server["url"], "url") else { return nil }
            var variables: [(name: String, defaultValue: String, enumValues: [String], description: String?)] = []
            for (name, variable) in reader.mapping(reader.followingRef(server["variables"], "server variables"), "variables") ?? [] {
                variables.append((
                    name.scalarText ?? "",
                    reader.text(variable["default"], "default") ?? "",
                    (reader.sequence(variable["enum"], "enum") ?? []).compactMap { reader.text($0, "enum") },
                    reader.text(variable["description"], "description")))
            }
            // A `{name}` no variable declares, or a space, makes a URL Foundation cannot parse,
            // and the client's `URL(string:)!` would trap.
            let filled = variables.reduce(url) { $0.replacingOccurrences(of: "{\($1.name)}", with: $1.defaultValue) }
            guard URL(string: filled) != nil else {
                diagnostics.warning("server URL '\(filled)' (its variables set to their defaults) is not a URL; the server "
                                    + "is left out (pass a URL to the client)", at: server["url"]?.location)
                return nil
            }
            return Server(url: url, description: reader.text(server["description"], "description"),
                          variables: variables, location: server.location)
        }
    }

    func readSecurity(_ node: YAMLNode?) -> [SecurityRequirement]? {
        guard let items = reader.sequence(node, "security") else { return nil }
        return items.map { item in
            SecurityRequirement(schemeNames: (reader.mapping(item, "security") ?? []).compactMap { $0.key.scalarText },
                                location: item.location)
        }
    }

    private func readSecuritySchemes(_ node: YAMLNode?) -> [SecurityScheme] {
        var result: [SecurityScheme] = []
        for (name, entry) in reader.mapping(node, "securitySchemes") ?? [] {
            guard let key = name.scalarText, let scheme = follow(entry, as: .securityScheme) else { continue }
            let type = reader.text(scheme["type"], "type") ?? ""
            let kind: SecurityScheme.Kind
            switch type {
            case "http":
                // RFC 7235 scheme names are case-insensitive: `Basic` and `basic` are one scheme.
                let schemeName = (reader.text(scheme["scheme"], "scheme") ?? "").lowercased()
                kind = schemeName == "basic" ? .httpBasic : schemeName == "bearer" ? .httpBearer : .httpOther(scheme: schemeName)
            case "apiKey":
                let location = ParameterLocation(rawValue: reader.text(scheme["in"], "in") ?? "") ?? .header
                kind = .apiKey(name: reader.text(scheme["name"], "name") ?? key, location: location)
            case "oauth2", "openIdConnect":
                kind = .oauthToken
            default:
                kind = .unsupported(type: type)
            }
            var read = SecurityScheme(name: key, kind: kind, description: reader.text(scheme["description"], "description"),
                                      location: scheme.location)
            if type == "oauth2" {
                read.flows = readFlows(scheme["flows"])
                read.metadataURL = reader.text(scheme["oauth2MetadataUrl"], "oauth2MetadataUrl")
            }
            result.append(read)
        }
        return result
    }

    /// The flows of an `oauth2` scheme, every key kept (OpenAPI 3.2 added `deviceAuthorization`).
    private func readFlows(_ node: YAMLNode?) -> [SecurityScheme.OAuthFlow] {
        (reader.mapping(node, "flows") ?? []).compactMap { key, value in
            guard let name = key.scalarText, reader.mapping(value, name) != nil else { return nil }
            return SecurityScheme.OAuthFlow(
                name: name,
                authorizationURL: reader.text(value["authorizationUrl"], "authorizationUrl"),
                deviceAuthorizationURL: reader.text(value["deviceAuthorizationUrl"], "deviceAuthorizationUrl"),
                tokenURL: reader.text(value["tokenUrl"], "tokenUrl"),
                refreshURL: reader.text(value["refreshUrl"], "refreshUrl"),
                scopes: (reader.mapping(value["scopes"], "scopes") ?? []).compactMap { $0.key.scalarText })
        }
    }

    /// Follows `$ref` chains of non-schema objects; reports a loop instead of hanging.
    /// `kind`, when given, is what the node must be: a `$ref` to a component of another kind is
    /// a located error.
    func follow(_ node: YAMLNode, as kind: ComponentKind? = nil) -> YAMLNode? {
        var current = node
        var seen: Set<String> = []
        while let ref = current["$ref"]?.string {
            if let kind, !ComponentKind.check(ref, expected: kind, swagger2: schemas.swagger2,
                                               at: current["$ref"]?.location ?? current.location, diagnostics: diagnostics) {
                return nil
            }
            do {
                let target = try resolver.resolve(ref, from: current.file, at: current["$ref"]?.location ?? current.location)
                guard seen.insert(target.key).inserted else {
                    diagnostics.error("'$ref' loops back to itself: '\(ref)'", at: current.location)
                    return nil
                }
                current = target.node
            } catch {
                for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
                return nil
            }
        }
        return current
    }

    /// Follows a `$ref` where OpenAPI allows none (an operation, a media type, a server…), as
    /// the common bundlers do, and says so: the document is not strictly valid, and other tools
    /// may read it differently. Without a `$ref`, the node itself.
    func followDisallowed(_ node: YAMLNode?, what: String) -> YAMLNode? {
        guard let node, let ref = node["$ref"] else { return node }
        diagnostics.warning("OpenAPI does not allow '$ref' for \(what); it is followed, but other tools may not",
                            at: ref.location)
        return follow(node)
    }

    private func readPathItem(_ node: YAMLNode, path: String, file: String) -> [Operation] {
        guard let item = follow(node, as: .pathItem), reader.mapping(item, "path item") != nil else { return [] }
        let shared = readParameters(item["parameters"])
        let servers = readServers(item["servers"])
        var operations: [Operation] = []
        for (key, value) in item.mapping ?? [] {
            guard let method = key.scalarText, Self.methods.contains(method),
                  let operationNode = followDisallowed(value, what: "an operation") else { continue }
            if let operation = readOperation(operationNode, method: method, httpMethod: method.uppercased(), path: path,
                                             shared: shared, servers: servers) {
                operations.append(operation)
            }
        }
        // OpenAPI 3.2: operations of other methods (`COPY`, `LINK`…), sent as written.
        for (key, value) in reader.mapping(item["additionalOperations"], "additionalOperations") ?? [] {
            guard let method = key.scalarText, let operationNode = follow(value) else { continue }
            guard Self.isToken(method) else {
                diagnostics.warning("'\(method)' is not an HTTP method name (RFC 9110 allows letters, digits and "
                                    + "!#$%&'*+-.^_`|~); the operation is left out", at: key.location)
                continue
            }
            if Self.methods.contains(method.lowercased()) {
                diagnostics.warning("'\(method)' has its own field, '\(method.lowercased())', which OpenAPI 3.2 says to use "
                                    + "instead of 'additionalOperations'; it is read, and sent as written", at: key.location)
            }
            if let operation = readOperation(operationNode, method: method, httpMethod: method, path: path,
                                             shared: shared, servers: servers) {
                operations.append(operation)
            }
        }
        return operations
    }

    /// What an RFC 9110 token (a method on the request line) is made of.
    private static let tokenCharacters = Set(("!#$%&'*+-.^_`|~0123456789" + "abcdefghijklmnopqrstuvwxyz"
                                                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").unicodeScalars)

    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(tokenCharacters.contains)
    }

    private func readOperation(_ node: YAMLNode, method: String, httpMethod: String, path: String, shared: [Parameter],
                               servers: [Server]) -> Operation? {
        guard reader.mapping(node, method) != nil else { return nil }
        var parameters = shared
        for parameter in readParameters(node["parameters"]) {
            parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            parameters.append(parameter)
        }
        // The query string is one value: a second `querystring` parameter has nowhere to go.
        let queryStrings = parameters.filter { $0.location == .querystring }
        for extra in queryStrings.dropFirst() {
            diagnostics.warning("parameter '\(extra.name)' is a second 'querystring' parameter; an operation has one query "
                                + "string, so it is left out", at: extra.sourceLocation)
        }
        if let first = queryStrings.first {
            parameters.removeAll { $0.location == .querystring && $0.sourceLocation != first.sourceLocation }
        }
        var requestBody: RequestBody?
        if let bodyNode = node["requestBody"], let body = follow(bodyNode, as: .requestBody) {
            requestBody = RequestBody(
                description: reader.text(body["description"], "description"),
                required: reader.bool(body["required"], "required") ?? false,
                content: readContent(body["content"]),
                location: body.location)
        }
        var responses: [Response] = []
        for (code, value) in reader.mapping(followDisallowed(node["responses"], what: "the responses of an operation"), "responses") ?? [] {
            guard let status = code.scalarText, let response = follow(value, as: .response) else { continue }
            responses.append(readResponse(response, status: status))
        }
        readCallbacks(node["callbacks"], of: node["operationId"]?.scalarText ?? method + " " + path)
        let operationServers = readServers(node["servers"])
        var operation = Operation(
            method: method, httpMethod: httpMethod, path: path,
            operationID: reader.text(node["operationId"], "operationId"),
            summary: reader.text(node["summary"], "summary"),
            description: reader.text(node["description"], "description"),
            tags: (reader.sequence(node["tags"], "tags") ?? []).compactMap { reader.text($0, "tags") },
            deprecated: reader.bool(node["deprecated"], "deprecated") ?? false,
            parameters: parameters, requestBody: requestBody, responses: responses,
            security: readSecurity(node["security"]),
            servers: operationServers.isEmpty ? servers : operationServers,
            location: node.location)
        operation.pagination = readPagination(node)
        return operation
    }

    /// The paging an operation's vendor extension describes; a located warning for one that is
    /// not read (`x-pagination`, which has no one form, or one this reader cannot follow).
    private func readPagination(_ node: YAMLNode) -> PagingHint? {
        if let other = node["x-pagination"] {
            diagnostics.warning("'x-pagination' is not read (it has no one form); the operation gets paging companions only "
                                + "if its parameters and response follow a pattern the generator recognises", at: other.location)
        }
        for key in PagingHint.extensionKeys {
            guard let value = node[key] else { continue }
            switch key == "x-fern-pagination" ? PagingHint.fern(value) : PagingHint.speakeasy(value) {
            case .success(let hint): return hint
            case .failure(let reason):
                diagnostics.warning("'\(key)' is not read: \(reason)", at: value.location)
            }
        }
        return nil
    }

    /// Callbacks are requests the server makes, so no client method sends them; their
    /// bodies still become models, for the code that receives them.
    private func readCallbacks(_ node: YAMLNode?, of owner: String) {
        for (name, entry) in reader.mapping(node, "callbacks") ?? [] {
            guard let callback = follow(entry, as: .callback) else { continue }
            for (expression, item) in reader.mapping(callback, "callback") ?? [] {
                for operation in readPathItem(item, path: expression.scalarText ?? "", file: item.file) {
                    callbackSchemas += bodySchemas(of: operation, prefix: owner + " " + (name.scalarText ?? "") + " callback")
                }
            }
        }
    }

    private func readParameters(_ node: YAMLNode?) -> [Parameter] {
        (reader.sequence(reader.followingRef(node, "a parameters list"), "parameters") ?? []).compactMap { entry in
            guard let parameter = follow(entry, as: .parameter), reader.mapping(parameter, "parameter") != nil,
                  let name = requiredName(of: parameter) else { return nil }
            guard let locationText = reader.text(parameter["in"], "in") else {
                diagnostics.error("parameter '\(name)' has no 'in'", at: parameter.location)
                return nil
            }
            guard let location = ParameterLocation(rawValue: locationText) else {
                diagnostics.error("parameter '\(name)' has an unknown location '\(locationText)'", at: parameter["in"]?.location)
                return nil
            }
            var schema = parameter["schema"].map(schemas.schema)
            let media = schema == nil ? readContent(parameter["content"]).first : nil
            if let media { schema = media.schema }
            if location == .querystring && media == nil {
                diagnostics.warning("parameter '\(name)' is in 'querystring' but has no 'content'; OpenAPI 3.2 asks for the "
                                    + "media type that encodes the whole query string, so it is left out", at: parameter.location)
                return nil
            }
            return Parameter(
                name: name, location: location,
                required: reader.bool(parameter["required"], "required") ?? (location == .path),
                description: reader.text(parameter["description"], "description"),
                deprecated: reader.bool(parameter["deprecated"], "deprecated") ?? false,
                style: reader.text(parameter["style"], "style"),
                explode: reader.bool(parameter["explode"], "explode"),
                allowReserved: reader.bool(parameter["allowReserved"], "allowReserved") ?? false,
                schema: schema, contentType: media?.contentType, sourceLocation: parameter.location)
        }
    }

    /// A parameter's `name`, or a located error: without one the parameter would be dropped.
    func requiredName(of parameter: YAMLNode) -> String? {
        guard let node = parameter["name"] else {
            diagnostics.error("a parameter needs a 'name'", at: parameter.location)
            return nil
        }
        return reader.text(node, "name")
    }

    private func readContent(_ node: YAMLNode?) -> [MediaType] {
        (reader.mapping(followDisallowed(node, what: "a content map"), "content") ?? []).compactMap { key, value in
            // `application/json: {$ref: '#/components/schemas/Pet'}`: the schema without its `schema:` key.
            if let type = key.scalarText, let ref = value["$ref"], let text = ref.string,
               ComponentKind(of: text, swagger2: false) == .schema {
                diagnostics.warning("media type '\(type)' is a '$ref' to a schema; it is read as the media type's 'schema' "
                                    + "(write it under 'schema:')", at: ref.location)
                return MediaType(contentType: type, schema: schemas.schema(value), location: value.location)
            }
            guard let type = key.scalarText,
                  let media = mediaTypesMayBeRefs ? follow(value, as: .mediaType) : followDisallowed(value, what: "a media type") else { return nil }
            _ = reader.mapping(media, type)
            return MediaType(contentType: type, schema: media["schema"].map(schemas.schema),
                             itemSchema: media["itemSchema"].map(schemas.schema), location: media.location)
        }
    }

    private func readResponse(_ node: YAMLNode, status: String) -> Response {
        var headers: [(name: String, schema: JSONSchema?, description: String?, required: Bool)] = []
        for (name, value) in reader.mapping(reader.followingRef(node["headers"], "a headers map"), "headers") ?? [] {
            guard let headerName = name.scalarText, let header = follow(value, as: .header) else { continue }
            headers.append((headerName, header["schema"].map(schemas.schema),
                            reader.text(header["description"], "description"),
                            reader.bool(header["required"], "required") ?? false))
        }
        return Response(statusCode: status, description: reader.text(node["description"], "description"),
                        content: readContent(node["content"]), headers: headers, location: node.location)
    }

    private func bodySchemas(of operation: Operation, prefix: String) -> [(name: String, schema: JSONSchema)] {
        var result: [(name: String, schema: JSONSchema)] = []
        if let body = operation.requestBody?.content.first?.schema {
            result.append((prefix + " " + operation.method + " request", body))
        }
        for response in operation.responses {
            if let schema = response.content.first?.schema {
                result.append((prefix + " " + operation.method + " " + response.statusCode, schema))
            }
        }
        return result
    }
}
