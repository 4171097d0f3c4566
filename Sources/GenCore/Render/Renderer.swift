import Dispatch
import Foundation
import Mustache

/// One output file: its name inside the output folder and its full text.
public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String
}

/// Renders the contexts with the templates. The files are independent, so they render in
/// parallel.
struct Renderer {
    let library: MustacheLibrary

    /// A template name and the context it renders, for one output file.
    struct Job: @unchecked Sendable {
        // @unchecked: the contexts are immutable value trees of Sendable structs, typed `Any`
        // only because that is what swift-mustache takes.
        var fileName: String
        var template: String
        var context: Any
    }

    func render(_ jobs: [Job]) throws(DiagnosticsError) -> [GeneratedFile] {
        let results = ResultSlots(count: jobs.count)
        let library = self.library
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            results.set(index, library.render(job.context, withTemplate: job.template))
        }
        var files: [GeneratedFile] = []
        for (index, job) in jobs.enumerated() {
            guard let text = results.get(index) else {
                throw DiagnosticsError(.error("no template named '\(job.template)'", at: nil,
                                              note: "a templates folder may override built-in templates, not remove them"))
            }
            files.append(GeneratedFile(name: job.fileName, contents: text))
        }
        return files
    }
}

/// Slots written by parallel workers, one each.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: every access takes the lock.
    private var values: [String?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: String?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
