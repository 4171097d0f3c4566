import Foundation
import GenGoldenFeatures
import XCTest

/// allOf, discriminated oneOf (with and without a mapping) and undiscriminated anyOf.
final class CompositionTests: XCTestCase {
    // MARK: - allOf

    func testDogMergesPetFromAnotherFileWithItsOwnProperties() throws {
        let text = #"{"barks":true,"id":"\#(IDs.pet)","name":"Rex","status":"sold"}"#
        let dog = try assertRoundTrip(Dog.self, text)
        XCTAssertEqual(dog, Dog(id: IDs.petUUID, name: "Rex", barks: true, status: .sold))

        // The properties are the same as Pet's, so a Dog's wire form is a valid Pet.
        let pet = try decodeWire(Pet.self, text)
        XCTAssertEqual(pet, Pet(id: dog.id, name: dog.name, status: dog.status))
    }

    func testDogWithoutOptionalStatusOmitsIt() throws {
        let dog = Dog(id: IDs.petUUID, name: "Rex", barks: false)
        XCTAssertEqual(try wireJSON(dog), #"{"barks":false,"id":"\#(IDs.pet)","name":"Rex"}"#)
    }

    func testDogRequiresTheAllOfAddition() throws {
        XCTAssertThrowsError(try decodeWire(Dog.self, #"{"id":"\#(IDs.pet)","name":"Rex"}"#)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "barks")
        }
    }

    // MARK: - oneOf with a discriminator mapping

    func testAnimalPicksTheMappedBranch() throws {
        let cat = try assertRoundTrip(Animal.self, #"{"kind":"cat","lives":7}"#)
        XCTAssertEqual(cat, .cat(Cat(lives: 7)))

        let bird = try assertRoundTrip(Animal.self, #"{"kind":"bird","wingspan":0.5}"#)
        XCTAssertEqual(bird, .bird(Bird(wingspan: 0.5)))

        let plainBird = try assertRoundTrip(Animal.self, #"{"kind":"bird"}"#)
        XCTAssertEqual(plainBird, .bird(Bird()))
    }

    func testAnimalWithAnUnknownDiscriminatorIsKeptAsJSON() throws {
        let text = #"{"extra":[1,null],"kind":"dog","lives":3}"#
        let animal = try assertRoundTrip(Animal.self, text)
        XCTAssertEqual(animal, .undocumented(.object([
            "kind": .string("dog"), "lives": .int(3), "extra": .array([.int(1), .null]),
        ])))
    }

    func testAnimalWithoutADiscriminatorIsKeptAsJSON() throws {
        // Matches Cat's other properties, but only the discriminator decides.
        let animal = try assertRoundTrip(Animal.self, #"{"lives":7}"#)
        XCTAssertEqual(animal, .undocumented(.object(["lives": .int(7)])))
    }

    func testAnimalDiscriminatorIsCaseSensitive() throws {
        let animal = try decodeWire(Animal.self, #"{"kind":"Cat","lives":7}"#)
        XCTAssertEqual(animal, .undocumented(.object(["kind": .string("Cat"), "lives": .int(7)])))
    }

    func testAnimalWithTheMappedValueButAnInvalidBodyThrows() {
        // The discriminator commits to Cat, whose required `lives` is missing.
        XCTAssertThrowsError(try decodeWire(Animal.self, #"{"kind":"cat"}"#))
    }

    // MARK: - oneOf with a discriminator and no mapping

    func testVehicleIsChosenBySchemaName() throws {
        let car = try assertRoundTrip(Vehicle.self, #"{"doors":4,"type":"Car"}"#)
        XCTAssertEqual(car, .car(Car(type: "Car", doors: 4)))

        let bike = try assertRoundTrip(Vehicle.self, #"{"gears":21,"type":"Bike"}"#)
        XCTAssertEqual(bike, .bike(Bike(type: "Bike", gears: 21)))
    }

    func testVehicleWithLowercaseOrMissingTypeIsKeptAsJSON() throws {
        let lower = try assertRoundTrip(Vehicle.self, #"{"doors":4,"type":"car"}"#)
        XCTAssertEqual(lower, .undocumented(.object(["type": .string("car"), "doors": .int(4)])))

        let missing = try assertRoundTrip(Vehicle.self, #"{"doors":4}"#)
        XCTAssertEqual(missing, .undocumented(.object(["doors": .int(4)])))
    }

    // MARK: - anyOf without a discriminator

    func testShapeTakesACircleOnlyWithItsOwnKeys() throws {
        let circle = try assertRoundTrip(Shape.self, #"{"radius":1.5}"#)
        XCTAssertEqual(circle, .circle(Circle(radius: 1.5)))

        let square = try assertRoundTrip(Shape.self, #"{"side":2}"#)
        XCTAssertEqual(square, .square(Square(side: 2)))

        // Circle has `additionalProperties: false`: an object with a `side` is no Circle.
        let both = try decodeWire(Shape.self, #"{"radius":1,"side":2}"#)
        XCTAssertEqual(both, .square(Square(side: 2)))
    }

    func testShapeMatchingNeitherIsKeptAsJSONAndWrittenBackUnchanged() throws {
        let shape = try assertRoundTrip(Shape.self, #"{"triangle":3}"#)
        XCTAssertEqual(shape, .undocumented(.object(["triangle": .int(3)])))

        // A wrongly typed member makes a branch fail too.
        let wrong = try assertRoundTrip(Shape.self, #"{"side":"two"}"#)
        XCTAssertEqual(wrong, .undocumented(.object(["side": .string("two")])))

        let scalar = try assertRoundTrip(Shape.self, "42")
        XCTAssertEqual(scalar, .undocumented(.int(42)))
    }

    func testShapeEncodesEachBranchAsItsOwnObject() throws {
        XCTAssertEqual(try wireJSON(Shape.circle(Circle(radius: 2.5))), #"{"radius":2.5}"#)
        XCTAssertEqual(try wireJSON(Shape.square(Square(side: 3))), #"{"side":3}"#)
        XCTAssertEqual(try wireJSON(Shape.undocumented(.object(["triangle": .int(3)]))), #"{"triangle":3}"#)
    }

    // MARK: - a date branch

    func testMomentReadsADateBranchWithTheDateFormatAndAnIntegerAsItself() throws {
        // The branch is decoded through the decoder (not `Date(from:)`), so the RFC 3339 text
        // is a date and the number is not taken for seconds since 2001.
        let date = try decodeWire(Moment.self, #""2024-01-02T03:04:05Z""#)
        XCTAssertEqual(date, .date(Date(timeIntervalSince1970: 1_704_164_645)))
        XCTAssertEqual(try decodeWire(Moment.self, "5"), .integer(5))
        XCTAssertEqual(try wireJSON(date), #""2024-01-02T03:04:05.000000Z""#)
    }
}
