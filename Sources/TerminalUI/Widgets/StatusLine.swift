/// A one-row bar with text on the left (e.g. "12 deltagare · filter: aktiva") and on the right (e.g. the
/// week, "v. 48"). When space runs out the left text is cut first, so the right part stays readable.
public struct StatusLine {
    public var left: String
    public var right: String
    public var role: Role

    public init(left: String, right: String, role: Role = .status) {
        self.left = left
        self.right = right
        self.role = role
    }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, role: role)
        let right = DisplayWidth.truncate(Sanitize.line(right), to: line.width)
        let rightWidth = DisplayWidth.of(right)
        let gap = rightWidth > 0 ? 1 : 0
        let left = DisplayWidth.truncate(Sanitize.line(left), to: line.width - rightWidth - gap)
        buffer.write(left, at: Point(x: line.x, y: line.y), role: role)
        buffer.write(right, at: Point(x: line.maxX - rightWidth, y: line.y), role: role)
    }
}
