/// How an operation's pages follow one another, as a spec's vendor extension
/// (`x-fern-pagination`, `x-speakeasy-pagination`) or the config's `pagination:` says it: the
/// request parameter and response properties that take part, by name.
public struct PagingHint: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `parameter` takes the response's `nextCursor`.
        case cursor
        /// `parameter` is an offset that grows by the items received.
        case offset
        /// `parameter` is a page number that grows by one.
        case page
        /// The response's `nextURL` is the next page's link.
        case url
    }

    public var kind: Kind
    /// The query parameter the pages differ in (not for `url`).
    public var parameter: String?
    /// The query parameter that sets the page's size, if named.
    public var size: String?
    /// Response properties (top-level names): the items, the next cursor, "has more", the next URL.
    public var results: String?
    public var nextCursor: String?
    public var hasMore: String?
    public var nextURL: String?
    /// Where it is written, for the warning when it names what the operation does not have.
    public var location: SourceLocation

    /// The extensions read, in order of preference.
    static let extensionKeys = ["x-fern-pagination", "x-speakeasy-pagination"]

    /// Reads Fern's form (`cursor: $request.cursor`, `next_cursor: $response.next`, `results:
    /// $response.data`, or `offset:`/`step:`/`has_next_page:`), which `pagination:` in
    /// `gen.yaml` uses too; `nil` with the reason when it is not one.
    static func fern(_ node: YAMLNode) -> Result<PagingHint, PagingHintProblem> {
        var fields: [String: String] = [:]
        for (key, value) in node.mapping ?? [] {
            if let name = key.scalarText, let text = value.scalarText { fields[name] = text }
        }
        func request(_ key: String) -> String? { fields[key].flatMap { strip($0, "$request.") } }
        func response(_ key: String) -> String? { fields[key].flatMap { strip($0, "$response.") } }
        let results = response("results")
        if let cursor = request("cursor") {
            return .success(PagingHint(kind: .cursor, parameter: cursor, results: results, nextCursor: response("next_cursor"),
                                       hasMore: response("has_next_page"), location: node.location))
        }
        if let offset = request("offset") {
            let step = request("step")
            return .success(PagingHint(kind: step == nil ? .page : .offset, parameter: offset, size: step, results: results,
                                       hasMore: response("has_next_page"), location: node.location))
        }
        return .failure(PagingHintProblem("it names neither a '$request.' cursor nor an offset, each a top-level name"))
    }

    /// Reads Speakeasy's form (`type: cursor | offsetLimit | url`, `inputs: [{name, in: parameters,
    /// type}]`, `outputs: {results: $.data, nextCursor: $.next, nextUrl: $.next}`).
    static func speakeasy(_ node: YAMLNode) -> Result<PagingHint, PagingHintProblem> {
        let type = node["type"]?.scalarText
        var inputs: [String: String] = [:]
        for input in node["inputs"]?.sequence ?? [] where input["in"]?.scalarText == "parameters" {
            if let name = input["name"]?.scalarText, let kind = input["type"]?.scalarText { inputs[kind] = name }
        }
        var outputs: [String: String] = [:]
        for (key, value) in node["outputs"]?.mapping ?? [] {
            if let name = key.scalarText, let path = value.scalarText.flatMap({ strip($0, "$.") }) { outputs[name] = path }
        }
        switch type {
        case "cursor" where inputs["cursor"] != nil:
            return .success(PagingHint(kind: .cursor, parameter: inputs["cursor"], size: inputs["limit"], results: outputs["results"],
                                       nextCursor: outputs["nextCursor"], location: node.location))
        case "offsetLimit" where inputs["offset"] != nil:
            return .success(PagingHint(kind: .offset, parameter: inputs["offset"], size: inputs["limit"], results: outputs["results"],
                                       location: node.location))
        case "offsetLimit" where inputs["page"] != nil:
            return .success(PagingHint(kind: .page, parameter: inputs["page"], size: inputs["limit"], results: outputs["results"],
                                       location: node.location))
        case "url" where outputs["nextUrl"] != nil:
            return .success(PagingHint(kind: .url, results: outputs["results"], nextURL: outputs["nextUrl"], location: node.location))
        default:
            return .failure(PagingHintProblem("its type and inputs are none of: cursor with a cursor input, offsetLimit with an offset or page "
                            + "input, url with a nextUrl output"))
        }
    }

    /// `path` without `prefix`, when what is left is one top-level name (no `.`, `[`, `*`).
    private static func strip(_ path: String, _ prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        let name = String(path.dropFirst(prefix.count))
        return name.isEmpty || name.contains(where: { ".[]*".contains($0) }) ? nil : name
    }
}

/// Why a paging description is not read.
public struct PagingHintProblem: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
