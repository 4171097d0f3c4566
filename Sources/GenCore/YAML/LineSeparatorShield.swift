import Foundation

/// Keeps U+2028, U+2029 and U+0085 from reaching libyaml as the characters they are.
///
/// libyaml 0.2.5 follows YAML 1.1, where LS, PS and NEL break lines; YAML 1.2 (what OpenAPI
/// 3.1 asks for) and JSON read them as ordinary characters, so a JSON key holding a raw
/// U+2028 was refused and one in a value was folded. The shield swaps each for a Unicode
/// noncharacter the input does not contain (one character for one, so libyaml's line and
/// column counts stay right), and `restore` swaps them back in every scalar libyaml reports.
struct LineSeparatorShield {
    /// The three noncharacters standing in for LS, PS and NEL, as the last byte of their UTF-8
    /// form (`EF B7 xx`, U+FDD0…U+FDEF), in that order.
    private let stand: [UInt8]

    /// The shielded input, and the shield that restores it; `nil` when the input holds none of
    /// the three characters (the common case costs one scan and no copy).
    static func shield(_ bytes: [UInt8]) -> (bytes: [UInt8], shield: LineSeparatorShield)? {
        guard bytes.withUnsafeBufferPointer(containsSeparator) else { return nil }
        var used = Set<UInt8>()
        for index in bytes.indices where index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xB7 {
            if (0x90...0xAF).contains(bytes[index + 2]) { used.insert(bytes[index + 2]) }
        }
        let free = (0x90...0xAF).map(UInt8.init).filter { !used.contains($0) }
        // An input holding 30 of the 32 noncharacters keeps libyaml's YAML 1.1 reading.
        guard free.count >= 3 else { return nil }
        let shield = LineSeparatorShield(stand: Array(free.prefix(3)))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if let separator = separator(in: bytes, at: index) {
                output += [0xEF, 0xB7, shield.stand[separator]]
                index += separator == 2 ? 2 : 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return (output, shield)
    }

    /// The scalar's bytes with the stand-ins turned back into LS, PS and NEL.
    func restore(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xB7,
               let separator = stand.firstIndex(of: bytes[index + 2]) {
                output += Self.encoded[separator]
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Whether the scalar holds a stand-in (`restore` is needed).
    func touches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(0xEF)
    }

    /// LS, PS and NEL in UTF-8.
    private static let encoded: [[UInt8]] = [[0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xC2, 0x85]]

    /// Whether LS, PS or NEL occurs: `memchr` finds their lead bytes (a big spec is megabytes,
    /// nearly always without them), and only those are looked at closer.
    private static func containsSeparator(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let lineOrParagraph = occurs(0xE2, in: buffer) { index in
            index + 2 < buffer.count && buffer[index + 1] == 0x80 && buffer[index + 2] & 0xFE == 0xA8
        }
        return lineOrParagraph || occurs(0xC2, in: buffer) { index in index + 1 < buffer.count && buffer[index + 1] == 0x85 }
    }

    /// Whether some occurrence of `lead` in `buffer` starts what `matches` accepts.
    private static func occurs(_ lead: UInt8, in buffer: UnsafeBufferPointer<UInt8>, matching matches: (Int) -> Bool) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var start = 0
        while start < buffer.count, let found = memchr(base + start, Int32(lead), buffer.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(index) { return true }
            start = index + 1
        }
        return false
    }

    /// 0 for LS, 1 for PS, 2 for NEL starting at `index`; `nil` for anything else.
    private static func separator(in bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            if bytes[index + 2] == 0xA8 { return 0 }
            if bytes[index + 2] == 0xA9 { return 1 }
        }
        return nil
    }
}
