/// The screen as a grid of cells that widgets draw into. `view` produces one per frame; the backend only
/// receives the `BufferDiff` against the previous one, and tests read it back as plain text.
///
/// The buffer keeps wide characters whole: a width-2 cell is always followed by its continuation cell, and
/// overwriting either half blanks the other, so no half of a wide character can reach the terminal.
/// Drawing outside the buffer is clipped, never a crash.
public struct Buffer: Hashable, Sendable {
    public let size: Size
    private var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    /// The whole buffer as a rect.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at a position; `Cell.blank` outside the buffer, where setting is ignored. Setting a wide
    /// cell also sets its continuation (or a space if it would not fit); setting either half of an existing
    /// wide character blanks the other half.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * size.width + x] : .blank }
        set { put(newValue, x: x, y: y) }
    }

    /// Writes one line of text, made inert by `Sanitize.line`, starting at `point`. Clips at `maxWidth`
    /// columns and at the right edge; a wide character that does not fit whole becomes a space. Returns the
    /// columns used, so the caller can place what comes next.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard point.y >= 0, point.y < size.height else { return 0 }
        var limit = size.width
        if let maxWidth { limit = min(limit, point.x + max(0, maxWidth)) }
        var x = point.x
        if Sanitize.isPrintableASCII(text), x >= 0 {
            // Fast path for plain ASCII: one column per byte, nothing to sanitise or measure.
            for byte in text.utf8 {
                guard x < limit else { break }
                put(Cell(grapheme: Character(Unicode.Scalar(byte)), width: 1, role: role), x: x, y: point.y)
                x += 1
            }
            return max(0, x - point.x)
        }
        for c in Sanitize.line(text) {
            guard x < limit else { break }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }  // a lone combining mark or format character has nothing to show
            if x + w > limit {
                put(Cell(grapheme: " ", width: 1, role: role), x: x, y: point.y)
                x += 1
                break
            }
            if x >= 0 {
                put(Cell(grapheme: c, width: w, role: role), x: x, y: point.y)
            } else if x + w > 0 {
                // Only the right half of a wide character reaches past the left edge.
                put(Cell(grapheme: " ", width: 1, role: role), x: 0, y: point.y)
            }
            x += w
        }
        return max(0, x - point.x)
    }

    /// Blanks every cell of `rect` and gives it `role`.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let blank = Cell(grapheme: " ", width: 1, role: role)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { put(blank, x: x, y: y) }
        }
    }

    /// Gives every cell of `rect` the role `role` and keeps its text. A wide character cut by the rect's
    /// edge is restyled whole.
    public mutating func restyle(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[index(x, y)].role = role }
            if cells[index(r.x, y)].isContinuation, r.x > 0 { cells[index(r.x - 1, y)].role = role }
            if cells[index(r.maxX - 1, y)].width == 2, r.maxX < size.width { cells[index(r.maxX, y)].role = role }
        }
    }

    /// Draws a single-line box along the edges of `rect`, with an optional title set into the top edge
    /// (`┌─ Title ───┐`). The inside is left as it is.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, role: Role = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let edge = { (c: Character) in Cell(grapheme: c, width: 1, role: role) }
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            put(edge("─"), x: x, y: rect.y)
            put(edge("─"), x: x, y: rect.maxY - 1)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(edge("│"), x: rect.x, y: y)
            put(edge("│"), x: rect.maxX - 1, y: y)
        }
        put(edge("┌"), x: rect.x, y: rect.y)
        put(edge("┐"), x: rect.maxX - 1, y: rect.y)
        put(edge("└"), x: rect.x, y: rect.maxY - 1)
        put(edge("┘"), x: rect.maxX - 1, y: rect.maxY - 1)
        if let title, !title.isEmpty, rect.width >= 7 {
            let shown = DisplayWidth.truncate(Sanitize.line(title), to: rect.width - 6)
            var x = rect.x + 2
            x += write(" ", at: Point(x: x, y: rect.y), role: role)
            x += write(shown, at: Point(x: x, y: rect.y), role: .title)
            write(" ", at: Point(x: x, y: rect.y), role: role)
        }
    }

    /// The text of every row, without continuation cells and with trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<size.height).map { line($0) }
    }

    /// All rows joined with newlines; what a screen test compares.
    public var text: String { lines().joined(separator: "\n") }

    /// The text of one row, trailing spaces trimmed; empty outside the buffer.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var s = ""
        for x in 0..<size.width {
            let cell = cells[index(x, y)]
            if !cell.isContinuation { s.append(cell.grapheme) }
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// What changed since `previous`, as runs the backend writes; everything when there is no previous
    /// frame or its size differs.
    public func diff(from previous: Buffer?) -> BufferDiff {
        guard let previous, previous.size == size else {
            return BufferDiff(buffer: self, changed: nil)
        }
        return BufferDiff(buffer: self, changed: { x, y in cells[index(x, y)] != previous.cells[index(x, y)] })
    }

    // MARK: - Keeping wide characters whole

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && x < size.width && y >= 0 && y < size.height
    }

    private func index(_ x: Int, _ y: Int) -> Int { y * size.width + x }

    private mutating func put(_ newCell: Cell, x: Int, y: Int) {
        guard contains(x, y) else { return }
        let i = index(x, y)
        if newCell.width == 1, cells[i].width == 1 {
            cells[i] = newCell  // the common case: a narrow cell over a narrow cell
            return
        }
        var cell = newCell
        if cell.isContinuation {
            // A continuation only belongs after the wide cell that `put` already completed.
            if x > 0, cells[index(x - 1, y)].width == 2 { return }
            cell = Cell(grapheme: " ", width: 1, role: cell.role)
        }
        if cell.width > 2 { cell.width = 2 }
        if cell.width == 2, x == size.width - 1 { cell = Cell(grapheme: " ", width: 1, role: cell.role) }
        breakWideCharacter(at: x, y: y)
        if cell.width == 2 { breakWideCharacter(at: x + 1, y: y) }
        cells[index(x, y)] = cell
        if cell.width == 2 { cells[index(x + 1, y)] = .continuation(role: cell.role) }
    }

    /// Before a cell is overwritten: if it is half of a wide character, the other half becomes a space.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        guard contains(x, y) else { return }
        let cell = cells[index(x, y)]
        if cell.isContinuation, x > 0 {
            cells[index(x - 1, y)] = Cell(grapheme: " ", width: 1, role: cells[index(x - 1, y)].role)
        } else if cell.width == 2, x + 1 < size.width {
            cells[index(x + 1, y)] = Cell(grapheme: " ", width: 1, role: cells[index(x + 1, y)].role)
        }
    }
}
