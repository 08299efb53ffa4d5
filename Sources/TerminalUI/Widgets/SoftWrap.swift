/// Where a line of text breaks into screen rows when it is wrapped softly at a width: the stored text
/// keeps its own line breaks, the rows are only how it is shown.
///
/// A row ends after the last space that lets the next word start the next row; a word longer than the
/// row is cut between graphemes; a space that would pass the edge starts the next row instead of
/// hanging past it. Widths come from `DisplayWidth`, so `作者` takes two columns each.
enum SoftWrap {
    /// The grapheme ranges of `line`'s rows at `width` columns (at least 1); one empty range for an empty
    /// line. When the last row fills the width exactly, an empty row follows it, so a cursor at the end
    /// of the line always has a column to stand in.
    static func rows(of line: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        guard !line.isEmpty else { return [0..<0] }
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        var afterLastSpace: Int?
        var i = 0
        while i < line.count {
            let w = DisplayWidth.of(line[i])
            if column + w > width, i > start {
                let end = line[i] == " " ? i : (afterLastSpace ?? i)
                rows.append(start..<end)
                start = end
                column = columns(line[start..<i])
                afterLastSpace = nil
                continue
            }
            column += w
            if line[i] == " " { afterLastSpace = i + 1 }
            i += 1
        }
        rows.append(start..<line.count)
        if column >= width { rows.append(line.count..<line.count) }
        return rows
    }

    /// Display columns of a run of graphemes.
    static func columns(_ graphemes: ArraySlice<Character>) -> Int {
        graphemes.reduce(0) { $0 + DisplayWidth.of($1) }
    }
}

/// Text broken into screen rows for reading: its own line breaks kept, long lines wrapped softly at
/// word boundaries (`SoftWrap`), so a long note or answer is read whole instead of cut at the edge.
public enum TextWrap {
    /// The rows of `text` at `width` columns (at least 1); an empty text is one empty row.
    public static func rows(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let graphemes = Array(line)
            return SoftWrap.rows(of: graphemes, width: width).enumerated().map { i, range in
                // A continuation row does not start with the space it was broken at.
                let row = String(graphemes[range]).trimmingTrailingSpaces()
                return i == 0 ? row : String(row.drop { $0 == " " })
            }.dropLastEmptyRow(of: graphemes.isEmpty)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Array where Element == String {
    /// `SoftWrap` adds an empty row after a line that fills the width exactly (room for a cursor); a page
    /// to read does not need it.
    fileprivate func dropLastEmptyRow(of emptyLine: Bool) -> [String] {
        guard !emptyLine, count > 1, last == "" else { return self }
        return Array(dropLast())
    }
}
