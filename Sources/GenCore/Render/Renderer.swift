import Dispatch
import Foundation

/// One output file: its name inside the output folder and its full text.
public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String
}

/// Renders the contexts with the templates. The files are independent, so they render in
/// parallel.
struct Renderer {
    let library: TemplateLibrary

    /// A template and the context it renders.
    struct Part: Sendable {
        var template: String
        var context: any TemplateContext
    }

    /// One output file: the texts of its parts, joined in order.
    struct Job: Sendable {
        var fileName: String
        var parts: [Part]

        init(fileName: String, template: String, context: any TemplateContext) {
            self.fileName = fileName
            self.parts = [Part(template: template, context: context)]
        }

        init(fileName: String, parts: [Part]) {
            self.fileName = fileName
            self.parts = parts
        }
    }

    /// Renders every part of every job in parallel: a big file's parts share the cores.
    func render(_ jobs: [Job]) throws(DiagnosticsError) -> [GeneratedFile] {
        let parts = jobs.flatMap(\.parts)
        let results = ResultSlots(count: parts.count)
        let library = self.library
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.set(index, Result { () throws(TemplateRenderError) in
                try library.render(parts[index].template, with: parts[index].context)
            })
        }
        var files: [GeneratedFile] = []
        var index = 0
        for job in jobs {
            var text = ""
            for part in job.parts {
                switch results.get(index) {
                case .success(let partText?):
                    text += partText
                case .success(nil):
                    throw DiagnosticsError(.error("no template named '\(part.template)'", at: nil,
                                                  note: "a templates folder may override built-in templates, not remove them"))
                case .failure(let error):
                    throw DiagnosticsError(.error("template '\(part.template)' cannot be rendered: \(error.message)", at: nil))
                }
                index += 1
            }
            files.append(GeneratedFile(name: job.fileName, contents: text))
        }
        return files
    }
}

/// Slots written by parallel workers, one each: a part's text, `nil` when its template does
/// not exist.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: every access takes the lock.
    private var values: [Result<String?, TemplateRenderError>]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: .success(nil), count: count)
    }

    func set(_ index: Int, _ value: Result<String?, TemplateRenderError>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Result<String?, TemplateRenderError> {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
