import Foundation
import Hummingbird
import HttpSurface
import XCTest

/// The http-surface fixture's server under Hummingbird: each parameter style and explode, each
/// body kind, called by the generated client; each handler records what the server decoded.
final class HttpSurfaceHummingbirdTests: XCTestCase {
    private func handlers(_ calls: Calls) -> HttpSurfaceAPIStub {
        var stub = HttpSurfaceAPIStub()
        stub.pathSimple = { id, ids, point in await calls.append("simple \(id) \(ids) \(point.x),\(point.y)") }
        stub.pathLabel = { id, ids in await calls.append("label \(id) \(ids)") }
        stub.pathMatrix = { id, ids in await calls.append("matrix \(id) \(ids)") }
        stub.queryStyles = { q, limit, tags, ids, spaced, piped, filter, at, mode in
            let fields: [String] = [q, "\(limit ?? -1)", "\(tags ?? [])", "\(ids ?? [])", "\(spaced ?? [])", "\(piped ?? [])",
                                    "\(filter?.color ?? "-")/\(filter?.size ?? -1)", "\(at?.timeIntervalSince1970 ?? -1)",
                                    mode?.rawValue ?? "-"]
            return Echo(query: fields.joined(separator: " | "))
        }
        stub.headerAndCookie = { id, tags, session in await calls.append("header \(id) \(tags ?? []) \(session ?? "-")") }
        stub.createJSON = { $0 }
        stub.submitForm = { form in await calls.append("form \(form.name) \(form.count ?? -1) \(form.flags ?? [])") }
        stub.upload = { upload in await calls.append("multipart \(upload.title) \(Array(upload.file))") }
        stub.putBinary = { Data($0.reversed()) }
        stub.putText = { $0.map { "got " + $0 } ?? "got nothing" }
        stub.createChoice = { choice in
            switch choice {
            case .json(let item): Item(name: "json " + item.name, id: item.id, price: item.price)
            case .form(let item): Item(name: "form " + item.name, id: item.id, price: item.price)
            }
        }
        stub.uploadRaw = { body, _ in await calls.append("raw \(body.count)") }
        return stub
    }

    func testEveryParameterStyleAndBodyKindReachesTheHandlerAsSent() async throws {
        let calls = Calls()
        let api = handlers(calls)
        try await withHummingbird({ router in
            router.add(middleware: HttpSurfaceServer(api: api).hummingbird(BasicRequestContext.self))
        }) { url in
            let client = HttpSurfaceClient(serverURL: url, retry: .none)
            try await client.pathSimple(id: 7, ids: ["a b", "c,d"], point: Point(x: 1, y: -2))
            try await client.pathLabel(id: "x.y", ids: [1, 2])
            try await client.pathMatrix(id: "m;n", ids: [3, 4])
            let echo = try await client.queryStyles(
                q: "a&b=c", limit: 5, tags: ["t1", "t 2"], ids: [1, 2], spaced: ["s1", "s2"], piped: ["p1", "p2"],
                filter: Filter(color: "red", size: 3), at: Date(timeIntervalSince1970: 1_700_000_000), mode: .fast)
            XCTAssertEqual(echo.query, #"a&b=c | 5 | ["t1", "t 2"] | [1, 2] | ["s1", "s2"] | ["p1", "p2"] | red/3 | 1700000000.0 | fast"#)
            let none = try await client.queryStyles(q: "only")
            XCTAssertEqual(none.query, #"only | -1 | [] | [] | [] | [] | -/-1 | -1.0 | -"#)
            let id = UUID(uuidString: "9b2e8c4a-1f3d-4e5b-8a7c-6d0e1f2a3b4c")!
            try await client.headerAndCookie(xRequestID: id, xTags: ["h1", "h2"], session: "s-1")
            let item = Item(name: "Lamp", id: id, price: 9.5)
            let created = try await client.createJSON(body: item)
            XCTAssertEqual(created, item)
            try await client.submitForm(body: SubmitFormRequest(name: "A & B", count: 2, flags: ["x", "y"]))
            try await client.upload(body: UploadRequest(title: "pic", file: Data([0, 1, 2, 255])))
            let reversed = try await client.putBinary(body: Data([1, 2, 3]))
            XCTAssertEqual(reversed, Data([3, 2, 1]))
            let text = try await client.putText(body: "héllo")
            XCTAssertEqual(text, "got héllo")
            let nothing = try await client.putText()
            XCTAssertEqual(nothing, "got nothing")
            let viaJSON = try await client.createChoice(body: .json(item))
            XCTAssertEqual(viaJSON.name, "json Lamp")
            let viaForm = try await client.createChoice(body: .form(Item(name: "Desk")))
            XCTAssertEqual(viaForm.name, "form Desk")
            try await client.uploadRaw(body: Data(count: 1000), serverURL: url)
            for call in [client.withBearer, client.withAPIKeys, client.withOAuth, client.withOptionalAuth] {
                do {
                    try await call()
                    XCTFail("an operation without a handler answered")
                } catch HttpSurfaceError.undocumented(let status, _, let body) {
                    XCTAssertEqual(status, 500, "a stub without a closure fails its handler")
                    XCTAssertTrue(String(decoding: body, as: UTF8.self).contains("handler failed"))
                } catch HttpSurfaceError.invalidRequest {
                    // The client refuses to send without the credentials the operation needs.
                }
            }
        }
        let seen = await calls.all
        XCTAssertEqual(seen, [
            #"simple 7 ["a b", "c,d"] 1,-2"#,
            "label x.y [1, 2]",
            "matrix m;n [3, 4]",
            #"header 9B2E8C4A-1F3D-4E5B-8A7C-6D0E1F2A3B4C ["h1", "h2"] s-1"#,
            #"form A & B 2 ["x", "y"]"#,
            "multipart pic [0, 1, 2, 255]",
            "raw 1000",
        ])
    }
}
