import Foundation

/// Writes generated files so that a failure never leaves a half-written output: every file
/// is first written in full beside the folder, then moved into place; files whose bytes did
/// not change are not touched, so build systems see no change. When a move fails part way,
/// the files already moved are put back, so the folder holds either the old set or the new.
public struct OutputWriter {
    /// The outcome of comparing generated files with a folder.
    public struct Plan: Sendable {
        /// Files that are missing or differ on disk.
        public var changed: [GeneratedFile]
        public var unchanged: [String]
        /// The names of the `changed` files that are not in the folder at all.
        public var missing: Set<String> = []

        /// What `--check` prints when the folder is not up to date (nothing when it is): one
        /// `path: error: missing` or `path: error: stale` line per file, in `directory` as the
        /// user named it, then a note with `updateCommand`, the command that brings it up to date.
        public func checkReport(directory: URL, updateCommand: String) -> [String] {
            guard !changed.isEmpty else { return [] }
            let lines = changed.map { file in
                "\(directory.appendingPathComponent(file.name).relativePath): error: \(missing.contains(file.name) ? "missing" : "stale")"
            }
            return lines + ["note: to bring \(directory.relativePath) up to date, run: \(updateCommand)"]
        }
    }

    /// The two file operations whose failure the writer must survive; tests replace them to
    /// simulate a full disk or a failing rename, which cannot be provoked reliably as root.
    public struct FileOperations: Sendable {
        /// Writes a whole file.
        public var write: @Sendable (_ data: Data, _ url: URL) throws -> Void
        /// Moves a file over another on the same file system, atomically (`rename(2)`).
        public var move: @Sendable (_ source: URL, _ target: URL) throws -> Void

        public init(write: @escaping @Sendable (Data, URL) throws -> Void,
                    move: @escaping @Sendable (URL, URL) throws -> Void) {
            self.write = write
            self.move = move
        }

        public static let real = FileOperations(
            write: { data, url in try data.write(to: url) },
            move: { source, target in
                guard rename(source.path, target.path) == 0 else {
                    throw MoveError(reason: String(cString: strerror(errno)))
                }
            })
    }

    /// A failed `rename(2)`, with the system's reason.
    public struct MoveError: Error, CustomStringConvertible {
        public var reason: String
        public init(reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    public let directory: URL
    public let operations: FileOperations

    public init(directory: URL, operations: FileOperations = .real) {
        self.directory = directory
        self.operations = operations
    }

    public func plan(_ files: [GeneratedFile]) -> Plan {
        var plan = Plan(changed: [], unchanged: [])
        for file in files {
            let existing = FileManager.default.contents(atPath: directory.appendingPathComponent(file.name).path)
            if existing == Data(file.contents.utf8) {
                plan.unchanged.append(file.name)
            } else {
                plan.changed.append(file)
                if existing == nil { plan.missing.insert(file.name) }
            }
        }
        return plan
    }

    /// Writes the changed files of `plan`; throws a located-free diagnostic on I/O failure.
    public func write(_ plan: Plan) throws(DiagnosticsError) {
        guard !plan.changed.isEmpty else { return }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DiagnosticsError(.error("the output path '\(directory.path)' is a file, not a folder", at: nil))
        }
        if let reason = Self.makeDirectory(directory.path) {
            throw DiagnosticsError(.error("cannot create the output folder '\(directory.path)': \(reason)", at: nil))
        }
        // Stage inside the output folder so the final moves stay on one file system (atomic).
        let staging = directory.appendingPathComponent(".gen-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? manager.removeItem(at: staging) }
        try? manager.removeItem(at: staging)
        if let reason = Self.makeDirectory(staging.path) {
            throw DiagnosticsError(.error("cannot write into '\(directory.path)': \(reason)", at: nil,
                                          note: "the previous output was left as it was"))
        }
        do {
            for file in plan.changed {
                try operations.write(Data(file.contents.utf8), staging.appendingPathComponent(file.name))
            }
        } catch {
            throw DiagnosticsError(.error("cannot write into '\(directory.path)': \(Self.reason(error))", at: nil,
                                          note: "the previous output was left as it was"))
        }
        // Hard links to the files about to be replaced, so a failed move can restore them.
        let backups = staging.appendingPathComponent(".previous", isDirectory: true)
        try? manager.createDirectory(at: backups, withIntermediateDirectories: true)
        var moved: [(target: URL, existed: Bool, backup: URL?)] = []
        for file in plan.changed {
            let source = staging.appendingPathComponent(file.name)
            let target = directory.appendingPathComponent(file.name)
            var backup: URL?
            let existed = manager.fileExists(atPath: target.path)
            if existed {
                let candidate = backups.appendingPathComponent(file.name)
                if link(target.path, candidate.path) == 0 || (try? manager.copyItem(at: target, to: candidate)) != nil {
                    backup = candidate
                }
            }
            do {
                try operations.move(source, target)
                moved.append((target, existed, backup))
            } catch {
                let restored = rollBack(moved)
                throw DiagnosticsError(.error(
                    "cannot move '\(file.name)' into '\(directory.path)': \(Self.reason(error))", at: nil,
                    note: restored ? "the previous output was left as it was"
                                   : "the output folder may hold a mix of old and new files; run gen again"))
            }
        }
    }

    /// Puts back the files replaced so far; `false` when one could not be restored.
    private func rollBack(_ moved: [(target: URL, existed: Bool, backup: URL?)]) -> Bool {
        var complete = true
        for (target, existed, backup) in moved.reversed() {
            if let backup {
                if rename(backup.path, target.path) != 0 { complete = false }
            } else if existed {
                // No copy of the old file could be made; the new one stays rather than nothing.
                complete = false
            } else if unlink(target.path) != 0 {
                complete = false
            }
        }
        return complete
    }

    /// `mkdir -p` by `mkdir(2)`, so the reason is the system's ("Not a directory") rather than
    /// FileManager's, which on Linux is a bare "NSCocoaErrorDomain error 512" for most causes.
    /// `nil` once the folder exists.
    private static func makeDirectory(_ path: String) -> String? {
        if mkdir(path, 0o777) == 0 { return nil }
        var code = errno
        if code == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, parent != path, let reason = makeDirectory(parent) { return reason }
            if mkdir(path, 0o777) == 0 { return nil }
            code = errno
        }
        if code == EEXIST {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return nil }
            code = ENOTDIR
        }
        return String(cString: strerror(code))
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            // Foundation on Linux prefixes the POSIX text with "The operation could not be completed."
            if underlying.domain == NSPOSIXErrorDomain, let code = Int32(exactly: underlying.code) {
                return String(cString: strerror(code))
            }
            return underlying.localizedDescription
        }
        if let move = error as? MoveError {
            return move.reason
        }
        return error.localizedDescription
    }
}
