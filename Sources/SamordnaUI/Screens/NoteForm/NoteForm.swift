import SamordnaCore
import TerminalUI

/// Writing a note (`n` on the Anteckningar tab). Notes are never edited: a correction is a new note that
/// points at the one it corrects.
public struct NoteFormState: Equatable, Sendable {
    public var participantID: Participant.ID
    public var participantName: String
    public var corrects: Note.ID?
    public var form: FormState
    public var leaving: ConfirmDialog?
    public var isSaving: Bool

    static let fieldID = "text"

    /// - Parameter correcting: the note a correction corrects, shown above the editor (its first lines).
    init(participantID: Participant.ID, participantName: String, corrects: Note.ID?, viewport: Size, correcting: Note? = nil) {
        self.participantID = participantID
        self.participantName = participantName
        self.corrects = corrects
        var fields: [FormField] = []
        if let correcting {
            for (i, line) in correcting.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).enumerated() {
                fields.append(FormField(id: "_rattar\(i)", label: i == 0 ? "Rättar" : "", kind: .readOnly(String(line))))
            }
        }
        fields.append(
            FormField(
                id: Self.fieldID, label: "Anteckning",
                kind: .multiline(TextAreaState(text: "", maxLength: NoteRules.textLimit)), required: true,
                help: "Enter ny rad · Ctrl-s spara · skriv behov, inte diagnoser",
                rows: max(3, viewport.height - 3 - fields.count)))
        var form = FormState(fields: fields, focus: Self.fieldID)
        form.viewport = viewport
        self.form = form
        self.leaving = nil
        self.isSaving = false
    }
}

/// What the note form asks the runtime to save; the runtime adds the author (from the login), id and time.
public struct NoteDraft: Equatable, Sendable {
    public var participantID: Participant.ID
    public var text: String
    public var corrects: Note.ID?
}

/// Who is at the keyboard, asked once when the login is not yet a team member's.
public struct WhoAmIState: Equatable, Sendable {
    public var picker: ListPicker
    public var members: [TeamMember.ID]
    /// What to do once answered.
    public var then: PendingAction

    public enum PendingAction: Equatable, Sendable {
        case newNote(Participant.ID)
        case newConsent(Participant.ID)
        case correctNote(Participant.ID, Note.ID)
        case withdrawConsent(Participant.ID, Consent.ID)
        case newKartlaggning(Participant.ID)
        case openKartlaggning(Kartlaggning.ID)
    }
}

enum NoteFormUpdate {
    /// `n` on the Anteckningar tab: asks who you are first if your login is unknown.
    /// Asks who is at the keyboard, then carries on with `then`.
    static func askWhoAmI(_ state: inout AppState, then: WhoAmIState.PendingAction) {
        let team = state.teamList.filter(\.active)
        state.stack.append(
            .whoAmI(
                WhoAmIState(
                    picker: ListPicker(
                        title: "Vem är du? (inloggning \(state.user))",
                        items: team.map { m in
                            "\(m.name), \(m.profession.label)" + (m.login.isEmpty ? "" : " (inloggning \(m.login))")
                        }),
                    members: team.map(\.id), then: then)))
    }

    /// A new note, or with `corrects` a correction: a new note linked to the one it corrects (never an edit).
    static func open(_ state: inout AppState, participant id: Participant.ID, corrects: Note.ID? = nil) {
        guard state.me != nil else {
            askWhoAmI(&state, then: corrects.map { .correctNote(id, $0) } ?? .newNote(id))
            return
        }
        let name = state.caseload.records.first { $0.id == id }?.participant.fullName ?? ""
        let correcting = corrects.flatMap { c in state.openParticipant?.details?.notes.first { $0.id == c } }
        state.stack.append(
            .noteForm(
                NoteFormState(
                    participantID: id, participantName: name, corrects: corrects,
                    viewport: ParticipantLayout(state.size).formBody.sizeValue, correcting: correcting)))
    }

    static func handleWhoAmI(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        guard case .whoAmI(var who) = state.stack.last else { return [] }
        switch who.picker.handle(chord) {
        case .picked(let index)?:
            state.stack.removeLast()
            let id = who.members[index]
            // Taking over someone's login is said out loud: their old login is no longer recognised.
            if let member = state.caseload.team[id], !member.login.isEmpty, member.login != state.user {
                OverlayUpdate.confirm(
                    &state,
                    ConfirmDialog(
                        title: "\(member.name) har inloggningen \(member.login)",
                        lines: [
                            "Byta till \(state.user)? Då känns \(member.login) inte längre igen,",
                            "och allt du skriver stämplas med \(member.name).",
                        ],
                        yesLabel: "Byt", noLabel: "Avbryt", destructive: true),
                    then: [.claimLogin(id, then: who.then)])
                return []
            }
            return [.claimLogin(id, then: who.then)]
        case .cancelled?:
            state.stack.removeLast()
            state.status = "Finns du inte i listan? Lägg till dig med 'samordna team add'."
        case nil:
            state.stack[state.stack.count - 1] = .whoAmI(who)
        }
        return []
    }

    static func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        guard case .noteForm(var screen) = state.stack.last else { return [] }
        var effects: [Effect] = []
        switch FormScreenKeys.handle(
            chord, form: &screen.form, leaving: &screen.leaving, isSaving: screen.isSaving,
            leaveTitle: "Lämna anteckningen?")
        {
        case .close:
            state.stack.removeLast()
            return []
        case .stay:
            break
        case .submit:
            let text = screen.form.value(of: NoteFormState.fieldID)?.string ?? ""
            switch NoteRules.validate(text: text) {
            case .failure(let violation):
                screen.form.setError(violation.reason, for: NoteFormState.fieldID)
            case .success(let valid):
                screen.isSaving = true
                state.status = "Sparar …"
                effects = [.addNote(NoteDraft(participantID: screen.participantID, text: valid, corrects: screen.corrects))]
            }
        }
        state.stack[state.stack.count - 1] = .noteForm(screen)
        return effects
    }

    static func saved(_ state: inout AppState, participant id: Participant.ID) -> [Effect] {
        if case .noteForm = state.stack.last { state.stack.removeLast() }
        state.status = "Anteckningen är sparad"
        return [.loadRecord(id)]
    }

    static func saveFailed(_ state: inout AppState, _ reason: String) {
        guard case .noteForm(var screen) = state.stack.last else { return }
        screen.isSaving = false
        state.status = "Kunde inte spara: \(reason). Texten finns kvar."
        state.stack[state.stack.count - 1] = .noteForm(screen)
    }

    static func render(_ screen: NoteFormState, state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        let title = screen.corrects == nil ? "Ny anteckning" : "Rättelse (ny anteckning, den gamla står kvar)"
        drawTitle("\(title) · \(screen.participantName)", state: state, in: layout.title, into: &buffer)
        var cursor = screen.form.render(in: layout.formBody, into: &buffer)
        let count = screen.form.value(of: NoteFormState.fieldID)?.string?.count ?? 0
        drawStatusRow(
            " \(count) av högst \(NoteRules.textLimit) tecken" + (screen.isSaving ? " · Sparar …" : ""),
            message: state.status, in: layout.status, into: &buffer)
        HintBar(items: [("Ctrl-s", "Spara"), ("Esc", "Avbryt"), ("Enter", "Ny rad")]).render(in: layout.hints, into: &buffer)
        if let dialog = screen.leaving {
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        }
        return cursor
    }
}
