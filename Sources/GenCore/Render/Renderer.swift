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

    /// One output file: the template that writes it and the context that template renders.
    struct Job: Sendable {
        var fileName: String
        var template: String
        var context: any TemplateContext
    }

    func render(_ jobs: [Job]) throws(DiagnosticsError) -> [GeneratedFile] {
        let results = ResultSlots(count: jobs.count)
        let library = self.library
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results.set(index, Result { () throws(TemplateRenderError) in
                try library.render(jobs[index].template, with: jobs[index].context)
            })
        }
        var files: [GeneratedFile] = []
        for (index, job) in jobs.enumerated() {
            switch results.get(index) {
            case .success(let text?):
                files.append(GeneratedFile(name: job.fileName, contents: text))
            case .success(nil):
                throw DiagnosticsError(.error("no template named '\(job.template)'", at: nil,
                                              note: "a templates folder may override built-in templates, not remove them"))
            case .failure(let error):
                throw DiagnosticsError(.error("template '\(job.template)' cannot be rendered: \(error.message)", at: nil))
            }
        }
        return files
    }
}

/// Slots written by parallel workers, one each: a file's text, `nil` when its template does
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
