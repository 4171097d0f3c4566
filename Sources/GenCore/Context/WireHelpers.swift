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

/// Which helpers the client's builders called; shared by the builders of one client.
final class WireHelperLog {
    private(set) var used: Set<WireHelper> = []

    /// `WireFormat.helper(arguments)`, recorded.
    func call(_ helper: WireHelper, _ arguments: SwiftCode) -> SwiftCode {
        used.insert(helper)
        return "WireFormat.\(helper.name)(\(arguments))"
    }
}
