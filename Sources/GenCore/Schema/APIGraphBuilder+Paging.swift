/// Operations whose pages follow a pattern the generator recognises get companions that
/// iterate them: `listPetsPages(…)` (each page) and `listPetsItems(…)` (each item of each page).
/// Recognised by the names of the request's query parameters and the response's properties, as
/// hand-written SDKs and the APIs they wrap spell them; an operation that only looks paged (a
/// `limit` alone, a `next` link the client cannot follow) gets nothing rather than a guess.
extension APIGraphBuilder {
    /// Query parameters a cursor goes in, by their words (`page_token` → `pagetoken`).
    private static let cursorParameters: Set<String> = ["cursor", "pagecursor", "pagetoken", "nexttoken", "continuationtoken"]
    /// Response properties that hold the next page's cursor.
    private static let nextCursorProperties: Set<String> = ["nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken"]
    /// Query parameters that name the item after which a page starts (Stripe's).
    private static let afterParameters: Set<String> = ["startingafter", "after"]
    private static let hasMoreProperties: Set<String> = ["hasmore", "hasnextpage", "hasnext"]
    private static let totalProperties: Set<String> = ["total", "totalcount", "totalitems", "totalresults", "count"]
    private static let pageSizeParameters: Set<String> = ["perpage", "pagesize", "size", "limit"]

    /// A name's words run together in lowercase, so spellings meet: `next_cursor`, `nextCursor`.
    private static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The paging of each operation that follows a recognised pattern, with its companions'
    /// names claimed in `members` (after every operation's own names).
    /// `sources` are the operations of the spec that `operations` were made from, in order.
    func recognisePaging(_ operations: inout [APIOperation], sources: [Operation], types: [NamedType], members: inout NameScope) {
        for index in operations.indices where operations[index].hasBufferedMethod {
            guard let found = paging(of: operations[index], source: sources[index], types: types) else { continue }
            let base = operations[index].methodName.bare
            let pagesName = members.claim(base + "Pages")
            let itemsName = members.claim(base + "Items")
            operations[index].paging = APIPaging(pattern: found.pattern, parameter: found.parameter, items: found.items,
                                                 itemType: found.itemType, pagesName: pagesName, itemsName: itemsName)
        }
    }

    private struct Found {
        var pattern: APIPaging.Pattern
        var parameter: APIParameter?
        var items: APIPaging.Property?
        var itemType: TypeRef
    }

    /// Response properties that hold the next page's URL.
    private static let nextLinkProperties: Set<String> = ["next", "nexturl", "nextpage", "nextpageurl", "nextlink"]

    /// A link's query can be sent through the operation when every query parameter is a string,
    /// an integer or a boolean (what `PageLink` reads back from text), and there is one at least.
    private static func linkCanBeFollowed(_ query: [APIParameter]) -> Bool {
        !query.isEmpty && query.allSatisfy { [.string, .integer, .int32, .int64, .boolean].contains($0.type.nonNull) }
    }

    /// The `Link` header's next page: a success response that documents `Link`, whose body is
    /// an array of items or an object with one.
    private func linkHeaderPaging(_ operation: APIOperation, types: [NamedType]) -> Found? {
        let successes = operation.responses.filter(\.isSuccess)
        guard successes.count == 1, successes[0].headers.contains(where: { $0.lowercased() == "link" }),
              Self.linkCanBeFollowed(operation.parameters.filter { $0.location == .query }),
              let type = successes[0].type, !type.isNullable else { return nil }
        if case .array(let item) = type { return Found(pattern: .linkHeader, parameter: nil, items: nil, itemType: item) }
        guard case .named(let id) = type, case .object(let shape) = types[id].kind else { return nil }
        let arrays = shape.properties.filter { if case .array = $0.type.nonNull { return true } else { return false } }
        guard arrays.count == 1, case .array(let item) = arrays[0].type.nonNull else { return nil }
        return Found(pattern: .linkHeader, parameter: nil, items: Self.property(arrays[0]), itemType: item)
    }

