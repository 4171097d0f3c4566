import Foundation
import GenCore
import GenTestSupport
import XCTest

/// Output that cannot be written: the run fails with a clear message, and the folder keeps
/// the previous output byte for byte, with no staging folder left behind.
///
/// Tests run as root, which ignores permission bits, so an unwritable folder is made by
/// putting the output path under a regular file, and a full disk by a failing writer.
final class OutputFailureTests: RobustnessTestCase {
    private struct Failure: Error {}

    private func generated() throws -> [GeneratedFile] {
        try Generator.run(GeneratorOptions(specPath: Fixtures.url("Corpus/oai-petstore.yaml").path)).files
    }

    /// Every entry of `directory` (hidden ones included) with its bytes.
    private func snapshot(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[name] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return result
    }

    /// An output folder holding an earlier generation, from a different spec so every file differs.
    private func previousOutput() throws -> URL {
        let out = folder.appendingPathComponent("out")
        let earlier = try Generator.run(GeneratorOptions(specPath: Fixtures.url("Corpus/oai-tictactoe.yaml").path,
                                                         name: "OaiPetstore")).files
        let writer = OutputWriter(directory: out)
        try writer.write(writer.plan(earlier))
        return out
    }

    func testOutputFolderUnderARegularFile() throws {
        let blocker = folder.appendingPathComponent("blocker")
        try Data("keep\n".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("out")
        let writer = OutputWriter(directory: out)
        XCTAssertThrowsError(try writer.write(writer.plan(try generated()))) { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.severity, .error)
            XCTAssertEqual(diagnostic?.message, "cannot create the output folder '\(out.path)': Not a directory")
            XCTAssertNil(diagnostic?.location, "an I/O problem has no place in the spec")
        }
        XCTAssertEqual(try Data(contentsOf: blocker), Data("keep\n".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["blocker"])
    }

    func testOutputPathThatIsAFile() throws {
        let out = folder.appendingPathComponent("out.swift")
        try Data("keep\n".utf8).write(to: out)
        let writer = OutputWriter(directory: out)
        XCTAssertThrowsError(try writer.write(writer.plan(try generated()))) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.description,
                           "error: the output path '\(out.path)' is a file, not a folder")
        }
        XCTAssertEqual(try Data(contentsOf: out), Data("keep\n".utf8))
    }

    func testDiskFullWhileStagingLeavesThePreviousOutput() throws {
        let out = try previousOutput()
        let before = try snapshot(out)
        XCTAssertEqual(before.count, 8)
        let writes = Counter()
        let diskFull = OutputWriter.FileOperations(
            write: { data, url in
                // The second file fails after the first was staged in full.
                if writes.next() == 2 {
                    throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
                }
                try data.write(to: url)
            },
            move: OutputWriter.FileOperations.real.move)
        let writer = OutputWriter(directory: out, operations: diskFull)
        let plan = writer.plan(try generated())
        XCTAssertEqual(plan.changed.count, 8)
        XCTAssertThrowsError(try writer.write(plan)) { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.message, "cannot write into '\(out.path)': No space left on device")
            XCTAssertEqual(diagnostic?.note, "the previous output was left as it was")
        }
        XCTAssertEqual(writes.value, 2)
        XCTAssertEqual(try snapshot(out), before, "byte-identical, and no staging folder left")
    }

    func testFailedMoveRestoresTheFilesAlreadyMoved() throws {
        let out = try previousOutput()
        let before = try snapshot(out)
        let moves = Counter()
        let failingMove = OutputWriter.FileOperations(
            write: OutputWriter.FileOperations.real.write,
            move: { source, target in
                // The third move fails after two files were replaced.
                if moves.next() == 3 { throw OutputWriter.MoveError(reason: "Input/output error") }
                try OutputWriter.FileOperations.real.move(source, target)
            })
        let writer = OutputWriter(directory: out, operations: failingMove)
        let plan = writer.plan(try generated())
        XCTAssertThrowsError(try writer.write(plan)) { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.message, "cannot move '\(plan.changed[2].name)' into '\(out.path)': Input/output error")
            XCTAssertEqual(diagnostic?.note, "the previous output was left as it was")
        }
        XCTAssertEqual(moves.value, 3)
        XCTAssertEqual(try snapshot(out), before, "the two moved files are restored; no staging folder left")
    }

    func testFailedMoveRemovesNewFilesThatHadNoPreviousVersion() throws {
        let out = folder.appendingPathComponent("fresh")
        let moves = Counter()
        let failingMove = OutputWriter.FileOperations(
            write: OutputWriter.FileOperations.real.write,
            move: { source, target in
                if moves.next() == 2 { throw OutputWriter.MoveError(reason: "Input/output error") }
                try OutputWriter.FileOperations.real.move(source, target)
            })
        let writer = OutputWriter(directory: out, operations: failingMove)
        XCTAssertThrowsError(try writer.write(writer.plan(try generated())))
        XCTAssertEqual(try snapshot(out), [:], "no file of the failed run is left")
    }

    func testSuccessfulWriteLeavesOnlyTheFiles() throws {
        let out = try previousOutput()
        let files = try generated()
        let writer = OutputWriter(directory: out)
        try writer.write(writer.plan(files))
        XCTAssertEqual(try snapshot(out), Dictionary(uniqueKeysWithValues: files.map { ($0.name, Data($0.contents.utf8)) }))
    }
}

/// A thread-safe call counter for the injected file operations.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
