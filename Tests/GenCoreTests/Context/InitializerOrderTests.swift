import Foundation
import XCTest
@testable import GenCore

/// A call names what it must first: required properties without a default lead the
/// initializer, the defaulted ones follow, and `init(from:)` passes them in that order.
final class InitializerOrderTests: RobustnessTestCase {
    func testRequiredPropertiesComeFirst() throws {
        let path = try write(Self.spec("""
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  required: [name, kind, size]
                  properties:
                    id: {type: string}
                    name: {type: string}
                    kind: {type: string, default: lamp}
                    note: {type: string}
                    size: {type: integer}
            """))
        let models = try XCTUnwrap(try Generator.run(GeneratorOptions(specPath: path)).files.first { $0.name.hasSuffix("Models.swift") })
        XCTAssertTrue(models.contents.contains(
            #"public init(name: String, size: Int, id: String? = nil, kind: String = "lamp", note: String? = nil) {"#),
                      models.contents)
        XCTAssertTrue(models.contents.contains("""
                    name: container.read(.name), size: container.read(.size), id: container.readIfPresent(.id),
            """), models.contents)
    }
}
