import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenPaging
import GenTestSupport
import XCTest

/// The README's paging snippet (section "Paging"), run here against a loopback server; the test
/// checks that the README holds it as written.
final class PagingReadmeTests: XCTestCase {
    private static let snippet = """
        // Every pet, two to a page: the next page is asked for when these are read.
        for try await pet in client.listCursorPetsItems(limit: 2) {
            print(pet.id)
        }
        // Page by page, leaving after the first: no second request is sent.
        for try await page in client.listOffsetPetsPages(limit: 2) {
            print(page.total, page.items.count)
            break
        }
        """

    func testSnippetRunsAndIsInTheReadme() async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.path.prefix(while: { $0 != "?" }) {
            case "/cursor-pets" where request.path.contains("cursor=c1"):
                .json(200, #"{"data": [{"id": "p3"}], "next_cursor": null}"#)
            case "/cursor-pets":
                .json(200, #"{"data": [{"id": "p1"}, {"id": "p2"}], "next_cursor": "c1"}"#)
            case "/offset-pets":
                .json(200, #"{"items": [{"id": "p1"}, {"id": "p2"}], "total": 3}"#)
            default:
                .text(404, "no \(request.path)")
            }
        }
        let client = PagingClient(serverURL: server.baseURL, retry: .none)

        // Every pet, two to a page: the next page is asked for when these are read.
        for try await pet in client.listCursorPetsItems(limit: 2) {
            print(pet.id)
        }
        // Page by page, leaving after the first: no second request is sent.
        for try await page in client.listOffsetPetsPages(limit: 2) {
            print(page.total, page.items.count)
            break
        }

        XCTAssertEqual(server.requests.map(\.path), ["/cursor-pets?limit=2", "/cursor-pets?cursor=c1&limit=2", "/offset-pets?limit=2"])
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains("```swift\n" + Self.snippet + "\n```"), "README.md's paging snippet differs from this test's")
    }
}
