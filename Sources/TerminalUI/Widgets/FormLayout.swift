/// Where a form's fields go at a given width: a label column as wide as the longest label (capped at two
/// fifths of the width), the values to its right, and each field's rows stacked from the top. Both
/// `FormState.handle` (to scroll) and `FormState.render` (to draw) use it, so they agree.
///
/// ```
/// ▸ Förnamn *   Åsa
///   Född        1985-13-01
///               ✗ Datumet finns inte
///   Samtycke    (•) Ja  ( ) Nej
/// ```
struct FormLayout {
    /// One field's place: its first row, the rows its value takes, and the rows its error wraps over.
    struct Block {
        var top: Int
        var valueRows: Int
        var errorRows: Int
        var hasError: Bool { errorRows > 0 }
        var height: Int { valueRows + errorRows }
    }

    /// The most rows an error or a read-only text wraps over; beyond that it ends in "…".
    static let maxWrappedRows = 3

    /// The columns before the label: the focus marker and a space.
    static let gutter = 2
    /// Columns between options of a choice.
    static let optionGap = 2

    let labelWidth: Int
    let valueX: Int
    let valueWidth: Int
    let blocks: [Block]
    let contentHeight: Int

    init(fields: [FormField], width: Int) {
        let width = max(0, width)
        let widest = fields.map { DisplayWidth.of(Sanitize.line($0.label)) + ($0.required ? 2 : 0) }.max() ?? 0
        labelWidth = max(0, min(widest, width * 2 / 5 - FormLayout.gutter))
        valueX = FormLayout.gutter + labelWidth + 2
        let valueWidth = max(0, width - valueX)
        self.valueWidth = valueWidth
        var top = 0
        var blocks: [Block] = []
        for field in fields {
            let block = Block(
                top: top, valueRows: FormLayout.valueRows(of: field, width: valueWidth),
                errorRows: field.error.map { FormLayout.wrapped("✗ " + $0, width: valueWidth).count } ?? 0)
            blocks.append(block)
            top += block.height
        }
        self.blocks = blocks
        contentHeight = top
    }

    /// `text` wrapped at `width` over at most `maxWrappedRows` rows, the last cut with "…" if more was left.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let rows = TextWrap.rows(Sanitize.line(text), width: max(1, width))
        guard rows.count > maxWrappedRows else { return rows }
        var kept = Array(rows.prefix(maxWrappedRows))
        kept[kept.count - 1] = DisplayWidth.truncate(kept[kept.count - 1] + " " + rows[maxWrappedRows], to: max(1, width))
        return kept
    }

    /// Rows of the value: the area's rows for multi-line text, the rows its options flow over for
    /// choices, one for the rest.
    static func valueRows(of field: FormField, width: Int) -> Int {
        switch field.kind {
        case .multiline: return max(1, field.rows)
        case .readOnly(let text): return max(1, wrapped(text, width: width).count)
        case .choice, .multiChoice:
            return max(1, (optionPlaces(optionLabels(field), width: width).map(\.row).max() ?? 0) + 1)
        default: return 1
        }
    }

    /// The text of each option as drawn: `(•) Ja`, `( ) Nej`, `[x] Arbete`, `[ ] Studier`.
    static func optionLabels(_ field: FormField) -> [String] {
        switch field.kind {
        case .choice(let options, let selected):
            return options.indices.map { (selected == $0 ? "(•) " : "( ) ") + Sanitize.line(options[$0]) }
        case .multiChoice(let options, let selected):
            return options.indices.map { (selected.contains($0) ? "[x] " : "[ ] ") + Sanitize.line(options[$0]) }
        default:
            return []
        }
    }

    /// Options flowed over rows of `width` columns: each starts where the last ended plus a gap, or on a
    /// new row when it would not fit; an option wider than the row gets a row of its own.
    static func optionPlaces(_ labels: [String], width: Int) -> [(row: Int, x: Int)] {
        var places: [(row: Int, x: Int)] = []
        var row = 0
        var x = 0
        for label in labels {
            let w = DisplayWidth.of(label)
            if x > 0, x + optionGap + w > width {
                row += 1
                x = 0
            } else if x > 0 {
                x += optionGap
            }
            places.append((row, x))
            x += w
        }
        return places
    }

    /// The rows that hold fields when the form is drawn `height` rows high: all but the last, which is
    /// the help line, when some field has help and there is room for one.
    static func contentRows(height: Int, fields: [FormField]) -> Int {
        let hasHelp = fields.contains { ($0.help ?? "").isEmpty == false }
        return max(0, hasHelp && height >= 3 ? height - 1 : height)
    }

    /// The scroll offset that shows the focused field whole (or, when it is taller than the window, the row
    /// `focusRow` inside it), moving as little as possible from `offset`, with no empty rows at the bottom
    /// while rows above are hidden.
    func scrollOffset(from offset: Int, rows: Int, focus: Int?, focusRow: Int) -> Int {
        guard rows > 0 else { return 0 }
        var result = min(max(0, offset), max(0, contentHeight - rows))
        guard let focus, blocks.indices.contains(focus) else { return result }
        let block = blocks[focus]
        if block.height <= rows {
            if block.top < result { result = block.top }
            if block.top + block.height > result + rows { result = block.top + block.height - rows }
        } else {
            let row = block.top + min(max(0, focusRow), block.height - 1)
            if row < result { result = row }
            if row >= result + rows { result = row - rows + 1 }
        }
        return result
    }
}
