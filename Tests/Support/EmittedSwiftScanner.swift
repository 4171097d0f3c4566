/// Checks one generated Swift file for the invariant "nothing from the spec ends up outside a
/// comment, a string literal or an identifier". It does not know which bytes came from the spec;
/// it checks what an escape would have to break: a character that ends a `//` comment early, a
/// literal or comment that does not end where it should, an identifier that is not one, or a `#`
/// directive the templates never write (`#error`, `#warning`, `#sourceLocation`, …).
///
/// A small Swift lexer, one pass over the scalars (the fuzzer runs it on every output), with an
/// explicit stack for literals and interpolations instead of recursion, so a hostile output
/// cannot overflow the stack. Shared with Fuzz/ through a symlink: it needs only the standard
/// library.
public enum EmittedSwiftScanner {
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// 1-based; the column counts Unicode scalars.
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The directives the generator writes (the import lines of Context/FileImports.swift;
    /// `grep '#' Templates/*.mustache` for any in templates: supportStreaming.mustache has an
    /// `#else`), each as its whole line apart from leading whitespace.
    public static let templateDirectives = ["#if canImport(FoundationNetworking)", "#if canImport(AsyncHTTPClient)", "#if canImport(Hummingbird)", "#else", "#endif"]

    /// The one macro the templates write inside a line: the caller's isolation, as the argument
    /// of `next(isolation:)` (supportStreaming.mustache, supportStreamItems.mustache).
    static let isolationArgument = Array("(isolation: #isolation)".unicodeScalars)

    /// Reporting stops after this many problems; one is enough to fail.
    public static let maximumProblems = 50

    public static func problems(in text: String, allowedDirectives: [String] = templateDirectives) -> [Problem] {
        var lexer = Lexer(Array(text.unicodeScalars), directives: allowedDirectives.map { Array($0.unicodeScalars) })
        lexer.checkCharacters()
        lexer.lex()
        return lexer.problems
    }
}

private struct Lexer {
    let s: [Unicode.Scalar]
    let directives: [[Unicode.Scalar]]
    var i = 0
    var problems: [EmittedSwiftScanner.Problem] = []
    /// Index of each line's first scalar, for line:column of the (rare) problems.
    var lineStarts = [0]

    /// What the lexer is inside of, innermost last. Empty: top-level code.
    enum Frame {
        case string(start: Int, hashes: Int, multiline: Bool)
        /// `\(` … `)` of a string: code, with `parens` unclosed `(` of its own.
        case interpolation(start: Int, parens: Int)
    }
    var stack: [Frame] = []

    init(_ scalars: [Unicode.Scalar], directives: [[Unicode.Scalar]]) {
        s = scalars
        self.directives = directives
    }

    mutating func report(_ message: String, at index: Int) {
        guard problems.count < EmittedSwiftScanner.maximumProblems else { return }
        // The last line start at or before `index`.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        problems.append(.init(line: low + 1, column: index - lineStarts[low] + 1, message: message))
    }

    /// Anywhere in the file, even in a comment or literal: Swift ends a `//` comment at CR as well
    /// as LF, so a raw CR in a doc comment turns the rest of the spec's line into code; LS, PS,
    /// NEL and other controls are line breaks to some tools (libyaml, editors) and have no
    /// business in generated code (string literals spell them `\u{…}`).
    mutating func checkCharacters() {
        for (index, c) in s.enumerated() {
            if c == "\n" { lineStarts.append(index + 1) }
            if let problem = forbidden(c) { report(problem, at: index) }
        }
    }

    /// What is wrong with `c` anywhere in the file, if anything.
    func forbidden(_ c: Unicode.Scalar) -> String? {
        switch c.value {
        case 0x0A, 0x09: nil
        case 0x0D: "carriage return (U+000D)"
        case 0x2028, 0x2029, 0x85: "line separator U+\(hex(c))"
        case 0..<0x20, 0x7F..<0xA0: "control character U+\(hex(c))"
        default: nil
        }
    }

