import XCTest
@testable import GenCore

final class SwiftNamingTests: XCTestCase {
    private let naming = SwiftNaming()

    private func assertMembers(_ cases: [(String, String)], with naming: SwiftNaming? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        for (raw, expected) in cases {
            XCTAssertEqual((naming ?? self.naming).memberName(raw), expected, "memberName(\(raw.debugDescription))",
                           file: file, line: line)
        }
    }

    private func assertTypes(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (raw, expected) in cases {
            XCTAssertEqual(naming.typeName(raw), expected, "typeName(\(raw.debugDescription))", file: file, line: line)
        }
    }

    // MARK: - Type names

    func testTypeNameJoinsPiecesKeepingTheirCasing() {
        assertTypes([
            ("Types.StatusCodes.StatusCode401", "TypesStatusCodesStatusCode401"),
            ("pet", "Pet"),
            ("pet_store", "PetStore"),
            ("pet-store", "PetStore"),
            ("petStore", "PetStore"),
            ("HTTPServer", "HTTPServer"),
            ("relay rest", "RelayRest"),
            ("a.b.c", "ABC"),
        ])
    }

    func testTypeNameLeadingDigitsSymbolsAndEmptyNames() {
        assertTypes([
            ("401", "_401"),
            ("3d-model", "_3dModel"),
            ("$Money", "Money"),
            ("@scope/package", "ScopePackage"),
            ("", "Unnamed"),
            ("---", "Unnamed"),
            ("$@ ", "Unnamed"),
        ])
    }

    func testTypeNameNonASCII() {
        assertTypes([
            ("über-type", "ÜberType"),
            ("café", "Café"),
            ("🔥hot", "Hot"),
            ("🔥", "Unnamed"),
        ])
    }

    // MARK: - Member names

    func testMemberNameInitialisms() {
        assertMembers([
            ("caller_id", "callerID"),
            ("call_request_url", "callRequestURL"),
            ("call_ai_agent_id", "callAiAgentID"),
            ("id", "id"),
            ("ID", "id"),
            ("url", "url"),
            ("user_uuid", "userUUID"),
            ("api_key", "apiKey"),
            ("json_body", "jsonBody"),
            ("server_ip", "serverIP"),
        ])
    }

    func testMemberNameSeparatorsAndCamelCase() {
        assertMembers([
            ("update-sip-endpoint", "updateSipEndpoint"),
            ("first name", "firstName"),
            ("a.b.c", "aBC"),
            ("callRequestURL", "callRequestURL"),
            ("userId", "userID"),
            ("HTTPServer", "httpServer"),
            ("XMLHttpRequest", "xmlHTTPRequest"),
            ("PascalCase", "pascalCase"),
            ("NOT_FOUND", "notFound"),
            ("GET", "get"),
            ("already_camelCase", "alreadyCamelCase"),
            ("__private", "private"),
            ("trailing_", "trailing"),
        ])
    }

    func testMemberNameLeadingDigits() {
        assertMembers([
            ("2fa_code", "_2faCode"),
            ("401", "_401"),
            ("1_st", "_1St"),
        ])
        for raw in ["2fa_code", "401", "0", "9lives"] {
            let name = naming.memberName(raw)
            XCTAssertFalse(name.first?.isNumber ?? true, "\(raw) → \(name)")
        }
    }

    func testMemberNameSymbolsAndNonASCII() {
        assertMembers([
            ("$ref", "ref"),
            ("@type", "type"),
            ("$$dollar$$", "dollar"),
            ("content-type", "contentType"),
            ("x-rate-limit", "xRateLimit"),
            ("café_au_lait", "caféAuLait"),
            ("名前", "名前"),
            ("🔥_hot", "hot"),
            ("a+b", "aB"),
        ])
    }

    func testMemberNameEmptyAndSymbolOnlyNamesFallBack() {
        assertMembers([
            ("", "value"),
            ("   ", "value"),
            ("$", "value"),
            ("---", "value"),
            ("🔥", "value"),
        ])
    }

