import XCTest

/// Client methods from operations: argument order, names, labels, reserved headers, styles and bodies.
///
/// Each test: a spec fragment, the declaration it generates (see Snippet.swift).
final class ParameterSnippetTests: XCTestCase {
    /// Required parameters come first as non-optional arguments, optional ones last with `= nil`; names in
    /// lowerCamelCase.
    func testPathQueryAndHeaderParameters() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /owners/{owner_id}/pets:
              get:
                operationId: list-owner-pets
                parameters:
                  - name: owner_id
                    in: path
                    required: true
                    schema:
                      type: string
                      format: uuid
                  - name: page_size
                    in: query
                    schema:
                      type: integer
                  - name: X-Request-ID
                    in: header
                    required: true
                    schema:
                      type: string
                responses:
                  '200':
                    description: The pets.
                    content:
                      application/json:
                        schema:
                          type: array
                          items:
                            $ref: '#/components/schemas/Pet'
            """, declaration: "listOwnerPetsWithResponse", #"""
                /// Like `listOwnerPets`, and also returns the response's status and headers.
                public func listOwnerPetsWithResponse(
                    ownerID: UUID, xRequestID: String, pageSize: Int? = nil
                ) async throws -> HTTPResponse<[Pet]> {
                    var request = RequestBuilder(method: "GET", path: "/owners/\(WireFormat.pathSegment(ownerID.uuidString.lowercased()))/pets", accept: "application/json")
                    request.addQuery("page_size", pageSize.map { v0 in String(v0) })
                    request.setHeader("X-Request-ID", xRequestID)
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299: return Self.success(response, try Self.decode([Pet].self, from: response))
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// The plain method takes the same arguments and returns the body only.
    func testPlainMethodForwardsToWithResponse() throws {
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
                summary: Get a pet
                description: One pet, by id.
                parameters:
                  - name: id
                    in: path
                    required: true
                    description: The pet's id.
                    schema:
                      type: string
                responses:
                  '200':
                    description: The pet.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Pet'
            """, declaration: "getPet", #"""
                /// Get a pet
                ///
                /// One pet, by id.
                ///
                /// - Parameters:
                ///   - id: The pet's id.
                /// - Throws: `SnippetError`.
                public func getPet(id: String) async throws -> Pet {
                    try await getPetWithResponse(id: id).body
                }
            """#)
    }

    /// `Authorization`, `Accept` and `Content-Type` header parameters are not arguments: the spec says they are
    /// ignored.
    func testReservedHeadersAreIgnored() throws {
        try assertSnippet(paths: """
            /ping:
              get:
                operationId: ping
                parameters:
                  - name: Authorization
                    in: header
                    schema:
                      type: string
                  - name: Accept
                    in: header
                    schema:
                      type: string
                  - name: verbose
                    in: query
                    schema:
                      type: boolean
                responses:
                  '204':
                    description: Alive.
            """, declaration: "ping", #"""
                /// - Throws: `SnippetError`.
                public func ping(verbose: Bool? = nil) async throws {
                    _ = try await pingWithResponse(verbose: verbose)
                }
            """#)
    }

    /// An array in `form` style with `explode: false`, and an object in `deepObject` style.
    func testStyledQueryParameters() throws {
        try assertSnippet(schemas: """
            Filter:
              type: object
              properties:
                color:
                  type: string
            """, paths: """
            /search:
              get:
                operationId: search
                parameters:
                  - name: ids
                    in: query
                    explode: false
                    schema:
                      type: array
                      items:
                        type: string
                  - name: filter
                    in: query
                    style: deepObject
                    schema:
                      $ref: '#/components/schemas/Filter'
                responses:
                  '204':
                    description: Done.
            """, declaration: "searchWithResponse", #"""
                /// Like `search`, and also returns the response's status and headers.
                public func searchWithResponse(ids: [String]? = nil, filter: Filter? = nil) async throws -> HTTPResponse<Void> {
                    var request = RequestBuilder(method: "GET", path: "/search", accept: nil)
                    request.addQuery("ids", ids.map { v in ParameterValue.array(v) }, style: "form", explode: false)
                    request.addQuery("filter", filter.map { v in ParameterValue.object(WireFormat.objectFields(v)) }, style: "deepObject", explode: false)
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299 where response.status == 204 || response.body.isEmpty: return Self.success(response, ())
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }

    /// Without an `operationId` the method is named from the HTTP method and the path.
    func testNameFromMethodAndPathWithoutOperationId() throws {
        try assertSnippet(paths: """
            /users/{user_id}/settings:
              put:
                parameters:
                  - name: user_id
                    in: path
                    required: true
                    schema:
                      type: integer
                responses:
                  '204':
                    description: Saved.
            """, declaration: "putUsersUserIDSettings", #"""
                /// - Throws: `SnippetError`.
                public func putUsersUserIDSettings(userID: Int) async throws {
                    _ = try await putUsersUserIDSettingsWithResponse(userID: userID)
                }
            """#)
    }

    /// A parameter named like a keyword is escaped as a label.
    func testKeywordParameterName() throws {
        try assertSnippet(paths: """
            /items:
              get:
                operationId: listItems
                parameters:
                  - name: in
                    in: query
                    schema:
                      type: string
                  - name: for
                    in: query
                    required: true
                    schema:
                      type: string
                responses:
                  '204':
                    description: Listed.
            """, declaration: "listItems", #"""
                /// - Throws: `SnippetError`.
                public func listItems(`for`: String, `in`: String? = nil) async throws {
                    _ = try await listItemsWithResponse(for: `for`, in: `in`)
                }
            """#)
    }

    /// A required JSON body is the `body` argument after the required parameters.
    func testJSONRequestBody() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /pets:
              post:
                operationId: createPet
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
                responses:
                  '201':
                    description: Created.
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Pet'
            """, declaration: "createPet", #"""
                /// - Throws: `SnippetError`.
                public func createPet(body: Pet) async throws -> Pet {
                    try await createPetWithResponse(body: body).body
                }
            """#)
    }

    /// A body that is not required is `body: T? = nil`.
    func testOptionalRequestBody() throws {
        try assertSnippet(schemas: """
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            """, paths: """
            /pets/{id}:
              patch:
                operationId: updatePet
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema:
                      type: string
                requestBody:
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
                responses:
                  '204':
                    description: Updated.
            """, declaration: "updatePet", #"""
                /// - Throws: `SnippetError`.
                public func updatePet(id: String, body: Pet? = nil) async throws {
                    _ = try await updatePetWithResponse(id: id, body: body)
                }
            """#)
    }

    /// A JSON body of UUIDs is written lowercase, as UUID properties are (Foundation's encoder
    /// writes `uuidString`, in capitals); found by Scripts/conformance-check (issue 20).
    func testAJSONBodyOfUUIDsIsWrittenLowercase() throws {
        try assertSnippet(paths: """
            /pets/bulk-delete:
              post:
                operationId: deletePets
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {type: string, format: uuid}
                responses:
                  '204': {description: Deleted.}
            """, declaration: "deletePetsWithResponse", #"""
                /// Like `deletePets`, and also returns the response's status and headers.
                public func deletePetsWithResponse(body: [UUID]) async throws -> HTTPResponse<Void> {
                    var request = RequestBuilder(method: "POST", path: "/pets/bulk-delete", accept: nil)
                    try request.setJSONBody(body.map { v0 in v0.uuidString.lowercased() }, contentType: "application/json")
                    let response = try await send(request, security: nil)
                    switch response.status {
                    case 200...299 where response.status == 204 || response.body.isEmpty: return Self.success(response, ())
                    default: throw Self.undocumented(response)
                    }
                }
            """#)
    }
}
