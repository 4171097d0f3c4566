import Foundation

/// Finds the node a `$ref` points to: a JSON pointer in the same file, or a file next to the
/// spec (optionally with a pointer into it). Each file is loaded once.
public final class RefResolver {
    /// A resolved reference: the node, and a key that is the same for every spelling of the
    /// same target (so `a.yaml#/X` and `#/X` from inside `a.yaml` meet).
    public struct Target {
        public var node: YAMLNode
        public var key: String
    }

    private let rootDirectory: URL
    /// The root file as the user named it.
    private let rootFile: String
    /// The root file's folder as the user wrote it ("" for the current folder).
    private let rootPrefix: String
    /// The root document's `$self` (OpenAPI 3.2), made absolute against the root file's URL:
    /// the base of the root's relative `$ref`s. The spec's folder stands for its folder.
    private var selfURL: URL?
    private let loader: YAMLLoader
    private var documents: [String: YAMLNode] = [:]

    /// `rootFile` is the spec as the user named it; refs may reach files in its folder and below.
    public init(rootFile: String, rootNode: YAMLNode, loader: YAMLLoader) {
        self.rootDirectory = URL(fileURLWithPath: rootFile).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
        if let slash = rootFile.lastIndex(of: "/") {
            self.rootPrefix = String(rootFile[..<slash])
        } else {
            self.rootPrefix = ""
        }
        self.rootFile = rootFile
        self.loader = loader
        documents[rootFile] = rootNode
    }

    /// Takes the root document's `$self` as the base URI of the root's `$ref`s. A reference
    /// that resolves into `$self`'s folder reads the file at the same place under the spec's
    /// folder (so `https://example.com/api/schemas.yaml` beside `$self:
    /// https://example.com/api/openapi.yaml` is `schemas.yaml` here); anything else is refused.
    func setSelf(_ uri: String, at location: SourceLocation) throws(DiagnosticsError) {
        let fileURL = URL(fileURLWithPath: rootFile).standardizedFileURL
        guard !uri.contains("#"), let url = URL(string: uri, relativeTo: fileURL)?.absoluteURL, url.scheme != nil else {
            throw DiagnosticsError(.error("'$self' must be a URI without a fragment: '\(uri)'", at: location))
        }
        selfURL = url.standardized
    }

    /// Every file loaded so far, root first: the inputs a build system should watch.
    /// Strings of the files loaded for `$ref`s that hold noncharacters (see `YAMLLoader`).
    public private(set) var noncharacters: [SourceLocation] = []

    public var loadedFiles: [String] {
        documents.keys.sorted()
    }

    public func resolve(_ ref: String, from file: String, at location: SourceLocation) throws(DiagnosticsError) -> Target {
        let (filePart, pointer) = split(ref)
        let targetFile: String
        if filePart.isEmpty {
            targetFile = file
        } else if file == rootFile, let selfURL {
            targetFile = try fileBeside(selfURL, filePart, ref: ref, at: location)
        } else {
            targetFile = try relativeFile(filePart, from: file, at: location)
        }
        let root = try document(targetFile, at: location)
        let node = try follow(pointer, in: root, ref: ref, at: location)
        return Target(node: node, key: targetFile + "#" + pointer)
    }

    private func split(_ ref: String) -> (file: String, pointer: String) {
        guard let hash = ref.firstIndex(of: "#") else { return (ref, "") }
        return (String(ref[..<hash]), String(ref[ref.index(after: hash)...]))
    }

