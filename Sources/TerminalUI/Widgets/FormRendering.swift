extension FormState {
    /// Placeholder shown in an empty date field.
    static let datePlaceholder = "ÅÅÅÅ-MM-DD"

    /// Draws the fields that fit in `rect`, scrolled so the focused field shows, with "↑"/"↓" at the right
    /// edge when rows are hidden above or below and the focused field's help on the last row. The focused
    /// field has a "▸" and its label in `.selection`, its input in `.search`; errors show under their
    /// field as "✗ message" in `.error`. Returns where the terminal cursor belongs, nil when it is hidden.
    @discardableResult
    public func render(in rect: Rect, into buffer: inout Buffer) -> Point? {
        guard !rect.isEmpty else { return nil }
        buffer.fill(rect, role: .normal)
        let layout = FormLayout(fields: fields, width: rect.width)
        let rows = FormLayout.contentRows(height: rect.height, fields: fields)
        let offset = scrollOffset(in: layout, rows: rows, from: scrollOffset)
        // Fields are drawn on a page as tall as the form, then the visible rows are copied: a multi-line
        // field cut by the window's edge is then cut, not squeezed.
        var page = Buffer(size: Size(width: rect.width, height: layout.contentHeight))
        var cursor: Point?
        for index in fields.indices {
            let block = layout.blocks[index]
            guard block.top + block.height > offset, block.top < offset + rows else { continue }
            if let point = draw(index, at: block, layout: layout, on: &page) { cursor = point }
        }
        let shown = offset..<min(layout.contentHeight, offset + rows)
        buffer.copyRows(shown, of: page, to: Point(x: rect.x, y: rect.y))
        if offset > 0 { buffer.write("↑", at: Point(x: rect.maxX - 1, y: rect.y), role: .muted) }
        if offset + rows < layout.contentHeight {
            buffer.write("↓", at: Point(x: rect.maxX - 1, y: rect.y + rows - 1), role: .muted)
        }
        if rows < rect.height, let help = focusedID.flatMap({ self[$0]?.help }) {
            buffer.write(
                DisplayWidth.truncate(Sanitize.line(help), to: rect.width), at: Point(x: rect.x, y: rect.maxY - 1),
                role: .muted)
        }
        guard let cursor, shown.contains(cursor.y), cursor.x < rect.width else { return nil }
        return Point(x: rect.x + cursor.x, y: rect.y + cursor.y - offset)
    }

    /// Draws one field at its block on the page; returns the cursor when the field has focus.
    private func draw(_ index: Int, at block: FormLayout.Block, layout: FormLayout, on page: inout Buffer) -> Point? {
        let field = fields[index]
        let focused = field.id == focusedID
        let y = block.top
        if focused {
            page.fill(Rect(x: 0, y: y, width: FormLayout.gutter + layout.labelWidth, height: 1), role: .selection)
            page.write("▸", at: Point(x: 0, y: y), role: .selection)
        }
        let mark = field.required ? " *" : ""
        let label = DisplayWidth.truncate(Sanitize.line(field.label), to: layout.labelWidth - mark.count) + mark
        page.write(
            label, at: Point(x: FormLayout.gutter, y: y), role: focused ? .selection : .normal,
            maxWidth: layout.labelWidth)

        let value = Rect(x: layout.valueX, y: y, width: layout.valueWidth, height: block.valueRows)
        let input: Role = focused ? .search : .normal
        var cursor: Point?
        switch field.kind {
        case .text(let text), .date(let text):
            if focused {
                cursor = text.render(in: value, into: &page, role: input)
            } else {
                writeLine(text.text, in: value, role: .normal, on: &page)
            }
            if case .date = field.kind, text.text.isEmpty {
                writeLine(FormState.datePlaceholder, in: value, role: .muted, on: &page)
            }
        case .multiline(let area):
            let point = area.render(in: value, into: &page, role: input)
            if focused { cursor = point }
        case .choice, .multiChoice:
            let labels = FormLayout.optionLabels(field)
            let places = FormLayout.optionPlaces(labels, width: value.width)
            var highlighted: Int?
            if case .choice(_, let selected) = field.kind { highlighted = selected }
            if case .multiChoice = field.kind { highlighted = min(field.optionCursor, labels.count - 1) }
            for (i, place) in places.enumerated() {
                let at = Point(x: value.x + place.x, y: y + place.row)
                page.write(
                    labels[i], at: at, role: focused && i == highlighted ? input : .normal,
                    maxWidth: value.width - place.x)
            }
            if focused, let first = places.first {
                let place = highlighted.flatMap { places.indices.contains($0) ? places[$0] : nil } ?? first
                cursor = Point(x: value.x + place.x + 1, y: y + place.row)
            }
        case .toggle(let on):
            writeLine(on ? "[x] Ja" : "[ ] Nej", in: value, role: input, on: &page)
            if focused { cursor = Point(x: value.x + 1, y: y) }
        case .readOnly(let text):
            for (i, row) in FormLayout.wrapped(text, width: value.width).enumerated() {
                writeLine(row, in: value.row(0).offsetBy(rows: i), role: .muted, on: &page)
            }
        }
        if let error = field.error {
            // A long reason wraps under the field instead of being cut.
            for (i, row) in FormLayout.wrapped("✗ " + error, width: value.width).enumerated() {
                writeLine(row, in: value.row(0).offsetBy(rows: block.valueRows + i), role: .error, on: &page)
            }
        }
        return cursor
    }

    /// One line of text at the top left of `rect`, cut with "…" at its width.
    private func writeLine(_ text: String, in rect: Rect, role: Role, on page: inout Buffer) {
        guard rect.width > 0 else { return }
        page.write(
            DisplayWidth.truncate(Sanitize.line(text), to: rect.width), at: Point(x: rect.x, y: rect.y), role: role)
    }
}

extension Rect {
    /// The same rect moved down by `rows`.
    fileprivate func offsetBy(rows: Int) -> Rect {
        Rect(x: x, y: y + rows, width: width, height: height)
    }
}
