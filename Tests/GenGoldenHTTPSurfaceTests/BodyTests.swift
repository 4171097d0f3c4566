import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenGoldenHTTPSurface
import GenTestSupport
import XCTest

final class BodyTests: XCTestCase {
    func testJSONBodyUsesTheDocumentedMediaType() async throws {
        let transport = RecordingTransport(.json(201, Samples.itemJSON))
        let created = try await makeClient(transport).createJSON(body: Item(name: "Lamp", price: 9.5))
        XCTAssertEqual(created, Item(name: "Lamp", id: Samples.uuid, price: 9.5))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "POST")
        XCTAssertEqual(request.target, "/bodies/json")
        XCTAssertEqual(request.header("Content-Type"), "application/merge-patch+json")
        XCTAssertEqual(try canonicalJSON(try XCTUnwrap(request.httpBody)), #"{"name":"Lamp","price":9.5}"#)
    }

    func testFormBodyIsURLEncodedWithRepeatedArrayFields() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).submitForm(body: SubmitFormRequest(name: "n x", count: 3, flags: ["a", "b"]))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "POST")
        XCTAssertEqual(request.header("Content-Type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(request.bodyText, "count=3&flags=a&flags=b&name=n%20x")
    }

    func testFormBodyEncodesSeparatorsAndKeepsOneAndZeroAsNumbers() async throws {
        let transport = RecordingTransport()
        try await makeClient(transport).submitForm(body: SubmitFormRequest(name: "a&b=c+d/é", count: 1, flags: ["0"]))
        try await makeClient(transport).submitForm(body: SubmitFormRequest(name: "only"))

        let bodies = await transport.requests.map(\.bodyText)
        XCTAssertEqual(bodies, ["count=1&flags=0&name=a%26b%3Dc%2Bd%2F%C3%A9", "name=only"])
        // A server parsing the form gets the fields back exactly.
        var parser = URLComponents()
        parser.percentEncodedQuery = bodies[0]
        XCTAssertEqual(parser.queryItems?.map { "\($0.name)=\($0.value ?? "")" },
                       ["count=1", "flags=0", "name=a&b=c+d/é"])
    }

    func testMultipartBodyHasATextPartAndARawFilePart() async throws {
        let transport = RecordingTransport()
        let bytes = Data([0xFF, 0x00, 0x10, 0x0D, 0x0A, 0x2D, 0x2D, 0x80])
        try await makeClient(transport).upload(body: UploadRequest(title: "Report é", file: bytes))

        let request = try await transport.onlyRequest()
        let contentType = try XCTUnwrap(request.header("Content-Type"))
        XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary="), contentType)
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        XCTAssertFalse(boundary.isEmpty)
        let parts = try parseMultipart(try XCTUnwrap(request.httpBody), boundary: boundary)

        XCTAssertEqual(parts.count, 2)
        let title = try XCTUnwrap(parts.first { $0.headers.first?.contains(#"name="title""#) == true })
        XCTAssertEqual(title.headers, [#"Content-Disposition: form-data; name="title""#])
        XCTAssertEqual(title.body, Data("Report é".utf8))
        let file = try XCTUnwrap(parts.first { $0.headers.first?.contains(#"name="file""#) == true })
        XCTAssertEqual(file.headers, [#"Content-Disposition: form-data; name="file"; filename="file""#,
                                      "Content-Type: application/octet-stream"])
        XCTAssertEqual(file.body, bytes, "the file part must be the raw bytes, not base64")
    }

    func testMultipartBoundaryDiffersPerRequest() async throws {
        let transport = RecordingTransport()
        let client = makeClient(transport)
        try await client.upload(body: UploadRequest(title: "a", file: Data([1])))
        try await client.upload(body: UploadRequest(title: "a", file: Data([1])))

        let types = await transport.requests.compactMap { $0.header("Content-Type") }
        XCTAssertEqual(types.count, 2)
        XCTAssertNotEqual(types.first, types.last)
    }

    func testBinaryBodyAndResponseAreRawBytes() async throws {
        let answer = Data([0x00, 0xFE, 0xFF, 0x0A])
        let transport = RecordingTransport(CannedResponse(
            status: 200, headers: ["Content-Type": "application/octet-stream"], body: answer))
        let sent = Data([0xFF, 0x00, 0x10])
        let received = try await makeClient(transport).putBinary(body: sent)
        XCTAssertEqual(received, answer)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "PUT")
        XCTAssertEqual(request.header("Content-Type"), "application/octet-stream")
        XCTAssertEqual(request.header("Accept"), "application/octet-stream")
        XCTAssertEqual(request.httpBody, sent)
    }

    func testTextBodyAndResponse() async throws {
        let transport = RecordingTransport(CannedResponse(
            status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data("back ✓\n".utf8)))
        let text = try await makeClient(transport).putText(body: "héllo\nworld")
        XCTAssertEqual(text, "back ✓\n")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.httpMethod, "PUT")
        XCTAssertEqual(request.header("Content-Type")?.hasPrefix("text/plain"), true, "\(request.allHTTPHeaderFields ?? [:])")
        XCTAssertEqual(request.header("Accept"), "text/plain")
        XCTAssertEqual(request.httpBody, Data("héllo\nworld".utf8))
    }

    func testOptionalTextBodyOmittedSendsNoBodyAndNoContentType() async throws {
        let transport = RecordingTransport(CannedResponse(status: 200, body: Data("x".utf8)))
        _ = try await makeClient(transport).putText()

        let request = try await transport.onlyRequest()
        XCTAssertNil(request.httpBody)
        XCTAssertNil(request.header("Content-Type"))
    }

    func testChoiceBodyJSON() async throws {
        let transport = RecordingTransport(.json(200, Samples.itemJSON))
        _ = try await makeClient(transport).createChoice(body: .json(Item(name: "Lamp", price: 9.5)))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(try canonicalJSON(try XCTUnwrap(request.httpBody)), #"{"name":"Lamp","price":9.5}"#)
    }

    func testChoiceBodyForm() async throws {
        let transport = RecordingTransport(.json(200, Samples.itemJSON))
        _ = try await makeClient(transport).createChoice(body: .form(Item(name: "Desk lamp", price: 9.5)))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.header("Content-Type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(request.bodyText, "name=Desk%20lamp&price=9.5")
    }
}

/// One part of a multipart body: its header lines and its content bytes.
struct MultipartPart {
    var headers: [String]
    var body: Data
}

/// Splits a `multipart/form-data` body (RFC 2046 §5.1.1) on its boundary; throws when the
/// framing is wrong (missing close delimiter, a part without a blank line after its headers).
func parseMultipart(_ data: Data, boundary: String) throws -> [MultipartPart] {
    struct Malformed: Error { var reason: String }
    // The CRLF before a delimiter belongs to the delimiter, so prefix one for the first.
    let whole = Data("\r\n".utf8) + data
    let delimiter = Data("\r\n--\(boundary)".utf8)
    var chunks: [Data] = []
    var start = whole.startIndex
    while let found = whole.range(of: delimiter, in: start..<whole.endIndex) {
        chunks.append(whole[start..<found.lowerBound])
        start = found.upperBound
    }
    let rest = whole[start...]
    guard rest == Data("--\r\n".utf8) || rest == Data("--".utf8) else {
        throw Malformed(reason: "no close delimiter; after the last boundary: \(Array(rest))")
    }
    guard let preamble = chunks.first, preamble.isEmpty else { throw Malformed(reason: "preamble before the first part") }
    return try chunks.dropFirst().map { chunk in
        guard chunk.starts(with: Data("\r\n".utf8)),
              let blank = chunk.range(of: Data("\r\n\r\n".utf8)) else {
            throw Malformed(reason: "part without headers: \(Array(chunk))")
        }
        guard blank.lowerBound > chunk.startIndex else { return MultipartPart(headers: [], body: Data(chunk[blank.upperBound...])) }
        let head = String(decoding: chunk[(chunk.startIndex + 2)..<blank.lowerBound], as: UTF8.self)
        return MultipartPart(headers: head.components(separatedBy: "\r\n"), body: Data(chunk[blank.upperBound...]))
    }
}
