/// A line-based Myers diff, rendered in unified format.
enum LineDiff {
    enum Edit: Equatable {
        case keep
        case delete
        case insert
    }

    struct Line {
        var text: String
        /// True for a final line that has no newline after it.
        var unterminated: Bool
    }

    static func split(_ text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let terminated = parts.last == ""
        if terminated { parts.removeLast() }
        return parts.enumerated().map { index, text in
            Line(text: text, unterminated: !terminated && index == parts.count - 1)
        }
    }

    /// The shortest edit script turning `a` into `b`, one edit per line.
    static func edits(_ a: [Int], _ b: [Int]) -> [Edit] {
        // Common ends are the usual case for golden files and cost nothing to strip, which keeps
        // the quadratic-in-D trace small.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        return Array(repeating: .keep, count: prefix) + myers(middleA, middleB) + Array(repeating: .keep, count: suffix)
    }

    private static func myers(_ a: [Int], _ b: [Int]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        guard maxD > 0 else { return [] }
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        // trace[d] is v as it was before round d, which is what backtracking needs.
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }

        var result: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                result.append(.keep)
                x -= 1
                y -= 1
            }
            if d > 0 {
                result.append(x == previousX ? .insert : .delete)
            }
            x = previousX
            y = previousY
        }
        return result.reversed()
    }

    /// Unified diff text with `context` lines around each change; empty if the texts are equal.
    static func unified(expected: String, actual: String, expectedName: String, actualName: String, context: Int = 3) -> String {
        let a = split(expected), b = split(actual)
        var ids: [String: Int] = [:]
        func id(_ line: Line) -> Int {
            let key = line.unterminated ? line.text + "\u{0}" : line.text
            if let existing = ids[key] { return existing }
            ids[key] = ids.count
            return ids.count - 1
        }
        let script = edits(a.map(id), b.map(id))
        guard script.contains(where: { $0 != .keep }) else { return "" }

        // Positions in a and b before each edit.
        var positions: [(a: Int, b: Int)] = []
        var i = 0, j = 0
        for edit in script {
            positions.append((i, j))
            if edit != .insert { i += 1 }
            if edit != .delete { j += 1 }
        }
        positions.append((i, j))

        // Group changes whose context would touch or overlap into one hunk.
        let changed = script.indices.filter { script[$0] != .keep }
        var groups: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(script.count, index + 1 + context)
            if let last = groups.last, range.lowerBound <= last.upperBound {
                groups[groups.count - 1] = last.lowerBound..<range.upperBound
            } else {
                groups.append(range)
            }
        }

        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        for group in groups {
            let start = positions[group.lowerBound], end = positions[group.upperBound]
            out += "@@ -\(range(start.a, end.a - start.a)) +\(range(start.b, end.b - start.b)) @@\n"
            for index in group {
                let position = positions[index]
                let line: Line
                switch script[index] {
                case .keep:
                    line = a[position.a]
                    out += " \(line.text)\n"
                case .delete:
                    line = a[position.a]
                    out += "-\(line.text)\n"
                case .insert:
                    line = b[position.b]
                    out += "+\(line.text)\n"
                }
                if line.unterminated { out += "\\ No newline at end of file\n" }
            }
        }
        return out
    }

    /// The `start,count` of a hunk header, spelled the way diff(1) does.
    private static func range(_ start: Int, _ count: Int) -> String {
        // An empty range names the line before it; a single line omits the count.
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }
}
