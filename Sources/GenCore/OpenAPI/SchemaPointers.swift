import Foundation

/// The JSON pointers of the nodes at some source locations: where each generated type's schema
/// is in the spec (`#/components/schemas/Station`), for `gen --dump-context`.
enum SchemaPointers {
    /// The pointer of each mapping or sequence of `files` that starts at one of `locations`, as
    /// a URI fragment (`~1` for `/`, `~0` for `~`, percent-encoded where a fragment needs it).
    /// A file other than `rootFile` is named before the `#`, relative to `rootFile`'s folder
    /// (`parts/pet.yaml#/Pet`). Files that no longer load are skipped: the run read them once.
    static func find(_ locations: Set<SourceLocation>, files: [String], rootFile: String) -> [SourceLocation: String] {
        let rootFolder = (rootFile as NSString).deletingLastPathComponent
        var pointers: [SourceLocation: String] = [:]
        for file in files {
            guard case .success(let data) = InputFile.read(file),
                  let root = try? YAMLLoader().load([UInt8](data), file: file)
            else { continue }
            var prefix = ""
            if file != rootFile {
                prefix = rootFolder.isEmpty || !file.hasPrefix(rootFolder + "/") ? file : String(file.dropFirst(rootFolder.count + 1))
            }
            var tokens: [String] = []
            walk(root, tokens: &tokens) { node, tokens in
                guard locations.contains(node.location), pointers[node.location] == nil else { return }
                let pointer = tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
                pointers[node.location] = prefix + "#" + (pointer.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? pointer)
            }
        }
        return pointers
    }

    /// Calls `visit` on every mapping and sequence, outer ones first, with the tokens that lead
    /// to it from the document's root.
    private static func walk(_ node: YAMLNode, tokens: inout [String], visit: (YAMLNode, [String]) -> Void) {
        switch node.value {
        case .mapping(let pairs):
            visit(node, tokens)
            for (key, value) in pairs {
                tokens.append(key.scalarText ?? "")
                walk(value, tokens: &tokens, visit: visit)
                tokens.removeLast()
            }
        case .sequence(let items):
            visit(node, tokens)
            for (index, item) in items.enumerated() {
                tokens.append(String(index))
                walk(item, tokens: &tokens, visit: visit)
                tokens.removeLast()
            }
        default:
            break
        }
    }
}
