import SamordnaCore
import TerminalUI

/// Registering a samtycke (`n` on the Samtycke tab): which authorities may disclose and receive which
/// information, for what and for how long. Core checks it is specific (never "all information") and has a
/// period.
public struct ConsentFormContent: FormContent {
    public var participantID: Participant.ID
    public var participantName: String

    static let authorities = Authority.allCases
    static let categories = InformationCategory.allCases
    static let purposes = ConsentPurpose.allCases
    static let forms = ConsentForm.allCases

    static func fields(today: LocalDate, viewport: Size) -> FormState {
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
        return form
    }

    static func draft(_ form: FormState) -> ConsentDraft {
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

    public static func screen(_ form: FormScreen<Self>) -> Screen { .consentForm(form) }
    public var title: String { "Nytt samtycke · \(participantName)" }
    public var leaveTitle: String { "Lämna samtycket?" }

    static func open(_ state: inout AppState, participant id: Participant.ID) {
        guard state.me != nil else {
            WhoAmIState.ask(&state, then: .newConsent(id))
            return
        }
        let content = ConsentFormContent(
            participantID: id, participantName: state.caseload.record(id)?.participant.fullName ?? "")
        let form = fields(today: state.today, viewport: ParticipantLayout(state.size).formBody.sizeValue)
        state.stack.append(.consentForm(FormScreen(content, form: form)))
    }

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        let me = state.me?.id ?? TeamMember.ID("")
        let draft = draft(screen.form)
        let id = screen.content.participantID
        switch ConsentValidation.validate(draft, participant: id, registeredBy: me, id: .init("ny")) {
        case .failure(let errors):
            screen.show(errors)
            return []
        case .success:
            state.status = "Sparar …"
            return screen.startSaving([.consent(.add(id, draft))], state: &state)
        }
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }

    static func update(_ state: inout AppState, _ msg: ConsentMsg) -> [Effect] {
        switch msg {
        case .saved:
            state.closeForm(Self.self)
            state.status = "Samtycket är registrerat"
            return [.caseload(.refresh)]
        case .failed(let failure):
            state.formSaveFailed(Self.self)
            state.status = "Kunde inte spara: \(failure.text). Det du fyllt i finns kvar."
            return []
        }
    }
}

public enum ConsentMsg: Equatable, Sendable {
    case saved(Participant.ID)
    case failed(WriteFailure)
}

public enum ConsentEffect: Equatable, Sendable {
    /// Register a consent, by the logged-in team member.
    case add(Participant.ID, ConsentDraft)
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
