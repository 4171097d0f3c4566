import Foundation
import GenCore

/// Prints diagnostics to standard error, each with the offending source line and a caret
/// under its column when the file can be read.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        var sources: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            var text = diagnostic.headline
            if let location = diagnostic.location {
                if sources[location.file] == nil {
                    let data = FileManager.default.contents(atPath: location.file) ?? Data()
                    sources[location.file] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                }
                if let lines = sources[location.file], location.mark.line >= 1, location.mark.line <= lines.count {
                    let line = lines[location.mark.line - 1].prefix(200)
                    let column = min(max(location.mark.column - 1, 0), line.count)
                    text += "\n" + line + "\n" + String(repeating: " ", count: column) + "^"
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
