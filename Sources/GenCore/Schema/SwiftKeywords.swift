/// Words Swift reserves, which need backticks to be used as names.
enum SwiftKeywords {
    static let reserved: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension",
        "fileprivate", "func", "import", "init", "inout", "internal", "let", "nonisolated", "open",
        "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self",
        "Self", "super", "throws", "true", "try", "Type", "Protocol", "package",
    ]

    /// Type names the generated code or Swift itself already uses at module scope.
    static let takenTypeNames = namedByGeneratedCode.union(foundationTypesUsersSee)

    /// The types the generated code names unqualified (Swift's, Foundation's, Support's): a
    /// model type of the same name, at the top level or nested, would hide them.
    static let namedByGeneratedCode: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Codable", "Data", "Date", "Decodable", "Decoder",
        "Dictionary", "Double", "Encodable", "Encoder", "Error", "Float", "Int", "Int32", "Int64",
        "JSONDecoder", "JSONEncoder", "JSONValue", "Never", "Optional", "Protocol", "Result",
        "Self", "Sendable", "Set", "String", "Type", "URL", "URLRequest", "URLSession", "UUID",
        "Void", "Foundation", "HTTPTransport", "URLSessionTransport", "HTTPRequest", "HTTPResponse",
        "Hashable", "Equatable", "CodingKey", "Character", "Substring", "Task", "Swift",
        "HTTPResponse", "Authentication", "Indirect", "RequestBuilder", "WireFormat", "APIKey", "ParameterValue",
        "HTTPResponseData", "HTTPMiddleware", "RFC3339", "PageSequence", "PageItemSequence", "PageLink", "PageLinkError",
        // Types the generated code names, nested ones included: a model of the same name would
        // hide them inside the generated types (`case json(Body)` inside `Body`).
        "Body", "CodingKeys", "CaseIterable", "CodingKey", "Collection", "Sequence", "Comparable", "Identifiable",
        "Unimplemented", "ServerRequest", "ServerResponse", "ServerWire", "HummingbirdMiddleware",
        "RetryPolicy", "ByteStream", "ServerSentEvents", "ServerSentEvent", "JSONLines", "StreamItemError",
        "HTTPStreamedResponse", "LineReader", "StreamingDelegate", "AsyncThrowingStream", "CheckedContinuation",
        "FileHandle", "InputStream", "URLSessionDataDelegate", "URLSessionDataTask", "URLSessionTask", "CocoaError",
        "CustomDebugStringConvertible", "CustomReflectable", "CustomStringConvertible", "DecodingError",
        "ExpressibleByArrayLiteral", "ExpressibleByBooleanLiteral", "ExpressibleByDictionaryLiteral",
        "ExpressibleByFloatLiteral", "ExpressibleByIntegerLiteral", "ExpressibleByStringLiteral", "Hasher",
        "HTTPURLResponse", "ISO8601FormatStyle", "KeyedDecodingContainer",
        "KeyedEncodingContainer", "Mirror", "NSLock", "RawRepresentable", "SingleValueDecodingContainer",
        "SingleValueEncodingContainer", "TimeInterval", "URLError", "UTF8", "FoundationNetworking",
    ]

    /// Foundation types a user's file sees beside the generated top-level ones: the same name
    /// would make every unqualified use ambiguous there. (A nested type does not clash with them.)
    static let foundationTypesUsersSee: Set<String> = [
        "AttributedString", "Bundle", "Calendar", "CharacterSet", "Decimal", "Expression",
        "FileManager", "FormatStyle", "IndexPath", "IndexSet", "Locale", "Measurement",
        "Notification", "NSObject", "Operation", "OperationQueue", "Predicate", "Process",
        "ProcessInfo", "Progress", "Thread", "Timer", "TimeZone", "Unit", "URLComponents",
        "URLQueryItem", "DateComponents", "DateInterval", "PersonNameComponents", "Scanner",
        "SortDescriptor", "Duration",
    ]
}
