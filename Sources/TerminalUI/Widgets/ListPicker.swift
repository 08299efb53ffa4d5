/// A small box to pick one item from a list, e.g. a team member or an outcome code, narrowed by typing:
/// every word typed must appear in an item (ignoring case) for it to stay. A pure value: `handle` takes
/// keys and returns the outcome once there is one, `render` draws it.
///
/// ↑/↓, PgUp/PgDn and Home/End move; Enter picks; Esc clears the filter first and cancels when it is
/// empty (a visible filter that Esc clears: docs/domain-rules.md, The terminal). Every printable key goes to the filter.
public struct ListPicker: Hashable, Sendable {
    /// How picking ended.
    public enum Outcome: Hashable, Sendable {
        /// The index in `items` of the item picked.
        case picked(Int)
        case cancelled
    }

    /// Most rows of items the box shows at once.
    public static let maxVisibleRows = 12

    public var title: String
    public let items: [String]
    public private(set) var filter = TextFieldState()
    /// Indices in `items` of the items that match the filter, in list order.
    public private(set) var matches: [Int]
    /// The position in `matches` of the highlighted item.
    public private(set) var selection = 0
    /// The first of `matches` shown; kept by `handle` so the selection stays in view.
    public private(set) var scrollOffset = 0
    /// The area the picker is centred in, from the screen's layout; paging moves by the rows it shows.
    public var viewport: Size? {
        didSet { keepSelectionVisible() }
    }

    /// A picker over `items` with `selected` (an index in `items`) highlighted.
    public init(title: String, items: [String], selected: Int? = nil) {
        self.title = title
        self.items = items
        matches = Array(items.indices)
        if let selected, items.indices.contains(selected) { selection = selected }
        keepSelectionVisible()
    }

    /// The index in `items` of the highlighted item; nil when nothing matches.
    public var selectedItem: Int? {
        matches.indices.contains(selection) ? matches[selection] : nil
    }

    /// Applies a key; the outcome once there is one, nil while the picker stays open.
    public mutating func handle(_ chord: KeyChord) -> Outcome? {
        let page = max(1, viewport.map { ListPicker.visibleRowCount(in: frame(in: Rect(size: $0))) } ?? 10)
        switch (chord.key, chord.control || chord.alt) {
        case (.escape, _):
            guard filter.text.isEmpty else {
                editFilter(.clear)
                return nil
            }
            return .cancelled
        case (.enter, _): return selectedItem.map { .picked($0) }
        case (.up, _): move(to: selection - 1)
        case (.down, _): move(to: selection + 1)
        case (.pageUp, _): move(to: selection - page)
        case (.pageDown, _): move(to: selection + page)
        case (.home, _): move(to: 0)
        case (.end, _): move(to: matches.count - 1)
        case (.character("u"), true) where chord.control: editFilter(.clear)
        case (.character("w"), true) where chord.control: editFilter(.deleteWordBackward)
        case (.character(let c), false): editFilter(.insert(String(c)))
        case (.text(let t), false): editFilter(.insert(t))
        case (.backspace, _): editFilter(.backspace)
        case (.delete, _): editFilter(.delete)
        case (.left, _): editFilter(.left)
        case (.right, _): editFilter(.right)
        default: break
        }
        return nil
    }

    /// The box in `rect`: wide enough for the widest item and the title, one row per item up to
    /// `maxVisibleRows`, plus the filter row and the border. Its size does not change while filtering.
    public func frame(in rect: Rect) -> Rect {
        let widest = items.map { DisplayWidth.of(Sanitize.line($0)) }.max() ?? 0
        let width = max(widest + 4, DisplayWidth.of(Sanitize.line(title)) + 6, 30)
        let rows = min(max(1, items.count), ListPicker.maxVisibleRows)
        return rect.centered(width: width, height: rows + 3)
    }

    /// Item rows visible in a box: the page size for PgUp/PgDn.
    public static func visibleRowCount(in box: Rect) -> Int {
        max(0, box.height - 3)
    }

    /// Draws the box centred in `rect`: the filter on the first row, then the matching items with the
    /// highlighted one in `.selection`, "↑"/"↓" at the edge when items are hidden, and "Inga träffar" when
    /// nothing matches. Returns where the terminal cursor belongs (in the filter).
    @discardableResult
    public func render(in rect: Rect, into buffer: inout Buffer) -> Point? {
        let box = frame(in: rect)
        guard box.width >= 4, box.height >= 3 else { return nil }
        buffer.fill(box, role: .normal)
        buffer.drawBox(box, title: title)
        let inside = box.inset(by: 1).inset(horizontally: 1)
        let (filterRow, list) = inside.splitTop(1)
        let label = buffer.write(
            "Sök: ", at: Point(x: filterRow.x, y: filterRow.y), role: .muted, maxWidth: filterRow.width)
        let cursor = filter.render(in: filterRow.splitLeft(label).rest, into: &buffer, role: .search)
        guard !list.isEmpty else { return cursor }
        if matches.isEmpty {
            buffer.write("Inga träffar", at: Point(x: list.x, y: list.y), role: .muted, maxWidth: list.width)
            return cursor
        }
        let offset = Table.scrollOffset(
            selection: selection, offset: scrollOffset, visibleRows: list.height, rowCount: matches.count)
        for (i, item) in matches.dropFirst(offset).prefix(list.height).enumerated() {
            let row = Rect(x: list.x - 1, y: list.y + i, width: list.width + 2, height: 1)
            let role: Role = offset + i == selection ? .selection : .normal
            buffer.fill(row, role: role)
            buffer.write(
                DisplayWidth.truncate(Sanitize.line(items[item]), to: list.width), at: Point(x: list.x, y: row.y),
                role: role)
        }
        if offset > 0 { buffer.write("↑", at: Point(x: box.maxX - 2, y: list.y), role: .muted) }
        if offset + list.height < matches.count {
            buffer.write("↓", at: Point(x: box.maxX - 2, y: list.maxY - 1), role: .muted)
        }
        return cursor
    }

    private mutating func move(to position: Int) {
        selection = min(max(0, position), max(0, matches.count - 1))
        keepSelectionVisible()
    }

    /// Changes the filter and the matches, keeping the highlighted item when it still matches.
    private mutating func editFilter(_ edit: TextFieldState.Edit) {
        let kept = selectedItem
        filter.apply(edit)
        let words = filter.text.lowercased().split(separator: " ")
        matches = items.indices.filter { index in
            let item = items[index].lowercased()
            return words.allSatisfy { item.contains($0) }
        }
        selection = kept.flatMap { matches.firstIndex(of: $0) } ?? 0
        keepSelectionVisible()
    }

    private mutating func keepSelectionVisible() {
        let rows = viewport.map { ListPicker.visibleRowCount(in: frame(in: Rect(size: $0))) }
            ?? min(matches.count, ListPicker.maxVisibleRows)
        scrollOffset = Table.scrollOffset(
            selection: selection, offset: scrollOffset, visibleRows: rows, rowCount: matches.count)
    }
}