    /// Every name is a plausible Swift identifier: letters, digits and underscores only,
    /// not starting with a digit.
    func testNamesAreAlwaysIdentifiers() {
        let inputs = ["", "0", "a b", "$ref", "@type", "x-1", "café", "🔥", "1.2.3", "foo/bar", "a\tb", "é"]
        for raw in inputs {
            for name in [naming.memberName(raw), naming.typeName(raw)] {
                XCTAssertFalse(name.isEmpty, raw)
                XCTAssertFalse(name.first!.isNumber, "\(raw) → \(name)")
                XCTAssertTrue(name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }, "\(raw) → \(name)")
            }
        }
    }

    // MARK: - Keywords

    func testEscapedKeywords() {
        XCTAssertEqual(SwiftName(bare: "default").escaped, "`default`")
        XCTAssertEqual(SwiftName(bare: "class").escaped, "`class`")
        XCTAssertEqual(SwiftName(bare: "self").escaped, "`self`")
        XCTAssertEqual(SwiftName(bare: "Type").escaped, "`Type`")
        XCTAssertEqual(SwiftName(bare: "in").escaped, "`in`")
        XCTAssertEqual(SwiftName(bare: "name").escaped, "name")
        XCTAssertEqual(SwiftName(bare: "type").escaped, "type")
        XCTAssertEqual(SwiftName(bare: "defaultValue").escaped, "defaultValue")
        // memberName does not escape; escaping is the name's own, when it is written.
        XCTAssertEqual(naming.memberName("default"), "default")
        XCTAssertEqual(SwiftName(bare: naming.memberName("Default")).escaped, "`default`")
    }

    // MARK: - Initialisms

    func testCustomInitialisms() {
        let custom = SwiftNaming(initialisms: SwiftNaming.defaultInitialisms.union(["SIP", "Ai"]))
        XCTAssertTrue(custom.initialisms.contains("sip"), "initialisms are stored lowercased")
        assertMembers([
            ("update-sip-endpoint", "updateSIPEndpoint"),
            ("call_ai_agent_id", "callAIAgentID"),
            ("sip_uri", "sipURI"),
            ("caller_id", "callerID"),
        ], with: custom)
        // Type names follow the same rule; the API name (it names files) keeps its casing.
        XCTAssertEqual(custom.typeName("sip-endpoint"), "SIPEndpoint")
        XCTAssertEqual(custom.typeName("ItemFilterId"), "ItemFilterID")
        XCTAssertEqual(custom.apiName("sip-endpoint"), "SipEndpoint")
    }

    func testInitialismsCanBeReplaced() {
        let bare = SwiftNaming(initialisms: [])
        assertMembers([("caller_id", "callerId"), ("call_request_url", "callRequestUrl")], with: bare)
    }

    func testDefaultInitialismsAreLowercase() {
        XCTAssertFalse(SwiftNaming.defaultInitialisms.isEmpty)
        for word in SwiftNaming.defaultInitialisms {
            XCTAssertEqual(word, word.lowercased())
        }
    }

    // MARK: - SwiftName holds an identifier whatever it is given

    func testNamesAreIdentifiersByConstruction() {
        XCTAssertEqual(SwiftName(bare: "fooBar").bare, "fooBar")
        XCTAssertEqual(SwiftName(bare: "a b\r#error(\"x\")").bare, "a_b__error__x__")
        XCTAssertEqual(SwiftName(bare: "1st").bare, "_1st")
        XCTAssertEqual(SwiftName(bare: "").bare, "_")
        XCTAssertEqual(SwiftName(bare: "x`y").escaped, "x_y")
        XCTAssertEqual(SwiftName(bare: "caf\u{E9}").bare, "caf\u{E9}")
        XCTAssertEqual(SwiftName(bare: "cafe\u{301}").bare, "cafe\u{301}", "a letter with a combining mark")
        XCTAssertEqual(SwiftNaming().memberName("\u{130}"), "i\u{307}", "İ lowercased is i and a combining dot")
        XCTAssertEqual(SwiftName(bare: "a\u{202E}b").bare, "a_b", "bidi controls are no identifier characters")
    }
}
