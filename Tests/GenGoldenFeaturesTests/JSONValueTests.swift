import Foundation
@testable import GenGoldenFeatures
import GenTestSupport
import XCTest

/// A free-form value is usable as it is: members, elements, typed reads, and decoding into a
/// generated type with the client's date format.
final class JSONValueTests: XCTestCase {
    private func value(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    func testLiteralsAreTheJSONTheyLookLike() throws {
        let written: JSONValue = ["who": "world", "times": 3, "ratio": 0.5, "on": true, "tags": ["a", 1], "note": .null, "nested": ["k": []]]
        XCTAssertEqual(written, try value(#"{"who":"world","times":3,"ratio":0.5,"on":true,"tags":["a",1],"note":null,"nested":{"k":[]}}"#))
        XCTAssertEqual(written["times"], .int(3))
        XCTAssertEqual(written["ratio"], .double(0.5))
        let key = "dynamic"
        XCTAssertEqual(JSONValue.object([key: 1]), ["dynamic": 1])
        XCTAssertEqual(["a": 1, "a": 2] as JSONValue, ["a": 2], "a repeated key keeps its last value, as JSON decoders do")
        XCTAssertEqual(try wireJSON(["b": [true, false], "a": "x"] as JSONValue), #"{"a":"x","b":[true,false]}"#)
    }

    func testMembersElementsAndTypedReads() throws {
        let document = try value(#"{"name": "Ada", "age": 36, "ratio": 0.5, "on": true, "tags": ["a", "b"], "none": null}"#)
        XCTAssertEqual(document["name"]?.stringValue, "Ada")
        XCTAssertEqual(document["age"]?.intValue, 36)
        XCTAssertEqual(document["age"]?.doubleValue, 36, "an integer is a number too")
        XCTAssertEqual(document["ratio"]?.doubleValue, 0.5)
        XCTAssertNil(document["ratio"]?.intValue)
        XCTAssertEqual(document["on"]?.boolValue, true)
        XCTAssertEqual(document["tags"]?[1]?.stringValue, "b")
        XCTAssertNil(document["tags"]?[2], "out of range")
        XCTAssertNil(document["missing"])
        XCTAssertEqual(document["none"]?.isNull, true)
        XCTAssertEqual(document["tags"]?.arrayValue?.count, 2)
        XCTAssertEqual(document.objectValue?.count, 6)
        XCTAssertNil(document[0], "an object has no elements")
        XCTAssertNil(document["tags"]?["name"], "an array has no members")
    }

    func testDecodesIntoAGeneratedTypeWithTheClientsDates() throws {
        let document = try value("""
            {"when": "2024-05-06T07:08:09.250Z", "id": "\(IDs.pet)", "small": 1, "big": 2, "ratio": 0.25,
             "precise": 0.1, "blob": "AAEC/v8="}
            """)
        let formats = try document.decode(Formats.self)
        XCTAssertEqual(formats.when.timeIntervalSince1970, 1_714_979_289.25, accuracy: 0.001)
        XCTAssertEqual(formats.id, IDs.petUUID)
        XCTAssertThrowsError(try value(#"{"when": 5}"#).decode(Formats.self))
    }
}
