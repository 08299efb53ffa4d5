/// The text and cursor of a multi-line input: a note, a kartläggning answer, the reason for an exit. A pure
/// value like `TextFieldState`: keys become `Edit`s in `update` (`edit(for:)` maps the usual ones), and
/// `render` draws it.
///
/// Text is kept as lines of graphemes, so `é` written as `e` plus a combining accent is one step for the
/// arrows and for Backspace, and `作` is one step that takes two columns. Lines wrap softly at the width of
/// `viewport`; Up and Down move by wrapped rows and keep the display column they started from (the goal
/// column), so going up and down through `åäö`, `René` and `作者` comes back to the same place.
///
/// `maxLength` counts graphemes, each line break as one. An insertion that would pass it is refused whole
/// and reported as `.refused(limit:)`, never cut: a pasted note that is too long is not half kept.
public struct TextAreaState: Hashable, Sendable {
    /// A place in the text: the line, and the grapheme index in that line that the cursor stands before.
    public struct Position: Hashable, Sendable, Comparable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public static func < (a: Position, b: Position) -> Bool {
            (a.line, a.column) < (b.line, b.column)
        }
    }

    /// One change to the text or the cursor.
    public enum Edit: Hashable, Sendable {
        /// Typed or pasted text. `\n`, `\r\n`, `\r` and the Unicode line and paragraph separators start a
        /// new line, a tab becomes a space, and other control characters (ESC among them) are dropped.
        case insert(String)
        case backspace, delete
        case left, right
        /// One wrapped row up or down, keeping the goal column.
        case up, down
        /// To the start or end of the line (not of the wrapped row).
        case home, end
        /// To the start of the previous word, or of the next one.
        case wordLeft, wordRight
        /// A viewport's height of wrapped rows up or down (10 rows without a viewport).
        case pageUp, pageDown
        /// To the start or end of the whole text.
        case textStart, textEnd
        /// Ctrl-W: the word before the cursor and the spaces after it.
        case deleteWordBackward
    }

    /// What an edit did, so the caller can mark a form dirty or tell the user why nothing happened.
    public enum EditResult: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// Nothing changed, e.g. Backspace at the start or Up on the first row.
        case unchanged
        /// The insertion would make the text longer than `limit` graphemes, so none of it was made.
        case refused(limit: Int)
    }

    private var storage: [[Character]]
    public private(set) var cursor: Position
    /// The most graphemes the text may hold (line breaks count as one each); nil for no limit.
    public var maxLength: Int?
    /// The size the area is drawn in, from the screen's layout: text wraps at its width and paging moves
    /// by its height. Setting it keeps the cursor in view. Without one, lines do not wrap for movement;
    /// `render` still wraps at the width it is given.
    public var viewport: Size? {
        didSet { keepCursorVisible() }
    }
    /// The first wrapped row shown; kept by `apply` so the cursor stays in `viewport`.
    public private(set) var scrollOffset = 0
    /// The display column Up and Down aim for; set by the first vertical move, cleared by anything else.
    private var goalColumn: Int?

    /// An area holding `text` (cleaned as `.insert` cleans it) with the cursor at its end. A text that is
    /// already longer than `maxLength` is kept whole; only insertions are refused.
    public init(text: String = "", maxLength: Int? = nil) {
        storage = TextAreaState.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        cursor = Position(line: storage.count - 1, column: storage[storage.count - 1].count)
        self.maxLength = maxLength
    }

    /// The text with lines joined by `\n`.
    public var text: String {
        storage.map { String($0) }.joined(separator: "\n")
    }

    /// The lines, without line breaks; always at least one.
    public var lines: [String] {
        storage.map { String($0) }
    }

    /// Graphemes in the text, each line break counted as one: what `maxLength` limits.
    public var length: Int {
        storage.reduce(storage.count - 1) { $0 + $1.count }
    }

    /// Applies one edit and reports what it did. Inserting past `maxLength` changes nothing and returns
    /// `.refused(limit:)`.
    @discardableResult
    public mutating func apply(_ edit: Edit) -> EditResult {
        let before = cursor
        var result: EditResult
        switch edit {
        case .insert(let typed): result = insert(typed)
        case .backspace: result = backspace()
        case .delete: result = deleteForward()
        case .deleteWordBackward: result = deleteWordBackward()
        case .up: result = moveVertically(by: -1)
        case .down: result = moveVertically(by: 1)
        case .pageUp: result = moveVertically(by: -pageRows)
        case .pageDown: result = moveVertically(by: pageRows)
        case .left, .right, .home, .end, .wordLeft, .wordRight, .textStart, .textEnd:
            cursor = target(of: edit)
            result = cursor == before ? .unchanged : .moved
        }
        switch edit {
        case .up, .down, .pageUp, .pageDown: break
        default: goalColumn = nil
        }
        keepCursorVisible()
        return result
    }

    /// Applies the edit a key asks for; nil when the key is not one for text (Tab, Esc, Ctrl-S…), so the
    /// caller can use it. Enter inserts a line break.
    public mutating func handle(_ chord: KeyChord) -> EditResult? {
        TextAreaState.edit(for: chord).map { apply($0) }
    }

    /// The edit the usual keys mean: characters insert, Enter breaks the line, arrows move (with Ctrl or
    /// Alt by words), Home/End go to the line's ends (with Ctrl to the text's), PgUp/PgDn page,
    /// Backspace/Del delete and Ctrl-W deletes a word. Nil for every other key.
    public static func edit(for chord: KeyChord) -> Edit? {
        let modified = chord.control || chord.alt
        switch chord.key {
        case .character("w") where chord.control && !chord.alt: return .deleteWordBackward
        case .character(let c): return modified ? nil : .insert(String(c))
        case .text(let t): return modified ? nil : .insert(t)
        case .enter: return modified ? nil : .insert("\n")
        case .backspace: return .backspace
        case .delete: return .delete
        case .left: return modified ? .wordLeft : .left
        case .right: return modified ? .wordRight : .right
        case .up: return .up
        case .down: return .down
        case .home: return chord.control ? .textStart : .home
        case .end: return chord.control ? .textEnd : .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        default: return nil
        }
    }

    // MARK: - Wrapping and drawing

    /// The rows the text shows as when wrapped at `width` columns.
    public func wrappedLines(width: Int) -> [String] {
        wrappedRows(width: width).map { String(storage[$0.line][$0.range]) }
    }

    /// Where the cursor is among the rows wrapped at `width`: `y` is the row, `x` the display column.
    public func cursorLocation(wrapWidth width: Int) -> Point {
        let (row, column) = locate(cursor, in: wrappedRows(width: width))
        return Point(x: column, y: row)
    }

    /// Draws the text wrapped at `rect`'s width in `role`, scrolled so the cursor's row is visible, and
    /// returns where the terminal cursor belongs; nil when `rect` is empty.
    @discardableResult
    public func render(in rect: Rect, into buffer: inout Buffer, role: Role = .search) -> Point? {
        guard !rect.isEmpty else { return nil }
        buffer.fill(rect, role: role)
        let rows = wrappedRows(width: rect.width)
        let (cursorRow, cursorColumn) = locate(cursor, in: rows)
        let offset = Table.scrollOffset(
            selection: cursorRow, offset: scrollOffset, visibleRows: rect.height, rowCount: rows.count)
        for (i, row) in rows.dropFirst(offset).prefix(rect.height).enumerated() {
            buffer.write(
                String(storage[row.line][row.range]), at: Point(x: rect.x, y: rect.y + i), role: role,
                maxWidth: rect.width)
        }
        return Point(x: rect.x + min(cursorColumn, rect.width - 1), y: rect.y + cursorRow - offset)
    }

    /// One screen row: a range of graphemes in one line.
    struct WrappedRow {
        var line: Int
        var range: Range<Int>
        /// The line's last row, the only one whose end the cursor can stand at.
        var isLast: Bool
    }

    func wrappedRows(width: Int) -> [WrappedRow] {
        var rows: [WrappedRow] = []
        for (line, graphemes) in storage.enumerated() {
            let ranges = SoftWrap.rows(of: graphemes, width: width)
            for (i, range) in ranges.enumerated() {
                rows.append(WrappedRow(line: line, range: range, isLast: i == ranges.count - 1))
            }
        }
        return rows
    }

    /// The row and display column of `position`. A position at a row's end belongs to the next row of
    /// the same line, where it is that row's start.
    func locate(_ position: Position, in rows: [WrappedRow]) -> (row: Int, column: Int) {
        guard let first = rows.firstIndex(where: { $0.line == position.line }) else { return (0, 0) }
        var index = first
        while !rows[index].isLast, position.column >= rows[index].range.upperBound { index += 1 }
        let start = rows[index].range.lowerBound
        let column = SoftWrap.columns(storage[position.line][start..<max(start, position.column)])
        return (index, column)
    }

    /// The row, counted from the top of an area of `size`, that `render` draws the cursor on.
    func visibleCursorRow(in size: Size) -> Int {
        guard size.width > 0, size.height > 0 else { return 0 }
        let rows = wrappedRows(width: size.width)
        let row = locate(cursor, in: rows).row
        return row
            - Table.scrollOffset(selection: row, offset: scrollOffset, visibleRows: size.height, rowCount: rows.count)
    }

    private var wrapWidth: Int { viewport.map { max(1, $0.width) } ?? Int.max }

    private var pageRows: Int { max(1, viewport?.height ?? 10) }

    private mutating func keepCursorVisible() {
        guard let viewport else { return }
        let rows = wrappedRows(width: wrapWidth)
        scrollOffset = Table.scrollOffset(
            selection: locate(cursor, in: rows).row, offset: scrollOffset, visibleRows: viewport.height,
            rowCount: rows.count)
    }

    // MARK: - Moving

    private mutating func moveVertically(by delta: Int) -> EditResult {
        let rows = wrappedRows(width: wrapWidth)
        let (row, column) = locate(cursor, in: rows)
        let targetRow = min(max(0, row + delta), rows.count - 1)
        guard targetRow != row else { return .unchanged }
        let goal = goalColumn ?? column
        let target = rows[targetRow]
        let line = storage[target.line]
        // A row that is not its line's last cannot hold the cursor at its end: that place is the next row's start.
        let last = target.isLast ? target.range.upperBound : max(target.range.lowerBound, target.range.upperBound - 1)
        var index = target.range.lowerBound
        var used = 0
        while index < last, used + DisplayWidth.of(line[index]) <= goal {
            used += DisplayWidth.of(line[index])
            index += 1
        }
        cursor = Position(line: target.line, column: index)
        goalColumn = goal
        return .moved
    }

    private func target(of edit: Edit) -> Position {
        let line = storage[cursor.line]
        let at = cursor.column
        switch edit {
        case .left:
            if at > 0 { return Position(line: cursor.line, column: at - 1) }
            if cursor.line > 0 { return Position(line: cursor.line - 1, column: storage[cursor.line - 1].count) }
        case .right:
            if at < line.count { return Position(line: cursor.line, column: at + 1) }
            if cursor.line < storage.count - 1 { return Position(line: cursor.line + 1, column: 0) }
        case .home:
            return Position(line: cursor.line, column: 0)
        case .end:
            return Position(line: cursor.line, column: line.count)
        case .textStart:
            return Position(line: 0, column: 0)
        case .textEnd:
            return Position(line: storage.count - 1, column: storage[storage.count - 1].count)
        case .wordLeft:
            if at == 0 { return cursor.line > 0 ? target(of: .left) : cursor }
            return Position(line: cursor.line, column: TextAreaState.wordStart(before: at, in: line))
        case .wordRight:
            if at == line.count { return target(of: .right) }
            var end = at
            while end < line.count, !line[end].isWhitespace { end += 1 }
            while end < line.count, line[end].isWhitespace { end += 1 }
            return Position(line: cursor.line, column: end)
        default:
            break
        }
        return cursor
    }

    /// The start of the word before `index`, skipping the spaces between.
    private static func wordStart(before index: Int, in line: [Character]) -> Int {
        var start = index
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        return start
    }

    // MARK: - Editing

    private mutating func insert(_ typed: String) -> EditResult {
        let clean = TextAreaState.clean(typed)
        guard !clean.isEmpty else { return .unchanged }
        let line = storage[cursor.line]
        let at = min(cursor.column, line.count)
        let head = String(line[..<at]) + clean
        let pieces = (head + String(line[at...])).split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0) }
        let newLength = length - line.count + pieces.reduce(pieces.count - 1) { $0 + $1.count }
        if let maxLength, newLength > maxLength, newLength > length { return .refused(limit: maxLength) }
        storage.replaceSubrange(cursor.line...cursor.line, with: pieces)
        // Counted on the text before the cursor, so a combining mark joins the grapheme it follows.
        let headLines = head.split(separator: "\n", omittingEmptySubsequences: false)
        let cursorLine = cursor.line + headLines.count - 1
        cursor = Position(
            line: cursorLine, column: min(headLines[headLines.count - 1].count, storage[cursorLine].count))
        return .edited
    }

    private mutating func backspace() -> EditResult {
        if cursor.column > 0 {
            return replace(cursor.column - 1..<cursor.column, cursorAt: cursor.column - 1)
        }
        guard cursor.line > 0 else { return .unchanged }
        joinLine(cursor.line - 1)
        return .edited
    }

    private mutating func deleteForward() -> EditResult {
        if cursor.column < storage[cursor.line].count {
            return replace(cursor.column..<cursor.column + 1, cursorAt: cursor.column)
        }
        guard cursor.line < storage.count - 1 else { return .unchanged }
        joinLine(cursor.line)
        return .edited
    }

    private mutating func deleteWordBackward() -> EditResult {
        guard cursor.column > 0 else { return backspace() }
        let start = TextAreaState.wordStart(before: cursor.column, in: storage[cursor.line])
        return replace(start..<cursor.column, cursorAt: start)
    }

    /// Removes `range` from the cursor's line and puts the cursor at `column`.
    private mutating func replace(_ range: Range<Int>, cursorAt column: Int) -> EditResult {
        var line = storage[cursor.line]
        line.removeSubrange(range)
        // Segment again: removing a grapheme can let its neighbours join (Hangul jamo, a lone accent).
        storage[cursor.line] = Array(String(line))
        cursor = Position(line: cursor.line, column: min(column, storage[cursor.line].count))
        return .edited
    }

    /// Joins line `index + 1` onto line `index` and puts the cursor where they meet.
    private mutating func joinLine(_ index: Int) {
        let column = storage[index].count
        storage[index] = Array(String(storage[index]) + String(storage[index + 1]))
        storage.remove(at: index + 1)
        cursor = Position(line: index, column: min(column, storage[index].count))
    }

    /// Text as the area stores it: every kind of line break as `\n`, tabs as spaces, no other controls.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            defer { previousWasCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where previousWasCR: continue  // CRLF is one line break
            case 0x0A, 0x0D, 0x2028, 0x2029: out.append("\n")
            case 0x09: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
