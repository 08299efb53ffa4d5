import SamordnaCore
import TerminalUI

/// Draws the state. Pure: reads only `state`, writes only the returned frame, draws only visible rows.
public func view(_ state: AppState) -> Frame {
    var buffer = Buffer(size: state.size)
    if state.isTooSmall {
        drawTooSmall(state, into: &buffer)
        return Frame(buffer: buffer)
    }
    var cursor = render(screenAt: state.stack.count - 1, state, into: &buffer)
    if let help = state.help {
        HelpOverlay(
            title: help.title, groups: help.groups, scrollOffset: help.scrollOffset,
            footer: hintItems(state, commands: [.back, .moveDown, .moveUp, .pageDown]))
            .render(in: Rect(size: state.size), into: &buffer)
        cursor = nil
    }
    return Frame(buffer: buffer, cursor: cursor)
}

/// Draws the screen at `index` in the stack (-1: the caseload list); an overlay draws the screen beneath it
/// first. Returns where the terminal cursor goes.
private func render(screenAt index: Int, _ state: AppState, into buffer: inout Buffer) -> Point? {
    guard index >= 0 else { return CaseloadView.render(state, into: &buffer) }
    let screen = state.stack[index].model
    if screen.isOverlay { _ = render(screenAt: index - 1, state, into: &buffer) }
    return screen.render(state, into: &buffer)
}

private func drawTooSmall(_ state: AppState, into buffer: inout Buffer) {
    var lines = [
        "Fönstret är för litet.",
        "Minst \(AppState.minimumSize.width)×\(AppState.minimumSize.height), nu \(state.size.width)×\(state.size.height).",
        "Förstora fönstret, eller tryck Q för att avsluta.",
    ]
    if state.keyContexts == [.form] {
        lines.append("Ett formulär är öppet: Q frågar först om det du skrivit; förstora fönstret för att svara.")
    }
    for (i, line) in lines.enumerated() where i < state.size.height {
        buffer.write(line, at: Point(x: 0, y: i), role: i == 0 ? .warning : .normal, maxWidth: state.size.width)
    }
}

/// The hint bar for the active context: the most useful available commands, then help.
func hintItems(_ state: AppState, commands: [Command]) -> [(keys: String, label: String)] {
    commands.compactMap { command in
        guard isAvailable(command, in: state),
            let chord = state.keymap.chords(for: command, in: state.keyContexts).first
        else { return nil }
        return (chord.description, CommandCatalogue.info(command).title)
    }
}

/// The top line: where you are, the ISO week and date, and who is logged in.
func drawTitle(_ title: String, state: AppState, in rect: Rect, into buffer: inout Buffer) {
    buffer.fill(rect, role: .title)
    let right = "\(state.today.isoWeek.shortLabel) · \(state.today) · \(state.user)"
    let rightWidth = DisplayWidth.of(right)
    buffer.write(right, at: Point(x: rect.maxX - rightWidth - 1, y: rect.y), role: .title)
    buffer.write(title, at: Point(x: rect.x + 1, y: rect.y), role: .title, maxWidth: max(0, rect.width - rightWidth - 3))
}

/// The status row: where you are on the left, the app's latest message on the right with all the room the
/// left part leaves (cut with `…` only if it must), so a long message such as a template error keeps its
/// file, line and column.
func drawStatusRow(_ left: String, message: String?, in rect: Rect, into buffer: inout Buffer) {
    buffer.fill(rect, role: .status)
    let leftWidth = buffer.write(left, at: Point(x: rect.x, y: rect.y), role: .status, maxWidth: rect.width)
    guard let message, !message.isEmpty else { return }
    let room = rect.width - leftWidth - 2
    guard room > 0 else { return }
    let text = DisplayWidth.truncate(Sanitize.line(message), to: room)
    buffer.write(text, at: Point(x: rect.maxX - DisplayWidth.of(text) - 1, y: rect.y), role: .status)
}
