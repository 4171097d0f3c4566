/// The `WireFormat` helpers of Support that client code calls by name, recorded where the
/// builders write the calls, so Support holds exactly those (no search of generated text).
enum WireHelper: Hashable {
    case pathSegment, pathParameter, objectFields, jsonString, dateString, formEncoded, jsonQuery

    var name: SwiftCode {
        switch self {
        case .pathSegment: "pathSegment"
        case .pathParameter: "pathParameter"
        case .objectFields: "objectFields"
        case .jsonString: "jsonString"
        case .dateString: "dateString"
        case .formEncoded: "formEncoded"
        case .jsonQuery: "jsonQuery"
        }
    }
}

/// The client's own helpers that operations call by name: they throw the client's error, so they
/// live in the client rather than in Support.
enum ClientHelper: Hashable {
    /// `dateParameter(_:_:)`: a date parameter's RFC 3339 text.
    case dateParameter
    /// `unionParameter(_:_:)` and `unionParameterText(_:_:)`: a union parameter as the value its
    /// JSON holds (they call `WireFormat.parameterValue`).
    case unionParameter
}

/// Which helpers the client's builders called; shared by the builders of one client.
final class WireHelperLog {
    private(set) var used: Set<WireHelper> = []
    private(set) var usedByClient: Set<ClientHelper> = []

    /// `WireFormat.helper(arguments)`, recorded.
    func call(_ helper: WireHelper, _ arguments: SwiftCode) -> SwiftCode {
        used.insert(helper)
        return "WireFormat.\(helper.name)(\(arguments))"
    }

    /// `try Self.name(arguments)`: `name` is one of `helper`'s functions, which throw.
    func clientCall(_ helper: ClientHelper, _ name: SwiftCode, _ arguments: SwiftCode) -> SwiftCode {
        usedByClient.insert(helper)
        return "try Self.\(name)(\(arguments))"
    }
}
