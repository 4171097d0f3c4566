/// Resolves plain (unquoted) scalars by the YAML 1.2 core schema.
///
/// A hand-written byte scan rather than regular expressions: a large spec has hundreds of
/// thousands of scalars, and most of them are plain words that the first byte already rules
/// out as anything but a string.
enum ScalarResolver {
    /// The value of a plain scalar's UTF-8 bytes.
    ///
    /// Only the core schema's forms are recognised; YAML 1.1 forms such as `yes`, `off`,
    /// `0b101` or `1_000` stay strings.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string(text(bytes))
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(bytes, "null", "Null", "NULL") ? .null : .string(text(bytes))
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(bytes, "true", "True", "TRUE") ? .bool(true) : .string(text(bytes))
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(bytes, "false", "False", "FALSE") ? .bool(false) : .string(text(bytes))
        case UInt8(ascii: "."):
            if matches(bytes, ".inf", ".Inf", ".INF") || matches(bytes, ".nan", ".NaN", ".NAN") {
                return .number(text(bytes))
            }
            return number(bytes)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let unsigned = UnsafeBufferPointer(rebasing: bytes[1...])
            if matches(unsigned, ".inf", ".Inf", ".INF") {
                return .number(text(bytes))
            }
            return number(bytes)
        case UInt8(ascii: "0"):
            if bytes.count > 2 {
                if bytes[1] == UInt8(ascii: "x") { return radixInteger(bytes, radix: 16) }
                if bytes[1] == UInt8(ascii: "o") { return radixInteger(bytes, radix: 8) }
            }
            return number(bytes)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            return number(bytes)
        default:
            return .string(text(bytes))
        }
    }

    /// The bytes as a Swift string; invalid UTF-8 cannot reach here (libyaml's reader rejects
    /// it), and would be repaired rather than trap if it did.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ candidates: StaticString...) -> Bool {
        for candidate in candidates where candidate.utf8CodeUnitCount == bytes.count {
            let equal = candidate.withUTF8Buffer { expected in
                expected.elementsEqual(bytes)
            }
            if equal { return true }
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// `[-+]?[0-9]+` as an integer, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` as a
    /// float, anything else as a string.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Value {
        let count = bytes.count
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let integerStart = index
        while index < count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        var isFloat = false
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            let fractionStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            if integerDigits == 0 && index == fractionStart { return .string(text(bytes)) }
        } else if integerDigits == 0 {
            return .string(text(bytes))
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isFloat = true
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            if index == exponentStart { return .string(text(bytes)) }
        }
        guard index == count else { return .string(text(bytes)) }
        if isFloat { return .number(text(bytes)) }

        // Accumulates towards the sign so that Int.min, whose magnitude Int cannot hold, fits.
        var value = 0
        for position in integerStart..<count {
            let digit = Int(bytes[position] &- UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return .number(text(bytes)) }
            value = next
        }
        return .int(value)
    }

    /// `0x[0-9a-fA-F]+` or `0o[0-7]+` (the caller has seen the prefix and at least one more byte).
    private static func radixInteger(_ bytes: UnsafeBufferPointer<UInt8>, radix: Int) -> YAMLNode.Value {
        var value = 0
        var overflowed = false
        for position in 2..<bytes.count {
            let byte = bytes[position]
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return .string(text(bytes))
            }
            if digit >= radix { return .string(text(bytes)) }
            if overflowed { continue }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (next, overflowB) = shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { overflowed = true } else { value = next }
        }
        return overflowed ? .number(text(bytes)) : .int(value)
    }
}
