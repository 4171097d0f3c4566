@testable import GenCore

/// Tests write expected names as literals, escaped as Swift writes them (`` "`default`" ``).
extension SwiftName: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(bare: value.trimmingCharacters(in: ["`"]))
    }

    static func == (name: SwiftName, text: String) -> Bool {
        name.escaped == text
    }

    func hasPrefix(_ prefix: String) -> Bool {
        bare.hasPrefix(prefix)
    }
}
