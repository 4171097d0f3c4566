import Foundation
import GenCore

/// Prints diagnostics to standard error, each with the offending source line and a caret
/// under its column when the file can be read.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        var sources: [String: [String]] = [:]
        for diagnostic in diagnostics {
            var text = diagnostic.headline
            if let location = diagnostic.location {
                if sources[location.file] == nil {
                    let data = FileManager.default.contents(atPath: location.file) ?? Data()
                    // Split bytes, not characters: "\r\n" is one Character, so a CRLF file
                    // split on "\n" would be a single line.
                    sources[location.file] = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                        .map { String(decoding: $0, as: UTF8.self) }
                }
                if let lines = sources[location.file], location.mark.line >= 1, location.mark.line <= lines.count {
                    text += "\n" + SourceExcerpt.lines(lines[location.mark.line - 1], column: location.mark.column)
                }
            }
            if let note = diagnostic.note {
                text += "\n  note: \(note)"
            }
            printError(text)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
