import Foundation
import GenTestSupport
import XCTest

final class ProcessRunnerTests: XCTestCase {
    func testEchoCapturesStdout() throws {
        let result = try ProcessRunner.run(name: "echo", arguments: ["hello", "world"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "hello world\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testNonzeroExitAndStderr() throws {
        let result = try ProcessRunner.run(name: "sh", arguments: ["-c", "echo oops >&2; exit 3"])
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stderr, "oops\n")
    }

    func testLargeOutputOnBothPipesDoesNotDeadlock() throws {
        // Far beyond a pipe buffer (64 KiB) on each stream at once.
        let script = "head -c 2000000 /dev/zero | tr '\\0' a; head -c 1000000 /dev/zero | tr '\\0' b >&2"
        let result = try ProcessRunner.run(name: "sh", arguments: ["-c", script], timeout: 60)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.count, 2_000_000)
        XCTAssertEqual(result.stderr.count, 1_000_000)
    }

    func testEnvironmentAndCurrentDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let result = try ProcessRunner.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "echo \"$GREETING\"; pwd -P"],
            environment: ["GREETING": "hi", "PATH": "/usr/bin:/bin"],
            currentDirectory: directory
        )
        XCTAssertEqual(result.stdout, "hi\n\(directory.path)\n")
    }

    func testTimeoutKillsTheProcess() throws {
        let start = Date()
        XCTAssertThrowsError(try ProcessRunner.run(name: "sleep", arguments: ["30"], timeout: 0.5)) { error in
            guard case ProcessRunnerError.timedOut(_, let seconds, _, _) = error else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(seconds, 0.5)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testSwiftCompilerAcceptsValidAndRejectsWarningCode() throws {
        let good = try SwiftCompiler.typecheck(sources: ["Good.swift": "public struct Good: Sendable { public var x: Int }\n"])
        XCTAssertEqual(good.exitCode, 0, good.output)
        // An unused variable is only a warning, which -warnings-as-errors must turn into a failure.
        let bad = try SwiftCompiler.typecheck(sources: ["Bad.swift": "func f() { let unused = 1 }\n"])
        XCTAssertNotEqual(bad.exitCode, 0)
        XCTAssertTrue(bad.output.contains("unused"), bad.output)
    }
}