    private func paging(of operation: APIOperation, source: Operation, types: [NamedType]) -> Found? {
        if let hint = source.operationID.flatMap({ config.pagination[$0] }) ?? source.pagination {
            return paging(from: hint, operation, source: source, types: types)
        }
        guard operation.httpMethod == "GET" || operation.httpMethod == "POST" else { return nil }
        if let found = linkHeaderPaging(operation, types: types) { return found }
        // One success response, an object with one array of items.
        let successes = operation.responses.filter(\.isSuccess)
        guard successes.count == 1, let type = successes[0].type, !type.isNullable, case .named(let id) = type,
              case .object(let shape) = types[id].kind else { return nil }
        let arrays = shape.properties.filter { if case .array = $0.type.nonNull { return true } else { return false } }
        guard arrays.count == 1, let itemsProperty = arrays.first, case .array(let itemType) = itemsProperty.type.nonNull
        else { return nil }
        let items = Self.property(itemsProperty)
        let query = operation.parameters.filter { $0.location == .query }
        func parameter(in names: Set<String>, _ type: TypeRef) -> APIParameter? {
            query.first { names.contains(Self.key($0.jsonName)) && $0.type.nonNull == type }
        }
        func property(in names: Set<String>, _ accepts: (TypeRef) -> Bool) -> APIPaging.Property? {
            shape.properties.first { names.contains(Self.key($0.jsonName)) && accepts($0.type.nonNull) }.map(Self.property)
        }
        let isInteger = { (type: TypeRef) in [.integer, .int32, .int64].contains(type) }
        let hasMore = property(in: Self.hasMoreProperties) { $0 == .boolean }
        if let cursor = parameter(in: Self.cursorParameters, .string),
           let next = property(in: Self.nextCursorProperties, { $0 == .string }) {
            return Found(pattern: .cursor(next: next, hasMore: hasMore), parameter: cursor, items: items, itemType: itemType)
        }
        if let next = property(in: Self.nextLinkProperties, { $0 == .string }), Self.linkCanBeFollowed(query) {
            return Found(pattern: .nextLink(property: next), parameter: nil, items: items, itemType: itemType)
        }
        if let after = parameter(in: Self.afterParameters, .string), let hasMore,
           case .named(let itemID) = itemType.nonNull, case .object(let item) = types[itemID].kind,
           let id = item.properties.first(where: { $0.jsonName == "id" && $0.type.nonNull == .string }) {
            return Found(pattern: .lastItemID(hasMore: hasMore, id: Self.property(id)), parameter: after, items: items,
                         itemType: itemType)
        }
        if let offset = query.first(where: { Self.key($0.jsonName) == "offset" && isInteger($0.type.nonNull) }),
           query.contains(where: { Self.key($0.jsonName) == "limit" && isInteger($0.type.nonNull) }),
           let total = property(in: Self.totalProperties, isInteger) {
            return Found(pattern: .offset(total: total), parameter: offset, items: items, itemType: itemType)
        }
        // Page numbers, when the spec says which is the first (its `default`), and nothing else
        // (a page token, Twilio's) takes part in finding the next page.
        if let page = query.first(where: { Self.key($0.jsonName) == "page" && isInteger($0.type.nonNull) }),
           let size = query.first(where: { Self.pageSizeParameters.contains(Self.key($0.jsonName)) && isInteger($0.type.nonNull) }),
           page.type.nonNull == size.type.nonNull,
           !query.contains(where: { Self.cursorParameters.union(Self.afterParameters).contains(Self.key($0.jsonName)) }),
           case .int(let first)? = source.parameters.first(where: { $0.name == page.jsonName })?.schema?.defaultValue?.kind {
            return Found(pattern: .page(first: first), parameter: page, items: items, itemType: itemType)
        }
        return nil
    }

    /// The paging a vendor extension or the config describes, by the names it gives; a located
    /// warning, and nothing, when the operation does not have what it names.
    private func paging(from hint: PagingHint, _ operation: APIOperation, source: Operation, types: [NamedType]) -> Found? {
        func refuse(_ reason: String) -> Found? {
            diagnostics.warning("the paging described here does not fit operation '\(operation.methodName.bare)' (\(reason)); "
                                + "it gets no paging companions", at: hint.location)
            return nil
        }
        let successes = operation.responses.filter(\.isSuccess)
        guard successes.count == 1, let type = successes[0].type, !type.isNullable, case .named(let id) = type,
              case .object(let shape) = types[id].kind else { return refuse("its one success response is not an object") }
        func property(_ name: String?) -> Property? {
            name.flatMap { name in shape.properties.first { $0.jsonName == name } }
        }
        let query = operation.parameters.filter { $0.location == .query }
        func parameter(_ name: String?) -> APIParameter? {
            name.flatMap { name in query.first { $0.jsonName == name } }
        }
        let arrays = shape.properties.filter { if case .array = $0.type.nonNull { return true } else { return false } }
        guard let results = hint.results.map(property) ?? (arrays.count == 1 ? arrays.first : nil),
              case .array(let itemType) = results.type.nonNull else { return refuse("no array of results") }
        let items = Self.property(results)
        let isInteger = { (type: TypeRef) in [.integer, .int32, .int64].contains(type) }
        switch hint.kind {
        case .cursor:
            guard let cursor = parameter(hint.parameter), cursor.type.nonNull == .string,
                  let next = property(hint.nextCursor), next.type.nonNull == .string else {
                return refuse("no string query parameter '\(hint.parameter ?? "")' and string property '\(hint.nextCursor ?? "")'")
            }
            let hasMore = property(hint.hasMore).flatMap { $0.type.nonNull == .boolean ? Self.property($0) : nil }
            return Found(pattern: .cursor(next: Self.property(next), hasMore: hasMore), parameter: cursor, items: items, itemType: itemType)
        case .offset, .page:
            guard let counter = parameter(hint.parameter), isInteger(counter.type.nonNull) else {
                return refuse("no integer query parameter '\(hint.parameter ?? "")'")
            }
            if hint.kind == .offset { return Found(pattern: .offset(total: nil), parameter: counter, items: items, itemType: itemType) }
            var first = 1
            if case .int(let value)? = source.parameters.first(where: { $0.name == counter.jsonName })?.schema?.defaultValue?.kind {
                first = value
            }
            return Found(pattern: .page(first: first), parameter: counter, items: items, itemType: itemType)
        case .url:
            guard let next = property(hint.nextURL), next.type.nonNull == .string, Self.linkCanBeFollowed(query) else {
                return refuse("no string property '\(hint.nextURL ?? "")', or query parameters a link cannot be sent through")
            }
            return Found(pattern: .nextLink(property: Self.property(next)), parameter: nil, items: items, itemType: itemType)
        }
    }

    private static func property(_ property: Property) -> APIPaging.Property {
        APIPaging.Property(swiftName: property.swiftName, isOptional: !property.required || property.type.isNullable)
    }
}
