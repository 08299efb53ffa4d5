/// One line of help: the keys that run a command (as `KeyChord.description` shows them), its title and
/// a short explanation. Generated from the active keymap and the command catalogue, never written by hand.
public struct HelpEntry: Hashable, Sendable {
    public var keys: [String]
    public var title: String
    public var help: String

    public init(keys: [String], title: String, help: String) {
        self.keys = keys
        self.title = title
        self.help = help
    }
}

/// A titled group of help lines, e.g. "Flytta" or "Lista".
public struct HelpGroup: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// The `?` screen: a bordered box over nearly the whole screen listing groups of keys, scrolled by the
/// screen's state, with a footer (given by the caller, from its keymap) that says how to close and scroll it.
///
/// Lines: each group's title, then one line per entry, `  keys  title – help`, with the keys in one
/// column; a blank line separates groups.
public struct HelpOverlay {
    public var title: String
    public var groups: [HelpGroup]
    public var scrollOffset: Int
    /// The footer's keys (closing and scrolling), from the caller's keymap.
    public var footer: [(keys: String, label: String)]

    public init(title: String, groups: [HelpGroup], scrollOffset: Int, footer: [(keys: String, label: String)] = []) {
        self.title = title
        self.groups = groups
        self.scrollOffset = scrollOffset
        self.footer = footer
    }

    /// Lines of content, for clamping the scroll offset.
    public static func lineCount(groups: [HelpGroup]) -> Int {
        groups.reduce(0) { $0 + 1 + $1.entries.count } + max(0, groups.count - 1)
    }

    /// Content lines visible at once when drawn in `rect`: the page size for scrolling.
    public static func visibleLineCount(in rect: Rect) -> Int {
        max(0, box(in: rect).height - 3)
    }

    /// The largest useful scroll offset when drawn in `rect`.
    public static func maxScrollOffset(groups: [HelpGroup], in rect: Rect) -> Int {
        max(0, lineCount(groups: groups) - visibleLineCount(in: rect))
    }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        let box = HelpOverlay.box(in: rect)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, role: .normal)
        buffer.drawBox(box, title: title)
        let inside = box.inset(by: 1)
        let (content, footer) = inside.splitBottom(1)
        let lines = self.lines()
        let offset = min(max(0, scrollOffset), max(0, lines.count - content.height))
        let keysWidth = self.keysWidth
        for (i, line) in lines.dropFirst(offset).prefix(content.height).enumerated() {
            draw(line, keysWidth: keysWidth, in: content.row(i).inset(horizontally: 1), into: &buffer)
        }
        HintBar(items: self.footer).render(in: footer.inset(horizontally: 1), into: &buffer)
        if offset > 0 { buffer.write("↑", at: Point(x: box.maxX - 2, y: inside.y), role: .muted) }
        if offset + content.height < lines.count {
            buffer.write("↓", at: Point(x: box.maxX - 2, y: content.maxY - 1), role: .muted)
        }
    }

    /// Nearly the whole of `rect`: one cell of margin where there is room for it.
    static func box(in rect: Rect) -> Rect {
        rect.width >= 40 && rect.height >= 12 ? rect.inset(by: 1) : rect
    }

    private enum Line {
        case blank
        case group(String)
        case entry(keys: String, text: String)
    }

    private func lines() -> [Line] {
        var lines: [Line] = []
        for (index, group) in groups.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines.append(.group(group.title))
            for entry in group.entries {
                let text = entry.help.isEmpty ? entry.title : "\(entry.title) – \(entry.help)"
                lines.append(.entry(keys: entry.keys.joined(separator: " "), text: text))
            }
        }
        return lines
    }

    /// Width of the keys column: the widest keys, capped so long key lists do not push titles off screen.
    private var keysWidth: Int {
        let widest =
            groups.flatMap(\.entries).map { DisplayWidth.of(Sanitize.line($0.keys.joined(separator: " "))) }.max() ?? 0
        return min(widest, 20)
    }

    private func draw(_ line: Line, keysWidth: Int, in rect: Rect, into buffer: inout Buffer) {
        let at = Point(x: rect.x, y: rect.y)
        switch line {
        case .blank:
            break
        case .group(let title):
            buffer.write(DisplayWidth.truncate(Sanitize.line(title), to: rect.width), at: at, role: .title)
        case .entry(let keys, let text):
            let keysWidth = min(keysWidth, max(0, rect.width - 2))
            buffer.write(
                DisplayWidth.truncate(Sanitize.line(keys), to: keysWidth),
                at: Point(x: rect.x + 2, y: rect.y), role: .key)
            let textX = rect.x + 2 + keysWidth + 2
            buffer.write(
                DisplayWidth.truncate(Sanitize.line(text), to: rect.maxX - textX),
                at: Point(x: textX, y: rect.y), role: .normal)
        }
    }
}

extension Rect {
    /// The rect with `n` columns taken off the left and right.
    func inset(horizontally n: Int) -> Rect {
        Rect(x: x + n, y: y, width: max(0, width - 2 * n), height: height)
    }
}
