internal import GenCYAML

/// One event of libyaml's event API, in Swift terms, with scalars already resolved.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(start: Mark)
    case documentEnd
    case alias(anchor: String, start: Mark, end: Mark)
    case scalar(YAMLNode.Value, anchor: String?, start: Mark, end: Mark)
    case sequenceStart(anchor: String?, start: Mark)
    case sequenceEnd(end: Mark)
    case mappingStart(anchor: String?, start: Mark)
    case mappingEnd(end: Mark)
}

extension Mark {
    /// The one place where libyaml's 0-based line and column become our 1-based ones.
    init(libyaml mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// The sole Swift owner of a C `yaml_parser_t` and of the input bytes it reads.
///
/// libyaml keeps a pointer to the input for the whole parse, so the bytes are copied into
/// memory this object owns and frees together with the parser.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private let maxScalarBytes: Int
    private let shield: LineSeparatorShield?
    private var finished = false

    private static let stringTag = "tag:yaml.org,2002:str"

    /// `nil` when libyaml cannot allocate its parser.
    init?(bytes: [UInt8], file: String, maxScalarBytes: Int) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            return nil
        }
        self.parser = parser
        self.event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        let shielded = LineSeparatorShield.shield(bytes)
        let input = shielded?.bytes ?? bytes
        self.shield = shielded?.shield
        self.input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(input.count, 1))
        _ = self.input.initialize(from: input)
        self.file = file
        self.maxScalarBytes = maxScalarBytes
        yaml_parser_set_input_string(parser, self.input.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        input.deallocate()
    }

    /// The next event; after `.streamEnd` it keeps answering `.streamEnd`.
    func next() throws(DiagnosticsError) -> YAMLEvent {
        if finished { return .streamEnd }
        guard yaml_parser_parse(parser, event) != 0 else {
            finished = true
            throw DiagnosticsError(libyamlError())
        }
        defer { yaml_event_delete(event) }
        let e = event.pointee
        let start = Mark(libyaml: e.start_mark)
        let end = Mark(libyaml: e.end_mark)
        switch e.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            finished = true
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start: start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.text(e.data.alias.anchor) ?? "", start: start, end: end)
        case YAML_SCALAR_EVENT:
            let scalar = e.data.scalar
            let length = Int(scalar.length)
            if length > maxScalarBytes {
                throw DiagnosticsError(.error(
                    "scalar larger than \(maxScalarBytes) bytes",
                    at: SourceLocation(file: file, mark: start)
                ))
            }
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : length)
            let tag = Self.text(scalar.tag)
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            let value: YAMLNode.Value
            if let shield, shield.touches(bytes) {
                value = shield.restore(bytes).withUnsafeBufferPointer { Self.value(of: $0, plain: isPlain, tag: tag) }
            } else {
                value = Self.value(of: bytes, plain: isPlain, tag: tag)
            }
            return .scalar(value, anchor: Self.text(scalar.anchor), start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.text(e.data.sequence_start.anchor), start: start)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.text(e.data.mapping_start.anchor), start: start)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(end: end)
        default:
            // YAML_NO_EVENT: libyaml produces it only after the stream has ended.
            finished = true
            return .streamEnd
        }
    }

    /// A plain scalar with no tag, or only the "?" non-specific one, is resolved; `!!str` and
    /// `!` (the "treat me as a string" tag) keep it a string; other tags are not supported and
    /// do not change the resolution.
    private static func value(of bytes: UnsafeBufferPointer<UInt8>, plain: Bool, tag: String?) -> YAMLNode.Value {
        if plain, tag != stringTag, tag != "!" {
            return ScalarResolver.resolve(bytes)
        }
        return .string(ScalarResolver.text(bytes))
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error as one diagnostic: "problem (context)" at the problem's place.
    private func libyamlError() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .error("out of memory while parsing \(file)", at: nil)
        case YAML_READER_ERROR:
            // The reader reports a byte offset, not a mark.
            let mark = Self.mark(atByteOffset: Int(state.problem_offset), in: UnsafeBufferPointer(input))
            return .error(problem, at: SourceLocation(file: file, mark: mark))
        default:
            var message = problem
            var note: String?
            if let context = state.context.map({ String(cString: $0) }) {
                message += " (\(context))"
                let contextMark = Mark(libyaml: state.context_mark)
                if contextMark != Mark(libyaml: state.problem_mark) {
                    note = "started at line \(contextMark.line), column \(contextMark.column)"
                }
            }
            return .error(
                message,
                at: SourceLocation(file: file, mark: Mark(libyaml: state.problem_mark)),
                note: note
            )
        }
    }

    /// The line and column of a byte offset, counted as libyaml counts them: line breaks are
    /// LF, CR and CRLF, and columns count characters, not bytes.
    private static func mark(atByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        let stop = min(offset, bytes.count)
        while index < stop {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r")
                && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }
}
