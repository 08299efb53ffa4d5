/// The bottom bar that reminds the user of the keys that work right now:
/// `j/k Flytta  / Sök  Enter Öppna  ? Hjälp`. Keys are drawn in role `.key` and labels in `.hint`.
///
/// Items are given most important first. An item is shown whole or not at all: once one does not fit,
/// it and all after it are left out, so the bar never shows half a hint.
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
        var x = line.x
        for (index, item) in items.enumerated() {
            let keys = Sanitize.line(item.keys)
            let label = Sanitize.line(item.label)
            let lead = index == 0 ? 0 : HintBar.separator
            let width = DisplayWidth.of(keys) + (label.isEmpty ? 0 : 1 + DisplayWidth.of(label))
            guard x + lead + width <= line.maxX else { break }
            x += lead
            x += buffer.write(keys, at: Point(x: x, y: line.y), role: .key)
            if !label.isEmpty {
                x += 1
                x += buffer.write(label, at: Point(x: x, y: line.y), role: .hint)
            }
        }
    }
}
