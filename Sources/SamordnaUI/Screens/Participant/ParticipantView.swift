import TerminalUI

/// Draws the participant overview: title, the visible part of the prepared lines, status and hints.
enum ParticipantView {
    static func render(_ screen: ParticipantScreenState, state: AppState, into buffer: inout Buffer) {
        let layout = ParticipantLayout(state.size)
        drawTitle("Deltagare · \(screen.title)", state: state, in: layout.title, into: &buffer)
        TabBar(titles: ParticipantTab.allCases.map(\.title), selected: screen.tab.rawValue)
            .render(in: layout.tabs, into: &buffer)
        let body = layout.body
        let visible = screen.lines.dropFirst(screen.scrollOffset).prefix(body.height)
        // The selected note or consent: its first line is highlighted.
        let selectedStart = screen.itemIDs.isEmpty ? nil : screen.lines.firstIndex { $0.item == screen.selectedItem }
        for (i, line) in visible.enumerated() {
            let isSelected = selectedStart == screen.scrollOffset + i
            buffer.write(
                line.text, at: Point(x: body.x + 1, y: body.y + i), role: isSelected ? .selection : line.role,
                maxWidth: body.width - 2)
        }
        buffer.fill(layout.status, role: .status)
        let end = min(screen.lines.count, screen.scrollOffset + body.height)
        buffer.write(
            " \(screen.tab.title) · rad \(min(screen.scrollOffset + 1, end))–\(end) av \(screen.lines.count)",
            at: Point(x: layout.status.x, y: layout.status.y), role: .status)
        if let message = state.status {
            let w = min(DisplayWidth.of(message), layout.status.width / 2)
            buffer.write(message, at: Point(x: layout.status.maxX - w - 1, y: layout.status.y), role: .status, maxWidth: w)
        }
        HintBar(
            items: hintItems(
                state, commands: [.newItem, .editItem, .editParticipant, .exitParticipant, .nextTab, .undo, .back, .help]))
            .render(in: layout.hints, into: &buffer)
    }
}
