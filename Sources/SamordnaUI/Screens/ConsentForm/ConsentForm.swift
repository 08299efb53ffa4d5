import SamordnaCore
import TerminalUI

/// Registering a samtycke (`n` on the Samtycke tab): which authorities may disclose and receive which
/// information, for what and for how long. Core checks it is specific (never "all information") and has a
/// period.
public struct ConsentFormState: Equatable, Sendable {
    public var participantID: Participant.ID
    public var participantName: String
    public var form: FormState
    public var leaving: ConfirmDialog?
    public var isSaving: Bool

    static let authorities = Authority.allCases
    static let categories = InformationCategory.allCases
    static let purposes = ConsentPurpose.allCases
    static let forms = ConsentForm.allCases

    init(participantID: Participant.ID, participantName: String, today: LocalDate, viewport: Size) {
        self.participantID = participantID
        self.participantName = participantName
        let start = ConsentDraft(startingOn: today)
        func many(_ id: ConsentField, _ label: String, _ options: [String], help: String) -> FormField {
            FormField(id: id.rawValue, label: label, kind: .multiChoice(options: options, selected: []), required: true, help: help)
        }
        var form = FormState(fields: [
            many(.discloser, "Får lämna", Self.authorities.map(\.rawValue), help: "←/→ flyttar, Space kryssar"),
            many(.recipient, "Får ta emot", Self.authorities.map(\.rawValue), help: "←/→ flyttar, Space kryssar"),
            many(.categories, "Uppgifter", Self.categories.map(\.label), help: "Bara det som behövs; aldrig \"alla uppgifter\""),
            many(.purposes, "Syfte", Self.purposes.map(\.label), help: "Vilken sorts samverkan"),
            FormField(id: ConsentField.purposeText.rawValue, label: "Syfte (text)", kind: .text(TextFieldState())),
            FormField(
                id: "form", label: "Form", kind: .choice(options: Self.forms.map(\.rawValue), selected: 0), required: true),
            FormField(
                id: ConsentField.validFrom.rawValue, label: "Giltigt från",
                kind: .date(TextFieldState(text: start.validFrom)), required: true),
            FormField(
                id: ConsentField.validTo.rawValue, label: "Giltigt till", kind: .date(TextFieldState(text: start.validTo)),
                required: true, help: "Förslag: 12 månader"),
            FormField(
                id: ConsentField.documentReference.rawValue, label: "Dokumentreferens", kind: .text(TextFieldState()),
                help: "Var det underskrivna samtycket finns, t.ex. diarienummer"),
        ], focus: ConsentField.discloser.rawValue)
        form.viewport = viewport
        self.form = form
        self.leaving = nil
        self.isSaving = false
    }

    var draft: ConsentDraft {
        func picked<T>(_ id: ConsentField, _ all: [T]) -> Set<T> where T: Hashable {
            Set((form.value(of: id.rawValue)?.selectedIndices ?? []).map { all[$0] })
        }
        func text(_ id: ConsentField) -> String { form.value(of: id.rawValue)?.string ?? "" }
        return ConsentDraft(
            discloser: picked(.discloser, Self.authorities), recipient: picked(.recipient, Self.authorities),
            categories: picked(.categories, Self.categories), purposes: picked(.purposes, Self.purposes),
            purposeText: text(.purposeText),
            form: Self.forms[form.value(of: "form")?.selectedIndex ?? 0], validFrom: text(.validFrom),
            validTo: text(.validTo), documentReference: text(.documentReference))
    }
}

extension ConsentPurpose {
    var label: String {
        switch self {
        case .gemensamKartlaggning: return "gemensam kartläggning"
        case .samordnadPlanering: return "samordnad planering"
        case .sip: return "SIP"
        case .susRegistrering: return "SUS-registrering"
        case .esfRapportering: return "ESF-rapportering"
        case .arbetsgivarkontakt: return "arbetsgivarkontakt"
        }
    }
}

enum ConsentFormUpdate {
    static func open(_ state: inout AppState, participant id: Participant.ID) {
        guard state.me != nil else {
            NoteFormUpdate.askWhoAmI(&state, then: .newConsent(id))
            return
        }
        let name = state.caseload.records.first { $0.id == id }?.participant.fullName ?? ""
        state.stack.append(
            .consentForm(
                ConsentFormState(
                    participantID: id, participantName: name, today: state.today,
                    viewport: ParticipantLayout(state.size).formBody.sizeValue)))
    }

    static func handleKey(_ state: inout AppState, _ chord: KeyChord) -> [Effect] {
        guard case .consentForm(var screen) = state.stack.last else { return [] }
        var effects: [Effect] = []
        switch FormScreenKeys.handle(
            chord, form: &screen.form, leaving: &screen.leaving, isSaving: screen.isSaving, leaveTitle: "Lämna samtycket?")
        {
        case .close:
            state.stack.removeLast()
            return []
        case .stay:
            break
        case .submit:
            let me = state.me?.id ?? TeamMember.ID("")
            switch ConsentValidation.validate(screen.draft, participant: screen.participantID, registeredBy: me, id: .init("ny")) {
            case .failure(let errors):
                FormScreenKeys.show(errors, in: &screen.form)
            case .success:
                screen.isSaving = true
                state.status = "Sparar …"
                effects = [.addConsent(screen.participantID, screen.draft)]
            }
        }
        state.stack[state.stack.count - 1] = .consentForm(screen)
        return effects
    }

    static func saved(_ state: inout AppState, participant id: Participant.ID) -> [Effect] {
        if case .consentForm = state.stack.last { state.stack.removeLast() }
        state.status = "Samtycket är registrerat"
        return [.loadCaseload]
    }

    static func saveFailed(_ state: inout AppState, _ reason: String) {
        guard case .consentForm(var screen) = state.stack.last else { return }
        screen.isSaving = false
        state.status = "Kunde inte spara: \(reason). Det du fyllt i finns kvar."
        state.stack[state.stack.count - 1] = .consentForm(screen)
    }

    static func render(_ screen: ConsentFormState, state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        drawTitle("Nytt samtycke · \(screen.participantName)", state: state, in: layout.title, into: &buffer)
        var cursor = screen.form.render(in: layout.formBody, into: &buffer)
        drawStatusRow(
            screen.isSaving ? " Sparar …" : (screen.form.isDirty ? " Ej sparat" : " Oförändrat"), message: state.status,
            in: layout.status, into: &buffer)
        HintBar(items: [("Ctrl-s", "Spara"), ("Esc", "Avbryt"), ("Tab/↑↓", "Fält"), ("←→ Space", "Välj")])
            .render(in: layout.hints, into: &buffer)
        if let dialog = screen.leaving {
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        }
        return cursor
    }
}
