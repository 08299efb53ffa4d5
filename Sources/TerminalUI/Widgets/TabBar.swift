/// Which tab of a tabbed screen shows, e.g. the participant's Översikt, Kartläggning, Insatser, Möten,
/// Anteckningar and Samtycke. Digits pick a tab by its number, Tab and Shift-Tab step through them.
public struct TabBarState: Hashable, Sendable {
    public let titles: [String]
    /// The index of the tab that shows.
    public private(set) var selected: Int

    /// Tabs with these titles, `selected` showing (clamped to the tabs there are).
    public init(titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = min(max(0, selected), max(0, titles.count - 1))
    }

    /// Shows tab `index`; false, and nothing changes, when there is no such tab.
    @discardableResult
    public mutating func select(_ index: Int) -> Bool {
        guard titles.indices.contains(index) else { return false }
        selected = index
        return true
    }

    /// The tab after the one showing, from the last back to the first.
    public mutating func next() {
        guard !titles.isEmpty else { return }
        selected = (selected + 1) % titles.count
    }

    /// The tab before the one showing, from the first round to the last.
    public mutating func previous() {
        guard !titles.isEmpty else { return }
        selected = (selected - 1 + titles.count) % titles.count
    }

    /// The tab a key asks for: `1`…`9` the tab with that number, Tab the next and Shift-Tab the previous
    /// one. Nil for other keys and for a number past the last tab.
    public func tab(for chord: KeyChord) -> Int? {
        guard !titles.isEmpty, !chord.control, !chord.alt else { return nil }
        switch chord.key {
        case .character(let c):
            guard let digit = c.wholeNumberValue, c.isASCII, digit >= 1, digit <= titles.count else { return nil }
            return digit - 1
        case .tab: return (selected + 1) % titles.count
        case .backTab: return (selected - 1 + titles.count) % titles.count
        default: return nil
        }
    }

    /// Shows the tab a key asks for; false when the key is not one for tabs.
    public mutating func handle(_ chord: KeyChord) -> Bool {
        guard let index = tab(for: chord) else { return false }
        return select(index)
    }
}

/// One row of numbered tabs: ` 1 Översikt │ 2 Kartläggning │ 3 Insatser `, the showing tab in
/// `.selection`. When the titles do not fit, the other tabs' titles are cut with "…" as little as needed,
/// and at worst shrink to their numbers (` 1 │ 2 Kartläggning │ 3 `): the showing tab keeps its name and
/// every number stays visible as long as it can.
public struct TabBar {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// The bar for a tab state.
    public init(_ state: TabBarState) {
        self.init(titles: state.titles, selected: state.selected)
    }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, role: .normal)
        var x = line.x
        for (index, segment) in segments(fitting: line.width).enumerated() {
            if index > 0 { x += buffer.write("│", at: Point(x: x, y: line.y), role: .border, maxWidth: line.maxX - x) }
            x += buffer.write(
                segment, at: Point(x: x, y: line.y), role: index == selected ? .selection : .normal,
                maxWidth: line.maxX - x)
        }
    }

    /// Each tab's text: ` 2 Kartläggning `, with the other tabs' titles cut to the widest that lets the bar
    /// fit in `width`, or left out when even two columns each are too many.
    func segments(fitting width: Int) -> [String] {
        let titles = self.titles.map { Sanitize.line($0) }
        func segments(cap: Int?) -> [String] {
            titles.indices.map { index in
                guard index != selected, let cap else { return " \(index + 1) \(titles[index]) " }
                return cap == 0 ? " \(index + 1) " : " \(index + 1) \(DisplayWidth.truncate(titles[index], to: cap)) "
            }
        }
        func fits(_ segments: [String]) -> Bool {
            segments.reduce(max(0, segments.count - 1)) { $0 + DisplayWidth.of($1) } <= width
        }
        let full = segments(cap: nil)
        if fits(full) { return full }
        let widest = titles.map { DisplayWidth.of($0) }.max() ?? 0
        for cap in stride(from: widest - 1, through: 2, by: -1) {
            let cut = segments(cap: cap)
            if fits(cut) { return cut }
        }
        return segments(cap: 0)
    }
}
