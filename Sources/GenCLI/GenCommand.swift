import ArgumentParser
import Foundation
import GenCore

@main
struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Generate Swift models and an async client from an OpenAPI 3.0/3.1 document.",
        discussion: """
            Examples:
              gen specs/relay-rest.yaml
                  writes Generated/RelayRest/RelayRest{Models…,Client,Support}.swift
              gen specs/relay-rest.yaml -o Sources/RelayRest --check
                  exits 1 and names the stale files when Sources/RelayRest is out of date
              gen api.json --access package --templates MyTemplates
              gen api.yaml --config gen.yaml --exclude-tag internal
            """)

    @Argument(help: "The OpenAPI document (.yaml, .yml or .json).")
    var spec: String

    @Option(name: .shortAndLong, help: "The output folder (default: Generated/<Name>).")
    var output: String?

    @Flag(help: "Write nothing; fail when the files in the output folder differ from what would be generated.")
    var check = false

    @OptionGroup
    var options: ConfigFlags

    func run() throws {
        let started = DispatchTime.now()
        let result: GenerationResult
        do {
            result = try Generator.run(GeneratorOptions(specPath: spec, config: options.resolved()))
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(result.warnings)
        let directory = URL(fileURLWithPath: output ?? "Generated/\(result.name)")
        let writer = OutputWriter(directory: directory)
        let plan = writer.plan(result.files)
        if check {
            guard plan.changed.isEmpty else {
                for file in plan.changed {
                    DiagnosticPrinter.printError("\(directory.appendingPathComponent(file.name).relativePath): error: stale; run gen \(spec) to update it")
                }
                throw ExitCode.failure
            }
            print("gen: \(directory.relativePath) is up to date (\(plan.unchanged.count) files)")
            return
        }
        do {
            try writer.write(plan)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        print("gen: \(result.typeCount) types, \(result.operationCount) operations, \(result.files.count) files "
              + "(\(plan.changed.count) written) in \(directory.relativePath), \(milliseconds) ms")
    }
}

extension AccessLevel: ExpressibleByArgument {}
