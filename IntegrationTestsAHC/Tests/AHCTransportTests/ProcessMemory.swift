import Foundation

/// The process's resident memory, from /proc/self/status (Linux).
enum ProcessMemory {
    /// Resets the peak (VmHWM) to the current resident size (`clear_refs` value 5, Linux 4.0 and
    /// later) and returns that size, in KiB.
    static func resetPeak() throws -> Int {
        try Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
        return try field("VmRSS")
    }

    /// The peak resident size since the last reset, in KiB.
    static func peakKB() throws -> Int {
        try field("VmHWM")
    }

    private static func field(_ name: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            if let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return value }
        }
        throw CocoaError(.fileReadCorruptFile)
    }
}
