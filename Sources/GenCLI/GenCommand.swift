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
                  writes Generated/RelayRest/RelayRest{Models,Client,Support}.swift
              gen specs/relay-rest.yaml -o Sources/RelayRest --check
                  exits 1 and names the stale files when Sources/RelayRest is out of date
              gen api.json --access package --templates MyTemplates
            """)

    @Argument(help: "The OpenAPI document (.yaml, .yml or .json).")
    var spec: String

    @Option(name: .shortAndLong, help: "The output folder (default: Generated/<Name>).")
    var output: String?

    @Option(help: "The API name used for the file and type names (default: from the spec's file name).")
    var name: String?

    @Flag(help: "Write nothing; fail when the files in the output folder differ from what would be generated.")
    var check = false

    @Option(help: "A folder of .mustache files that replace the built-in templates of the same name.")
    var templates: String?

    @Option(help: "Access level of the generated declarations: public, package or internal.")
    var access: AccessLevel = .public

    @Option(help: "A word to write in capitals in member names, like ID or URL (repeatable).")
    var initialism: [String] = []

    func run() throws {
        let started = DispatchTime.now()
        let options = GeneratorOptions(specPath: spec, name: name, access: access,
                                       templatesDirectory: templates, initialisms: initialism)
        let result: GenerationResult
        do {
            result = try Generator.run(options)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(result.warnings)
        let apiName = name ?? result.files.first.map { String($0.name.dropLast("Models.swift".count)) } ?? "API"
        let directory = URL(fileURLWithPath: output ?? "Generated/\(apiName)")
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
