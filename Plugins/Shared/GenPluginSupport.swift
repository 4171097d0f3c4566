// Shared by both plugins: each plugin folder holds a symlink to this file, because a plugin
// cannot depend on a library target (and so cannot use GenCore).
import Foundation
import PackagePlugin

/// The generator's inputs in one target's folder and the `gen` arguments that use them.
struct GenTargetInputs {
    /// File names the spec may have, directly in the target's folder.
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    /// File names the optional config may have, next to the spec.
    static let configNames = ["gen.yaml", "gen.yml", "gen.json"]

    /// The target's name as written in diagnostics.
    var targetName: String
    var spec: URL
    var config: URL?
    /// Every `.yaml`, `.yml`, `.json` and `.mustache` file under the target's folder, spec and
    /// config included: a multi-file spec's `$ref`s and a config's templates folder usually
    /// live there, and the generator must run again when any of them changes.
    var inputFiles: [URL]
    /// The API name passed as `--name`: the target's name as the generator spells type names.
    var apiName: String

    /// The eight files `gen` writes (`Generator.outputFileNames(name:)`): fixed, so that
    /// SwiftPM can plan the build before the generator runs. Scripts/plugin-check fails when the
    /// two lists differ (a missing output fails the build, an extra one leaves types out).
    var outputFileNames: [String] {
        ["\(apiName)Models.swift", "\(apiName)Models2.swift", "\(apiName)Models3.swift", "\(apiName)Models4.swift",
         "\(apiName)Client.swift", "\(apiName)Support.swift", "\(apiName)API.swift",
         "\(apiName)Server.swift"]
    }

    /// `gen`'s arguments for writing into (or, with `check`, checking) `outputDirectory`.
    func arguments(outputDirectory: URL, check: Bool = false) -> [String] {
        var arguments = [spec.path, "-o", outputDirectory.path, "--name", apiName]
        if let config { arguments += ["--config", config.path] }
        if check { arguments.append("--check") }
        return arguments
    }

    /// Finds the spec and config in `directory` (a SwiftPM target's folder). Reports every
    /// problem at once, one `Diagnostics.error` per offending path, and then throws. The path
    /// starts the message too: SwiftPM's command line does not print a diagnostic's `file`. With
    /// `requireSpec` false a folder without any spec (and without a config) gives `nil` instead
    /// of an error.
    static func find(targetName: String, directory: URL, requireSpec: Bool = true) throws -> GenTargetInputs? {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try find(
            targetName: targetName, candidates: listed.sorted().map { directory.appendingPathComponent($0) },
            place: directory.path, placeFile: directory.path, inputFiles: { relevantFiles(under: directory) },
            requireSpec: requireSpec)
    }

    /// Finds the spec and config among `files`, an Xcode target's input files (an app target has
    /// no folder of its own); the generator reruns when any of those that is a `.yaml`, `.yml`,
    /// `.json` or `.mustache` file changes. Reports problems as the folder form does.
    static func find(targetName: String, files: [URL]) throws -> GenTargetInputs? {
        let sorted = files.map(\.standardizedFileURL).sorted { $0.path < $1.path }
        return try find(
            targetName: targetName, candidates: sorted, place: "Xcode target '\(targetName)'", placeFile: nil,
            inputFiles: { sorted.filter { relevantExtensions.contains($0.pathExtension.lowercased()) } },
            requireSpec: true)
    }

    /// The shared search: `candidates` are the files a spec or config may be (found by name),
    /// `place` says where they were looked for (`placeFile`: as a diagnostic's file, when it is
    /// one), and `inputFiles` lists what the command depends on.
    private static func find(
        targetName: String, candidates: [URL], place: String, placeFile: String?, inputFiles: () -> [URL],
        requireSpec: Bool
    ) throws -> GenTargetInputs? {
        let specs = candidates.filter { specNames.contains($0.lastPathComponent) }
        let configs = candidates.filter { configNames.contains($0.lastPathComponent) }
        if specs.isEmpty && configs.isEmpty && !requireSpec { return nil }

        var problems = 0
        if specs.isEmpty {
            Diagnostics.error("\(place): target '\(targetName)' has no OpenAPI document; add one of \(specNames.joined(separator: ", "))"
                              + foundHint(candidates.map(\.lastPathComponent)), file: placeFile, line: nil)
            problems += 1
        }
        if specs.count > 1 {
            for spec in specs {
                Diagnostics.error("\(spec.path): target '\(targetName)' has \(specs.count) OpenAPI documents; keep exactly one", file: spec.path, line: nil)
                problems += 1
            }
        }
        if configs.count > 1 {
            for config in configs {
                Diagnostics.error("\(config.path): target '\(targetName)' has \(configs.count) config files; keep at most one", file: config.path, line: nil)
                problems += 1
            }
        }
        guard problems == 0, let spec = specs.first else {
            throw GenPluginError(message: "target '\(targetName)': \(problems) problem(s) with its OpenAPI inputs")
        }
        return GenTargetInputs(
            targetName: targetName, spec: spec, config: configs.first,
            inputFiles: inputFiles(), apiName: typeName(targetName))
    }

    /// `" (found api.yaml; rename it to openapi.yaml)"` for the YAML and JSON files (other than
    /// a config) that are in the folder, which are likely the spec under another name; empty
    /// when there are none.
    static func foundHint(_ listed: [String]) -> String {
        let candidates = listed.filter { name in
            let lowercased = name.lowercased()
            return !configNames.contains(name) && !name.hasPrefix(".")
                && (lowercased.hasSuffix(".yaml") || lowercased.hasSuffix(".yml") || lowercased.hasSuffix(".json"))
        }.sorted()
        guard let first = candidates.first else { return "" }
        guard candidates.count == 1 else {
            return " (found \(candidates.joined(separator: ", ")); rename the spec to openapi.yaml, or openapi.json)"
        }
        let target = first.lowercased().hasSuffix(".json") ? "openapi.json" : first.lowercased().hasSuffix(".yml") ? "openapi.yml" : "openapi.yaml"
        return " (found \(first); rename it to \(target))"
    }

    /// The files whose change reruns the generator: specs (multi-file ones too), configs, templates.
    private static let relevantExtensions: Set<String> = ["yaml", "yml", "json", "mustache"]

    /// Every `.yaml`, `.yml`, `.json` and `.mustache` file under `directory`, sorted.
    private static func relevantFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where relevantExtensions.contains(url.pathExtension.lowercased()) {
            files.append(url.standardizedFileURL)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// UpperCamelCase by splitting on everything but letters and digits, as the generator
    /// spells API names (`SwiftNaming.apiName`), so `gen --name` keeps it as it is and the
    /// declared output file names are the ones written: `relay-rest` → `RelayRest`.
    static func typeName(_ raw: String) -> String {
        let name = raw.split { !($0.isLetter || $0.isNumber) }
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
        guard let first = name.first else { return "Unnamed" }
        return first.isNumber ? "_" + name : name
    }
}

/// A failure already reported through `Diagnostics`; its message sums it up.
struct GenPluginError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension SourceModuleTarget {
    /// The target's folder. `directoryURL` needs tools version 6.1 (this package is on 6.0)
    /// and `Path.string` is deprecated: `String(describing:)` reads `Path`'s description instead.
    var directoryFileURL: URL {
        URL(fileURLWithPath: String(describing: directory), isDirectory: true)
    }
}