    /// The local file for `reference` resolved against `base` (the root's `$self`).
    private func fileBeside(_ base: URL, _ reference: String, ref: String,
                            at location: SourceLocation) throws(DiagnosticsError) -> String {
        guard let target = URL(string: reference, relativeTo: base)?.absoluteURL.standardized,
              let targetPath = URLComponents(url: target, resolvingAgainstBaseURL: false)?.percentEncodedPath,
              let basePath = URLComponents(url: base, resolvingAgainstBaseURL: false)?.percentEncodedPath else {
            throw DiagnosticsError(.error("'$ref' is not a URI reference: '\(ref)'", at: location))
        }
        // A `$self` without a path (`https://example.com`, `urn:…`) has no folder but its whole space.
        let folder = basePath.lastIndex(of: "/").map { basePath[...$0] } ?? ""
        let sameAuthority = target.scheme == base.scheme && target.host == base.host && target.port == base.port
            && target.user == base.user
        if sameAuthority && targetPath == basePath { return rootFile }
        guard sameAuthority, targetPath.hasPrefix(folder), targetPath.count > folder.count else {
            throw DiagnosticsError(.error(
                "'$ref' '\(ref)' resolves against '$self' to '\(target.absoluteString)', outside the folder of '$self'",
                at: location, note: "only files in the spec's folder are read, which stands for '$self''s folder"))
        }
        return try relativeFile(String(targetPath.dropFirst(folder.count)), from: rootFile, at: location)
    }

    private func relativeFile(_ path: String, from file: String, at location: SourceLocation) throws(DiagnosticsError) -> String {
        if path.contains("://") || path.hasPrefix("//") {
            throw DiagnosticsError(.error("'$ref' to a URL is not supported: '\(path)'", at: location,
                                          note: "download the document and refer to it by a relative path"))
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let decoded = Self.percentDecoded(path) ?? path
        // Symlinks are followed before the check, so a link cannot lead out of the folder.
        let target = base.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = rootDirectory.path.hasSuffix("/") ? rootDirectory.path : rootDirectory.path + "/"
        guard target.path.hasPrefix(rootPath) else {
            throw DiagnosticsError(.error("'$ref' leaves the spec's folder: '\(path)'", at: location))
        }
        // Keep the path relative in the way the user wrote the root, so diagnostics stay short.
        let relative = String(target.path.dropFirst(rootPath.count))
        return rootPrefix.isEmpty ? relative : rootPrefix + "/" + relative
    }

    private func document(_ file: String, at location: SourceLocation) throws(DiagnosticsError) -> YAMLNode {
        if let loaded = documents[file] { return loaded }
        // Only regular files: a FIFO or a device would never end.
        let type = (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType
        guard type == .typeRegular, let data = FileManager.default.contents(atPath: file) else {
            throw DiagnosticsError(.error("'$ref' names a file that cannot be read: '\(file)'", at: location))
        }
        let node = try loader.load([UInt8](data), file: file, noncharacters: &noncharacters)
        documents[file] = node
        return node
    }

    private func follow(_ pointer: String, in root: YAMLNode, ref: String, at location: SourceLocation) throws(DiagnosticsError) -> YAMLNode {
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else {
            throw DiagnosticsError(.error("'$ref' fragment must be a JSON pointer starting with '/': '\(ref)'", at: location))
        }
        var node = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = Self.unescape(String(rawToken))
            var next: YAMLNode?
            if let items = node.sequence {
                if let index = Int(token), items.indices.contains(index) { next = items[index] }
            } else {
                next = node[token]
            }
            guard let found = next else {
                throw DiagnosticsError(.error("'$ref' target not found: '\(ref)' (no '\(token)')", at: location))
            }
            node = found
        }
        return node
    }

    /// JSON pointer unescaping (`~1` → `/`, `~0` → `~`) after URI percent-decoding, as
    /// fragments are URI-encoded pointers (RFC 6901 §6).
    static func unescape(_ token: String) -> String {
        // Most tokens are plain names; skip Foundation's bridging for them (a hot path: every
        // `$ref` of a big spec comes through here).
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") }) else { return token }
        let decoded = percentDecoded(token) ?? token
        return decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// `text` with `%XX` escapes decoded as UTF-8; `nil` when an escape is malformed or the
    /// bytes are not UTF-8. Foundation's `removingPercentEncoding` drops a leading U+FEFF on
    /// Linux, so a reference to a name that starts with one would miss its target.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        // Decoding repairs invalid UTF-8 with U+FFFD; a repaired string is no longer the bytes.
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
