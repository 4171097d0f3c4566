/// Builds `PagingContext` from the pattern `APIGraphBuilder+Paging` recognised.
struct PagingContextBuilder {
    let operation: APIOperation
    let paging: APIPaging
    let spelling: SwiftTypeSpelling

    func build() -> PagingContext {
        let cursor = paging.parameter
        let cursorType = spelling.name(cursor.type.nonNull) + (cursor.required ? "" : "?")
        let items: SwiftCode = paging.items.isOptional ? "(response.\(paging.items.swiftName) ?? [])" : "response.\(paging.items.swiftName)"
        let method = operation.methodName
        return PagingContext(
            pagesName: "\(paging.pagesName)", itemsName: "\(paging.itemsName)",
            cursorType: cursorType, cursorName: "\(cursor.swiftName)", itemType: spelling.name(paging.itemType),
            itemsExpression: items, nextLines: nextLines(items: items),
            pagesDocLines: SwiftCode.docLines(
                "Every page of `\(method.bare)`, from the one its arguments ask for: the next page is fetched\n"
                    + "only when the loop asks for it, and none after the last.",
                "Pages follow \(paging.summary) (`\(cursor.jsonName)`). Breaking out of the loop sends no\n"
                    + "further request; a page that fails ends the loop with the error `\(method.bare)` throws."),
            itemsDocLines: SwiftCode.docLines(
                "Every item of every page of `\(method.bare)`, as `\(paging.pagesName.bare)` fetches them:\n"
                    + "the next page only once the items received so far have been read."))
    }

    /// The closure's last lines, by pattern. `next` is the parameter's next value; returning it
    /// where the parameter is optional wraps it once (`String??`), so `nil` always means "no
    /// more pages" and never "ask with nil".
    private func nextLines(items: SwiftCode) -> [SwiftCode] {
        let current: SwiftCode = "\(paging.parameter.swiftName)"
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
            let start: SwiftCode = paging.parameter.required ? current : "(\(current) ?? 0)"
            let bound: SwiftCode = total.map { ", next < response.\($0.swiftName)\($0.isOptional ? " ?? .max" : "")" } ?? ""
            return ["let received = \(items).count", "let next = \(start) + received",
                    "guard received > 0\(bound) else { \(end) }", "return (response, next)"]
        case .page(let size, let first):
            let start: SwiftCode = paging.parameter.required ? current : "(\(current) ?? \(first))"
            let full: SwiftCode = size.required ? "\(size.swiftName)" : "(\(size.swiftName) ?? 1)"
            return ["let received = \(items).count",
                    "// A page shorter than the size asked for is the last; without a size, an empty one is.",
                    "guard received > 0, received >= \(full) else { \(end) }", "return (response, \(start) + 1)"]
        }
    }
}
