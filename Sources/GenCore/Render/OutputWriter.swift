import Foundation

/// Writes generated files so that a failure never leaves a half-written output: every file
/// is first written in full beside the folder, then moved into place; files whose bytes did
/// not change are not touched, so build systems see no change.
public struct OutputWriter {
    /// The outcome of comparing generated files with a folder.
    public struct Plan: Sendable {
        /// Files that are missing or differ on disk.
        public var changed: [GeneratedFile]
        public var unchanged: [String]
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func plan(_ files: [GeneratedFile]) -> Plan {
        var plan = Plan(changed: [], unchanged: [])
        for file in files {
            let existing = FileManager.default.contents(atPath: directory.appendingPathComponent(file.name).path)
            if existing == Data(file.contents.utf8) {
                plan.unchanged.append(file.name)
            } else {
                plan.changed.append(file)
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
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError(.error("cannot create the output folder '\(directory.path)': \(Self.reason(error))", at: nil))
        }
        // Stage inside the output folder so the final moves stay on one file system (atomic).
        let staging = directory.appendingPathComponent(".gen-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? manager.removeItem(at: staging) }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in plan.changed {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
        } catch {
            throw DiagnosticsError(.error("cannot write into '\(directory.path)': \(Self.reason(error))", at: nil,
                                          note: "the previous output was left as it was"))
        }
        for file in plan.changed {
            let source = staging.appendingPathComponent(file.name).path
            let target = directory.appendingPathComponent(file.name).path
            guard rename(source, target) == 0 else {
                throw DiagnosticsError(.error("cannot move '\(file.name)' into '\(directory.path)': \(String(cString: strerror(errno)))", at: nil))
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return error.localizedDescription
    }
}
