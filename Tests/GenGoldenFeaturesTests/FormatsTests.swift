import Foundation
@testable import GenGoldenFeatures
import GenTestSupport
import XCTest

/// String and number formats, and what the spec's `default`s turn into.
final class FormatsTests: XCTestCase {
    /// 2024-05-06T07:08:09Z.
    private let instant = Date(timeIntervalSince1970: 1_714_979_289)
    private let blobBytes = Data([0x00, 0x01, 0x02, 0xFE, 0xFF])

    private func payload(when: String = "2024-05-06T07:08:09Z", id: String = IDs.pet) -> String {
        """
        {"when":"\(when)","id":"\(id)","small":-2147483648,"big":9223372036854775807,
         "ratio":0.25,"precise":0.1,"blob":"AAEC/v8="}
        """
    }

    func testRequiredFormatsDecode() throws {
        let formats = try decodeWire(Formats.self, payload())
        XCTAssertEqual(formats.when, instant)
        XCTAssertEqual(formats.id, IDs.petUUID)
        XCTAssertEqual(formats.small, Int32.min)
        XCTAssertEqual(formats.big, Int64.max)
        XCTAssertEqual(formats.ratio, 0.25)
        XCTAssertEqual(formats.precise, 0.1)
        XCTAssertEqual(formats.blob, blobBytes)
        XCTAssertNil(formats.day)
        XCTAssertNil(formats.link)
        XCTAssertNil(formats.file)
    }

    func testDateTimeWithFractionalSecondsAndOffsetIsTheRightInstant() throws {
        let formats = try decodeWire(Formats.self, payload(when: "2024-05-06T07:08:09.123+02:00"))
        // 07:08:09.123 at +02:00 is 05:08:09.123 UTC.
        XCTAssertEqual(formats.when.timeIntervalSince1970, 1_714_972_089.123, accuracy: 0.000_5)

        let negative = try decodeWire(Formats.self, payload(when: "2024-05-06T07:08:09-05:30"))
        XCTAssertEqual(negative.when, instant.addingTimeInterval(5.5 * 3600))

        let oneDigit = try decodeWire(Formats.self, payload(when: "2024-05-06T07:08:09.5Z"))
        XCTAssertEqual(oneDigit.when, instant.addingTimeInterval(0.5))
    }

