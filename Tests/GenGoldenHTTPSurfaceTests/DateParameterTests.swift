import Foundation
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

/// A date a server sent goes back in a parameter as it came (to the microsecond): "filter by
/// the timestamp the server just sent" finds that item.
final class DateParameterTests: LoopbackTestCase {
    func testAServersDateIsSentBackUnchanged() async throws {
        let (server, client) = try serve { _ in .json(200, #"{"query":"x"}"#) }
        for sent in ["2024-05-06T07:08:48.978998Z", "2024-05-06T07:08:48.942000Z", "1955-11-05T06:15:00.000001Z",
                     "2107-01-01T00:00:00.999999Z"] {
            let date = try HttpSurfaceClient.jsonDecoder().decode([Date].self, from: Data("[\"\(sent)\"]".utf8))[0]
            _ = try await client.queryStyles(q: "x", at: date)
            let target = try XCTUnwrap(server.requests.last?.path)
            XCTAssertTrue(target.hasSuffix("&at=" + sent.replacingOccurrences(of: ":", with: "%3A")), target)
        }
    }

    func testADateRFC3339CannotWriteIsRefusedBeforeSending() async throws {
        let (server, client) = try serve { _ in .json(200, #"{"query":"x"}"#) }
        do {
            _ = try await client.queryStyles(q: "x", at: Date(timeIntervalSince1970: 253_402_300_801))
            XCTFail("year 10000 must be refused")
        } catch HttpSurfaceError.invalidRequest(let reason) {
            XCTAssertTrue(reason.contains("parameter 'at'"), reason)
        }
        XCTAssertEqual(server.requests.count, 0)
    }
}
