import Foundation
import GenGoldenFeatures
import XCTest

/// Unions decode into the branch a value belongs to (by a tag, by the JSON kind, by what
/// matches exactly), never the first that happens to decode; constants are always written and
/// checked; an optional nil is left out for every type.
final class UnionMeaningTests: XCTestCase {
    // MARK: - a tagged union without a discriminator

    func testOutcomeDecodesByItsTagNotAsTheFirstBranch() throws {
        // Accepted's properties are all optional: tried first, it would take this object and drop
        // `delay_seconds` and `reason`.
        let delayed = try assertRoundTrip(Outcome.self, #"{"delay_seconds":3600,"reason":"busy","type":"delayed"}"#)
        XCTAssertEqual(delayed, .delayed(Delayed(delaySeconds: 3600, reason: "busy")))

        let accepted = try assertRoundTrip(Outcome.self, #"{"note":"ok","type":"accepted"}"#)
        XCTAssertEqual(accepted, .accepted(Accepted(note: "ok")))
    }

    func testOutcomeWithAnUnknownTagIsUndocumented() throws {
        let other = try assertRoundTrip(Outcome.self, #"{"delay_seconds":1,"type":"rejected"}"#)
        XCTAssertEqual(other, .undocumented(.object(["type": .string("rejected"), "delay_seconds": .int(1)])))
    }

    func testOutcomeWithoutATagIsMatchedByWhatItRequires() throws {
        // The tags are optional (they have defaults): without one, the branch that requires
        // `delay_seconds` is the one that fits.
        XCTAssertEqual(try decodeWire(Outcome.self, #"{"delay_seconds":5}"#), .delayed(Delayed(delaySeconds: 5)))
        XCTAssertEqual(try decodeWire(Outcome.self, #"{"note":"n"}"#), .accepted(Accepted(note: "n")))
    }

    func testAnUntaggedObjectDecodesIntoTheBranchThatNamesAllItsMembers() throws {
        // Both branches take any object (nothing is required); the first would drop `topic`.
        let guild = try assertRoundTrip(ChannelPatch.self, #"{"name":"general","nsfw":false,"topic":"news"}"#)
        XCTAssertEqual(guild, .guildChannelPatch(GuildChannelPatch(name: "general", topic: "news", nsfw: false)))
        let group = try assertRoundTrip(ChannelPatch.self, #"{"icon":"i.png"}"#)
        XCTAssertEqual(group, .groupChannelPatch(GroupChannelPatch(icon: "i.png")))
        // Members both name, or none: the first branch, as the spec lists them.
        XCTAssertEqual(try decodeWire(ChannelPatch.self, #"{"name":"n"}"#), .groupChannelPatch(GroupChannelPatch(name: "n")))
        XCTAssertEqual(try decodeWire(ChannelPatch.self, #"{"name":"n","extra":1}"#), .groupChannelPatch(GroupChannelPatch(name: "n")))
    }

    func testTheTagIsFoundThroughAllOf() throws {
        let job = try assertRoundTrip(Input.self, #"{"input_type":"job","job_id":"j1","name":"nightly"}"#)
        XCTAssertEqual(job, .jobInput(JobInput(name: "nightly", jobID: "j1")))
        let task = try assertRoundTrip(Input.self, #"{"input_type":"task","name":"t"}"#)
        XCTAssertEqual(task, .taskInput(TaskInput(name: "t")))
    }

    func testAnIntegerTagSelectsTheBranch() throws {
        let button = try assertRoundTrip(Component.self, #"{"label":"OK","type":2}"#)
        XCTAssertEqual(button, .button(Button(label: "OK")))
        let row = try assertRoundTrip(Component.self, #"{"components":["a"],"type":1}"#)
        XCTAssertEqual(row, .actionRow(ActionRow(components: ["a"])))
        XCTAssertEqual(try assertRoundTrip(Component.self, #"{"type":9}"#), .undocumented(.object(["type": .int(9)])))
        XCTAssertEqual(try wireJSON(Component.button(.init(label: "OK"))), #"{"label":"OK","type":2}"#)
    }

    // MARK: - constants

    func testAConstantIsAlwaysWrittenAndNoParameter() throws {
        // Optional in the spec, with a default: still written, as the server tells branches apart by it.
        XCTAssertEqual(try wireJSON(Accepted()), #"{"type":"accepted"}"#)
        XCTAssertEqual(try wireJSON(Delayed(delaySeconds: 3600)), #"{"delay_seconds":3600,"type":"delayed"}"#)
        XCTAssertEqual(Delayed(delaySeconds: 1).type, "delayed")
        XCTAssertEqual(try wireJSON(Outcome.delayed(.init(delaySeconds: 3600))), #"{"delay_seconds":3600,"type":"delayed"}"#)
    }

    func testAConstantRejectsAnotherValue() throws {
        XCTAssertThrowsError(try decodeWire(Delayed.self, #"{"delay_seconds":1,"type":"accepted"}"#))
        XCTAssertThrowsError(try decodeWire(Accepted.self, #"{"type":"delayed"}"#))
        // A required constant must be there.
        XCTAssertThrowsError(try decodeWire(TrackItem.self, #"{"title":"x"}"#))
        // An optional one may be left out.
        XCTAssertEqual(try decodeWire(Accepted.self, "{}"), Accepted())
    }

    // MARK: - a discriminator without a mapping

    func testTheValueABranchAllowsSelectsItNotItsSchemaName() throws {
        let track = try assertRoundTrip(PlaylistItem.self, #"{"title":"Song","type":"track"}"#)
        XCTAssertEqual(track, .trackItem(TrackItem(title: "Song")))
        let episode = try assertRoundTrip(PlaylistItem.self, #"{"show":"Talk","type":"episode"}"#)
        XCTAssertEqual(episode, .episodeItem(EpisodeItem(show: "Talk")))
        // The schema name is no value the branch allows.
        let named = try assertRoundTrip(PlaylistItem.self, #"{"type":"TrackItem"}"#)
        XCTAssertEqual(named, .undocumented(.object(["type": .string("TrackItem")])))
    }

    // MARK: - branch kinds

    func testEachBranchTakesOnlyItsOwnKind() throws {
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, #"["a",1]"#), .array([.string("a"), .int(1)]))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, #"{"a":[1]}"#), .object(["a": .array([.int(1)])]))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, #""text""#), .string("text"))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, "3"), .integer(3))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, "2.5"), .number(2.5))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, "true"), .boolean(true))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, "false"), .boolean(false))
        XCTAssertEqual(try assertRoundTrip(SettingValue.self, "null"), .undocumented(.null))
    }

    // MARK: - exact matches before catch-alls

    func testAnOpenEnumDoesNotHideAPatternBranch() throws {
        XCTAssertEqual(try assertRoundTrip(Quantity.self, #""12""#), .string("12"))
        XCTAssertEqual(try assertRoundTrip(Quantity.self, #""fast""#), .mode(.fast))
        // Neither listed nor matching the pattern: the enum's fallback keeps it.
        XCTAssertEqual(try assertRoundTrip(Quantity.self, #""0""#), .mode(.undocumented("0")))
    }

    func testTheBranchThatRequiresMoreIsTriedFirst() throws {
        let both = try assertRoundTrip(Contact.self, #"{"email":"a@b.c","name":"A"}"#)
        XCTAssertEqual(both, .addressed(.init(name: "A", email: "a@b.c")))
        XCTAssertEqual(try assertRoundTrip(Contact.self, #"{"name":"A"}"#), .named(.init(name: "A")))
    }

    // MARK: - null or absent

    func testAnOptionalNullablePropertyIsLeftOutWhenNilBesideACustomEncoder() throws {
        XCTAssertEqual(try wireJSON(Note(id: IDs.petUUID)), #"{"id":"\#(IDs.pet)"}"#)
        XCTAssertEqual(try assertRoundTrip(Note.self, #"{"id":"\#(IDs.pet)","text":"hi"}"#).text, "hi")
        // A `null` from the server reads as nil, and goes back absent (the same for this type).
        XCTAssertNil(try decodeWire(Note.self, #"{"id":"\#(IDs.pet)","text":null}"#).text)
    }
}
