#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why `ProcessRunner.run` produced no result.
public enum ProcessRunnerError: Error, CustomStringConvertible, Sendable {
    /// The process did not exit in time and was killed; the output read so far is attached.
    case timedOut(command: String, seconds: TimeInterval, stdout: String, stderr: String)

    public var description: String {
        switch self {
        case let .timedOut(command, seconds, stdout, stderr):
            "\(command) did not finish within \(seconds)s and was killed\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
        }
    }
}

/// Runs a child process to completion and captures its output.
public enum ProcessRunner {
    /// Runs `executable`, waiting at most `timeout` seconds.
    ///
    /// - Parameter environment: replaces the inherited environment when given (as
    ///   `Process.environment` does); pass `ProcessInfo.processInfo.environment.merging(...)`
    ///   to add to it instead.
    /// - Throws: `ProcessRunnerError.timedOut` after killing a process that ran too long, or the
    ///   error from `Process.run()` if it could not be started.
    public static func run(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        timeout: TimeInterval = 120
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        let stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Both pipes are drained concurrently with the wait: a child that fills one pipe's
        // buffer while we block on the other (or on its exit) would otherwise deadlock.
        let stdout = PipeDrain(stdoutPipe.fileHandleForReading)
        let stderr = PipeDrain(stderrPipe.fileHandleForReading)

        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
            // A grandchild may still hold the pipes open; do not wait for it.
            let command = ([executable.path] + arguments).joined(separator: " ")
            throw ProcessRunnerError.timedOut(
                command: command, seconds: timeout,
                stdout: stdout.text(waitingAtMost: 2), stderr: stderr.text(waitingAtMost: 2)
            )
        }
        process.waitUntilExit()
        return (process.terminationStatus, stdout.text(waitingAtMost: .infinity), stderr.text(waitingAtMost: .infinity))
    }

    /// Runs the program `name`, found on `PATH` by `/usr/bin/env`; a name containing "/" is used as a path.
    public static func run(
        name: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        timeout: TimeInterval = 120
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        if name.contains("/") {
            return try run(executable: URL(fileURLWithPath: name), arguments: arguments,
                           environment: environment, currentDirectory: currentDirectory, timeout: timeout)
        }
        return try run(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: [name] + arguments,
                       environment: environment, currentDirectory: currentDirectory, timeout: timeout)
    }
}

/// Reads a pipe to EOF on its own thread.
private final class PipeDrain: Sendable {
    private let data = Locked(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [data, done] in
            // Incremental reads, so output is kept even if we stop waiting before EOF.
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.withLock { $0.append(chunk) }
            }
            done.signal()
        }
        thread.start()
    }

    func text(waitingAtMost seconds: TimeInterval) -> String {
        if seconds == .infinity {
            done.wait()
        } else {
            _ = done.wait(timeout: .now() + seconds)
        }
        return String(decoding: data.withLock { $0 }, as: UTF8.self)
    }
}
