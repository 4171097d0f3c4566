import Foundation
import GenCore

/// One file per process on tmpfs: `Generator.run` reads a path (so `$ref`s to sibling files and
/// every stage after the loader are exercised exactly as the CLI runs them), and rewriting one
/// small file in memory-backed storage costs microseconds per input.
private let specPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return folder + "/gen-fuzz-\(getpid())/spec.yaml"
}()

private let prepared: Bool = {
    try? FileManager.default.createDirectory(
        atPath: (specPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    return true
}()

/// A broken promise: a crash, so libFuzzer keeps the input. `fatalError`, not `precondition`:
/// in a release build `precondition` traps without printing its message.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("gen-fuzz: " + message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = prepared
    let bytes = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard FileManager.default.createFile(atPath: specPath, contents: bytes) else { return 0 }
    do {
        let result = try Generator.run(GeneratorOptions(specPath: specPath))
        // A run that succeeds writes exactly the files the generator says it writes (the list
        // the build plugin declares), each non-empty.
        let expected = Generator.outputFileNames(name: result.name).sorted()
        let written = result.files.map(\.name).sorted()
        check(written == expected, "a successful run wrote \(written), not \(expected)")
        for file in result.files {
            check(!file.contents.isEmpty, "\(file.name) is empty")
            // Nothing from the spec escapes a comment, a string literal or an identifier.
            if let problem = EmittedSwiftScanner.problems(in: file.contents).first {
                check(false, "\(file.name):\(problem) in line: \(line(problem.line, of: file.contents))")
            }
        }
    } catch {
        // The promise: every error diagnostic is located, or at least says something.
        for diagnostic in error.diagnostics where diagnostic.severity == .error {
            check(diagnostic.location != nil || !diagnostic.message.isEmpty,
                  "an error diagnostic with neither location nor message")
        }
        check(error.diagnostics.contains { $0.severity == .error }, "DiagnosticsError without an error")
    }
    return 0
}

/// The offending line, cut short, with controls and line separators (what the scanner reports)
/// shown as `\u{…}`. (Split on LF scalars: as Characters, CR LF would be one.)
private func line(_ number: Int, of text: String) -> String {
    let lines = text.unicodeScalars.split(separator: "\n", maxSplits: number, omittingEmptySubsequences: false)
    guard number - 1 < lines.count else { return "" }
    var shown = ""
    for c in lines[number - 1].prefix(200) {
        if c.value < 0x20 || (0x7F..<0xA0).contains(c.value) || c == "\u{2028}" || c == "\u{2029}" {
            shown += "\\u{\(String(c.value, radix: 16))}"
        } else {
            shown.unicodeScalars.append(c)
        }
    }
    return shown
}