    func testDateTimeThatIsNotRFC3339IsRejected() {
        for text in ["2024-05-06", "yesterday", "1714979289"] {
            XCTAssertThrowsError(try decodeWire(Formats.self, payload(when: text)), text)
        }
        XCTAssertThrowsError(try decodeWire(Formats.self, payload().replacingOccurrences(
            of: #""2024-05-06T07:08:09Z""#, with: "1714979289")))
    }

    func testFormatsEncodeToTheWireForm() throws {
        let formats = Formats(
            when: instant, id: try XCTUnwrap(UUID(uuidString: IDs.pet.uppercased())), small: 7, big: -9_007_199_254_740_993,
            ratio: 1.5, precise: -0.125, blob: blobBytes)
        XCTAssertEqual(try wireJSON(formats), try canonicalJSON("""
            {"big":-9007199254740993,"blob":"AAEC/v8=","id":"\(IDs.pet)","precise":-0.125,
             "ratio":1.5,"small":7,"when":"2024-05-06T07:08:09.000000Z"}
            """))
        let text = String(decoding: try WireFormat.encoder().encode(formats), as: UTF8.self)
        XCTAssertTrue(text.contains(#""id":"\#(IDs.pet)""#), "UUIDs are lowercase on the wire: \(text)")
        XCTAssertTrue(text.contains("-9007199254740993"), "int64 beyond 2^53 is exact: \(text)")
    }

    func testFractionalInstantIsWrittenBackInUTCToTheMicrosecond() throws {
        let formats = try decodeWire(Formats.self, payload(when: "2024-05-06T07:08:09.123+02:00"))
        let wire = try decodeWire([String: JSONValue].self, try wireJSON(formats))
        XCTAssertEqual(wire["when"], .string("2024-05-06T05:08:09.123000Z"))
        XCTAssertEqual(try decodeWire(Formats.self, try wireJSON(formats)).when.timeIntervalSince1970,
                       formats.when.timeIntervalSince1970, accuracy: 0.000_5)
    }

    func testOptionalFormatsRoundTrip() throws {
        let text = """
            {"when":"2024-05-06T07:08:09.000000Z","id":"\(IDs.pet)","small":1,"big":2,"ratio":0.5,"precise":0.75,
             "blob":"","day":"2024-05-06","link":"https://example.com/a?b=c","file":"AAEC/v8=",
             "mode":"safe","retries":0,"verbose":true}
            """
        let formats = try assertRoundTrip(Formats.self, text)
        XCTAssertEqual(formats.blob, Data())
        XCTAssertEqual(formats.day, "2024-05-06")
        XCTAssertEqual(formats.link, "https://example.com/a?b=c")
        XCTAssertEqual(formats.file, blobBytes)
        XCTAssertEqual(formats.mode, .safe)
        XCTAssertEqual(formats.retries, 0)
        XCTAssertEqual(formats.verbose, true)
    }

    func testIntegerFormatsRejectOutOfRangeValues() {
        let tooSmall = payload().replacingOccurrences(of: "-2147483648", with: "-2147483649")
        XCTAssertThrowsError(try decodeWire(Formats.self, tooSmall))
        let tooBig = payload().replacingOccurrences(of: "9223372036854775807", with: "9223372036854775808")
        XCTAssertThrowsError(try decodeWire(Formats.self, tooBig))
    }

    func testByteFormatMustBeBase64() {
        XCTAssertThrowsError(try decodeWire(Formats.self, payload().replacingOccurrences(of: "AAEC/v8=", with: "not base64!")))
    }

    func testUppercaseUUIDIsAcceptedAndWrittenLowercase() throws {
        let formats = try decodeWire(Formats.self, payload(id: IDs.pet.uppercased()))
        XCTAssertEqual(formats.id, IDs.petUUID)
        XCTAssertTrue(try wireJSON(formats).contains(#""id":"\#(IDs.pet)""#))
        XCTAssertThrowsError(try decodeWire(Formats.self, payload(id: "not-a-uuid")))
    }

    // MARK: - Defaults

    func testRequiredPropertyDefaultBecomesTheInitializerDefault() throws {
        XCTAssertEqual(Cat().lives, 9)
        XCTAssertEqual(try wireJSON(Cat()), #"{"kind":"cat","lives":9}"#)
        // On the wire the property is still required: the default does not fill a missing key.
        XCTAssertThrowsError(try decodeWire(Cat.self, #"{"kind":"cat"}"#))
    }

    func testOptionalPropertyDefaultsAreNotApplied() throws {
        // `mode` (default fast), `retries` (default 3) and `verbose` (default false) are optional
        // and default to nil: the spec's default is what the server assumes when the key is absent,
        // so the client leaves the key out rather than sending the default.
        let formats = Formats(when: instant, id: IDs.petUUID, small: 0, big: 0, ratio: 0, precise: 0, blob: Data())
        XCTAssertNil(formats.mode)
        XCTAssertNil(formats.retries)
        XCTAssertNil(formats.verbose)
        XCTAssertEqual(try wireJSON(formats), try canonicalJSON("""
            {"big":0,"blob":"","id":"\(IDs.pet)","precise":0,"ratio":0,"small":0,"when":"2024-05-06T07:08:09.000000Z"}
            """))
        let decoded = try decodeWire(Formats.self, payload())
        XCTAssertNil(decoded.mode)
        XCTAssertNil(decoded.retries)
        XCTAssertNil(decoded.verbose)
    }

    func testModeIncludesTheKeywordCaseAndKeepsUnknownValues() throws {
        XCTAssertEqual(Mode(rawValue: "default"), .default)
        XCTAssertEqual(Mode.default.rawValue, "default")
        XCTAssertEqual(try decodeWire(Mode.self, #""fast""#), .fast)
        XCTAssertEqual(try decodeWire(Mode.self, #""turbo""#), .undocumented("turbo"))
        XCTAssertEqual(try wireJSON(Mode.undocumented("turbo")), #""turbo""#)
        XCTAssertEqual(try wireJSON([Mode.fast, .safe, .default]), #"["fast","safe","default"]"#)
    }
}
