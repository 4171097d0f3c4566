import Foundation
import GenGoldenFeatures
import XCTest

// Foundation declares `Expression` too (the `#Expression` macro's type), so in a file that imports
// both modules the bare name is ambiguous and the generated one must be written qualified.
private typealias Expression = ExpressionModel

/// Types that contain themselves: directly (`Tree.parent`, boxed with `@Indirect`), through an
/// array (`Tree.children`), and through a union (`Expression` / `Sum`).
final class RecursionTests: XCTestCase {
    func testTreeThreeLevelsDeepRoundTrips() throws {
        let text = """
            {"name":"root","parent":{"name":"up","parent":{"name":"top"}},
             "children":[
               {"name":"a","children":[{"name":"a1","children":[{"name":"a1x"}]},{"name":"a2"}]},
               {"name":"b","children":[]}
             ]}
            """
        let tree = try assertRoundTrip(Tree.self, text)

        XCTAssertEqual(tree.name, "root")
        XCTAssertEqual(tree.parent?.name, "up")
        XCTAssertEqual(tree.parent?.parent?.name, "top")
        XCTAssertNil(tree.parent?.parent?.parent)
        XCTAssertEqual(tree.children?.map(\.name), ["a", "b"])
        XCTAssertEqual(tree.children?[0].children?.map(\.name), ["a1", "a2"])
        XCTAssertEqual(tree.children?[0].children?[0].children?.map(\.name), ["a1x"])
        XCTAssertNil(tree.children?[0].children?[0].children?[0].children)
        XCTAssertEqual(tree.children?[1].children, [])

        let built = Tree(
            name: "root",
            parent: Tree(name: "up", parent: Tree(name: "top")),
            children: [
                Tree(name: "a", children: [Tree(name: "a1", children: [Tree(name: "a1x")]), Tree(name: "a2")]),
                Tree(name: "b", children: []),
            ])
        XCTAssertEqual(tree, built)
        XCTAssertEqual(tree.hashValue, built.hashValue)
    }

    func testTreeWithoutParentDecodesNilAndOmitsIt() throws {
        let tree = try decodeWire(Tree.self, #"{"name":"alone"}"#)
        XCTAssertNil(tree.parent)
        XCTAssertNil(tree.children)
        XCTAssertEqual(try wireJSON(tree), #"{"name":"alone"}"#)
        XCTAssertEqual(try wireJSON(Tree(name: "alone")), #"{"name":"alone"}"#)
    }

    func testTreeWithNullParentDecodesNil() throws {
        let tree = try decodeWire(Tree.self, #"{"name":"alone","parent":null}"#)
        XCTAssertNil(tree.parent)
        XCTAssertEqual(try wireJSON(tree), #"{"name":"alone"}"#)
    }

    func testTreeParentCanBeReplacedAndCopiesStayIndependent() throws {
        var child = Tree(name: "child", parent: Tree(name: "first"))
        let copy = child
        child.parent = Tree(name: "second")
        child.parent?.name = "renamed"
        XCTAssertEqual(copy.parent?.name, "first")
        XCTAssertEqual(try wireJSON(child), #"{"name":"child","parent":{"name":"renamed"}}"#)
        XCTAssertNotEqual(child, copy)
    }

    func testTreeWithAMalformedParentThrows() {
        XCTAssertThrowsError(try decodeWire(Tree.self, #"{"name":"x","parent":{"nom":"y"}}"#))
    }

    func testNestedSumsRoundTrip() throws {
        // (1 + (2 + 3)) + 4
        let text = #"{"left":{"left":1,"right":{"left":2,"right":3}},"right":4}"#
        let sum = try assertRoundTrip(Sum.self, text)
        let expected = Sum(
            left: .sum(Sum(left: .integer(1), right: .sum(Sum(left: .integer(2), right: .integer(3))))),
            right: .integer(4))
        XCTAssertEqual(sum, expected)

        let expression = try assertRoundTrip(Expression.self, text)
        XCTAssertEqual(expression, .sum(expected))
        XCTAssertEqual(evaluate(expression), 10)
    }

    func testExpressionScalarAndUndocumented() throws {
        XCTAssertEqual(try assertRoundTrip(Expression.self, "7"), .integer(7))
        // Neither an integer nor a Sum: kept as received, even deep inside a Sum.
        XCTAssertEqual(try assertRoundTrip(Expression.self, "1.5"), .undocumented(.double(1.5)))
        let sum = try assertRoundTrip(Sum.self, #"{"left":"x","right":{"left":1}}"#)
        XCTAssertEqual(sum.left, .undocumented(.string("x")))
        XCTAssertEqual(sum.right, .undocumented(.object(["left": .int(1)])))
    }

    func testSumRequiresBothSides() {
        XCTAssertThrowsError(try decodeWire(Sum.self, #"{"left":1}"#))
    }

    private func evaluate(_ expression: Expression) -> Int? {
        switch expression {
        case .integer(let value): value
        case .sum(let sum): evaluate(sum.left).flatMap { left in evaluate(sum.right).map { left + $0 } }
        case .undocumented: nil
        }
    }
}
