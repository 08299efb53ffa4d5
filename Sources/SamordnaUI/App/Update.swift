import SamordnaCore
import TerminalUI

/// The one place state changes. Pure: no clock, disk or terminal; effects come back as values.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .key(let chord):
        return handleKey(&state, chord)
    case .resized(let size):
        state.size = size
        state.keepSelectionVisible()
        if let i = state.participantScreenIndex, case .participant(var screen) = state.stack[i] {
            // Notes wrap at the width: the lines are built again for the new one.
            ParticipantUpdate.rebuild(&screen, state: state)
            state.stack[i] = .participant(screen)
        }
        state.clampParticipantScroll()
        state.fitScreensToSize()
        return []
    case .interrupt:
        // Ctrl-C never throws away typed work: a changed form asks first.
        if state.askBeforeLeavingForm() { return [] }
        state.shouldQuit = true
        return saveKartlaggningBeforeLeaving(&state)
    case .hangup:
        state.shouldQuit = true
        return saveKartlaggningBeforeLeaving(&state)
    case .caseloadPreviewLoaded(let caseload, let total):
        state.caseload = caseload
        state.previewTotal = total
        state.rederive()
        return []
    case .caseloadLoaded(let caseload):
        state.isLoading = false
        state.previewTotal = nil
        state.loadError = nil
        state.caseload = caseload
        state.rederive()
        if let action = state.pendingAction, state.me != nil {
            state.pendingAction = nil
            switch action {
            case .newNote(let id): NoteFormUpdate.open(&state, participant: id)
            case .newConsent(let id): ConsentFormUpdate.open(&state, participant: id)
            case .correctNote(let id, let note): NoteFormUpdate.open(&state, participant: id, corrects: note)
            case .withdrawConsent(let id, let consentID):
                if let consent = RecordFormUpdate.consent(consentID, of: id, in: state) {
                    RecordFormUpdate.openWithdrawal(&state, participant: id, consent: consent)
                }
            case .newKartlaggning(let id): return [.startKartlaggning(id)]
            case .openKartlaggning(let id): return [.openKartlaggning(id)]
            }
        }
        if let i = state.participantScreenIndex, case .participant(let screen) = state.stack[i] {
            return [.loadRecord(screen.id)]
        }
        return []
    case .detailsLoaded(let details):
        guard let i = state.participantScreenIndex, case .participant(var screen) = state.stack[i],
            screen.id == details.record.id
        else { return [] }
        screen.details = details
        ParticipantUpdate.rebuild(&screen, state: state)
        state.stack[i] = .participant(screen)
        state.clampParticipantScroll()
        return []
    case .caseloadFailed(let reason):
        state.isLoading = false
        state.loadError = reason
        state.status = "Kunde inte läsa ärendelistan: \(reason)"
        return []
    case .noteSaved(let id):
        return NoteFormUpdate.saved(&state, participant: id)
    case .noteSaveFailed(let reason):
        NoteFormUpdate.saveFailed(&state, reason)
        return []
    case .consentSaved(let id):
        return ConsentFormUpdate.saved(&state, participant: id)
    case .consentSaveFailed(let reason):
        ConsentFormUpdate.saveFailed(&state, reason)
        return []
    case .loginClaimed(let then):
        // The caseload (with the team) reloads first; then the note form opens.
        state.pendingAction = then
        return [.loadCaseload]
    case .loginClaimFailed(let reason):
        state.status = "Kunde inte spara vem du är: \(reason)"
        return []
    case .participantSaved(let id):
        return ParticipantFormUpdate.saved(&state, id: id)
    case .participantSaveFailed(let failure):
        ParticipantFormUpdate.saveFailed(&state, failure)
        return []
    case .changeSaved(let message, let participant, let untag):
        switch state.stack.last {
        case .recordForm, .kartlaggningForm: state.stack.removeLast()
        default: break
        }
        if untag { state.list.tagged = [] }
        state.status = message
        if let participant, state.participantScreenIndex == nil { state.pendingSelection = participant }
        return [.loadCaseload]
    case .changeFailed(let reason):
        RecordFormUpdate.saveFailed(&state, reason)
        state.status = reason
        return [.loadCaseload]
    case .kartlaggningOpened(let session):
        KartlaggningFormUpdate.opened(&state, session)
        return []
    case .kartlaggningCompared(let a, let b):
        let name = state.caseload.records.first { $0.id == a.kartlaggning.participantID }?.participant.fullName ?? ""
        state.stack.append(
            .document(KartlaggningPages.compare(a, b, participantName: name, width: DocumentUpdate.body(state.size).width - 2)))
        return []
    case .kartlaggningDraftSaved(let k, let merged):
        KartlaggningFormUpdate.draftSaved(&state, k, merged: merged)
        return []
    case .kartlaggningAssessmentSaved(let a):
        KartlaggningFormUpdate.assessmentSaved(&state, a)
        return []
    case .kartlaggningFormFinished:
        return KartlaggningFormUpdate.finished(&state)
    case .kartlaggningSaveFailed(let reason):
        KartlaggningFormUpdate.saveFailed(&state, reason)
        return []
    case .storeChangedElsewhere:
        state.status = "Uppdaterat med ändringar från en kollega"
        return [.loadCaseload]
    case .dayChanged(let day):
        state.today = day
        state.rederive()
        return []
    }
}

