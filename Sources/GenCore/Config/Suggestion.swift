/// "Did you mean …?" for a misspelt name: the closest known name by edit distance, as
/// swift-argument-parser suggests for options. Used by `gen`'s command line and by `gen.yaml`.
public enum Suggestion {
    /// The candidate closest to `word` (ignoring case and leading dashes), or `nil` when none is
    /// close: at most 1 edit for words of up to 3 characters, 2 up to 8, 3 beyond. On a tie the
    /// first candidate wins, so the order of the table decides.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let typed = normalized(word)
        guard !typed.isEmpty else { return nil }
        let limit = typed.count <= 3 ? 1 : typed.count <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, normalized(candidate))
            if distance <= limit && distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"` for the closest candidate, or an empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps
    /// of two neighbours (`nmae` → `name` is 1), counted in Characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    private static func normalized(_ name: String) -> String {
        String(name.drop { $0 == "-" }).lowercased()
    }
}
