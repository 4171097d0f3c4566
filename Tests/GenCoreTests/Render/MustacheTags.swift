import Foundation
import XCTest
@testable import GenCore

/// The Mustache tags of a template, as `TemplateContextTests` checks them.
enum MustacheTags {
    struct Tag {
        enum Kind: Equatable { case name(String), partial(String), block(String), ignored }
        var kind: Kind
        var line: Int
    }

    /// The tags of a template: variables and sections as `.name` (each part of a dotted name),
    /// `{{> x}}` and `{{< x}}` as `.partial`, `{{$ x}}` as `.block`; comments, pragmas, `{{.}}`
    /// and the closing tags of blocks and parents as `.ignored`.
    static func scan(_ source: String) throws -> [Tag] {
        let regex = try NSRegularExpression(pattern: #"\{\{(\{?)(.*?)\}?\}\}"#, options: [.dotMatchesLineSeparators])
        var result: [Tag] = []
        var opensInheritance: [Bool] = []  // for each open section, block or parent: whether it is a block or parent
        for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            let range = try XCTUnwrap(Range(match.range, in: source))
            let line = source[..<range.lowerBound].filter { $0 == "\n" }.count + 1
            var body = source[try XCTUnwrap(Range(match.range(at: 2), in: source))].trimmingCharacters(in: .whitespaces)
            let sigil = body.first
            switch sigil {
            case "!", "%": result.append(Tag(kind: .ignored, line: line)); continue
            case ">":
                result.append(Tag(kind: .partial(body.dropFirst().trimmingCharacters(in: .whitespaces)), line: line)); continue
            case "$", "<":
                let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
                result.append(Tag(kind: sigil == "$" ? .block(name) : .partial(name), line: line))
                opensInheritance.append(true)
                continue
            case "/" where opensInheritance.popLast() == true:
                result.append(Tag(kind: .ignored, line: line))
                continue
            case "=":
                XCTFail("template line \(line): '{{\(body)}}' is not understood by this check; extend MustacheTags.scan")
                continue
            case "#", "^":
                opensInheritance.append(false)
                body = body.dropFirst().trimmingCharacters(in: .whitespaces)
            case "/", "&": body = body.dropFirst().trimmingCharacters(in: .whitespaces)
            default: break
            }
            guard body != "." else { result.append(Tag(kind: .ignored, line: line)); continue }
            for part in body.split(separator: ".") { result.append(Tag(kind: .name(String(part)), line: line)) }
        }
        return result
    }
}