private func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
    // A field with focus gets printable keys before the keymap (design: focus is state).
    if state.help == nil, state.stack.isEmpty, state.list.isEditingSearch {
        if CaseloadUpdate.handleSearchKey(&state, chord) { return [] }
    }
    if state.help == nil, !state.isTooSmall, chord != KeyChord(.function(1)) {
        // A form takes every key first: letters are text there, never commands.
        switch state.stack.last {
        case .participantForm: return ParticipantFormUpdate.handleKey(&state, chord)
        case .noteForm: return NoteFormUpdate.handleKey(&state, chord)
        case .consentForm: return ConsentFormUpdate.handleKey(&state, chord)
        case .recordForm: return RecordFormUpdate.handleKey(&state, chord)
        case .kartlaggningForm: return KartlaggningFormUpdate.handleKey(&state, chord)
        case .picker, .confirm: return OverlayUpdate.handleKey(&state, chord)
        case .whoAmI: return NoteFormUpdate.handleWhoAmI(&state, chord)
        default: break
        }
    }
    if state.isTooSmall, state.help == nil, chord == .char("Q"), state.keyContexts.contains(.form) {
        // The too-small screen says Q quits, also over a form: as Ctrl-C, which asks first for typed work.
        return update(&state, .interrupt)
    }
    guard let command = state.keymap.command(for: chord, in: state.keyContexts) else { return [] }
    guard isAvailable(command, in: state) else { return [] }
    state.status = nil
    return perform(command, &state)
}

/// Whether a command does anything in this state. Help and the hint bar show only available commands.
public func isAvailable(_ command: Command, in state: AppState) -> Bool {
    if state.isTooSmall { return command == .quit || command == .back }
    if state.help != nil {
        return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help].contains(command)
    }
    switch state.stack.last {
    case .participant(let screen):
        switch command {
        case .newItem: return [.anteckningar, .samtycke, .kartlaggning].contains(screen.tab)
        case .editItem: return screen.selectedItemID != nil
        case .compare: return screen.tab == .kartlaggning && screen.selectedItemID != nil && screen.itemIDs.count > 1
        case .print: return screen.tab == .kartlaggning && screen.selectedItemID != nil
        case .open, .search, .newParticipant, .filter, .sort, .tag, .actOnTagged, .nextSection, .previousSection:
            return false
        default: return true
        }
    case .kartlaggningForm:
        return [.help, .nextSection, .previousSection].contains(command)
    case .participantForm, .noteForm, .consentForm, .recordForm, .whoAmI, .picker, .confirm:
        return command == .help
    case .document(let doc):
        if command == .print { return doc.kartlaggningID != nil }
        return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help].contains(command)
    case nil:
        switch command {
        case .open, .tag: return !state.list.visible.isEmpty
        case .back: return state.list.hasActiveSearch || !state.list.filters.isEmpty
        case .actOnTagged: return !state.list.tagged.isEmpty
        case .editParticipant, .newItem, .editItem, .exitParticipant, .compare, .print, .nextSection, .previousSection,
            .nextTab, .previousTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6:
            return false
        default: return true
        }
    }
}

private func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
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
            if contexts.contains(.form) { groups.insert(HelpBuilder.formKeys(kartlaggning: state.isKartlaggningForm), at: 0) }
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
    switch state.stack.last {
    case .participant:
        return ParticipantUpdate.perform(command, &state)
    case .document:
        return DocumentUpdate.perform(command, &state)
    case .participantForm, .noteForm, .consentForm, .recordForm, .kartlaggningForm, .whoAmI, .picker, .confirm:
        return []
    case nil:
        return CaseloadUpdate.perform(command, &state)
    }
}

