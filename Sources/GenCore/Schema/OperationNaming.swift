/// The names a person would have given operations whose `operationId` a machine wrote, found
/// by rules about the id and the operation's own path and method, never by knowing the spec.
enum OperationNaming {
    /// The function name in FastAPI's default operationId, `{function}{path with every non-word
    /// character as _}_{method}` (`read_item_items__item_id__get` for `def read_item` on
    /// `GET /items/{item_id}`); `nil` when the id does not end in exactly this operation's path
    /// and method, or nothing is left before them.
    static func fastAPIFunction(operationID: String, path: String, method: String) -> String? {
        let suffix = String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" }) + "_" + method.lowercased()
        guard operationID.count > suffix.count, operationID.hasSuffix(suffix) else { return nil }
        let function = operationID.dropLast(suffix.count)
        // A path that starts with `/` gives the suffix its leading `_`; the function has a letter.
        guard function.contains(where: { $0.isLetter }) else { return nil }
        return String(function)
    }

    /// The id without a last word that is a version the path also holds as a segment
    /// (`libraries_list_v1` on `/v1/libraries` → `libraries_list`): the path, hence the server
    /// the client calls, already says which version it is.
    static func withoutPathVersion(operationID: String, path: String) -> String? {
        guard let separator = operationID.lastIndex(where: { $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        let word = operationID[operationID.index(after: separator)...]
        guard word.count > 1, word.first == "v" || word.first == "V", word.dropFirst().allSatisfy(\.isDigitLike),
              path.split(separator: "/").contains(where: { $0.lowercased() == word.lowercased() }) else { return nil }
        let rest = operationID[..<separator]
        return rest.contains(where: { $0.isLetter }) ? String(rest) : nil
    }

    /// The shorter name an operation's id stands for, by the rules above; `nil` when none applies.
    static func shortName(operationID: String?, path: String, method: String) -> String? {
        guard let operationID else { return nil }
        return fastAPIFunction(operationID: operationID, path: path, method: method)
            ?? withoutPathVersion(operationID: operationID, path: path)
    }

    /// For each operation, the member name its short name gives when no other operation wants
    /// that name too (as its short name or its full one); `nil` otherwise. `raw` is what the
    /// full name is made from.
    static func uniqueShortNames(_ operations: [(raw: String, short: String?)], naming: SwiftNaming) -> [String?] {
        let shorts = operations.map { $0.short.map(naming.memberName) }
        let fulls = Set(operations.map { naming.memberName($0.raw) })
        var wanted: [String: Int] = [:]
        for short in shorts.compactMap({ $0 }) { wanted[short, default: 0] += 1 }
        return shorts.map { short in
            guard let short, wanted[short] == 1, !fulls.contains(short) else { return nil }
            return short
        }
    }
}
