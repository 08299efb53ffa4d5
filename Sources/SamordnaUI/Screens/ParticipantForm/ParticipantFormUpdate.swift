import SamordnaCore
import TerminalUI

/// Keys and results for the participant form: validation as you type, the duplicate question, saving,
/// the conflict dialog and leaving without losing typed work unasked.
enum ParticipantFormUpdate {
    /// Opens a new-participant form.
    static func openNew(_ state: inout AppState) {
        let draft = ParticipantDraft(enrolledOn: state.today.description)
        var form = ParticipantFormFields.make(draft: draft, mode: .new, team: state.teamList, responsible: [:])
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.participantForm(ParticipantFormState(mode: .new, form: form)))
    }

    /// Opens the edit form for a participant as the caseload holds it now.
    static func openEdit(_ state: inout AppState, id: Participant.ID) {
        guard let record = state.caseload.records.first(where: { $0.id == id }) else { return }
        let p = record.participant
        let draft = ParticipantDraft(from: p, today: state.today)
        let mode = ParticipantFormState.Mode.edit(p.id, version: p.version)
        let responsible = record.responsible(on: state.today)
        var form = ParticipantFormFields.make(draft: draft, mode: mode, team: state.teamList, responsible: responsible)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        var screen = ParticipantFormState(mode: mode, form: form)
        screen.base = p
        screen.baseResponsible = responsible
        state.stack.append(.participantForm(screen))
    }

    static func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        guard case .participantForm(var screen) = state.stack.last else { return [] }
        defer { if case .participantForm = state.stack.last { state.stack[state.stack.count - 1] = .participantForm(screen) } }
        if let question = screen.question {
            return answer(question, chord, &screen, &state)
        }
        if screen.isSaving { return [] }
        switch screen.form.handle(chord) {
        case .edited(let id):
            screen.touched.insert(id)
            validate(&screen, state: state, showAll: false)
        case .focusMoved, .handled:
            if let id = screen.form.focusedID { screen.touched.formUnion(previousFocus(screen, before: id)) }
        case .refused(let refusal):
            screen.form.setError(refusal.message, for: refusal.fieldID)
        case .submit:
            return save(&screen, state: &state)
        case .cancel:
            leave(&screen, &state)
        case .unhandled:
            break
        }
        return []
    }

    /// Every field before the focused one counts as visited, so leaving a required field empty shows why.
    private static func previousFocus(_ screen: ParticipantFormState, before id: String) -> [String] {
        let ids = screen.form.fields.map(\.id)
        guard let i = ids.firstIndex(of: id) else { return [] }
        return Array(ids[..<i])
    }

    /// Asks Core and shows its reasons next to the fields (only touched ones unless `showAll`).
    @discardableResult
    static func validate(_ screen: inout ParticipantFormState, state: AppState, showAll: Bool)
        -> ValidParticipantFields?
    {
        let current = currentStatus(screen, state: state)
        let draft = ParticipantFormFields.draft(from: screen.form, mode: screen.mode, current: current)
        var errors: [String: String] = [:]
        let result = ParticipantValidation.validate(draft, today: state.today)
        if case .failure(let reasons) = result {
            for field in reasons.fields where showAll || screen.touched.contains(field.rawValue) {
                errors[field.rawValue] = reasons[field]
            }
        }
        for field in screen.form.fields { screen.form.setError(errors[field.id], for: field.id) }
        if case .success(let valid) = result { return valid }
        return nil
    }

    static func currentStatus(_ screen: ParticipantFormState, state: AppState) -> ParticipantStatus {
        if case .edit(let id, _) = screen.mode,
            let p = state.caseload.records.first(where: { $0.id == id })?.participant
        {
            return p.status
        }
        return .aktualiserad
    }

    private static func save(_ screen: inout ParticipantFormState, state: inout AppState) -> [Effect] {
        guard let valid = validate(&screen, state: state, showAll: true) else {
            _ = screen.form.focusFirstError()
            state.status = "Rätta de markerade fälten (✗) och spara igen"
            return []
        }
        let own: Participant.ID?
        if case .edit(let id, _) = screen.mode { own = id } else { own = nil }
        let candidate = valid.newParticipant(id: own ?? Participant.ID(""))
        let others = state.caseload.records.map(\.participant).filter { $0.id != own }
        for match in DuplicateCheck.duplicates(of: candidate, among: others) {
            switch match {
            case .sameIdentity(let id):
                let name = state.caseload.records.first { $0.id == id }?.participant.fullName ?? id.short
                screen.form.setError("finns redan i ärendelistan: \(name)", for: ParticipantField.identity.rawValue)
                screen.form.focus(ParticipantField.identity.rawValue)
                return []
            case .similarName(let id, let reason):
                guard !screen.acceptedSimilar else { continue }
                let name = state.caseload.records.first { $0.id == id }?.participant.fullName ?? id.short
                screen.question = .similar(
                    ConfirmDialog(
                        title: "Liknande deltagare finns",
                        lines: ["\(name): \(reason).", "Är det en annan person? Spara ändå?"],
                        yesLabel: "Spara ändå", noLabel: "Nej, gå tillbaka", destructive: true))
                return []
            }
        }
        let kind: ParticipantSave.Kind
        switch screen.mode {
        case .new: kind = .add
        case .edit(let id, let version): kind = .update(id, expectedVersion: version)
        }
        screen.isSaving = true
        state.status = "Sparar …"
        var responsible = ParticipantFormFields.responsible(from: screen.form, team: state.teamList)
        if screen.base != nil {
            // An edit saves only the responsible staff the user changed.
            responsible = responsible.filter { $0.value != screen.baseResponsible[$0.key] }
        }
        return [.saveParticipant(ParticipantSave(kind: kind, fields: valid, responsible: responsible, base: screen.base))]
    }

    private static func leave(_ screen: inout ParticipantFormState, _ state: inout AppState) {
        if screen.form.isDirty {
            screen.question = .leave(FormScreenKeys.leaveQuestion("Lämna formuläret?"))
        } else {
            state.stack.removeLast()
        }
    }

    private static func answer(
        _ question: ParticipantFormState.Question, _ chord: KeyChord, _ screen: inout ParticipantFormState,
        _ state: inout AppState
    ) -> [Effect] {
        switch question {
        case .leave(var dialog):
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.question = nil
                state.stack.removeLast()
            case .cancelled?: screen.question = nil
            case nil: screen.question = .leave(dialog)
            }
        case .similar(var dialog):
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.question = nil
                screen.acceptedSimilar = true
                return save(&screen, state: &state)
            case .cancelled?: screen.question = nil
            case nil: screen.question = .similar(dialog)
            }
        case .conflict(var dialog, let current):
            guard let choice = dialog.handle(chord) else {
                screen.question = .conflict(dialog, current: current)
                return []
            }
            screen.question = nil
            switch choice {
            case .reload:
                // Start again from what the colleague saved; the typed changes are dropped, as chosen.
                let mode = ParticipantFormState.Mode.edit(current.id, version: current.version)
                let responsible = state.caseload.records.first { $0.id == current.id }?.responsible(on: state.today) ?? [:]
                var form = ParticipantFormFields.make(
                    draft: ParticipantDraft(from: current, today: state.today), mode: mode, team: state.teamList,
                    responsible: responsible)
                form.viewport = screen.form.viewport
                screen = ParticipantFormState(mode: mode, form: form)
                screen.base = current
                screen.baseResponsible = responsible
                state.status = "Formuläret visar nu kollegans version"
            case .keepMine:
                // My changed fields go on top of the colleague's version; their other changes stay. The
                // change log keeps both.
                if case .edit(let id, _) = screen.mode { screen.mode = .edit(id, version: current.version) }
                return save(&screen, state: &state)
            case .cancel:
                state.status = "Inget sparat; formuläret är kvar"
            }
        }
        return []
    }

    /// The store's answer to `.saveParticipant`.
    static func saved(_ state: inout AppState, id: Participant.ID) -> [Effect] {
        guard case .participantForm(let screen) = state.stack.last else { return [.loadCaseload] }
        state.stack.removeLast()
        state.status = screen.mode == .new ? "Ny deltagare sparad" : "Ändringarna är sparade"
        state.pendingSelection = id
        return [.loadCaseload]
    }

    static func saveFailed(_ state: inout AppState, _ failure: SaveFailure) {
        guard case .participantForm(var screen) = state.stack.last else { return }
        screen.isSaving = false
        switch failure {
        case .conflict(let current):
            state.status = nil
            var lines = ["\(current.fullName) sparades av någon annan medan du skrev."]
            if let base = screen.base {
                let theirs = ParticipantMerge.changedFields(from: base, to: current)
                let draft = ParticipantFormFields.draft(from: screen.form, mode: screen.mode, current: base.status)
                let mine =
                    (try? ParticipantValidation.validate(draft, today: state.today).get())
                    .map { ParticipantMerge.changedFields(from: base, to: $0.applied(to: base)) } ?? []
                let both = theirs.filter(mine.contains)
                if !theirs.isEmpty { lines.append("Kollegan ändrade: " + theirs.joined(separator: ", ")) }
                if !mine.isEmpty { lines.append("Du ändrade: " + mine.joined(separator: ", ")) }
                if !both.isEmpty { lines.append("Behåll mina skriver över kollegans " + both.joined(separator: ", ") + ".") }
                lines.append("Behåll mina sparar bara dina ändringar; kollegans övriga står kvar.")
            } else {
                lines.append("Läs om kollegans version, eller spara dina ändringar över den?")
            }
            screen.question = .conflict(
                ChoiceDialog(
                    title: "En kollega har ändrat deltagaren",
                    lines: lines,
                    options: [
                        .init(.reload, key: "l", label: "Läs om"), .init(.keepMine, key: "b", label: "Behåll mina"),
                        .init(.cancel, key: "a", label: "Avbryt"),
                    ], cancel: .cancel),
                current: current)
        case .duplicateIdentity:
            screen.form.setError("finns redan i ärendelistan", for: ParticipantField.identity.rawValue)
            screen.form.focus(ParticipantField.identity.rawValue)
        case .other(let reason):
            state.status = "Kunde inte spara: \(reason). Det du skrev finns kvar."
        }
        state.stack[state.stack.count - 1] = .participantForm(screen)
    }
}

extension Rect {
    var sizeValue: Size { Size(width: width, height: height) }
}
