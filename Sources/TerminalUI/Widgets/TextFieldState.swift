/// The text and cursor of a one-line input (search, a form field). A pure value: keys become `Edit`s in
/// `update`, and `render` draws it. The cursor counts graphemes, so `é` written as `e` plus a combining
/// accent is one step for the arrow keys and one for Backspace.
public struct TextFieldState: Hashable, Sendable {
    public var text: String
    /// The grapheme index the cursor is before; `text.count` is the end.
    public var cursor: Int

    /// A field holding `text` with the cursor at its end.
    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public enum Edit: Hashable, Sendable {
        /// Typed or pasted text. Control characters are dropped; line breaks and tabs become spaces.
        case insert(String)
        case backspace, delete, left, right, home, end, clear
        /// Ctrl-W: the word before the cursor and the spaces after it.
        case deleteWordBackward
    }

    public mutating func apply(_ edit: Edit) {
        var chars = Array(text)
        let at = min(max(0, cursor), chars.count)
        switch edit {
        case .insert(let typed):
            let clean = TextFieldState.singleLine(typed)
            let before = String(chars[..<at]) + clean
            text = before + String(chars[at...])
            cursor = before.count  // a combining mark joins the grapheme before it
            return
        case .backspace:
            guard at > 0 else { return }
            chars.remove(at: at - 1)
            cursor = at - 1
        case .delete:
            guard at < chars.count else { return }
            chars.remove(at: at)
            cursor = at
        case .left:
            cursor = max(0, at - 1)
            return
        case .right:
            cursor = min(chars.count, at + 1)
            return
        case .home:
            cursor = 0
            return
        case .end:
            cursor = chars.count
            return
        case .clear:
            chars = []
            cursor = 0
        case .deleteWordBackward:
            var start = at
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<at)
            cursor = start
        }
        text = String(chars)
    }

    /// Draws the text on the first row of `rect` in `role`, scrolled sideways so the cursor stays visible,
    /// and returns where the terminal cursor belongs.
    @discardableResult
    public func render(in rect: Rect, into buffer: inout Buffer, role: Role = .search) -> Point {
        let line = rect.row(0)
        guard !line.isEmpty else { return Point(x: rect.x, y: rect.y) }
        buffer.fill(line, role: role)
        let chars = Array(text)
        let at = min(max(0, cursor), chars.count)
        let widths = chars.map { DisplayWidth.of(Sanitize.line(String($0))) }
        // Start as far left as possible while the cursor, and the column it sits on, still fit.
        var start = 0
        var cursorColumn = widths[..<at].reduce(0, +)
        while start < at, cursorColumn + 1 > line.width {
            cursorColumn -= widths[start]
            start += 1
        }
        buffer.write(String(chars[start...]), at: Point(x: line.x, y: line.y), role: role, maxWidth: line.width)
        return Point(x: line.x + min(cursorColumn, line.width - 1), y: line.y)
    }

    private static func singleLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            defer { previousWasCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where previousWasCR: continue
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
