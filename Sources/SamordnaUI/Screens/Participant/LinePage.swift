import TerminalUI

/// A page of prepared lines that scrolls: the participant's tabs and the read-only documents share how
/// the movement keys scroll, how the lines are drawn and how the status line reads.
enum LinePage {
    /// The offset after a movement command (not clamped), or nil for any other command.
    static func scrolled(_ offset: Int, by command: Command, page: Int, lineCount: Int) -> Int? {
        switch command {
        case .moveDown: return offset + 1
        case .moveUp: return offset - 1
        case .pageDown: return offset + page
        case .pageUp: return offset - page
        case .first: return 0
        case .last: return lineCount
        default: return nil
        }
    }

    /// The offset kept between the first line and the last full page.
    static func clamped(_ offset: Int, page: Int, lineCount: Int) -> Int {
        min(max(0, offset), max(0, lineCount - page))
    }

    /// Draws the visible lines; the line at `highlight` (an index into `lines`) in `.selection`.
    static func draw(
        _ lines: [OverviewLine], from offset: Int, in body: Rect, highlight: Int? = nil, into buffer: inout Buffer
    ) {
        for (i, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            buffer.write(
                line.text, at: Point(x: body.x + 1, y: body.y + i),
                role: highlight == offset + i ? .selection : line.role, maxWidth: body.width - 2)
        }
    }

    /// The status line: `where` on the left (` Översikt · rad 1–20 av 67`), the app's message on the right.
    static func drawStatus(
        _ prefix: String, offset: Int, page: Int, lineCount: Int, state: AppState, in rect: Rect,
        into buffer: inout Buffer
    ) {
        let end = min(lineCount, offset + page)
        drawStatusRow(
            "\(prefix)rad \(min(offset + 1, end))–\(end) av \(lineCount)", message: state.status, in: rect,
            into: &buffer)
    }
}
