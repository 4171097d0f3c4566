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

        let targets = requested.isEmpty ? context.package.targets : try context.package.targets(named: requested)
        let gen = try context.tool(named: "GenCLI").url
        var failures: [String] = []
        var generated = 0
        for target in targets {
            guard let module = target.sourceModule else { continue }
            let inputs: GenTargetInputs?
            do {
                // A named target must have a spec; among all targets, those without one are skipped.
                inputs = try GenTargetInputs.find(
                    targetName: module.name, directory: module.directoryFileURL, requireSpec: !requested.isEmpty)
            } catch {
                failures.append(module.name)
                continue
            }
            guard let inputs else { continue }
            generated += 1
            let status = try run(gen, inputs.arguments(outputDirectory: module.directoryFileURL, check: check))
            if status != 0 {
                Diagnostics.error(check
                    ? "target '\(module.name)': generated sources are stale (gen names them); run 'swift package --allow-writing-to-package-directory generate-openapi-client --target \(module.name)'"
                    : "target '\(module.name)': gen failed (exit \(status))", file: nil, line: nil)
                failures.append(module.name)
            }
        }
        if generated == 0 && failures.isEmpty {
            Diagnostics.warning("no target has an openapi.yaml, openapi.yml or openapi.json in its folder", file: nil, line: nil)
        }
        if !failures.isEmpty {
            throw GenPluginError(message: "generate-openapi-client failed for \(failures.joined(separator: ", "))")
        }
    }

    /// Runs `gen`, passing its output through, and returns its exit status.
    private func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
