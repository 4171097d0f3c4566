import Foundation
import GenTestSupport
import XCTest

/// The fuzzer's output check: each rejection test asserts the exact problems, so a scanner
/// that stops looking for one of them fails its test.
final class EmittedSwiftScannerTests: XCTestCase {
    private func problems(_ text: String) -> [String] {
        EmittedSwiftScanner.problems(in: text).map(\.description)
    }

    func testAcceptsEveryGoldenFile() throws {
        let golden = Fixtures.url("Golden")
        var scanned = 0
        for fixture in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() {
            let expected = golden.appendingPathComponent(fixture).appendingPathComponent("Expected")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: expected.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".swift") {
                let text = try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
                XCTAssertEqual(problems(text), [], "\(fixture)/Expected/\(name)")
                scanned += 1
            }
        }
        XCTAssertGreaterThanOrEqual(scanned, 18, "the three fixtures' six files each")
    }

    func testAcceptsTheLexicalFormsTheTemplatesUse() {
        let text = ##"""
            #if canImport(FoundationNetworking)
            import FoundationNetworking
            #endif
            /* outer /* nested */ still a comment */
            let `default` = "a \"quoted\" \\ \u{1F} \(x + f("in \(y)", (1, 2)))"
            let raw = #"a "quote" and \(not interpolated) \#(x)"#, twoHashes = ##"a "# b"##
            let text = """
                line with "quotes" and \(value) \
                continued
                """
            let n = 0x1F + 1_000 + 1.5e-3 + 2e+3, closure = { $0.key }, path = \Self.name
            let unicode = caféNaïve
            """##
        XCTAssertEqual(problems(text), [])
    }

    func testRawCarriageReturnInDocCommentMakesTheRestCode() {
        // Swift ends the comment at the CR: `#error("x")` is compiled.
        XCTAssertEqual(problems("/// Summary\r#error(\"x\")\nstruct A {}\n"), [
            "1:12: carriage return (U+000D)",
            "1:13: '#error' outside a comment or literal",
        ])
    }

    func testLineSeparatorsAndControlCharactersAreRejectedEvenInComments() {
        XCTAssertEqual(problems("// a\u{2028}b\n"), ["1:5: line separator U+2028"])
        XCTAssertEqual(problems("let a = 1\n/// x\u{2029}\u{85}\n"), ["2:6: line separator U+2029", "2:7: line separator U+0085"])
        XCTAssertEqual(problems("let s = \"\u{1B}[0m\"\n"), ["1:10: control character U+001B"])
    }

    func testUnterminatedStringLiterals() {
        XCTAssertEqual(problems("let a = \"abc\nlet b = 1\n"), ["1:9: unterminated string literal"])
        // The line break ends it: the next line is code again.
        XCTAssertEqual(problems("let a = \"abc\nlet b = \"x\"\n"), ["1:9: unterminated string literal"])
        XCTAssertEqual(problems("let a = \"abc\\\"\n"), ["1:9: unterminated string literal"])
        XCTAssertEqual(problems("let a = #\"abc\"\n"), ["1:9: unterminated string literal"])
        XCTAssertEqual(problems("let a = \"\"\"\nabc\n\"\""), ["1:9: unterminated string literal"])
        XCTAssertEqual(problems("let a = \"\\(f(\"x\")"), ["1:9: unterminated string literal", "1:10: unterminated interpolation"])
    }

    func testPoundKeywordsOutsideCommentsAndLiterals() {
        XCTAssertEqual(problems("#warning(\"x\")\n"), ["1:1: '#warning' outside a comment or literal"])
        XCTAssertEqual(problems("let a = 1\n#sourceLocation(file: \"x\", line: 1)\n"),
                       ["2:1: '#sourceLocation' outside a comment or literal"])
        // An interpolation is code.
        XCTAssertEqual(problems("let a = \"\\(#error(\"x\"))\"\n"), ["1:12: '#error' outside a comment or literal"])
        // Only the templates' own directive lines.
        XCTAssertEqual(problems("#if DEBUG\n#endif\n"), ["1:1: '#if' outside a comment or literal"])
        XCTAssertEqual(problems("#if canImport(FoundationNetworking) || true\n#endif\n"),
                       ["1:1: '#if' outside a comment or literal"])
        XCTAssertEqual(problems("let a = 1 #endif\n"), ["1:11: '#endif' outside a comment or literal"])
        XCTAssertEqual(problems("let a = # 1\n"), ["1:9: stray '#' in code"])
        // `#isolation` only as the argument of `next(isolation:)`.
        XCTAssertEqual(problems("let c = try await chunks.next(isolation: #isolation)\n"), [])
        XCTAssertEqual(problems("let c = #isolation\n"), ["1:9: '#isolation' outside a comment or literal"])
        XCTAssertEqual(problems("f(isolation: #isolation, #error(\"x\"))\n"), ["1:14: '#isolation' outside a comment or literal", "1:26: '#error' outside a comment or literal"])
        XCTAssertEqual(problems("// #error(\"x\") /* \"\n/* #warning */ let s = \"#error\"\n"), [])
    }

    func testBacktickIdentifiersHoldOnlyIdentifierCharacters() {
        XCTAssertEqual(problems("let `a b` = 1\n"), ["1:5: backtick identifier with a non-identifier character"])
        XCTAssertEqual(problems("let `a`b` = 1\n"), ["1:9: backtick identifier with a non-identifier character"])
        XCTAssertEqual(problems("let `` = 1\n"), ["1:5: backtick identifier with a non-identifier character"])
        XCTAssertEqual(problems("let `a\n"), ["1:5: backtick identifier with a non-identifier character"])
    }

    func testUnterminatedBlockComment() {
        XCTAssertEqual(problems("/* a /* b */ c\nlet x = 1\n"), ["1:1: unterminated block comment"])
        XCTAssertEqual(problems("let x = 1 /* a /* b */ c */ + 2\n"), [])
    }

    func testCharactersThatAreNotSwiftOutsideLiterals() {
        XCTAssertEqual(problems("let a = 'x'\n"), ["1:9: unexpected character U+0027 in code", "1:11: unexpected character U+0027 in code"])
    }
}
