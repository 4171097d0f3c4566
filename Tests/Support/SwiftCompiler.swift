import Foundation

/// Type-checks Swift sources the way generated code must pass: Swift 6, warnings as errors.
public enum SwiftCompiler {
    /// The compiler command: `$SWIFTC` if set, otherwise `swiftc` from `PATH`.
    public static var swiftc: String {
        let configured = ProcessInfo.processInfo.environment["SWIFTC"] ?? ""
        return configured.isEmpty ? "swiftc" : configured
    }

    /// Runs `swiftc -typecheck -swift-version 6 -warnings-as-errors` on `files` in `directory`.
    ///
    /// - Parameters:
    ///   - files: paths relative to `directory`; `nil` means every `.swift` file directly in it.
    ///   - extraArguments: inserted before the file names, e.g. `["-module-name", "Client"]`.
    /// - Returns: the exit code and stdout followed by stderr (where diagnostics go).
    public static func typecheck(
        directory: URL,
        files: [String]? = nil,
        extraArguments: [String] = [],
        timeout: TimeInterval = 600
    ) throws -> (exitCode: Int32, output: String) {
        let names = try files ?? FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".swift") }
            .sorted()
        let arguments = ["-typecheck", "-swift-version", "6", "-warnings-as-errors"] + extraArguments + names
        let result = try ProcessRunner.run(name: swiftc, arguments: arguments, currentDirectory: directory, timeout: timeout)
        return (result.status, result.stdout + result.stderr)
    }

    /// Compiles `files` in `directory` into a module (`swiftc -emit-module`, Swift 6, warnings as
    /// errors), which also runs the checks made after type-checking (region-based isolation,
    /// isolated conformances used by synthesized code) that `typecheck` does not.
    public static func build(
        directory: URL,
        files: [String],
        extraArguments: [String] = [],
        timeout: TimeInterval = 600
    ) throws -> (exitCode: Int32, output: String) {
        let module = FileManager.default.temporaryDirectory.appendingPathComponent("gen-build-\(UUID().uuidString).swiftmodule")
        defer { try? FileManager.default.removeItem(at: module) }
        let arguments = ["-emit-module", "-emit-module-path", module.path, "-parse-as-library", "-swift-version", "6",
                         "-warnings-as-errors"] + extraArguments + files
        let result = try ProcessRunner.run(name: swiftc, arguments: arguments, currentDirectory: directory, timeout: timeout)
        return (result.status, result.stdout + result.stderr)
    }

    /// Writes `sources` (file name → contents) to a fresh temporary directory and type-checks them there.
    public static func typecheck(
        sources: [String: String],
        extraArguments: [String] = [],
        timeout: TimeInterval = 600
    ) throws -> (exitCode: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gen-typecheck-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in sources {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return try typecheck(directory: directory, files: sources.keys.sorted(), extraArguments: extraArguments, timeout: timeout)
    }
}
