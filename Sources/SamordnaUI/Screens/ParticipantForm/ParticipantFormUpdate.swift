import SamordnaCore
import TerminalUI

/// Validation as you type, the duplicate question, saving, the conflict dialog, and the answers from the
/// runtime.
extension ParticipantFormContent {
    public typealias ThisScreen = FormScreen<ParticipantFormContent>

    /// Opens a new-participant form.
    static func openNew(_ state: inout AppState) {
        let draft = ParticipantDraft(enrolledOn: state.today.description)
        var form = ParticipantFormFields.make(draft: draft, mode: .new, team: state.teamList, responsible: [:])
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.participantForm(FormScreen(ParticipantFormContent(mode: .new), form: form)))
    }

    /// Opens the edit form for a participant as the caseload holds it now.
    static func openEdit(_ state: inout AppState, id: Participant.ID) {
        guard let record = state.caseload.record(id) else { return }
        let p = record.participant
        let draft = ParticipantDraft(from: p, today: state.today)
        let mode = Mode.edit(p.id, version: p.version)
        let responsible = record.responsible(on: state.today)
        var form = ParticipantFormFields.make(draft: draft, mode: mode, team: state.teamList, responsible: responsible)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        var content = ParticipantFormContent(mode: mode)
        content.base = p
        content.baseResponsible = responsible
        state.stack.append(.participantForm(FormScreen(content, form: form)))
    }

    public static func edited(_ field: String, _ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        screen.content.touched.insert(field)
        validate(&screen, state: state, showAll: false)
        return []
    }

    public static func focusMoved(_ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        if let id = screen.form.focusedID { screen.content.touched.formUnion(previousFocus(screen, before: id)) }
        return []
    }

    public static func submit(_ screen: inout ThisScreen, _ state: inout AppState) -> [Effect] {
        save(&screen, state: &state)
    }

    public static func status(_ screen: ThisScreen, _ state: AppState) -> String {
        let errors = screen.form.fields.filter { $0.error != nil }.count
        var left = screen.isSaving ? " Sparar …" : (screen.form.isDirty ? " Ej sparat" : " Oförändrat")
        if errors > 0 { left += " · \(errors) fält att rätta (✗)" }
        return left
    }

    public static func interrupt(_ screen: inout ThisScreen, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }

    public static func render(_ question: Question, in rect: Rect, into buffer: inout Buffer) {
        switch question {
        case .similar(let dialog): dialog.render(in: rect, into: &buffer)
        case .conflict(let dialog, _): dialog.render(in: rect, into: &buffer)
        }
    }

    /// Every field before the focused one counts as visited, so leaving a required field empty shows why.
    private static func previousFocus(_ screen: ThisScreen, before id: String) -> [String] {
        let ids = screen.form.fields.map(\.id)
        guard let i = ids.firstIndex(of: id) else { return [] }
        return Array(ids[..<i])
    }

    /// Asks Core and shows its reasons next to the fields (only touched ones unless `showAll`).
    @discardableResult
    static func validate(_ screen: inout ThisScreen, state: AppState, showAll: Bool)
        -> ValidParticipantFields?
    {
        let current = currentStatus(screen.content, state: state)
        let draft = ParticipantFormFields.draft(from: screen.form, mode: screen.content.mode, current: current)
        var errors: [String: String] = [:]
        let result = ParticipantValidation.validate(draft, today: state.today)
        if case .failure(let reasons) = result {
            for field in reasons.fields where showAll || screen.content.touched.contains(field.rawValue) {
                errors[field.rawValue] = reasons[field]
            }
        }
        for field in screen.form.fields { screen.form.setError(errors[field.id], for: field.id) }
        if case .success(let valid) = result { return valid }
        return nil
    }

    static func currentStatus(_ screen: ParticipantFormContent, state: AppState) -> ParticipantStatus {
        if case .edit(let id, _) = screen.mode,
            let p = state.caseload.record(id)?.participant
        {
            return p.status
        }
        return .aktualiserad
    }

    private static func save(_ screen: inout ThisScreen, state: inout AppState) -> [Effect] {
        guard let valid = validate(&screen, state: state, showAll: true) else {
            _ = screen.form.focusFirstError()
            state.status = "Rätta de markerade fälten (✗) och spara igen"
            return []
        }
        let own: Participant.ID?
        if case .edit(let id, _) = screen.content.mode { own = id } else { own = nil }
        let candidate = valid.newParticipant(id: own ?? Participant.ID(""))
        let others = state.caseload.records.map(\.participant).filter { $0.id != own }
        for match in DuplicateCheck.duplicates(of: candidate, among: others) {
            switch match {
            case .sameIdentity(let id):
                let name = state.caseload.record(id)?.participant.fullName ?? id.short
                screen.form.setError("finns redan i ärendelistan: \(name)", for: ParticipantField.identity.rawValue)
                screen.form.focus(ParticipantField.identity.rawValue)
                return []
            case .similarName(let id, let reason):
                guard !screen.content.acceptedSimilar else { continue }
                let name = state.caseload.record(id)?.participant.fullName ?? id.short
                screen.question = .own(.similar(
                    ConfirmDialog(
                        title: "Liknande deltagare finns",
                        lines: ["\(name): \(reason).", "Är det en annan person? Spara ändå?"],
                        yesLabel: "Spara ändå", noLabel: "Nej, gå tillbaka", destructive: true)))
                return []
            }
        }
        let kind: ParticipantSave.Kind
        switch screen.content.mode {
        case .new: kind = .add
        case .edit(let id, let version): kind = .update(id, expectedVersion: version)
        }
        state.status = "Sparar …"
        var responsible = ParticipantFormFields.responsible(from: screen.form, team: state.teamList)
        let content = screen.content
        if content.base != nil {
            // An edit saves only the responsible staff the user changed.
            responsible = responsible.filter { $0.value != content.baseResponsible[$0.key] }
        }
        let save = ParticipantSave(kind: kind, fields: valid, responsible: responsible, base: content.base)
        return screen.startSaving([.participant(.save(save))], state: &state)
    }

    public static func answer(
        _ question: Question, _ chord: KeyChord, _ screen: inout ThisScreen, _ state: inout AppState
    ) -> ScreenStep {
        switch question {
        case .similar(var dialog):
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.question = nil
                screen.content.acceptedSimilar = true
                return .stay(save(&screen, state: &state))
            case .cancelled?: screen.question = nil
            case nil: screen.question = .own(.similar(dialog))
            }
        case .conflict(var dialog, let current):
            guard let choice = dialog.handle(chord) else {
                screen.question = .own(.conflict(dialog, current: current))
                return .stay
            }
            screen.question = nil
            switch choice {
            case .reload:
                // Start again from what the colleague saved; the typed changes are dropped, as chosen.
                let mode = Mode.edit(current.id, version: current.version)
                let responsible = state.caseload.record(current.id)?.responsible(on: state.today) ?? [:]
                var form = ParticipantFormFields.make(
                    draft: ParticipantDraft(from: current, today: state.today), mode: mode, team: state.teamList,
                    responsible: responsible)
                form.viewport = screen.form.viewport
                var content = ParticipantFormContent(mode: mode)
                content.base = current
                content.baseResponsible = responsible
                screen = FormScreen(content, form: form)
                state.status = "Formuläret visar nu kollegans version"
            case .keepMine:
                // My changed fields go on top of the colleague's version; their other changes stay. The
                // change log keeps both.
                if case .edit(let id, _) = screen.content.mode { screen.content.mode = .edit(id, version: current.version) }
                return .stay(save(&screen, state: &state))
            case .cancel:
                state.status = "Inget sparat; formuläret är kvar"
            }
        }
        return .stay
    }

    /// The store's answer to `.save`.
    static func saved(_ state: inout AppState, id: Participant.ID) -> [Effect] {
        _ = state.withTop(ThisScreen.self) { screen, state in
            state.status = screen.content.mode == .new ? "Ny deltagare sparad" : "Ändringarna är sparade"
            state.pendingSelection = id
            return .close()
        }
        return [.caseload(.refresh)]
    }

    static func saveFailed(_ state: inout AppState, _ failure: SaveFailure) {
        _ = state.withTop(ThisScreen.self) { screen, state in
            _ = screen.saveAnswered(ok: false)
            showFailure(failure, &screen, &state)
            return .stay
        }
    }

    private static func showFailure(_ failure: SaveFailure, _ screen: inout ThisScreen, _ state: inout AppState) {
        switch failure {
        case .conflict(let current):
            state.status = nil
            var lines = ["\(current.fullName) sparades av någon annan medan du skrev."]
            if let base = screen.content.base {
                let theirs = ParticipantMerge.changedFields(from: base, to: current)
                let draft = ParticipantFormFields.draft(from: screen.form, mode: screen.content.mode, current: base.status)
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
            screen.question = .own(.conflict(
                ChoiceDialog(
                    title: "En kollega har ändrat deltagaren",
                    lines: lines,
                    options: [
                        .init(.reload, key: "l", label: "Läs om"), .init(.keepMine, key: "b", label: "Behåll mina"),
                        .init(.cancel, key: "a", label: "Avbryt"),
                    ], cancel: .cancel),
                current: current))
        case .duplicateIdentity:
            screen.form.setError("finns redan i ärendelistan", for: ParticipantField.identity.rawValue)
            screen.form.focus(ParticipantField.identity.rawValue)
        case .other(let reason):
            state.status = "Kunde inte spara: \(reason). Det du skrev finns kvar."
        }
    }
}

extension Rect {
    var sizeValue: Size { Size(width: width, height: height) }
}