    func at(_ index: Int) -> Unicode.Scalar? { index < s.count ? s[index] : nil }

    /// Whether `index` starts `hashes` `#`s.
    func hashes(_ count: Int, at index: Int) -> Bool {
        guard index + count <= s.count else { return false }
        return (0..<count).allSatisfy { s[index + $0] == "#" }
    }

    mutating func lex() {
        while i < s.count {
            if case .string(let start, let hashCount, let multiline)? = stack.last {
                lexStringContent(start: start, hashCount: hashCount, multiline: multiline)
            } else {
                lexCode()
            }
        }
        for frame in stack {  // outermost first
            switch frame {
            case .string(let start, _, _): report("unterminated string literal", at: start)
            case .interpolation(let start, _): report("unterminated interpolation", at: start)
            }
        }
    }

    /// One scalar (or escape) of a literal's content, or its end.
    mutating func lexStringContent(start: Int, hashCount: Int, multiline: Bool) {
        let c = s[i]
        if c == "\\" && hashes(hashCount, at: i + 1) {
            i += 1 + hashCount
            switch at(i) {
            case "("?:
                stack.append(.interpolation(start: i - 1 - hashCount, parens: 0))
                i += 1
            case "u"? where at(i + 1) == "{":
                while let d = at(i), d != "}", d != "\n" { i += 1 }
                if at(i) == "}" { i += 1 }
            case "\n"? where !multiline, nil:
                break  // reported as unterminated below or at the end
            default:
                i += 1  // `\n`, `\"`, `\\`, or in a multi-line literal `\` + LF (line continuation)
            }
        } else if c == "\"" {
            let quotes = multiline ? 3 : 1
            if (0..<quotes).allSatisfy({ at(i + $0) == "\"" }) && hashes(hashCount, at: i + quotes) {
                stack.removeLast()
                i += quotes + hashCount
            } else {
                i += 1  // a quote inside a raw or multi-line literal
            }
        } else if c == "\n" && !multiline {
            report("unterminated string literal", at: start)
            stack.removeLast()  // and go on lexing the next line as code
        } else {
            i += 1
        }
    }

    /// One token of code (top level or inside an interpolation).
    mutating func lexCode() {
        let c = s[i]
        switch c {
        case " ", "\t", "\n":
            i += 1
        case "/" where at(i + 1) == "/":
            // Swift ends a line comment at CR too: what follows a CR is code.
            while let d = at(i), d != "\n", d != "\r" { i += 1 }
        case "/" where at(i + 1) == "*":
            lexBlockComment()
        case "\"", "#":
            var hashCount = 0
            while at(i + hashCount) == "#" { hashCount += 1 }
            if at(i + hashCount) == "\"" {
                let multiline = at(i + hashCount + 1) == "\"" && at(i + hashCount + 2) == "\""
                stack.append(.string(start: i, hashes: hashCount, multiline: multiline))
                i += hashCount + (multiline ? 3 : 1)
            } else {
                lexPoundKeyword()
            }
        case "`":
            lexBacktickIdentifier()
        case "(":
            if case .interpolation(let start, let parens)? = stack.last {
                stack[stack.count - 1] = .interpolation(start: start, parens: parens + 1)
            }
            i += 1
        case ")":
            if case .interpolation(let start, let parens)? = stack.last {
                if parens == 0 {
                    stack.removeLast()  // back in the string
                } else {
                    stack[stack.count - 1] = .interpolation(start: start, parens: parens - 1)
                }
            }
            i += 1
        case "0"..."9":
            lexNumber()
        case "$":  // `$0`, `$value`
            i += 1
            while let d = at(i), isIdentifierCharacter(d) { i += 1 }
        default:
            if isIdentifierHead(c) {
                i += 1
                while let d = at(i), isIdentifierCharacter(d) { i += 1 }
            } else if "{}[],:;@.=-+!*/%<>&|^~?\\".unicodeScalars.contains(c) {
                // Operators and punctuation, one scalar at a time: no token boundary matters
                // here. (`\` is a key path; bare `/…/` regex literals are not written by the
                // templates, so `/` is an operator.)
                i += 1
            } else {
                // Characters `checkCharacters` reported (CR is whitespace to Swift) once only.
                if forbidden(c) == nil { report("unexpected character U+\(hex(c)) in code", at: i) }
                i += 1
            }
        }
    }

