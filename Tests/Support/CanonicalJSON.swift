import Foundation

/// JSON text with sorted keys and no insignificant whitespace, so that two documents compare
/// equal exactly when they have the same members, `null`s included.
public func canonicalJSON(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let text = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    return String(decoding: text, as: UTF8.self)
}

public func canonicalJSON(_ text: String) throws -> String {
    try canonicalJSON(Data(text.utf8))
}
