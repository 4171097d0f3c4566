import XCTest

/// The snippet helper itself: which lines make a declaration, and what a mismatch shows.
final class SnippetHelperTests: XCTestCase {
    private let snippet = Snippet(files: [
        "AModels.swift": """
            /// A pet.
            @available(*, deprecated)
            public struct Pet: Codable {
                /// Its name.
                public var name: String

                public enum Kind: String {
                    case cat
                }
            }

            """,
        "AClient.swift": """
            public struct AClient {
                /// Gets one.
                public func getPet(
                    id: String
                ) async throws -> Pet {
                    fatalError()
                }
            }
            """,
    ])

    func testADeclarationRunsFromItsDocCommentToItsClosingBrace() {
        XCTAssertEqual(snippet.declaration("Kind"), "    public enum Kind: String {\n        case cat\n    }")
        XCTAssertEqual(snippet.declaration("getPet"),
                       "    /// Gets one.\n    public func getPet(\n        id: String\n    ) async throws -> Pet {\n        fatalError()\n    }")
        XCTAssertEqual(snippet.declaration("Pet")?.split(separator: "\n").first, "/// A pet.")
        XCTAssertEqual(snippet.declaration("Pet")?.split(separator: "\n").last, "}")
        XCTAssertNil(snippet.declaration("Owner"))
        XCTAssertEqual(snippet.declaration("Pet.Kind"), snippet.declaration("Kind"))
        XCTAssertNil(snippet.declaration("AClient.Kind"), "Kind is not nested in AClient")
        XCTAssertEqual(snippet.declaredNames, ["AClient", "getPet", "Pet", "Kind"])
    }

    func testAMismatchIsShownAsADiff() throws {
        XCTAssertNil(snippet.mismatch("Kind", expected: "    public enum Kind: String {\n        case cat\n    }"))
        let diff = try XCTUnwrap(snippet.mismatch("Kind", expected: "    public enum Kind: String {\n        case dog\n    }"))
        XCTAssertTrue(diff.contains("\n-        case dog\n+        case cat\n"), diff)
        XCTAssertEqual(snippet.mismatch("Owner", expected: ""), "no declaration named 'Owner'; declared: AClient, getPet, Pet, Kind")
    }
}
