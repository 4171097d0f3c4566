/// A value a template tag can name: what a context answers for a key.
///
/// Typed, so that rendering decides what to do with a value by a `switch`, never by a dynamic
/// cast.
enum TemplateValue: Sendable {
    /// Inserted as it is; a section over text renders once with the text as `{{.}}`, even
    /// when it is empty (as swift-mustache did).
    case text(String)
    /// Inserted as `true` or `false`; a section renders when it is true.
    case bool(Bool)
    /// A section renders once per element; an inverted one only when the list is empty.
    case list(any TemplateList)
    /// A section renders once with the context on top of the lookup stack.
    case context(any TemplateContext)
}

/// A value whose keys templates can look up: each context type answers its keys with a
/// `switch` (Render/…+TemplateContext.swift).
protocol TemplateContext: TemplateListElement {
    /// The value of `key`, or `nil` when the type has no such key (the lookup then goes on to
    /// the enclosing contexts).
    func value(for key: String) -> TemplateValue?
}

extension TemplateValue {
    /// Generated code, inserted as it is.
    static func text(_ code: SwiftCode) -> TemplateValue {
        .text(code.text)
    }
}

extension TemplateContext {
    var templateValue: TemplateValue { .context(self) }
}

/// What a list can hold: text or contexts.
protocol TemplateListElement: Sendable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateListElement {
    var templateValue: TemplateValue { .text(self) }
}

/// A list that a section iterates. A context answers with its array as it is (`.list(types)`),
/// so a lookup copies no elements; each becomes a `TemplateValue` only when a section reaches it.
protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateListElement {
    func element(at index: Int) -> TemplateValue {
        self[index].templateValue
    }
}
