import Foundation
@testable import GenGoldenFeatures
import GenTestSupport
import XCTest

/// `date-time` on the wire, with many generated values: read with any number of fractional
/// digits (Python writes 6, Go up to 9), any offset and a lowercase `t`/`z`; written in UTC to
/// the microsecond, rounded, so a value a server sent goes back as it came. `DATE_SEED=n` replays
/// a run; every failure message names the seed.
final class DateTimeTests: XCTestCase {
    private let seed = ProcessInfo.processInfo.environment["DATE_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
    private lazy var random = SplitMix64(seed: seed)
    /// The oracle: Foundation's calendar (proleptic Gregorian from 1583 on), in UTC.
    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Years a `Date` holds to the microsecond (about 1729 to 2273), before 1970 and after 2038.
    private let exactYears = 1730...2270

    func testWholeMillisecondsAndMicrosecondsGoBackAsTheyCame() throws {
        for _ in 0..<2000 {
            let instant = randomInstant(years: exactYears)
            for digits in [0, 3, 6] {
                let value = instant.truncated(to: digits)
                let sent = value.text(digits: digits)
                let date = try decodeDate(sent)
                XCTAssertEqual(date.timeIntervalSinceReferenceDate, try oracle(value), accuracy: 1e-6, "seed \(seed): \(sent)")
                XCTAssertEqual(try encodeDate(date), value.text(digits: 6), "seed \(seed): \(sent) goes back unchanged")
            }
        }
    }

    func testGoNanosecondsAreRoundedToTheMicrosecond() throws {
        var checked = 0
        for _ in 0..<2000 {
            var instant = randomInstant(years: 1970...2100)
            // A carry into the next second is what the whole-second cases check.
            instant.nanoseconds = Int.random(in: 0..<999_999_500, using: &random)
            let sent = instant.text(digits: 9)
            let date = try decodeDate(sent)
            // The Double holds the instant to within half its spacing there (0.06 µs today, 0.12 µs
            // in 2100): that close to a tie (…500 ns), either neighbour is as right.
            let spacing = date.timeIntervalSinceReferenceDate.ulp * 1e9
            guard abs(Double(instant.nanoseconds % 1000) - 500) > spacing / 2 + 1 else { continue }
            var expected = instant
            expected.nanoseconds = (instant.nanoseconds + 500) / 1000 * 1000
            XCTAssertEqual(try encodeDate(date), expected.text(digits: 6), "seed \(seed): \(sent)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1200, "seed \(seed): most values are not near a tie")
        // More digits than nanoseconds are read too (RFC 3339 sets no limit).
        XCTAssertEqual(try encodeDate(try decodeDate("2024-05-06T07:08:48.978998012345678901Z")), "2024-05-06T07:08:48.978998Z")
    }

    func testOffsetsAndLowercaseNameTheSameInstant() throws {
        for _ in 0..<1000 {
            let instant = randomInstant(years: exactYears).truncated(to: 6)
            let utc = try decodeDate(instant.text(digits: 6))
            let minutes = Int.random(in: -(23 * 60 + 59)...(23 * 60 + 59), using: &random)
            let local = try components(of: utc.addingTimeInterval(TimeInterval(minutes * 60)), nanoseconds: instant.nanoseconds)
            let sign = minutes < 0 ? "-" : "+"
            let offset = sign + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
            let sent = String(local.text(digits: 6).dropLast()) + offset
            XCTAssertEqual(try decodeDate(sent), utc, "seed \(seed): \(sent)")
            XCTAssertEqual(try encodeDate(try decodeDate(sent)), instant.text(digits: 6), "seed \(seed): \(sent) is written in UTC")
        }
        let instant = try decodeDate("2024-05-06T07:08:09.5Z")
        for spelling in ["2024-05-06t07:08:09.5z", "2024-05-06T07:08:09.5-00:00", "2024-05-06T09:38:09.500+02:30",
                         "2024-05-06 07:08:09.500000Z"] {
            XCTAssertEqual(try decodeDate(spelling), instant, spelling)
        }
    }

    /// Every year RFC 3339 can write, leap days and month ends included: whole seconds are exact
    /// in a Double at any of them, so the text comes back character for character.
    func testEveryYearFrom0000To9999() throws {
        var texts = ["0000-01-01T00:00:00Z", "0000-02-29T12:00:00Z", "1582-10-10T00:00:00Z", "1900-02-28T23:59:59Z",
                     "1969-12-31T23:59:59Z", "2000-02-29T00:00:00Z", "2038-01-19T03:14:08Z", "9999-12-31T23:59:59Z"]
        for _ in 0..<2000 {
            texts.append(randomInstant(years: 0...9999).truncated(to: 0).text(digits: 0))
        }
        for text in texts {
            let date = try decodeDate(text)
            XCTAssertEqual(try encodeDate(date), String(text.dropLast()) + ".000000Z", "seed \(seed): \(text)")
        }
        XCTAssertEqual(try decodeDate("2000-03-01T00:00:00Z").timeIntervalSince(try decodeDate("2000-02-28T00:00:00Z")), 2 * 86_400)
        XCTAssertEqual(try decodeDate("1900-03-01T00:00:00Z").timeIntervalSince(try decodeDate("1900-02-28T00:00:00Z")), 86_400)
        // The last microsecond RFC 3339 has (a common "never") is 10000-01-01 in a Double; it is
        // written as it came.
        XCTAssertEqual(try encodeDate(try decodeDate("9999-12-31T23:59:59.999999Z")), "9999-12-31T23:59:59.999999Z")
    }

    /// Microseconds outside the years a Double holds them in still come back as the same `Date`.
    func testAnyInstantComesBackAsTheSameDate() throws {
        for _ in 0..<2000 {
            let text = randomInstant(years: 0...9999).truncated(to: 6).text(digits: 6)
            let date = try decodeDate(text)
            XCTAssertEqual(try decodeDate(try encodeDate(date)), date, "seed \(seed): \(text)")
        }
    }

    func testALeapSecondIsTheNextMinute() throws {
        XCTAssertEqual(try decodeDate("2016-12-31T23:59:60Z"), try decodeDate("2017-01-01T00:00:00Z"))
        XCTAssertEqual(try decodeDate("2016-12-31T23:59:60.25Z"), try decodeDate("2017-01-01T00:00:00.25Z"))
    }

    func testTextThatIsNotRFC3339IsRefused() {
        for text in ["2024-05-06", "2024-05-06T07:08Z", "2024-05-06T07:08:09", "2024-05-06T07:08:09.Z", "2024-13-01T00:00:00Z",
                     "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-06T24:00:00Z", "2024-05-06T07:60:00Z",
                     "2024-05-06T07:08:61Z", "2024-05-06T07:08:09+0200", "2024-05-06T07:08:09+24:00", "2024-05-06T07:08:09ZZ",
                     "24-05-06T07:08:09Z", "2024-5-06T07:08:09Z", "２０２４-05-06T07:08:09Z", "2024-05-06T07:08:09.1x2Z", ""] {
            XCTAssertThrowsError(try decodeDate(text), text)
        }
    }

    func testInstantsRFC3339CannotWriteAreRefused() {
        let tenThousand = Date(timeIntervalSince1970: 253_402_300_801)
        let beforeYearZero = Date(timeIntervalSince1970: -62_167_219_201)
        for date in [tenThousand, beforeYearZero, Date(timeIntervalSinceReferenceDate: .infinity),
                     Date(timeIntervalSinceReferenceDate: -.infinity), Date(timeIntervalSinceReferenceDate: .nan),
                     Date(timeIntervalSinceReferenceDate: 1e300)] {
            XCTAssertThrowsError(try WireFormat.encoder().encode([date]), "\(date)") { error in
                XCTAssertTrue(error is EncodingError, "\(error)")
            }
        }
    }

    /// A model round trip through the client's own coders, as a server's value comes and goes.
    func testAServersValueInAModelGoesBackUnchanged() throws {
        let sent = #"{"when":"1912-04-15T02:20:48.978998Z","id":"\#(IDs.pet)","small":1,"big":2,"ratio":0.5,"precise":0.75,"blob":""}"#
        let formats = try FeaturesClient.jsonDecoder().decode(Formats.self, from: Data(sent.utf8))
        let back = try canonicalJSON(FeaturesClient.jsonEncoder().encode(formats))
        XCTAssertEqual(back, try canonicalJSON(sent))
    }

    // MARK: - Helpers

    private func decodeDate(_ text: String) throws -> Date {
        let dates = try decodeWire([Date].self, "[\"\(text)\"]")
        XCTAssertEqual(dates.count, 1)
        return dates[0]
    }

    private func encodeDate(_ date: Date) throws -> String {
        let text = String(decoding: try WireFormat.encoder().encode([date]), as: UTF8.self)
        return String(text.dropFirst(2).dropLast(2))
    }

    private func oracle(_ instant: Instant) throws -> TimeInterval {
        let components = DateComponents(year: instant.year, month: instant.month, day: instant.day,
                                        hour: instant.hour, minute: instant.minute, second: instant.second)
        let whole = try XCTUnwrap(calendar.date(from: components), "seed \(seed)")
        // Counted from 2001, as `Date` counts: from 1970 a Double holds those years only to 2 µs.
        return whole.timeIntervalSinceReferenceDate + Double(instant.nanoseconds) / 1e9
    }

    private func components(of date: Date, nanoseconds: Int) throws -> Instant {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date.addingTimeInterval(0.5e-6))
        return Instant(year: try XCTUnwrap(parts.year), month: try XCTUnwrap(parts.month), day: try XCTUnwrap(parts.day),
                       hour: try XCTUnwrap(parts.hour), minute: try XCTUnwrap(parts.minute),
                       second: try XCTUnwrap(parts.second), nanoseconds: nanoseconds)
    }

    private func randomInstant(years: ClosedRange<Int>) -> Instant {
        let year = Int.random(in: years, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return Instant(year: year, month: month, day: Int.random(in: 1...days, using: &random),
                       hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random),
                       second: Int.random(in: 0...59, using: &random), nanoseconds: Int.random(in: 0...999_999_999, using: &random))
    }
}

/// A calendar date and time in UTC, to the nanosecond.
private struct Instant {
    var year, month, day, hour, minute, second, nanoseconds: Int

    func truncated(to digits: Int) -> Instant {
        var copy = self
        let unit = [1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1][digits]
        copy.nanoseconds = nanoseconds / unit * unit
        return copy
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with `digits` fractional digits (none for 0).
    func text(digits: Int) -> String {
        let fraction = digits == 0 ? "" : "." + String(pad(nanoseconds, 9).prefix(digits))
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":"
            + pad(second, 2) + fraction + "Z"
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// A seeded random number generator (SplitMix64), so a failing run can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
