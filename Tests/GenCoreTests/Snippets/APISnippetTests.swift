@testable import GenCore
import XCTest

/// The API protocol and its stub (`<Name>API.swift`): requirements in the client's terms, and
/// names that no model can take.
final class APISnippetTests: XCTestCase {
    private static let putPet = """
        /pets/{id}:
          put:
            operationId: putPet
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: dryRun, in: query, schema: {type: boolean}}
            requestBody:
              required: true
              content:
                application/json: {schema: {$ref: '#/components/schemas/SnippetAPI'}}
                text/plain: {schema: {type: string}}
            responses:
              '201': {description: stored}
        """

    /// Schemas named like the protocol and the stub are renamed, as one named like the client is.
    func testModelsNamedLikeTheProtocolOrTheStubAreRenamed() throws {
        let snippet = try Snippet(schemas: """
            SnippetAPI: {type: object, properties: {name: {type: string}}}
            SnippetAPIStub: {type: object, properties: {name: {type: string}}}
            """, paths: Self.putPet)
        XCTAssertNotNil(snippet.declaration("SnippetAPIModel"))
        XCTAssertNotNil(snippet.declaration("SnippetAPIStubModel"))
        let api = try XCTUnwrap(snippet.files["SnippetAPI.swift"])
        XCTAssertTrue(api.contains("public protocol SnippetAPI: Sendable {"), api)
        XCTAssertTrue(api.contains("public struct SnippetAPIStub: SnippetAPI {"), api)
    }

    /// A model named like the stub's nested error would be hidden by it in the stub's closures.
    func testAModelNamedLikeTheStubsErrorIsRenamed() throws {
        let snippet = try Snippet(schemas: "Unimplemented: {type: object, properties: {name: {type: string}}}", paths: """
            /things:
              get:
                operationId: getThing
                responses:
                  '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Unimplemented'}}}}
            """)
        let api = try XCTUnwrap(snippet.files["SnippetAPI.swift"])
        XCTAssertTrue(api.contains("public var getThing: (@Sendable () async throws -> UnimplementedModel)?"), api)
    }

    /// A requirement drops the client's defaults (the extension keeps them) and names a body
    /// choice through the client, where the enum is nested.
    func testARequirementIsTheClientsWithResponseMethod() throws {
        let snippet = try Snippet(schemas: "SnippetAPI: {type: object, properties: {name: {type: string}}}",
                                  paths: Self.putPet)
        let api = try XCTUnwrap(snippet.files["SnippetAPI.swift"])
        XCTAssertTrue(api.contains("""
                func putPetWithResponse(
                    id: String, body: SnippetClient.PutPetBody, dryRun: Bool?
                ) async throws -> HTTPResponse<Void>
            """), api)
        XCTAssertTrue(api.contains("""
                public func putPet(id: String, body: SnippetClient.PutPetBody, dryRun: Bool? = nil) async throws {
                    _ = try await putPetWithResponse(id: id, body: body, dryRun: dryRun)
                }
            """), api)
        XCTAssertTrue(api.contains("""
                public var putPet: (@Sendable (_ id: String, _ body: SnippetClient.PutPetBody, _ dryRun: Bool?) async throws -> Void)?
            """), api)
        XCTAssertTrue(api.contains(#"HTTPResponse(status: 201, headers: [:], body: try await Self.answer(self.putPet, "putPet(id:body:dryRun:)")(id, body, dryRun))"#), api)
    }
}
