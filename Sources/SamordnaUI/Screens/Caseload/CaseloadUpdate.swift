import SamordnaCore
import TerminalUI

/// Key handling for the caseload list: moving, paging, opening, and incremental search.
enum CaseloadUpdate {
    /// Whether a command does anything on the list.
    static func isAvailable(_ command: Command, in state: AppState) -> Bool {
        switch command {
        case .open, .tag: return !state.list.visible.isEmpty
        case .back: return state.list.hasActiveSearch || !state.list.filters.isEmpty
        case .actOnTagged: return !state.list.tagged.isEmpty
        case .editParticipant, .newItem, .editItem, .exitParticipant, .compare, .print, .nextSection, .previousSection,
            .nextTab, .previousTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6, .save, .cancel, .nextField, .previousField,
            .actOnItem, .earlier, .later, .thisWeek, .toggleMine, .export:
            return false
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .quit, .help, .search, .toggleIdentity,
            .newParticipant, .undo, .filter, .sort, .teamTimeline, .weekView:
            return true
        }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let page = CaseloadLayout(state.size).visibleRows
        let count = state.list.visible.count
        switch command {
        case .moveDown: move(&state, to: state.list.selection + 1)
        case .moveUp: move(&state, to: state.list.selection - 1)
        case .pageDown: move(&state, to: state.list.selection + page)
        case .pageUp: move(&state, to: state.list.selection - page)
        case .first: move(&state, to: 0)
        case .last: move(&state, to: count - 1)
        case .open:
            guard let row = state.selectedRow else { return [] }
            guard !row.identityHidden else {
                state.status = "Skyddad identitet: bara ansvariga"
                return []
            }
            let record = state.caseload.records[row.recordIndex]
            state.list.isEditingSearch = false
            // Shown at once from what the list holds (only what the user may read); the whole history follows.
            state.stack.append(
                .participant(
                    ParticipantOverview.screen(
                        for: state.disclosure(for: record).visible(record).record, caseload: state.caseload,
                        today: state.today, reveal: state.revealIdentity)))
            return [.participant(.openRecord(record.id))]
        case .search:
            state.list.isEditingSearch = true
            if state.list.search == nil { state.list.search = TextFieldState() }
        case .back:
            // Esc clears the search first, then the filters.
            if state.list.hasActiveSearch {
                clearSearch(&state)
            } else {
                let selected = state.selectedRow?.id
                state.list.filters = []
                applySearch(&state, keeping: selected)
            }
        case .toggleIdentity:
            state.revealIdentity.toggle()
            state.status = state.revealIdentity ? "Fullständiga personnummer visas" : "Personnummer maskeras"
            if state.revealIdentity { return [.participant(.logAccess(.revealed(state.rows.map(\.id))))] }
        case .newParticipant:
            ParticipantFormContent.openNew(&state)
        case .filter:
            OverlayUpdate.openFilter(&state)
        case .sort:
            OverlayUpdate.openSort(&state)
        case .tag:
            guard let row = state.selectedRow else { break }
            if state.list.tagged.remove(row.id) == nil { state.list.tagged.insert(row.id) }
            move(&state, to: state.list.selection + 1)
        case .actOnTagged:
            OverlayUpdate.openBulk(&state)
        case .teamTimeline:
            TeamTimelineState.open(&state)
        case .weekView:
            return WeekViewState.open(&state)
        case .undo:
            state.status = "Ångrar …"
            return [.change(.undo)]
        case .quit, .help, .editParticipant, .newItem, .editItem, .exitParticipant, .compare, .print, .nextSection,
            .previousSection, .nextTab, .previousTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6, .save, .cancel,
            .nextField, .previousField, .actOnItem, .earlier, .later, .thisWeek, .toggleMine, .export:
            break
        }
        return []
    }

    static func move(_ state: inout AppState, to index: Int) {
        let count = state.list.visible.count
        state.list.selection = count == 0 ? 0 : min(max(0, index), count - 1)
        state.keepSelectionVisible()
    }

    /// Keys while typing a search: text edits go to the field; Enter keeps the filter and returns to the
    /// list; Esc clears it; arrows still move. Returns false for keys the keymap should handle.
    static func handleSearchKey(_ state: inout AppState, _ chord: KeyChord) -> Bool {
        guard var field = state.list.search else { return false }
        let edit: TextFieldState.Edit?
        switch (chord.key, chord.control, chord.alt) {
        case (.character(let c), false, false): edit = .insert(String(c))
        case (.text(let t), false, false): edit = .insert(t)
        case (.character("w"), true, false): edit = .deleteWordBackward
        case (.character("u"), true, false): edit = .clear
        case (.backspace, _, _): edit = .backspace
        case (.delete, _, _): edit = .delete
        case (.left, _, _): edit = .left
        case (.right, _, _): edit = .right
        case (.home, _, _): edit = .home
        case (.end, _, _): edit = .end
        case (.enter, _, _):
            state.list.isEditingSearch = false
            if field.text.isEmpty { state.list.search = nil }
            return true
        case (.escape, _, _):
            clearSearch(&state)
            return true
        default: edit = nil
        }
        guard let edit else { return false }
        let selected = state.selectedRow?.id
        field.apply(edit)
        state.list.search = field
        applySearch(&state, keeping: selected)
        return true
    }

    static func clearSearch(_ state: inout AppState) {
        let selected = state.selectedRow?.id
        state.list.search = nil
        state.list.isEditingSearch = false
        applySearch(&state, keeping: selected)
    }

    /// Recomputes the visible rows for the current search, filters and order, and keeps `id` selected when
    /// it still shows.
    static func applySearch(_ state: inout AppState, keeping id: Participant.ID?) {
        let needles = searchTerms(state.list.search?.text ?? "")
        let filters = state.list.filters
        let rows = state.rows
        if needles.isEmpty && filters.isEmpty {
            state.list.visible = Array(rows.indices)
        } else {
            state.list.visible = rows.indices.filter { i in
                let row = rows[i]
                return filters.allSatisfy { $0.matches(row) } && needles.allSatisfy { row.haystack.contains($0) }
            }
        }
        let sort = state.list.sort
        if sort != .name {
            // Rows are in name order already: equal keys keep it.
            state.list.visible.sort { a, b in sort.precedes(rows[a], rows[b]) ?? (a < b) }
        }
        if let id, let pos = state.list.visible.firstIndex(where: { state.rows[$0].id == id }) {
            state.list.selection = pos
        } else {
            state.list.selection = min(state.list.selection, max(0, state.list.visible.count - 1))
            if needles.isEmpty == false { state.list.selection = 0 }
        }
        state.keepSelectionVisible()
    }

    /// Words of the query, lower-cased. A personnummer typed with or without separator matches: digits
    /// typed together with '-' or '+' are searched without it as well.
    static func searchTerms(_ query: String) -> [String] {
        // "Al-Khalili, Moh" as the list shows names: the comma separates words.
        query.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map { word in
            let w = String(word)
            let digitsOnly = w.filter { $0 != "-" && $0 != "+" }
            if !digitsOnly.isEmpty, digitsOnly.allSatisfy(\.isNumber), digitsOnly.count >= 6 { return digitsOnly }
            return w
        }
    }
}
