import Foundation
import PackagePlugin

/// Generates `<Target>{Models…,Client,Support}.swift` from the `openapi.yaml` (`.yml`, `.json`)
/// in the folder of each target that lists this plugin, with the `gen.yaml` (`.yml`, `.json`)
/// next to it when there is one. The generated types are named after the target.
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
        let output = context.pluginWorkDirectoryURL
        return [
            .buildCommand(
                displayName: "Generating \(inputs.apiName) client from \(inputs.spec.lastPathComponent)",
                executable: try context.tool(named: "GenCLI").url,
                arguments: inputs.arguments(outputDirectory: output),
                environment: [:],
                // The spec, the config and every other YAML, JSON or Mustache file in the
                // target's folder: the files a multi-file spec's `$ref`s reach and the config's
                // templates are among them, so editing any of them reruns the generator.
                // SwiftPM runs the command only when an input changed, and `gen` rewrites only
                // the files whose bytes changed, so unrelated builds stay incremental.
                inputFiles: inputs.inputFiles,
                outputFiles: inputs.outputFileNames.map { output.appendingPathComponent($0) }
            )
        ]
    }
}
