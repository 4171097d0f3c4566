/// The import declarations that open each generated file (the contexts' `importLines`).
///
/// The access level of an import follows the access level of the declarations that need it:
/// with `InternalImportsByDefault` a plain `import` is internal, so a public declaration whose
/// signature names `URL` needs `public import Foundation` (`package import` for `package`
/// access). A `public import` that no public declaration uses is itself warned about ("public
/// import of 'Foundation' was not used in public declarations"), so each file gets it only when
/// its declarations do use the module: decided from the access level and from the graph's types,
/// never from the rendered text.
enum FileImports {
    /// The keyword before a module: at the access level when the file's declarations at that
    /// level name its types (`usedInAPI`), else internal. Under `package` access the internal
    /// import is spelled out, as a plain `import` next to a `package import` of the same module is
    /// warned about ("ambiguous implicit access level") unless InternalImportsByDefault is on;
    /// next to a `public import` it is not, as a plain import is public there.
    static func keyword(_ access: AccessLevel, usedInAPI: Bool) -> SwiftCode {
        switch (access, usedInAPI) {
        case (.public, true): "public import"
        case (.package, true): "package import"
        case (.package, false): "internal import"
        case (.public, false), (.internal, _): "import"
        }
    }

    /// The client: its declarations name `URL` and `TimeInterval`; FoundationNetworking's types
    /// (`URLRequest`, `HTTPURLResponse`) appear only inside function bodies.
    static func client(access: AccessLevel) -> [SwiftCode] {
        foundation(keyword(access, usedInAPI: true)) + networking(keyword(access, usedInAPI: false))
    }

    /// Support: `HTTPTransport` and `URLSessionTransport` name `URLRequest`, `HTTPURLResponse`
    /// and `URLSession`, so both modules are imported at the access level; and AsyncHTTPClient
    /// where it can be.
    static func support(access: AccessLevel) -> [SwiftCode] {
        foundation(keyword(access, usedInAPI: true)) + networking(keyword(access, usedInAPI: true))
            + asyncHTTPClient(keyword(access, usedInAPI: true), nio: keyword(access, usedInAPI: false))
    }

    /// `AsyncHTTPClientTransport` takes an `HTTPClient`; NIO's modules are used in its bodies
    /// only. All of it only where the target can import AsyncHTTPClient (it depends on it), so
    /// that elsewhere the file needs Foundation alone.
    private static func asyncHTTPClient(_ keyword: SwiftCode, nio: SwiftCode) -> [SwiftCode] {
        ["#if canImport(AsyncHTTPClient)", "\(keyword) AsyncHTTPClient", "\(nio) NIOCore", "\(nio) NIOHTTP1", "\(nio) NIOPosix", "#endif"]
    }

    /// A models file holding `types`: Foundation at the access level when one of them, or a
    /// type nested in one, stores or takes a Foundation type (`Date`, `UUID`, `Data`, or an
    /// override such as `Decimal`).
    static func models(access: AccessLevel, holding types: [TypeContext]) -> [SwiftCode] {
        func mentions(_ type: TypeContext) -> Bool {
            type.mentionsFoundation || type.nestedTypes.contains(where: mentions)
        }
        return foundation(keyword(access, usedInAPI: types.contains(where: mentions)))
    }

    private static func foundation(_ keyword: SwiftCode) -> [SwiftCode] {
        ["\(keyword) Foundation"]
    }

    /// The API protocol's file: Foundation at the access level when a signature names one of its
    /// types (`Data`, `URL`, `Date` …). `signatureTypes` are the Swift spellings of the
    /// parameters and bodies, which a model type never shares (their names are reserved).
    static func api(access: AccessLevel, signatureTypes: [SwiftCode]) -> [SwiftCode] {
        foundation(keyword(access, usedInAPI: signatureTypes.contains { namesFoundationType($0.description) }))
    }

    /// The server: its `Request` and `Response` store `Data`, and its Hummingbird adapter, compiled
    /// only where Hummingbird can be imported, takes Hummingbird's types.
    static func server(access: AccessLevel) -> [SwiftCode] {
        let keyword = keyword(access, usedInAPI: true)
        return foundation(keyword) + ["#if canImport(Hummingbird)", "\(keyword) Hummingbird", "#endif"]
    }

    /// URLSession lives in FoundationNetworking on Linux; on Apple platforms in Foundation.
    private static func networking(_ keyword: SwiftCode) -> [SwiftCode] {
        ["#if canImport(FoundationNetworking)", "\(keyword) FoundationNetworking", "#endif"]
    }

    /// Whether the type's declaration (properties, initializer, cases) names a Foundation type.
    static func usesFoundation(_ type: NamedType) -> Bool {
        switch type.kind {
        case .object(let shape):
            shape.properties.contains { usesFoundation($0.type) } || shape.additionalProperties.map(usesFoundation) == true
        case .stringEnum, .integerEnum:
            false
        case .union(let shape):
            shape.branches.contains { usesFoundation($0.type) }
        }
    }

    static func usesFoundation(_ type: TypeRef) -> Bool {
        switch type {
        case .uuid, .dateTime, .data: true
        case .string, .integer, .int32, .int64, .double, .float, .boolean, .json, .named: false
        case .array(let inner), .dictionary(let inner), .nullable(let inner): usesFoundation(inner)
        case .external(let spelling): namesFoundationType(spelling)
        }
    }

    /// Whether a `typeOverrides` type, as the user spelled it (`Decimal`, `[String: URL]`,
    /// `Foundation.Decimal`), names one of Foundation's value types. A type of the user's own
    /// does not, and a `public import` for it alone would be warned about as unused.
    static func namesFoundationType(_ spelling: String) -> Bool {
        let words = spelling.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        return words.contains { foundationTypeNames.contains(String($0)) }
    }

    /// Foundation's value types that an override is likely to name, and the module's own name
    /// for qualified spellings.
    static let foundationTypeNames: Set<String> = [
        "Foundation", "Decimal", "Date", "DateComponents", "DateInterval", "Data", "URL", "URLComponents", "UUID",
        "TimeInterval", "TimeZone", "Locale", "Calendar", "Measurement", "CharacterSet", "IndexSet",
        "PersonNameComponents", "AttributedString", "NSNumber", "NSDecimalNumber",
    ]
}
