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
