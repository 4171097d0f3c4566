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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = prepared
    let bytes = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard FileManager.default.createFile(atPath: specPath, contents: bytes) else { return 0 }
    do {
        let result = try Generator.run(GeneratorOptions(specPath: specPath))
        // A run that succeeds must have produced the three files, each non-empty.
        precondition(result.files.count == 3 && result.files.allSatisfy { !$0.contents.isEmpty },
                     "a successful run produced incomplete output")
    } catch {
        // The promise: every error diagnostic is located, or at least says something.
        for diagnostic in error.diagnostics where diagnostic.severity == .error {
            precondition(diagnostic.location != nil || !diagnostic.message.isEmpty,
                         "an error diagnostic with neither location nor message")
        }
        precondition(error.diagnostics.contains { $0.severity == .error }, "DiagnosticsError without an error")
    }
    return 0
}
