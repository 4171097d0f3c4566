import Foundation
import PackagePlugin

/// Generates `<Target>{Models…,Client,Support}.swift` from the `openapi.yaml` (`.yml`, `.json`)
/// in the folder of each target that lists this plugin, with the `gen.yaml` (`.yml`, `.json`)
/// next to it when there is one. The generated types are named after the target. In an Xcode
/// project (`XcodeBuildToolPlugin` below) the spec and config are found among the target's files.
@main
struct GenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else {
            Diagnostics.error("GenPlugin works on source targets only; '\(target.name)' is not one", file: nil, line: nil)
            throw GenPluginError(message: "'\(target.name)' is not a source target")
        }
        // `find` has reported each problem through `Diagnostics`, which fails the build; its
        // error is not rethrown, as SwiftPM would print it as one more error.
        guard let inputs = try? GenTargetInputs.find(targetName: module.name, directory: module.directoryFileURL) else {
            return []
        }
        return [try Self.command(for: inputs, tool: context.tool(named: "GenCLI").url, workDirectory: context.pluginWorkDirectoryURL)]
    }

    /// The one command that generates `inputs` into `workDirectory`: the same for SwiftPM and Xcode.
    static func command(for inputs: GenTargetInputs, tool: URL, workDirectory: URL) -> Command {
        .buildCommand(
            displayName: "Generating \(inputs.apiName) client from \(inputs.spec.lastPathComponent)",
            executable: tool,
            arguments: inputs.arguments(outputDirectory: workDirectory),
            environment: [:],
            // The spec, the config and every other YAML, JSON or Mustache file among the
            // target's: the files a multi-file spec's `$ref`s reach and the config's templates
            // are among them, so editing any of them reruns the generator. The build system runs
            // the command only when an input changed, and `gen` rewrites only the files whose
            // bytes changed, so unrelated builds stay incremental.
            inputFiles: inputs.inputFiles,
            outputFiles: inputs.outputFileNames.map { workDirectory.appendingPathComponent($0) }
        )
    }
}

#if canImport(XcodeProjectPlugin)
import XcodeProjectPlugin

// An Xcode app target has no folder of its own: the spec and config are among its input files
// (add `openapi.yaml` and, optionally, `gen.yaml` to the target). Everything else is the SwiftPM
// path's. Xcode is not available on this project's CI, so this conformance is not compiled there.
extension GenPlugin: XcodeBuildToolPlugin {
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
        let files = target.inputFiles.map(\.url)
        guard let inputs = try? GenTargetInputs.find(targetName: target.displayName, files: files) else {
            return []
        }
        return [Self.command(for: inputs, tool: try context.tool(named: "GenCLI").url, workDirectory: context.pluginWorkDirectoryURL)]
    }
}
#endif
