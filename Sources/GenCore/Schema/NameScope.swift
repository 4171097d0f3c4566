/// The names of one Swift scope (the module's top level, a type's members, an enum's cases, a
/// method's parameters…), handed out in the order they are claimed, so the same spec always gets
/// the same names.
///
/// Each scope starts with the names Swift, Foundation and the generated code itself already
/// use there; a claim never returns one of those nor one claimed before.
struct NameScope {
    private var used: Set<String> = []
    private let reserved: Set<String>
    private let suffixForReserved: String

    /// A wanted name that is reserved gets `suffixForReserved` (or a number when that is empty).
    init(reserved: Set<String>, suffixForReserved: String) {
        self.reserved = reserved
        self.suffixForReserved = suffixForReserved
    }

    /// `wanted` (a legal bare identifier) when free, else with the smallest number from 2 that
    /// makes it free. With `twins`, the name is free only when each `name + twin` is free too,
    /// and those are claimed with it (`list` and `listWithResponse`).
    mutating func claim(_ wanted: String, twins: [String] = []) -> SwiftName {
        var base = wanted
        if !suffixForReserved.isEmpty && (reserved.contains(base) || twins.contains { reserved.contains(base + $0) }) {
            base += suffixForReserved
        }
        var candidate = base
        var number = 2
        while isTaken(candidate, twins: twins) {
            candidate = base + String(number)
            number += 1
        }
        used.insert(candidate)
        for twin in twins { used.insert(candidate + twin) }
        return SwiftName(bare: candidate)
    }

    /// `wanted` when it is free, claimed; `nil` (and nothing claimed) when it is not.
    mutating func claimIfFree(_ wanted: String) -> SwiftName? {
        guard !isTaken(wanted, twins: []) else { return nil }
        used.insert(wanted)
        return SwiftName(bare: wanted)
    }

    /// Marks a name as used without claiming it (a name another stage declares in this scope).
    mutating func occupy(_ name: String) {
        used.insert(name)
    }

    private func isTaken(_ name: String, twins: [String]) -> Bool {
        if reserved.contains(name) || used.contains(name) { return true }
        for twin in twins where reserved.contains(name + twin) || used.contains(name + twin) {
            return true
        }
        return false
    }
}

/// What each kind of scope holds before the spec's names arrive: the members the templates
/// declare there, and the names whose shadowing would change what generated code refers to.
extension NameScope {
    /// Model types, beside Swift's, Foundation's and Support's own types.
    static func topLevelTypes(alsoReserved: Set<String>) -> NameScope {
        NameScope(reserved: SwiftKeywords.takenTypeNames.union(alsoReserved), suffixForReserved: "Model")
    }

    /// A struct's stored properties. `self` cannot even be backticked as an initializer
    /// parameter without hiding `self`.
    /// `hashValue` would be ambiguous beside `Hashable`'s.
    static func structProperties() -> NameScope {
        NameScope(reserved: ["self", "Self", "init", "deinit", "hashValue"], suffixForReserved: "Value")
    }

    /// A string enum's cases: `documented` is its table of cases, `Self` would hide the type in
    /// `Self.documented`, `undocumented` keeps unknown values.
    static func enumCases() -> NameScope {
        NameScope(reserved: ["undocumented", "documented", "Self"], suffixForReserved: "Value")
    }

    /// A union's cases (`undocumented` keeps unknown shapes), beside the names of the types its
    /// branches hold, which a case of the same name would hide inside the enum.
    static func unionCases(typeNames: [String]) -> NameScope {
        NameScope(reserved: Set(typeNames).union(["undocumented", "Self"]), suffixForReserved: "Value")
    }

    /// The client's methods and static helpers, as the client templates declare them.
    static func clientMembers() -> NameScope {
        NameScope(reserved: [
            "init", "self", "Self", "send", "authorize", "serverURL", "authentication", "transport", "middlewares",
            "timeout", "defaultServerURL", "jsonEncoder", "jsonDecoder", "success", "failure", "undocumented",
            "decode", "stream", "prepare", "collected", "dateParameter", "unionParameter", "unionParameterText",
        ], suffixForReserved: "Operation")
    }

    /// Types nested in the client (body choices, server variables). Inside the client they
    /// hide top-level types of the same name, so the model types are reserved here too.
    static func clientTypes(topLevel: [String]) -> NameScope {
        NameScope(reserved: Set(topLevel).union(["Authentication", "Credential", "Body", "Self", "Type", "Protocol"])
            .union(SwiftKeywords.takenTypeNames), suffixForReserved: "Choice")
    }

    /// A client method's parameters. The method body declares `request` and `response` and calls
    /// `send`, and the plain method calls its twin; `body` and `serverURL` are the generator's own
    /// parameters.
    /// A parameter also hides a type of its name in the method's body (`_1.self` for a schema and
    /// a parameter both named "1"), so `typeNames` are reserved too.
    static func operationParameters(twin: SwiftName, typeNames: [SwiftName]) -> NameScope {
        NameScope(reserved: Set(typeNames.map(\.bare)).union(["body", "request", "response", "send", "self", "Self", "serverURL", twin.bare]),
                  suffixForReserved: "Parameter")
    }

    /// The cases of the error's `Body` (`empty` is its case for no body).
    static func errorBodyCases() -> NameScope {
        NameScope(reserved: ["empty", "self", "Self", "init"], suffixForReserved: "Body")
    }

    /// `Authentication`'s factories, beside its own members.
    static func authenticationFactories() -> NameScope {
        NameScope(reserved: ["init", "self", "Self", "credentials", "description", "debugDescription", "customMirror"],
                  suffixForReserved: "Scheme")
    }

    /// Cases and parameters with no members of the generator's own beside them.
    static func plain() -> NameScope {
        NameScope(reserved: ["self", "Self", "init"], suffixForReserved: "Value")
    }
}
