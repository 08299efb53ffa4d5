/// The bottom bar that reminds the user of the keys that work right now:
/// `j/k Flytta  / Sök  Enter Öppna  ? Hjälp`. Keys are drawn in role `.key` and labels in `.hint`.
///
/// Items are given most important first, except the last, which is the way to more help (`? Hjälp`) and
/// always stays. An item is shown whole or not at all: once one does not fit beside the last, it and all
/// after it are left out, so the bar never shows half a hint.
public struct HintBar {
    public var items: [(keys: String, label: String)]

    public init(items: [(keys: String, label: String)]) {
        self.items = items
    }

    static let separator = 2

    public func render(in rect: Rect, into buffer: inout Buffer) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, role: .hint)
        let widths = items.map { Self.width($0) }
        let total = widths.reduce(0, +) + HintBar.separator * max(0, items.count - 1)
        var shown = Array(items.indices)
        if total > line.width, let last = items.indices.last, widths[last] <= line.width {
            // Fill from the start in the room the last item leaves.
            var room = line.width - widths[last] - HintBar.separator
            shown = []
            for i in items.indices.dropLast() {
                let need = widths[i] + (shown.isEmpty ? 0 : HintBar.separator)
                guard need <= room else { break }
                room -= need
                shown.append(i)
            }
            shown.append(last)
        }
        var x = line.x
        for (n, index) in shown.enumerated() {
            let item = items[index]
            let lead = n == 0 ? 0 : HintBar.separator
            guard x + lead + widths[index] <= line.maxX else { break }
            x += lead
            x += buffer.write(Sanitize.line(item.keys), at: Point(x: x, y: line.y), role: .key)
            if !item.label.isEmpty {
                x += 1
                x += buffer.write(Sanitize.line(item.label), at: Point(x: x, y: line.y), role: .hint)
            }
        }
    }

    static func width(_ item: (keys: String, label: String)) -> Int {
        let label = Sanitize.line(item.label)
        return DisplayWidth.of(Sanitize.line(item.keys)) + (label.isEmpty ? 0 : 1 + DisplayWidth.of(label))
    }
}
