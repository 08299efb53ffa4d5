import SamordnaCore
import TerminalUI

/// A short form that records one event on a participant: the avslut (`x`) or the withdrawal of a consent
/// (`e` on the Samtycke tab). Core validates; the runtime saves in one logged transaction.
public struct RecordFormContent: FormContent {
    public enum Purpose: Equatable, Sendable {
        /// Closing the participant, checked against the version the form was opened on.
        /// nil: the version loaded when Ctrl-S is pressed (after a conflict was shown).
        case exit(Participant.ID, version: Int?)
        case withdrawConsent(Participant.ID, Consent.ID)
    }

    public var purpose: Purpose
    public var title: String

    var participantID: Participant.ID {
        switch purpose {
        case .exit(let id, _), .withdrawConsent(let id, _): return id
        }
    }

    public static func screen(_ form: FormScreen<Self>) -> Screen { .recordForm(form) }
    public var leaveTitle: String { "Lämna formuläret?" }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }
    static let exitOutcomes = OutcomeCode.allCases
    /// "–" (not assessed) first, then the ladder 0–7.
    static let stepOptions = ["– ej bedömt"] + Step.allCases.map { "\($0.rawValue) \($0.label)" }

    // MARK: Opening

    /// `x`: the avslut form for an open participant; for a closed one, the question whether to reopen.
    static func openExit(_ state: inout AppState, participant id: Participant.ID) {
        guard let record = state.caseload.record(id) else { return }
        let p = record.participant
        if p.status == .avslutad {
            OverlayUpdate.confirm(
                &state,
                ConfirmDialog(
                    title: "Återöppna \(p.fullName)?",
                    lines: [
                        "Deltagaren blir aktiv igen.",
                        "Avslutet \(record.exit.map { "\($0.date) (\($0.outcome.rawValue))" } ?? "") finns kvar i historiken.",
                    ],
                    yesLabel: "Återöppna", noLabel: "Avbryt", destructive: true),
                then: [.change(.reopen(id, version: p.version))])
            return
        }
        let fields = [
            FormField(
                id: ExitField.outcome.rawValue, label: "Avslutsorsak",
                kind: .choice(options: exitOutcomes.map { "\($0.rawValue) \($0.label)" }, selected: nil),
                required: true, help: "←/→ eller första bokstaven väljer"),
            FormField(
                id: ExitField.outcomeText.rawValue, label: "Beskrivning", kind: .text(TextFieldState()),
                help: "Krävs för Ä1 Annat: vad hände?"),
            FormField(
                id: ExitField.date.rawValue, label: "Avslutsdatum",
                kind: .date(TextFieldState(text: state.today.description)), required: true),
            FormField(
                id: exitEndedID, label: "Försörjningsstöd upphört", kind: .toggle(false),
                help: "Space växlar"),
            FormField(
                id: ExitField.forsorjningsstodEndedOn.rawValue, label: "Upphörde den", kind: .date(TextFieldState()),
                help: "ÅÅÅÅ-MM-DD, bara om försörjningsstödet har upphört"),
            FormField(
                id: ExitField.stepAtStart.rawValue, label: "Steg vid start",
                kind: .choice(options: stepOptions, selected: 0), help: "Stegförflyttning: var deltagaren stod"),
            FormField(
                id: ExitField.stepAtExit.rawValue, label: "Steg vid avslut",
                kind: .choice(options: stepOptions, selected: 0)),
            FormField(id: exitCloserID, label: "Närmare arbete/studier", kind: .toggle(false), help: "Space växlar"),
        ]
        open(&state, .exit(id, version: p.version), title: "Avslut · \(p.fullName)", fields: fields)
    }

    static let exitEndedID = "forsorjningsstodEnded"
    static let exitCloserID = "closerToWorkOrStudies"

    /// `e` on the Samtycke tab: when and how the participant withdrew the selected consent.
    static func openWithdrawal(_ state: inout AppState, participant id: Participant.ID, consent: Consent) {
        guard consent.withdrawnOn == nil else {
            state.status = "Samtycket är redan återkallat (\(consent.withdrawnOn!))"
            return
        }
        guard state.me != nil else {
            WhoAmIState.ask(&state, then: .withdrawConsent(id, consent.id))
            return
        }
        let name = state.caseload.record(id)?.participant.fullName ?? ""
        let parties = consent.discloser.union(consent.recipient).map(\.rawValue).sorted().joined(separator: ", ")
        open(
            &state, .withdrawConsent(id, consent.id), title: "Återkalla samtycke · \(name)",
            fields: [
                FormField(id: "consent", label: "Samtycke", kind: .readOnly("\(consent.validFrom)–\(consent.validTo)  \(parties)")),
                FormField(
                    id: ConsentField.withdrawnOn.rawValue, label: "Återkallat den",
                    kind: .date(TextFieldState(text: state.today.description)), required: true),
                FormField(
                    id: ConsentField.withdrawnHow.rawValue, label: "Hur", kind: .text(TextFieldState()),
                    help: "T.ex. muntligt vid möte, skriftligt brev"),
            ])
    }

    private static func open(_ state: inout AppState, _ purpose: Purpose, title: String, fields: [FormField]) {
        var form = FormState(fields: fields)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.recordForm(FormScreen(RecordFormContent(purpose: purpose, title: title), form: form)))
    }

    // MARK: Saving

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        guard let effect = validate(&screen, state: state) else { return [] }
        state.status = "Sparar …"
        return screen.startSaving([effect], state: &state)
    }

    /// Asks Core; shows its reasons next to the fields, or returns what to save.
    static func validate(_ screen: inout FormScreen<Self>, state: AppState) -> Effect? {
        let form = screen.form
        func text(_ id: String) -> String { form.value(of: id)?.string ?? "" }
        switch screen.content.purpose {
        case .exit(let id, let version):
            guard let participant = state.caseload.record(id)?.participant else { return nil }
            func step(_ field: ExitField) -> String {
                guard let i = form.value(of: field.rawValue)?.selectedIndex, i > 0 else { return "" }
                return String(Step.allCases[i - 1].rawValue)
            }
            let draft = ExitDraft(
                outcome: form.value(of: ExitField.outcome.rawValue)?.selectedIndex.map { exitOutcomes[$0].rawValue } ?? "",
                outcomeText: text(ExitField.outcomeText.rawValue), date: text(ExitField.date.rawValue),
                forsorjningsstodEnded: form.value(of: exitEndedID)?.bool ?? false,
                forsorjningsstodEndedOn: text(ExitField.forsorjningsstodEndedOn.rawValue),
                stepAtStart: step(.stepAtStart), stepAtExit: step(.stepAtExit),
                closerToWorkOrStudies: form.value(of: exitCloserID)?.bool ?? false)
            switch ExitValidation.validate(draft, for: participant, today: state.today) {
            case .failure(let errors):
                screen.show(errors)
                return nil
            case .success(let exit):
                return .change(.close(exit, participantVersion: version ?? participant.version))
            }
        case .withdrawConsent(let id, let consentID):
            guard let consent = consent(consentID, of: id, in: state), let me = state.me else { return nil }
            let typed = text(ConsentField.withdrawnOn.rawValue)
            switch ConsentValidation.withdraw(
                consent, on: typed, how: text(ConsentField.withdrawnHow.rawValue), registeredBy: me.id,
                today: state.today)
            {
            case .failure(let errors):
                screen.show(errors)
                return nil
            case .success(let withdrawn):
                guard let day = withdrawn.withdrawnOn else { return nil }
                return .change(.withdrawConsent(consentID, participant: id, on: day, how: withdrawn.withdrawnHow ?? ""))
            }
        }
    }

    static func consent(_ id: Consent.ID, of participant: Participant.ID, in state: AppState) -> Consent? {
        let consents = state.screen(ParticipantScreenState.self)?.details?.record.consents
            ?? state.caseload.record(participant)?.consents ?? []
        return consents.first { $0.id == id }
    }

    // MARK: Answers from the runtime

    /// The change went through: the form closes.
    static func saved(_ state: inout AppState) {
        state.closeForm(Self.self)
    }

    /// A failed save keeps the form and what was typed; the reason shows in the status line. After a
    /// colleague's change the user has been told, so the next Ctrl-S checks against the version reloaded
    /// by then.
    static func saveFailed(_ state: inout AppState) {
        _ = state.withTop(FormScreen<Self>.self) { screen, _ in
            _ = screen.saveAnswered(ok: false)
            if case .exit(let id, _) = screen.content.purpose { screen.content.purpose = .exit(id, version: nil) }
            return .stay
        }
    }
}
