/// A scrolling list with a header row and columns, such as the caseload. The table draws only the rows
/// that are visible, asking `cell` for their text, so a list of ten thousand costs what one screen costs.
///
/// Selection and scroll offset are values owned by the screen's state; `scrollOffset(selection:…)` is the
/// rule `update` uses to keep the selection in view, and `visibleRowCount(in:)` gives the page size.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var selection: Int?
    public var scrollOffset: Int
    public var cell: (Int, Int) -> String
    public var rowRole: (Int) -> Role

    /// - Parameters:
    ///   - cell: the text for (row, column); called only for visible rows.
    ///   - rowRole: the role of a row that is not selected, e.g. `.tagged` or `.muted`.
    public init(
        columns: [TableColumn], rowCount: Int, selection: Int?, scrollOffset: Int,
        cell: @escaping (Int, Int) -> String, rowRole: @escaping (Int) -> Role = { _ in .normal }
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.selection = selection
        self.scrollOffset = scrollOffset
        self.cell = cell
        self.rowRole = rowRole
    }

    /// Draws the header (role `.header`) and the visible rows; the selected row is `.selection` across the
    /// full width. Rows below the last one are cleared.
    public func render(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let widths = Table.columnWidths(columns, totalWidth: rect.width)
        buffer.fill(rect.row(0), role: .header)
        drawRow(y: rect.y, x: rect.x, widths: widths, role: .header) { columns[$0].title }
        let offset = max(0, scrollOffset)
        for i in 0..<Table.visibleRowCount(in: rect) {
            let row = offset + i
            let line = rect.row(i + 1)
            guard row < rowCount else {
                buffer.fill(line, role: .normal)
                continue
            }
            let role = row == selection ? .selection : rowRole(row)
            buffer.fill(line, role: role)
            drawRow(y: line.y, x: line.x, widths: widths, role: role) { cell(row, $0) }
        }

        func drawRow(y: Int, x: Int, widths: [Int], role: Role, text: (Int) -> String) {
            var x = x
            for (column, width) in widths.enumerated() {
                if width > 0 {
                    // The row is already filled, so text is only truncated and placed, not padded.
                    let shown = DisplayWidth.truncate(Sanitize.line(text(column)), to: width)
                    let indent = columns[column].alignRight ? width - DisplayWidth.of(shown) : 0
                    buffer.write(shown, at: Point(x: x + indent, y: y), role: role, maxWidth: width - indent)
                }
                x += width + 1
            }
        }
    }

    /// The width of each column in `totalWidth`, with one column of space between columns. Fixed columns
    /// and the minimums of flexible ones come first; flexible columns share what is left equally (the
    /// leftmost get the odd columns). When even that does not fit, columns on the right shrink to nothing.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let w): return max(0, w)
            case .flexible(let minimum): return max(0, minimum)
            }
        }
        let available = max(0, totalWidth - (columns.count - 1))
        let flexible = columns.indices.filter {
            if case .flexible = columns[$0].width { return true } else { return false }
        }
        let extra = available - widths.reduce(0, +)
        if extra >= 0 {
            guard !flexible.isEmpty else { return widths }
            for (n, index) in flexible.enumerated() {
                widths[index] += extra / flexible.count + (n < extra % flexible.count ? 1 : 0)
            }
            return widths
        }
        var left = available
        for index in widths.indices {
            widths[index] = min(widths[index], left)
            left -= widths[index]
        }
        return widths
    }

    /// Data rows that fit in `rect` under the header: the page size for PgUp/PgDn.
    public static func visibleRowCount(in rect: Rect) -> Int {
        max(0, rect.height - 1)
    }

    /// The scroll offset that keeps `selection` visible while moving as little as possible from `offset`,
    /// and never leaves empty rows at the bottom when there are rows above to fill them.
    public static func scrollOffset(selection: Int, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let selection = min(max(0, selection), rowCount - 1)
        let maxOffset = max(0, rowCount - visibleRows)
        var result = min(max(0, offset), maxOffset)
        if selection < result { result = selection }
        if selection >= result + visibleRows { result = selection - visibleRows + 1 }
        return result
    }
}
