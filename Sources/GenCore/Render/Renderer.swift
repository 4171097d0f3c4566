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

    /// A template and the context it renders.
    struct Part: @unchecked Sendable {
        // @unchecked: the contexts are immutable value trees of Sendable structs, typed `Any`
        // only because that is what swift-mustache takes.
        var template: String
        var context: Any
    }

    /// One output file: the texts of its parts, joined in order.
    struct Job: Sendable {
        var fileName: String
        var parts: [Part]

        init(fileName: String, template: String, context: Any) {
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
            results.set(index, library.render(parts[index].context, withTemplate: parts[index].template))
        }
        var files: [GeneratedFile] = []
        var index = 0
        for job in jobs {
            var text = ""
            for part in job.parts {
                guard let partText = results.get(index) else {
                    throw DiagnosticsError(.error("no template named '\(part.template)'", at: nil,
                                                  note: "a templates folder may override built-in templates, not remove them"))
                }
                text += partText
                index += 1
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
