import SamordnaCore
import TerminalUI

/// What the app does with its own messages: keys (routed to the top screen or the keymap), resizes, Ctrl-C
/// and a closed terminal, a colleague's commit and a new day. Features' messages go to the features
/// (`update` in Router.swift).
enum AppUpdate {
    static func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        // A field with focus gets printable keys before the keymap (focus is state).
        if state.help == nil, state.stack.isEmpty, state.list.isEditingSearch {
            if CaseloadUpdate.handleSearchKey(&state, chord) { return [] }
        }
        if state.help == nil, !state.isTooSmall,
            let effects = state.withTopScreen({ screen, state in screen.handleKey(chord, state: &state) })
        {
            return effects
        }
        if state.isTooSmall, state.help == nil, chord == .char("Q"), state.keyContexts.contains(.form) {
            // The too-small screen says Q quits, also over a form: as Ctrl-C, which asks first for typed work.
            return interrupt(&state, canAsk: true)
        }
        guard let command = state.keymap.command(for: chord, in: state.keyContexts) else { return [] }
        guard isAvailable(command, in: state) else { return [] }
        state.status = nil
        return perform(command, &state)
    }

    static func resized(_ state: inout AppState, _ size: Size) -> [Effect] {
        state.size = size
        state.keepSelectionVisible()
        let snapshot = state
        for i in state.stack.indices {
            var model = state.stack[i].model
            model.fit(snapshot)
            state.stack[i] = model.screen
        }
        return []
    }

    /// Ctrl-C (`canAsk`), SIGTERM or a closed terminal: typed work is never thrown away without asking, and
    /// a form that saves as it goes saves first. Every screen answers; none has a default.
    static func interrupt(_ state: inout AppState, canAsk: Bool) -> [Effect] {
        var answer = InterruptAnswer.nothingAtStake
        _ = state.withTopScreen { screen, state in
            answer = screen.interrupt(&state, canAsk: canAsk)
            return .stay
        }
        switch answer {
        case .askFirst: return []
        case .nothingAtStake:
            state.shouldQuit = true
            return []
        case .saveFirst(let effects):
            state.shouldQuit = true
            return effects
        }
    }

    static func storeChangedElsewhere(_ state: inout AppState) -> [Effect] {
        state.refreshingForColleague = true
        return [.caseload(.refresh)]
    }

    static func dayChanged(_ state: inout AppState, _ day: LocalDate) -> [Effect] {
        state.today = day
        state.rederive()
        // The week on screen is judged on today (follow-ups due, consents ending): it is read again.
        return WeekViewState.reloadIfOpen(&state)
    }

    private static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.shouldQuit = true
            return []
        case .help:
            if state.help != nil {
                state.help = nil
            } else {
                let contexts = state.keyContexts
                let snapshot = state
                var groups = HelpBuilder.groups(
                    keymap: state.keymap, contexts: contexts, isAvailable: { isAvailable($0, in: snapshot) })
                if contexts.contains(.form) { groups.insert(HelpBuilder.fieldKeys, at: 0) }
                state.help = HelpState(title: "Hjälp – tangenter", groups: groups)
            }
            return []
        default:
            break
        }
        if state.help != nil {
            HelpUpdate.perform(command, &state)
            return []
        }
        return state.withTopScreen { screen, state in screen.perform(command, state: &state) }
            ?? CaseloadUpdate.perform(command, &state)
    }
}

/// Whether a command does anything in this state. Help and the hint bar show only available commands.
public func isAvailable(_ command: Command, in state: AppState) -> Bool {
    if state.isTooSmall { return command == .quit || command == .back }
    if state.help != nil {
        return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help].contains(command)
    }
    guard let top = state.stack.last else { return CaseloadUpdate.isAvailable(command, in: state) }
    return top.model.isAvailable(command, in: state)
}

extension AppState {
    /// Recomputes derived rows after the data or the day changed, keeping the selected participant.
    public mutating func rederive() {
        let selected = pendingSelection ?? selectedRow?.id
        pendingSelection = nil
        rows = caseloadRows(caseload, today: today, reader: me?.id)
        CaseloadUpdate.applySearch(&self, keeping: selected)
        updateScreen(ParticipantScreenState.self) { screen, state in
            ParticipantUpdate.rebuild(&screen, state: state)
            screen.clampScroll(state.size)
        }
    }

    /// The row under the cursor in the caseload list.
    public var selectedRow: CaseloadRow? {
        guard list.visible.indices.contains(list.selection) else { return nil }
        return rows[list.visible[list.selection]]
    }

    mutating func keepSelectionVisible() {
        let layout = CaseloadLayout(size)
        list.scrollOffset = Table.scrollOffset(
            selection: list.selection, offset: list.scrollOffset, visibleRows: layout.visibleRows,
            rowCount: list.visible.count)
    }
}
