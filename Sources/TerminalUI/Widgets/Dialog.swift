/// A centred, bordered box with a title and a few lines of text: confirmations ("Avsluta utan att spara?
/// Nej/Ja"), conflicts, errors. The box grows to fit its text and shrinks (cutting lines with "…") on
/// small screens.
public struct Dialog {
    public var title: String
    public var lines: [String]
    public var role: Role

    public init(title: String, lines: [String], role: Role = .dialog) {
        self.title = title
        self.lines = lines
        self.role = role
    }

    /// The box the dialog takes in `rect`.
    public func frame(in rect: Rect) -> Rect {
        let textWidth = lines.map { DisplayWidth.of(Sanitize.line($0)) }.max() ?? 0
        let width = max(textWidth + 4, DisplayWidth.of(Sanitize.line(title)) + 6, 20)
        return rect.centered(width: width, height: lines.count + 2)
    }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        let box = frame(in: rect)
        guard box.width >= 2, box.height >= 2 else { return }
        buffer.fill(box, role: role)
        buffer.drawBox(box, title: title, role: role)
        buffer.restyle(box.row(0), role: role)  // the title sits on the dialog's own background
        let inside = box.inset(by: 1).inset(horizontally: 1)
        for (i, line) in lines.prefix(inside.height).enumerated() {
            buffer.write(
                DisplayWidth.truncate(Sanitize.line(line), to: inside.width), at: Point(x: inside.x, y: inside.y + i),
                role: role)
        }
    }
}
