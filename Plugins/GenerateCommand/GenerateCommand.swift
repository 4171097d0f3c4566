import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-openapi-client [--target T ...] [--check]`:
/// writes the client generated from each target's `openapi.yaml` (found and configured as the
/// build-tool plugin does) into the target's own folder, for teams that commit it. With
/// `--check` it writes nothing and fails, naming the stale files, when they are out of date.
@main
struct GenerateCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let requested = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        guard extractor.remainingArguments.isEmpty else {
            Diagnostics.error("unexpected arguments: \(extractor.remainingArguments.joined(separator: " ")); usage: generate-openapi-client [--target T ...] [--check]", file: nil, line: nil)
            throw GenPluginError(message: "unexpected arguments")
        }

        // Each target by its name and folder. A target whose folder holds no Swift file yet (only
        // openapi.yaml and gen.yaml) is left out of the package by SwiftPM ("Source files for
        // target X should be located under 'Sources/X'"), so a named target that the package
        // does not list is looked for in Sources/<name>, where SwiftPM would look.
        var folders: [(name: String, directory: URL)] = []
        let modules = context.package.targets.compactMap(\.sourceModule)
        if requested.isEmpty {
            folders = modules.map { ($0.name, $0.directoryFileURL) }
        } else {
            let packageDirectory = context.package.directoryURL
            for name in requested {
                if let module = modules.first(where: { $0.name == name }) {
                    folders.append((name, module.directoryFileURL))
                    continue
                }
                let directory = packageDirectory.appendingPathComponent("Sources").appendingPathComponent(name, isDirectory: true)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    Diagnostics.error("the package has no target named '\(name)' (and there is no folder \(directory.path))", file: nil, line: nil)
                    throw GenPluginError(message: "no target named '\(name)'")
                }
                folders.append((name, directory))
            }
        }
        let gen = try context.tool(named: "GenCLI").url
        var failures: [String] = []
        var generated = 0
        for (name, directory) in folders {
            let inputs: GenTargetInputs?
            do {
                // A named target must have a spec; among all targets, those without one are skipped.
                inputs = try GenTargetInputs.find(targetName: name, directory: directory, requireSpec: !requested.isEmpty)
            } catch {
                failures.append(name)
                continue
            }
            guard let inputs else { continue }
            generated += 1
            // `gen --check` ends its report with the command that brings the folder up to date:
            // this plugin's, not gen's own command line.
            let update = "swift package --allow-writing-to-package-directory generate-openapi-client --target \(name)"
            let status = try run(gen, inputs.arguments(outputDirectory: directory, check: check), environment: ["GEN_UPDATE_COMMAND": update])
            if status != 0 {
                Diagnostics.error(check ? "target '\(name)': generated sources are not up to date (gen names them)"
                                        : "target '\(name)': gen failed (exit \(status))", file: nil, line: nil)
                failures.append(name)
            }
        }
        if generated == 0 && failures.isEmpty {
            Diagnostics.warning("no target has an openapi.yaml, openapi.yml or openapi.json in its folder", file: nil, line: nil)
        }
        if !failures.isEmpty {
            throw GenPluginError(message: "generate-openapi-client failed for \(failures.joined(separator: ", "))")
        }
    }

    /// Runs `gen` with `environment` added to this process's, passing its output through, and
    /// returns its exit status.
    private func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
