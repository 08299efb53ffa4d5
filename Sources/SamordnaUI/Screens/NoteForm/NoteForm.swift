import SamordnaCore
import TerminalUI

/// Writing a note (`n` on the Anteckningar tab). Notes are never edited: a correction is a new note that
/// points at the one it corrects.
public struct NoteFormContent: FormContent {
    public var participantID: Participant.ID
    public var participantName: String
    public var corrects: Note.ID?

    static let fieldID = "text"
    static let categoryID = "kategori"
    /// The categories in the order the form offers them.
    static let categories = InformationCategory.allCases

    public static func screen(_ form: FormScreen<Self>) -> Screen { .noteForm(form) }
    public var title: String {
        (corrects == nil ? "Ny anteckning" : "Rättelse (ny anteckning, den gamla står kvar)") + " · \(participantName)"
    }
    public var leaveTitle: String { "Lämna anteckningen?" }
    public var hintCommands: [Command] { [.save, .cancel, .help] }

    /// A new note, or with `corrects` a correction: a new note linked to the one it corrects (never an edit).
    /// Asks who you are first if your login is unknown.
    static func open(_ state: inout AppState, participant id: Participant.ID, corrects: Note.ID? = nil, correcting: Note? = nil) {
        guard state.me != nil else {
            WhoAmIState.ask(&state, then: corrects.map { .correctNote(id, $0) } ?? .newNote(id))
            return
        }
        let correcting = correcting
            ?? corrects.flatMap { c in state.screen(ParticipantScreenState.self)?.details?.notes.first { $0.id == c } }
        let viewport = ParticipantLayout(state.size).formBody.sizeValue
        var fields: [FormField] = []
        if let correcting {
            for (i, line) in correcting.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).enumerated() {
                fields.append(FormField(id: "_rattar\(i)", label: i == 0 ? "Rättar" : "", kind: .readOnly(String(line))))
            }
        }
        let category = correcting?.category ?? state.me?.organisation.primaryCategory ?? .socialSituation
        fields.append(
            FormField(
                id: categoryID, label: "Uppgifter om",
                kind: .choice(options: categories.map(\.label), selected: categories.firstIndex(of: category) ?? 0),
                required: true,
                help: "←/→ väljer. Vad anteckningen handlar om: andra organisationer läser den bara med samtycke för det."))
        fields.append(
            FormField(
                id: fieldID, label: "Anteckning",
                kind: .multiline(TextAreaState(text: "", maxLength: NoteRules.textLimit)), required: true,
                help: "skriv behov, inte diagnoser",
                // The category's choices take about four rows.
                rows: max(3, viewport.height - 6 - fields.count)))
        var form = FormState(fields: fields, focus: fieldID)
        form.viewport = viewport
        let content = NoteFormContent(
            participantID: id, participantName: state.caseload.record(id)?.participant.fullName ?? "", corrects: corrects)
        state.stack.append(.noteForm(FormScreen(content, form: form)))
    }

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        let text = screen.form.value(of: fieldID)?.string ?? ""
        switch NoteRules.validate(text: text) {
        case .failure(let violation):
            screen.form.setError(violation.reason, for: fieldID)
            return []
        case .success(let valid):
            // The status row says "Sparar …" beside the count.
            let c = screen.content
            let category = screen.form.value(of: categoryID)?.selectedIndex.map { categories[$0] }
            return screen.startSaving(
                [.note(.add(NoteDraft(participantID: c.participantID, text: valid, category: category, corrects: c.corrects)))],
                state: &state)
        }
    }

    public static func status(_ screen: FormScreen<Self>, _ state: AppState) -> String {
        let count = screen.form.value(of: fieldID)?.string?.count ?? 0
        return " \(count) av högst \(NoteRules.textLimit) tecken" + (screen.isSaving ? " · Sparar …" : "")
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }

    static func update(_ state: inout AppState, _ msg: NoteMsg) -> [Effect] {
        switch msg {
        case .saved(let id):
            state.closeForm(Self.self)
            state.status = "Anteckningen är sparad"
            return [.participant(.loadRecord(id))]
        case .failed(let failure):
            state.formSaveFailed(Self.self)
            state.status = "Kunde inte spara: \(failure.text). Texten finns kvar."
            return []
        }
    }
}

/// What the note form asks the runtime to save; the runtime adds the author (from the login), id and time.
public struct NoteDraft: Equatable, Sendable {
    public var participantID: Participant.ID
    public var text: String
    /// nil: the author's organisation's own kind of work.
    public var category: InformationCategory?
    public var corrects: Note.ID?

    public init(participantID: Participant.ID, text: String, category: InformationCategory? = nil, corrects: Note.ID?) {
        self.participantID = participantID
        self.text = text
        self.category = category
        self.corrects = corrects
    }
}

public enum NoteMsg: Equatable, Sendable {
    case saved(Participant.ID)
    case failed(WriteFailure)
}

public enum NoteEffect: Equatable, Sendable {
    /// Save a note by the logged-in team member.
    case add(NoteDraft)
}