    /// `/* … */`, nested as Swift allows.
    mutating func lexBlockComment() {
        let start = i
        var depth = 0
        while i < s.count {
            if s[i] == "/" && at(i + 1) == "*" {
                depth += 1
                i += 2
            } else if s[i] == "*" && at(i + 1) == "/" {
                depth -= 1
                i += 2
                if depth == 0 { return }
            } else {
                i += 1
            }
        }
        report("unterminated block comment", at: start)
    }

    /// `#word`: allowed only as one of the template's directive lines. `#error`, `#warning`,
    /// `#sourceLocation`, `#if` with another condition, a macro, or a stray `#` mean spec text
    /// became code.
    mutating func lexPoundKeyword() {
        let start = i
        i += 1
        while let d = at(i), isIdentifierCharacter(d) { i += 1 }
        if !isAllowedDirective(at: start) && !isIsolationArgument(at: start) {
            let word = String(String.UnicodeScalarView(s[start..<i]))
            report(word == "#" ? "stray '#' in code" : "'\(word)' outside a comment or literal", at: start)
        }
    }

    /// `#isolation` as in `chunks.next(isolation: #isolation)`.
    func isIsolationArgument(at start: Int) -> Bool {
        let pattern = EmittedSwiftScanner.isolationArgument
        let offset = "(isolation: ".unicodeScalars.count
        guard start >= offset, start - offset + pattern.count <= s.count else { return false }
        return s[(start - offset)..<(start - offset + pattern.count)].elementsEqual(pattern)
    }

    func isAllowedDirective(at start: Int) -> Bool {
        var before = start
        while before > 0 && (s[before - 1] == " " || s[before - 1] == "\t") { before -= 1 }
        guard before == 0 || s[before - 1] == "\n" else { return false }
        return directives.contains { directive in
            let end = start + directive.count
            return end <= s.count && s[start..<end].elementsEqual(directive) && (end == s.count || s[end] == "\n")
        }
    }

    /// `` `name` ``: identifier characters only (a keyword used as a name). Swift 6 also takes
    /// raw identifiers with spaces and punctuation between backticks; the generator never needs
    /// them, and one would mean spec text was pasted as a name.
    mutating func lexBacktickIdentifier() {
        let start = i
        i += 1
        while let d = at(i), isIdentifierCharacter(d) { i += 1 }
        if at(i) == "`" && i > start + 1 && isIdentifierHead(s[start + 1]) {
            i += 1
            return
        }
        report("backtick identifier with a non-identifier character", at: start)
        // Resume after the closing backtick if the line has one.
        var end = i
        while let d = at(end), d != "`", d != "\n" { end += 1 }
        i = at(end) == "`" ? end + 1 : end
    }

    /// `12`, `0x1F`, `1_000`, `1.5e-3`: not validated, only skipped.
    mutating func lexNumber() {
        i += 1
        while let d = at(i) {
            if isIdentifierCharacter(d) {
                i += 1
            } else if d == ".", let next = at(i + 1), ("0"..."9").contains(next) {
                i += 2
            } else if d == "+" || d == "-", let previous = at(i - 1), "eEpP".unicodeScalars.contains(previous) {
                i += 1
            } else {
                break
            }
        }
    }

    func isIdentifierHead(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
        }
        // Swift takes most non-ASCII letters (and more); letters are what names need.
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    func isIdentifierCharacter(_ c: Unicode.Scalar) -> Bool {
        if isIdentifierHead(c) || ("0"..."9").contains(c) { return true }
        guard !c.isASCII else { return false }
        switch c.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}

private func hex(_ c: Unicode.Scalar) -> String {
    let digits = String(c.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
