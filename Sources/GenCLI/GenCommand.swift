import Foundation
import GenCore

/// `gen SPEC [options]`: reads the command line, then generates (or, with `--check`, checks)
/// the files in the output folder, or with `--dump-context` prints the template contexts.
@main
struct GenCommand {
    private static let commandLine = CommandLineSpec(
        name: "gen",
        abstract: "Generate Swift models and an async client from an OpenAPI 3.0-3.2 document.",
        argument: ArgumentSpec(placeholder: "SPEC", role: "the OpenAPI document to read",
                               help: "The OpenAPI document (.yaml, .yml or .json)."),
        options: [outputOption, checkOption, dumpContextOption] + ConfigFlags.options,
        examples: """
            gen specs/relay-rest.yaml
                writes Generated/RelayRest/RelayRest{Models…,Client,Support}.swift
            gen specs/relay-rest.yaml -o Sources/RelayRest --check
                exits 1 and names the stale files when Sources/RelayRest is out of date
            gen api.json --access package --templates MyTemplates
            gen api.yaml --config gen.yaml --exclude-tag internal
            gen specs/relay-rest.yaml --dump-context > contexts.json
            """)

    private static let outputOption = OptionSpec(name: "--output", shortName: "-o", valueName: "DIR",
                                                 help: "The output folder (default: Generated/<Name>).")
    private static let checkOption = OptionSpec(
        name: "--check",
        help: "Write nothing; fail when the files in the output folder differ from what would be generated.")
    private static let dumpContextOption = OptionSpec(
        name: "--dump-context",
        help: "Write nothing; print the contexts the templates are rendered with, as JSON (see Templates/CONTEXT.md). "
            + "Not with --check or -o.")

    /// The exit statuses, so that a script can tell a mistyped command line (64, EX_USAGE
    /// from sysexits.h) from a run that failed.
    enum ExitStatus: Int32 {
        case success = 0
        case failure = 1
        case usage = 64
    }

    var spec: String
    var output: String?
    var check: Bool
    /// Print the contexts as JSON instead of writing files.
    var dumpContext: Bool
    /// The command that brings the output up to date, which `--check` suggests.
    var updateCommand: String
    /// The `--config` file, read when the command runs.
    var configFile: String?
    /// The options the flags set, over the config file's.
    var flags: GeneratorConfig

    static func main() {
        let command: GenCommand
        let tokens = Array(CommandLine.arguments.dropFirst())
        do throws(UsageError) {
            switch try CommandLineParser(spec: commandLine).parse(tokens) {
            case .help:
                print(commandLine.helpText, terminator: "")
                exit(ExitStatus.success.rawValue)
            case .version:
                print("\(commandLine.name) \(GenVersion.current)")
                exit(ExitStatus.success.rawValue)
            case .run(let arguments):
                let dumpContext = arguments.isSet(dumpContextOption.name)
                if dumpContext, arguments.isSet(checkOption.name) {
                    throw UsageError(message: "'\(dumpContextOption.name)' writes nothing to check; it cannot be used with '\(checkOption.name)'")
                }
                if dumpContext, arguments.isSet(outputOption.name) {
                    throw UsageError(message: "'\(dumpContextOption.name)' writes no files; it cannot be used with '-o'/'--output'")
                }
                command = GenCommand(spec: arguments.argument, output: arguments.value(outputOption.name),
                                     check: arguments.isSet(checkOption.name), dumpContext: dumpContext,
                                     updateCommand: updateCommand(tokens),
                                     configFile: arguments.value(ConfigFlags.config.name),
                                     flags: try ConfigFlags.flags(arguments))
            }
        } catch {
            DiagnosticPrinter.printError("error: \(error.message)\n\(commandLine.usageLine)\n"
                                         + "See '\(commandLine.name) --help' for more information.")
            exit(ExitStatus.usage.rawValue)
        }
        exit(command.run().rawValue)
    }

    /// The command line `tokens` without `--check`, shell-quoted: what `--check` tells the user
    /// to run. A plugin running `gen` names its own command instead, in `GEN_UPDATE_COMMAND`.
    /// `--check` takes no value, so before `--` every token spelled so is the flag.
    static func updateCommand(_ tokens: [String]) -> String {
        if let command = ProcessInfo.processInfo.environment["GEN_UPDATE_COMMAND"], !command.isEmpty {
            return command
        }
        let end = tokens.firstIndex(of: "--") ?? tokens.endIndex
        let kept = tokens[..<end].filter { $0 != checkOption.name } + tokens[end...]
        return ([commandLine.name] + kept).map(ShellQuoting.quote).joined(separator: " ")
    }

    func run() -> ExitStatus {
        let started = DispatchTime.now()
        let result: GenerationResult
        do {
            let options = try generatorOptions()
            if dumpContext {
                return try printContexts(options)
            }
            result = try Generator.run(options)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            return .failure
        }
        DiagnosticPrinter.print(result.warnings)
        let directory = URL(fileURLWithPath: output ?? "Generated/\(result.name)")
        let writer = OutputWriter(directory: directory)
        let plan = writer.plan(result.files)
        if check {
            let report = plan.checkReport(directory: directory, updateCommand: updateCommand)
            guard report.isEmpty else {
                DiagnosticPrinter.printError(report.joined(separator: "\n"))
                return .failure
            }
            print("gen: \(directory.relativePath) is up to date (\(plan.unchanged.count) files)")
            return .success
        }
        do {
            try writer.write(plan)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            return .failure
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        print("gen: \(result.typeCount) types, \(result.operationCount) operations, \(result.files.count) files "
              + "(\(plan.changed.count) written) in \(directory.relativePath), \(milliseconds) ms")
        return .success
    }

    /// The spec, the config file and the flags over it.
    private func generatorOptions() throws(DiagnosticsError) -> GeneratorOptions {
        let file = try configFile.map { path throws(DiagnosticsError) in try GeneratorConfig.load(path: path) }
        return GeneratorOptions(specPath: spec, config: (file ?? GeneratorConfig()).overridden(by: flags))
    }

    /// `--dump-context`: the contexts as JSON on stdout, warnings on stderr, no files.
    private func printContexts(_ options: GeneratorOptions) throws(DiagnosticsError) -> ExitStatus {
        let contexts = try Generator.contexts(options)
        DiagnosticPrinter.print(contexts.warnings)
        let json: Data
        do {
            json = try contexts.json()
        } catch {
            DiagnosticPrinter.printError("error: cannot encode the contexts as JSON: \(error)")
            return .failure
        }
        FileHandle.standardOutput.write(json + Data("\n".utf8))
        return .success
    }
}