extension AppState {
    /// Recomputes derived rows after the data or the day changed, keeping the selected participant.
    public mutating func rederive() {
        let selected = pendingSelection ?? selectedRow?.id
        pendingSelection = nil
        rows = caseloadRows(caseload, today: today)
        CaseloadUpdate.applySearch(&self, keeping: selected)
        if let i = participantScreenIndex, case .participant(var screen) = stack[i] {
            ParticipantUpdate.rebuild(&screen, state: self)
            stack[i] = .participant(screen)
            clampParticipantScroll()
        }
    }

    /// After a resize: every open form and picker scrolls and pages by the new size, keeping the focused
    /// field in view.
    mutating func fitScreensToSize() {
        let formBody = ParticipantLayout(size).formBody.sizeValue
        let kartlaggningBody = KartlaggningFormUpdate.formViewport(self)
        for i in stack.indices {
            switch stack[i] {
            case .kartlaggningForm:
                stack[i].form?.viewport = kartlaggningBody
            case .participantForm, .noteForm, .consentForm, .recordForm:
                stack[i].form?.viewport = formBody
            case .picker(var s):
                s.picker.viewport = size
                stack[i] = .picker(s)
            case .whoAmI(var s):
                s.picker.viewport = size
                stack[i] = .whoAmI(s)
            case .document(var s):
                if let source = s.source {
                    let offset = s.scrollOffset
                    s = source.document(team: caseload.team, timeZone: timeZone, width: DocumentUpdate.body(size).width - 2)
                    s.scrollOffset = offset
                }
                s.scrollOffset = LinePage.clamped(
                    s.scrollOffset, page: DocumentUpdate.body(size).height, lineCount: s.lines.count)
                stack[i] = .document(s)
            case .participant, .confirm:
                break
            }
        }
    }

    /// On a form with typed changes, asks "Lämna …?" (once) and returns true; false when nothing is at stake.
    mutating func askBeforeLeavingForm() -> Bool {
        guard let top = stack.last else { return false }
        var screen = top
        switch screen {
        case .participantForm(var s) where s.form.isDirty:
            if s.question == nil { s.question = .leave(FormScreenKeys.leaveQuestion("Lämna formuläret?")) }
            screen = .participantForm(s)
        case .noteForm(var s) where s.form.isDirty:
            if s.leaving == nil { s.leaving = FormScreenKeys.leaveQuestion("Lämna anteckningen?") }
            screen = .noteForm(s)
        case .consentForm(var s) where s.form.isDirty:
            if s.leaving == nil { s.leaving = FormScreenKeys.leaveQuestion("Lämna samtycket?") }
            screen = .consentForm(s)
        case .recordForm(var s) where s.form.isDirty:
            if s.leaving == nil { s.leaving = FormScreenKeys.leaveQuestion("Lämna formuläret?") }
            screen = .recordForm(s)
        default:
            return false
        }
        stack[stack.count - 1] = screen
        return true
    }

    var isKartlaggningForm: Bool {
        if case .kartlaggningForm = stack.last { return true }
        return false
    }

    /// Where the participant screen is in the stack (a form may lie on top of it).
    var participantScreenIndex: Int? {
        stack.lastIndex { if case .participant = $0 { return true } else { return false } }
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

    mutating func clampParticipantScroll() {
        guard case .participant(var screen) = stack.last else { return }
        let maxOffset = max(0, screen.lines.count - ParticipantLayout(size).body.height)
        screen.scrollOffset = min(max(0, screen.scrollOffset), maxOffset)
        stack[stack.count - 1] = .participant(screen)
    }
}

/// Ctrl-C, a closed terminal or SIGTERM with a kartläggning open: the page being filled in is saved first
/// (drafts save as you go; at most the field being typed could otherwise be lost).
private func saveKartlaggningBeforeLeaving(_ state: inout AppState) -> [Effect] {
    guard case .kartlaggningForm(var screen) = state.stack.last else { return [] }
    let effects = KartlaggningFormUpdate.saveIfChanged(&screen, state: &state)
    state.stack[state.stack.count - 1] = .kartlaggningForm(screen)
    return effects
}
