import XCTest

/// Client methods from responses: the return type and the status `switch`, error handlers, media types.
///
/// Each test: a spec fragment, the declaration it generates (see Snippet.swift).
final class ResponseSnippetTests: XCTestCase {
    /// A 200 with a JSON body: the method returns the decoded body. The only success response
    /// documented, it also reads the other 2XX statuses (servers answer 201 to a create documented
    /// as 200).
    func testJSONBodyIsReturned() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /pets/{id}:
              get:
                operationId: getPet
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema:
                      type: string
                responses:
                  '200':
                    description: The pet.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Pet'
            """, declaration: "getPetWithResponse", #"""
                /// Like `getPet`, and also returns the response's status and headers.
                public func getPetWithResponse(id: String) async throws -> HTTPResponse<Pet> {
                    let request = RequestBuilder(method: "GET", path: "/pets/\(WireFormat.pathSegment(id))", accept: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299: return Self.success(response, try Self.decode(Pet.self, from: response))
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// A 204 without a body: the method returns nothing. The only success response, it also
    /// reads the other 2XX statuses that come empty.
    func testNoContentReturnsVoid() throws {
        try assertSnippet(paths: """
            /pets/{id}:
              delete:
                operationId: deletePet
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema:
                      type: string
                responses:
                  '204':
                    description: Deleted.
            """, declaration: "deletePetWithResponse", #"""
                /// Like `deletePet`, and also returns the response's status and headers.
                public func deletePetWithResponse(id: String) async throws -> HTTPResponse<Void> {
                    let request = RequestBuilder(method: "DELETE", path: "/pets/\(WireFormat.pathSegment(id))", accept: nil)
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299 where response.status == 204 || response.body.isEmpty: return Self.success(response, ())
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// The only success response, documented without a body: another 2XX that came empty is that
    /// success too (Prefect documents `POST /templates/validate` as 200 and answers 204); one
    /// that came with a body stays undocumented, so that nobody's body is dropped in silence.
    func testOnlySuccessWithoutBodyTakesAnEmpty2XX() throws {
        try assertSnippet(paths: """
            /templates/validate:
              post:
                operationId: validateTemplate
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: string
                responses:
                  '200':
                    description: Valid.
            """, declaration: "validateTemplateWithResponse", #"""
                /// Like `validateTemplate`, and also returns the response's status and headers.
                public func validateTemplateWithResponse(body: String? = nil) async throws -> HTTPResponse<Void> {
                    var request = RequestBuilder(method: "POST", path: "/templates/validate", accept: nil)
                    try request.setJSONBody(body, contentType: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299 where response.status == 200 || response.body.isEmpty: return Self.success(response, ())
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// A 200 with a body and a 204 without: the method returns an optional.
    func testBodyOrNoContentReturnsOptional() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /pets/next:
              get:
                operationId: nextPet
                responses:
                  '200':
                    description: A pet.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Pet'
                  '204':
                    description: None left.
            """, declaration: "nextPetWithResponse", #"""
                /// Like `nextPet`, and also returns the response's status and headers.
                public func nextPetWithResponse() async throws -> HTTPResponse<Pet?> {
                    let request = RequestBuilder(method: "GET", path: "/pets/next", accept: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200: return Self.success(response, try Self.decode(Pet.self, from: response))
                    case 204: return Self.success(response, nil)
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// Documented error responses are thrown by a shared handler with their decoded bodies.
    func testErrorResponsesGoToAHandler() throws {
        let snippet = try Snippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            Problem:
              type: object
              required: [message]
              properties:
                message:
                  type: string
            """, paths: """
            /pets/{id}:
              get:
                operationId: getPet
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema:
                      type: string
                responses:
                  '200':
                    description: The pet.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Pet'
                  '404':
                    description: No such pet.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Problem'
                  default:
                    description: Anything else.
            """)
        assertDeclaration("getPetWithResponse", in: snippet, #"""
                /// Like `getPet`, and also returns the response's status and headers.
                public func getPetWithResponse(id: String) async throws -> HTTPResponse<Pet> {
                    let request = RequestBuilder(method: "GET", path: "/pets/\(WireFormat.pathSegment(id))", accept: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200: return Self.success(response, try Self.decode(Pet.self, from: response))
                    default: throw try Self.errorFor404OrDefault(response)
                    }
                }
            """#)
        assertDeclaration("errorFor404OrDefault", in: snippet, #"""
                /// The error for a response with status 404, as documented, or any other status, as
                /// the `default` response.
                private static func errorFor404OrDefault(_ response: HTTPResponseData) throws -> SnippetError {
                    switch response.status {
                    case 404: return Self.failure(response, .problem(try Self.decode(Problem.self, from: response)))
                    default: return Self.failure(response, .empty)
                    }
                }
            """#)
    }

    /// `text/plain` is read as a String, other media types as Data.
    func testTextAndDataBodies() throws {
        let snippet = try Snippet(paths: """
            /report:
              get:
                operationId: getReport
                responses:
                  '200':
                    description: The report.
                    content:
                      text/plain:
                        schema:
                          type: string
            /logo:
              get:
                operationId: getLogo
                responses:
                  '200':
                    description: The logo.
                    content:
                      image/png:
                        schema:
                          type: string
                          format: binary
            """)
        assertDeclaration("getReport", in: snippet, #"""
                /// - Throws: `SnippetError`.
                public func getReport() async throws -> String {
                    try await getReportWithResponse().body
                }
            """#)
        assertDeclaration("getLogo", in: snippet, #"""
                /// - Throws: `SnippetError`.
                public func getLogo() async throws -> Data {
                    try await getLogoWithResponse().body
                }
            """#)
    }

    /// A `2XX` range is a range pattern in the status `switch`.
    func testStatusRanges() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /pets:
              get:
                operationId: listPets
                responses:
                  2XX:
                    description: The pets.
                    content:
                      application/json:
                        schema:
                          type: array
                          items:
                            $ref: '#/components/schemas/Pet'
            """, declaration: "listPetsWithResponse", #"""
                /// Like `listPets`, and also returns the response's status and headers.
                public func listPetsWithResponse() async throws -> HTTPResponse<[Pet]> {
                    let request = RequestBuilder(method: "GET", path: "/pets", accept: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299: return Self.success(response, try Self.decode([Pet].self, from: response))
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }
}
