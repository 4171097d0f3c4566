import XCTest
@testable import GenCore

/// "Did you mean" for `gen`'s options and `gen.yaml`'s keys.
final class SuggestionTests: XCTestCase {
    func testEditDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        XCTAssertEqual(Suggestion.editDistance("acess", "access"), 1)
        XCTAssertEqual(Suggestion.editDistance("nmae", "name"), 1, "a swap of neighbours is one edit")
        XCTAssertEqual(Suggestion.editDistance("outptu", "output"), 1)
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("same", "same"), 0)
    }

    func testClosestIgnoresCaseAndDashesAndStaysWithinTheLimit() {
        let flags = ["--output", "--check", "--name", "--client-name", "--access"]
        XCTAssertEqual(Suggestion.closest(to: "--acess", in: flags), "--access")
        XCTAssertEqual(Suggestion.closest(to: "-output", in: flags), "--output")
        XCTAssertEqual(Suggestion.closest(to: "--CHECK", in: flags), "--check")
        XCTAssertEqual(Suggestion.closest(to: "--clientname", in: flags), "--client-name")
        XCTAssertNil(Suggestion.closest(to: "--bogus", in: flags))
        XCTAssertNil(Suggestion.closest(to: "--nm", in: flags), "two edits are too many for a word of two letters")
        XCTAssertNil(Suggestion.closest(to: "--", in: flags))
        XCTAssertEqual(Suggestion.closest(to: "nam", in: ["name", "same"]), "name", "on a tie the first wins")
        XCTAssertEqual(Suggestion.hint(for: "acess", in: ["access"]), "; did you mean 'access'?")
        XCTAssertEqual(Suggestion.hint(for: "colour", in: ["access"]), "")
    }
}
