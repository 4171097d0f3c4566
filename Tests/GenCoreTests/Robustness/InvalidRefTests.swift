import Foundation
import GenCore
import XCTest

/// `$ref`s that cannot be followed: each is one located error at the reference, and loops
/// end in a diagnostic instead of a hang.
final class InvalidRefTests: RobustnessTestCase {
    /// A schema `Pet` whose property `owner` is the reference `ref`; `{` is at line 11, column 16.
    private static func schemaRef(_ ref: String) -> String {
        spec("""
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: {$ref: '\(ref)'}

            """)
    }

    func testSchemaRefToMissingPointer() throws {
        try assertFails(Self.schemaRef("#/components/schemas/Nope"),
                        "'$ref' target not found: '#/components/schemas/Nope' (no 'Nope')", at: 11, 16)
    }

    /// A mapping that names no schema loses only its value: the run goes on, with a warning at it.
    func testDiscriminatorMappingToMissingSchemaIsALocatedWarning() throws {
        let path = try write(Self.spec("""
            paths: {}
            components:
              schemas:
                Cat: {type: object, properties: {kind: {type: string}}}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}]
                  discriminator:
                    propertyName: kind
                    mapping: {cat: Cat, dog: Dog}

            """))
        let result = try Generator.run(GeneratorOptions(specPath: path))
        XCTAssertEqual(result.warnings.map(\.headline), [
            "\(path):13:34: warning: discriminator mapping is ignored: '$ref' target not found: '#/components/schemas/Dog' (no 'Dog')",
        ])
    }

    func testResponseRefToMissingPointer() throws {
        try assertFails(Self.spec("""
            paths:
              /pets:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/Nope'}

            """), "'$ref' target not found: '#/components/responses/Nope' (no 'components')", at: 9, 23)
    }

    func testRefToMissingFile() throws {
        try assertFails(Self.schemaRef("missing.yaml#/Pet"),
                        "'$ref' names a file that cannot be read: '\(folder.path)/missing.yaml'", at: 11, 16)
    }

    func testRefToURL() throws {
        try assertFails(Self.schemaRef("https://example.com/pet.yaml#/Pet"),
                        "'$ref' to a URL is not supported: 'https://example.com/pet.yaml'", at: 11, 16,
                        note: "download the document and refer to it by a relative path")
    }

    func testRefEscapingTheSpecFolder() throws {
        // The target exists, so only the folder rule can refuse it.
        try write("Pet: {type: object}\n", "x.yaml")
        try assertFails(Self.schemaRef("../x.yaml#/Pet"), name: "inner/spec.yaml",
                        "'$ref' leaves the spec's folder: '../x.yaml'", at: 11, 16, inFile: "inner/spec.yaml")
    }

    func testErrorInsideAReferencedFileIsLocatedThere() throws {
        try write("Pet:\n  type: object\n  properties: [oops]\n", "pet.yaml")
        try assertFails(Self.schemaRef("pet.yaml#/Pet"), "'properties' must be a mapping, found a sequence", at: 3, 15,
                        inFile: "pet.yaml")
    }

    func testParameterRefLoop() throws {
        try assertFails(Self.spec("""
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: '#/components/parameters/A'
                  responses:
                    '200': {description: ok}
            components:
              parameters:
                A: {$ref: '#/components/parameters/B'}
                B: {$ref: '#/components/parameters/A'}

            """), "'$ref' loops back to itself: '#/components/parameters/A'", at: 15, 8)
    }

    func testResponseRefLoop() throws {
        try assertFails(Self.spec("""
            paths:
              /pets:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/A'}
            components:
              responses:
                A: {$ref: '#/components/responses/B'}
                B: {$ref: '#/components/responses/A'}

            """), "'$ref' loops back to itself: '#/components/responses/A'", at: 13, 8)
    }

    func testSelfReferencingResponse() throws {
        try assertFails(Self.spec("""
            paths:
              /pets:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/A'}
            components:
              responses:
                A: {$ref: '#/components/responses/A'}

            """), "'$ref' loops back to itself: '#/components/responses/A'", at: 12, 8)
    }

    /// A schema loop has no shape to generate; today it becomes `JSONValue` with a located
    /// warning, and the run finishes.
    func testSchemaRefLoop() throws {
        let path = try write(Self.spec("""
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
                User:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/A'}

            """))
        let result = try withinTime(.seconds(5), "a schema $ref loop") {
            try Generator.run(GeneratorOptions(specPath: path))
        }
        XCTAssertEqual(result.files.count, Generator.outputFileNames(name: result.name).count)
        let warning = try XCTUnwrap(result.warnings.first, "no diagnostic for the loop")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.message, "schema refers to itself without an object in between; using JSONValue")
        XCTAssertEqual(warning.location?.file, path)
        XCTAssertEqual(warning.location?.mark, Mark(line: 8, column: 8))
    }
}
