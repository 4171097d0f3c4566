/// The source line under a diagnostic, cut to a window around its column, and a caret under
/// the column: what `gen` prints below a located message.
public enum SourceExcerpt {
    /// The most of a line shown, in Unicode scalars. A minified JSON document is one line of
    /// hundreds of kilobytes: the window is centred on the column, so the text shown is the
    /// text the message is about, not the line's start.
    public static let width = 200

    /// Two lines: the source (a window of `line`, with `…` where it is cut, without a CRLF file's
    /// `\r`) and a caret under `column`. `column` is 1-based and counts Unicode scalars, as marks
    /// do; tabs before it are kept so the caret lines up however the terminal expands them.
    public static func lines(_ line: String, column: Int) -> String {
        var scalars = Array(line.unicodeScalars)
        if scalars.last == "\r" { scalars.removeLast() }
        let index = min(max(column - 1, 0), scalars.count)
        var start = 0
        var end = scalars.count
        if scalars.count > width {
            start = max(0, min(index - width / 2, scalars.count - width))
            end = start + width
        }
        let cutBefore = start > 0, cutAfter = end < scalars.count
        var source = String.UnicodeScalarView()
        if cutBefore { source.append("…") }
        source.append(contentsOf: scalars[start..<end])
        if cutAfter { source.append("…") }
        let padding = (cutBefore ? " " : "") + String(scalars[start..<max(start, min(index, end))].map { $0 == "\t" ? "\t" : " " })
        return String(source) + "\n" + padding + "^"
    }
}
