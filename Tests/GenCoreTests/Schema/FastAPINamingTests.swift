import Foundation
@testable import GenCore
import GenTestSupport
import XCTest

/// The names a document FastAPI wrote gets (Tests/Fixtures/FastAPI: `openapi.json`, made from
/// `app.py` as its docstring says): each method is called as its Python function is.
final class FastAPINamingTests: XCTestCase {
    private func generate() throws -> (client: String, models: String) {
        let result = try Generator.run(GeneratorOptions(specPath: Fixtures.url("FastAPI/openapi.json").path))
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
        let models = files.filter { $0.key.hasPrefix("OpenapiModels") }.values.sorted().joined()
        return (try XCTUnwrap(files["OpenapiClient.swift"]), models)
    }

    func testMethodsAreNamedAfterTheirFunctions() throws {
        let client = try generate().client
        let methods = client.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "public func "), !line.contains("WithResponse") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "(" })
        }
        XCTAssertEqual(methods.sorted(), [
            "deleteItem", "filterItems", "health", "healthV2", "readItemByName", "readItems", "readItemsOfUser",
        ])
        XCTAssertTrue(client.contains("public func readItemByName(storeID: String, itemName: String)"), client)
    }

    func testTheCombinedBodyIsNamedAfterItsFunction() throws {
        let (client, models) = try generate()
        XCTAssertTrue(models.contains("public struct FilterItemsBody:"), models)
        XCTAssertFalse(models.contains("BodyFilterItems"), models)
        XCTAssertTrue(client.contains("body: FilterItemsBody"), client)
    }
}
