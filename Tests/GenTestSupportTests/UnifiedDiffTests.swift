import GenTestSupport
import XCTest

final class UnifiedDiffTests: XCTestCase {
    private let tenLines = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"

    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(GoldenFiles.unifiedDiff(expected: tenLines, actual: tenLines, expectedName: "a", actualName: "b"), "")
    }

    func testChangedLineYieldsOneHunkWithThreeLinesOfContext() {
        let actual = tenLines.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let diff = GoldenFiles.unifiedDiff(expected: tenLines, actual: actual, expectedName: "expected/A.swift", actualName: "actual/A.swift")
        XCTAssertEqual(diff, """
            --- expected/A.swift
            +++ actual/A.swift
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesGetSeparateHunksAndNearOnesMerge() {
        let lines = (1...30).map { "l\($0)" }
        var changed = lines
        changed[1] = "X"      // line 2
        changed[24] = "Y"     // line 25: far from line 2
        changed.insert("Z", at: 28)  // after line 28: within 6 lines of line 25, so merged;
        // checked against `diff -u`
        let diff = GoldenFiles.unifiedDiff(
            expected: lines.joined(separator: "\n") + "\n",
            actual: changed.joined(separator: "\n") + "\n",
            expectedName: "a", actualName: "b"
        )
        let headers = diff.split(separator: "\n").filter { $0.hasPrefix("@@") }
        XCTAssertEqual(headers, ["@@ -1,5 +1,5 @@", "@@ -22,9 +22,10 @@"])
    }

    func testInsertionIntoAndDeletionToEmptyFiles() {
        XCTAssertEqual(GoldenFiles.unifiedDiff(expected: "", actual: "a\nb\n", expectedName: "x", actualName: "y"),
                       "--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        XCTAssertEqual(GoldenFiles.unifiedDiff(expected: "only\n", actual: "", expectedName: "x", actualName: "y"),
                       "--- x\n+++ y\n@@ -1 +0,0 @@\n-only\n")
    }

    func testMissingFinalNewlineIsReported() {
        let diff = GoldenFiles.unifiedDiff(expected: "a\nb\n", actual: "a\nb", expectedName: "x", actualName: "y")
        XCTAssertEqual(diff, "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n")
    }

    func testMatchesDiffUtilityOnAScrambledExample() throws {
        let expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
        let actual = "a\nc\nd\nX\ne\nf\ng\nh\nY\nj\nk\nl\n"
        let diff = GoldenFiles.unifiedDiff(expected: expected, actual: actual, expectedName: "x", actualName: "y")
        XCTAssertEqual(diff, """
            --- x
            +++ y
            @@ -1,11 +1,12 @@
             a
            -b
             c
             d
            +X
             e
             f
             g
             h
            -i
            +Y
             j
             k
            +l

            """)
    }
}
