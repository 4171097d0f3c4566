/// Builds `PagingContext` from the pattern `APIGraphBuilder+Paging` recognised.
struct PagingContextBuilder {
    let operation: APIOperation
    let paging: APIPaging
    let spelling: SwiftTypeSpelling
    /// The plain method's arguments, as its context has them.
    let arguments: [ArgumentContext]

    func build() -> PagingContext {
        let method = operation.methodName
        let items: SwiftCode = paging.items.map { $0.isOptional ? "(response.\($0.swiftName) ?? [])" : "response.\($0.swiftName)" }
            ?? "response"
        let cursorType: SwiftCode, cursorName: SwiftCode, start: SwiftCode, fetch: [SwiftCode], via: String
        if let cursor = paging.parameter {
            cursorType = spelling.name(cursor.type.nonNull) + (cursor.required ? "" : "?")
            cursorName = "\(cursor.swiftName)"
            start = cursorName
            let call: SwiftCode = "let response = try await self.\(method)(\(SwiftCode.joined(arguments.map(\.forwardArgument), separator: ", ")))"
            fetch = [call] + nextLines(cursor: cursor, items: items)
            via = "`\(cursor.jsonName)`"
        } else {
            let link = linkName()
            cursorType = "PageLink?"
            cursorName = "\(link)"
            start = "nil"
            fetch = linkLines(link, items: items)
            via = "the query of each link, sent as the operation's query parameters"
        }
        return PagingContext(
            pagesName: "\(paging.pagesName)", itemsName: "\(paging.itemsName)",
            cursorType: cursorType, cursorName: cursorName, startExpression: start,
            itemType: spelling.name(paging.itemType), itemsExpression: items, fetchLines: fetch,
            pagesDocLines: SwiftCode.docLines(
                "Every page of `\(method.bare)`, from the one its arguments ask for: the next page is fetched\n"
                    + "only when the loop asks for it, and none after the last.",
                "Pages follow \(paging.summary) (\(via)). Breaking out of the loop sends no\n"
                    + "further request; a page that fails ends the loop with the error `\(method.bare)` throws."),
            itemsDocLines: SwiftCode.docLines(
                "Every item of every page of `\(method.bare)`, as `\(paging.pagesName.bare)` fetches them:\n"
                    + "the next page only once the items received so far have been read."))
    }

    /// The closure's last lines for a cursor parameter, by pattern. `next` is the parameter's
    /// next value; returning it where the parameter is optional wraps it once (`String??`), so
    /// `nil` always means "no more pages" and never "ask with nil".
    private func nextLines(cursor: APIParameter, items: SwiftCode) -> [SwiftCode] {
        let current: SwiftCode = "\(cursor.swiftName)"
        let end: SwiftCode = "return (response, nil)"
        switch paging.pattern {
        case .cursor(let next, let hasMore):
            let more: SwiftCode = hasMore.map { ", response.\($0.swiftName) != false" } ?? ""
            if next.isOptional {
                return ["guard let next = response.\(next.swiftName), !next.isEmpty\(more) else { \(end) }", "return (response, next)"]
            }
            return ["let next = response.\(next.swiftName)", "guard !next.isEmpty\(more) else { \(end) }", "return (response, next)"]
        case .lastItemID(let hasMore, let id):
            let lastID: SwiftCode = id.isOptional ? ", let next = last.\(id.swiftName)" : ""
            return ["guard response.\(hasMore.swiftName) == true, let last = \(items).last\(lastID) else { \(end) }",
                    id.isOptional ? "return (response, next)" : "return (response, last.\(id.swiftName))"]
        case .offset(let total):
            let start: SwiftCode = cursor.required ? current : "(\(current) ?? 0)"
            let bound: SwiftCode = total.map { ", next < response.\($0.swiftName)\($0.isOptional ? " ?? .max" : "")" } ?? ""
            return ["let received = \(items).count", "let next = \(start) + received",
                    "guard received > 0\(bound) else { \(end) }", "return (response, next)"]
        case .page(let first):
            let start: SwiftCode = cursor.required ? current : "(\(current) ?? \(first))"
            return ["// Only an empty page ends: servers cap the page size, so a short page may not be the last.",
                    "guard !\(items).isEmpty else { \(end) }", "return (response, \(start) + 1)"]
        case .nextLink, .linkHeader:
            return []
        }
    }

    /// The closure's lines when a link gives the next page: the first page is asked for with the
    /// method's arguments, every later one with the link's query in place of the query
    /// parameters (a parameter the link leaves out is not sent).
    private func linkLines(_ link: SwiftName, items: SwiftCode) -> [SwiftCode] {
        let parameters = Dictionary(operation.parameters.map { ("\($0.swiftName)", $0) }) { first, _ in first }
        let forwarded = arguments.map { argument -> SwiftCode in
            guard argument.location == "query", let parameter = parameters["\(argument.name)"] else { return argument.forwardArgument }
            let read: SwiftCode
            switch parameter.type.nonNull {
            case .integer, .int32, .int64: read = "$0.integer(\(SwiftCode.literal(parameter.jsonName)))"
            case .boolean: read = "$0.boolean(\(SwiftCode.literal(parameter.jsonName)))"
            default: read = "$0.string(\(SwiftCode.literal(parameter.jsonName)))"
            }
            let value: SwiftCode = parameter.required
                ? "\(link).flatMap { \(read) } ?? \(argument.name)"
                : "\(link).map { \(read) } ?? \(argument.name)"
            return "\(argument.label): \(value)"
        }
        let declared = SwiftCode.joined(operation.parameters.filter { $0.location == .query }.map { .literal($0.jsonName) },
                                        separator: ", ")
        var lines: [SwiftCode] = ["try \(link)?.checkDeclared([\(declared)])"]
        switch paging.pattern {
        case .linkHeader:
            let whole = freeName("whole", besides: [link])
            lines.append("let \(whole) = try await self.\(operation.withResponseName)(\(SwiftCode.joined(forwarded, separator: ", ")))")
            lines.append("let response = \(whole).body")
            lines.append("return (response, PageLink(nextIn: \(whole).headers[\"link\"]).map { .some($0) })")
        case .nextLink(let property):
            lines.append("let response = try await self.\(operation.methodName)(\(SwiftCode.joined(forwarded, separator: ", ")))")
            let next: SwiftCode = property.isOptional ? "response.\(property.swiftName)" : "Optional(response.\(property.swiftName))"
            lines.append("return (response, \(next).flatMap(PageLink.init(url:)).map { .some($0) })")
        default:
            break
        }
        return lines
    }

    /// The closure's parameter: `link`, unless a parameter of the method has that name.
    private func linkName() -> SwiftName {
        freeName("link")
    }

    /// `base`, or with a number, so that it names none of the method's parameters (which the
    /// closure reads), nor `others`, nor `response`.
    private func freeName(_ base: String, besides others: [SwiftName] = []) -> SwiftName {
        let taken = Set(arguments.map { "\($0.name)" } + others.map(\.bare) + ["response", "self"])
        var candidate = base, number = 2
        while taken.contains(candidate) {
            candidate = base + "\(number)"
            number += 1
        }
        return SwiftName(bare: candidate)
    }
}
