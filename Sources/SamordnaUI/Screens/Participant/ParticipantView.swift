import TerminalUI

/// Draws the participant overview: title, the visible part of the prepared lines, status and hints.
enum ParticipantView {
    static func render(_ screen: ParticipantScreenState, state: AppState, into buffer: inout Buffer) {
        let layout = ParticipantLayout(state.size)
        drawTitle("Deltagare · \(screen.title)", state: state, in: layout.title, into: &buffer)
        TabBar(titles: ParticipantTab.allCases.map(\.title), selected: screen.tab.rawValue)
            .render(in: layout.tabs, into: &buffer)
        let body = layout.body
        // The selected kartläggning, note or consent: its first line is highlighted.
        let selectedStart = screen.itemIDs.isEmpty ? nil : screen.lines.firstIndex { $0.item == screen.selectedItem }
        LinePage.draw(screen.lines, from: screen.scrollOffset, in: body, highlight: selectedStart, into: &buffer)
        LinePage.drawStatus(
            " \(screen.tab.title) · ", offset: screen.scrollOffset, page: body.height, lineCount: screen.lines.count,
            state: state, in: layout.status, into: &buffer)
        HintBar(
            items: hintItems(
                state, commands: [.newItem, .editItem, .actOnItem, .editParticipant, .exitParticipant, .nextTab, .undo, .back, .help]))
            .render(in: layout.hints, into: &buffer)
    }
}
