/// Builds `///` lines from spec text, keeping its Markdown line by line.
enum DocComment {
    /// `///` lines for the given paragraphs (blank ones are skipped), separated by `///`.
    /// Trailing whitespace is trimmed so the generated code has none.
    static func lines(_ paragraphs: String?...) -> [String] {
        var result: [String] = []
        for paragraph in paragraphs {
            guard let text = paragraph?.trimmingTrailingWhitespace(), !text.isEmpty else { continue }
            if !result.isEmpty { result.append("///") }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = Substring(line).trimmingTrailingWhitespace()
                result.append(trimmed.isEmpty ? "///" : "/// " + trimmed)
            }
        }
        return result
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}
