/// How the templates write the run's namespace (`--namespace`): the one place that turns the
/// API graph's namespace into the keys `ModelsContext`, `ClientContext` and `SupportContext`
/// share, so every file wraps its declarations the same way.
struct NamespaceSpelling: Sendable {
    /// The files wrap their declarations in `extension NAME { … }`.
    var isSet: Bool
    /// `NAME`; empty without a namespace.
    var name: SwiftCode
    /// `NAME.`, which qualifies the types that extensions at file scope extend; empty without.
    var prefix: SwiftCode

    init(_ namespace: SwiftName?) {
        isSet = namespace != nil
        name = namespace.map { "\($0)" } ?? ""
        prefix = namespace.map { "\($0)." } ?? ""
    }
}

/// A context whose file can be wrapped in the namespace.
protocol NamespacedContext {
    var hasNamespace: Bool { get set }
    var namespace: SwiftCode { get set }
    var namespacePrefix: SwiftCode { get set }
}

extension NamespacedContext {
    mutating func place(in spelling: NamespaceSpelling) {
        hasNamespace = spelling.isSet
        namespace = spelling.name
        namespacePrefix = spelling.prefix
    }
}

extension ModelsContext: NamespacedContext {}
extension ClientContext: NamespacedContext {}
extension SupportContext: NamespacedContext {}
extension APIContext: NamespacedContext {}
extension ServerAdapterContext: NamespacedContext {}
