import SamordnaCore
import TerminalUI

/// A new insats episode (`n` on the Insatser tab, after choosing the type in a picker you can type in) or
/// an edit of the selected one (`e`). Core validates; planning warnings (over full time, the same type
/// twice, past the maximum length) are shown and asked about, never refused.
public struct InsatsFormContent: FormContent {
    public enum Mode: Equatable, Sendable {
        case new(Participant.ID)
        /// The episode as the form was opened: its version is checked when saving.
        case edit(InsatsEpisode)
    }

    /// The form's own questions.
    public enum Question: Equatable, Sendable {
        /// Planning warnings: save anyway?
        case warnings(ConfirmDialog)
        /// A colleague saved the same episode meanwhile.
        case conflict(ChoiceDialog<ConflictChoice>, current: InsatsEpisode)
    }

    public enum ConflictChoice: Hashable, Sendable { case reload, keepMine, cancel }

    public var mode: Mode
    public var participantName: String
    public var type: InsatsType
    /// The warnings the user has seen and accepted for this save.
    public var acceptedWarnings: Bool = false

    var participantID: Participant.ID {
        switch mode {
        case .new(let id): return id
        case .edit(let e): return e.participantID
        }
    }

    public static func screen(_ form: FormScreen<Self>) -> Screen { .insatsForm(form) }
    public var title: String {
        switch mode {
        case .new: return "Ny insats · \(participantName)"
        case .edit: return "Ändra insats · \(participantName)"
        }
    }
    public var leaveTitle: String { "Lämna insatsen?" }

    static let statuses = InsatsStatus.allCases
    static let reasons = InsatsEndReason.allCases
    static let organisations = Organisation.allCases

    // MARK: Opening

    /// `n` on the Insatser tab: the catalogue's offered types in a picker you can type in; the form opens
    /// with the chosen one.
    static func chooseType(_ state: inout AppState, participant id: Participant.ID) {
        let offered = state.caseload.catalogue.values.filter { $0.isOffered(on: state.today) }
            .sorted { SwedishCollation.key($0.name) < SwedishCollation.key($1.name) }
        guard !offered.isEmpty else {
            state.status = "Katalogen har inga insatser som erbjuds idag (insatser.yaml)"
            return
        }
        OverlayUpdate.pick(
            &state, title: "Välj insats (skriv för att söka)",
            items: offered.map { t in
                ("\(DisplayWidth.pad(t.code, to: 6)) \(t.name) · \(t.organisation)\(t.jobFocused ? " · J" : "")",
                 .insatsType(id, t.code))
            })
    }

    static func openNew(_ state: inout AppState, participant id: Participant.ID, code: String) {
        guard let type = state.caseload.catalogue[code] else { return }
        var draft = InsatsDraft(typeCode: code, plannedStart: state.today.description)
        if let days = type.typicalLengthDays { draft.plannedEnd = state.today.adding(days: days - 1).description }
        open(&state, mode: .new(id), type: type, draft: draft)
    }

    static func openEdit(_ state: inout AppState, episode: InsatsEpisode) {
        let type = state.caseload.catalogue[episode.typeCode]
            ?? InsatsType(code: episode.typeCode, name: episode.typeCode, organisation: "", categories: [], jobFocused: false)
        open(&state, mode: .edit(episode), type: type, draft: InsatsDraft(episode))
    }

    private static func open(_ state: inout AppState, mode: Mode, type: InsatsType, draft: InsatsDraft) {
        let content = InsatsFormContent(
            mode: mode, participantName: state.caseload.record(modeParticipant(mode))?.participant.fullName ?? "",
            type: type)
        var form = fields(draft, type: type, today: state.today)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.insatsForm(FormScreen(content, form: form)))
    }

    private static func modeParticipant(_ mode: Mode) -> Participant.ID {
        switch mode {
        case .new(let id): return id
        case .edit(let e): return e.participantID
        }
    }

    static func fields(_ d: InsatsDraft, type: InsatsType, today: LocalDate) -> FormState {
        func date(_ f: InsatsField, _ label: String, _ value: String, help: String? = nil) -> FormField {
            FormField(id: f.rawValue, label: label, kind: .date(TextFieldState(text: value)), help: help ?? "ÅÅÅÅ-MM-DD")
        }
        func text(_ f: InsatsField, _ label: String, _ value: String, help: String? = nil) -> FormField {
            FormField(id: f.rawValue, label: label, kind: .text(TextFieldState(text: value)), help: help)
        }
        var length: [String] = []
        if let t = type.typicalLengthDays { length.append("vanligen \(t) dagar") }
        if let m = type.maxLengthDays { length.append("högst \(m) dagar") }
        let about = "\(type.name) · \(type.organisation)\(type.jobFocused ? " · jobbinriktad" : "")"
        return FormState(
            fields: [
                FormField(id: InsatsField.typeCode.rawValue, label: "Insats", kind: .readOnly("\(type.code) \(about)")),
                FormField(
                    id: InsatsField.status.rawValue, label: "Status",
                    kind: .choice(options: statuses.map(\.rawValue), selected: statuses.firstIndex(of: d.status)),
                    required: true, help: "planerad → pågår → avslutad eller avbruten"),
                date(.plannedStart, "Planerad start", d.plannedStart),
                date(.start, "Startade", d.start, help: "när insatsen faktiskt började"),
                date(.plannedEnd, "Planerat slut", d.plannedEnd, help: length.isEmpty ? nil : length.joined(separator: ", ")),
                date(.end, "Slutade", d.end, help: "bara för avslutad eller avbruten"),
                FormField(
                    id: InsatsField.endReason.rawValue, label: "Avslutsorsak",
                    kind: .choice(
                        options: ["–"] + reasons.map(\.rawValue), selected: d.endReason.flatMap { reasons.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
                    help: "genomförd, arbete och studier avslutar; övriga avbryter"),
                text(.extentPercent, "Omfattning %", d.extentPercent, help: "procent av heltid, 1–100"),
                text(.provider, "Anordnare", d.provider),
                text(.contactPerson, "Kontaktperson", d.contactPerson),
                FormField(
                    id: InsatsField.decidedBy.rawValue, label: "Beslutad av",
                    kind: .choice(
                        options: ["–"] + organisations.map(\.label),
                        selected: d.decidedBy.flatMap { organisations.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)),
                date(.decisionDate, "Beslutsdatum", d.decisionDate),
                date(.nextFollowUp, "Nästa uppföljning", d.nextFollowUp),
                FormField(
                    id: InsatsField.note.rawValue, label: "Anteckning",
                    kind: .multiline(TextAreaState(text: d.note, maxLength: InsatsRules.noteLimit)), rows: 3),
            ], focus: InsatsField.status.rawValue)
    }

    static func draft(_ form: FormState, code: String) -> InsatsDraft {
        func text(_ f: InsatsField) -> String { form.value(of: f.rawValue)?.string ?? "" }
        func choice(_ f: InsatsField) -> Int { form.value(of: f.rawValue)?.selectedIndex ?? 0 }
        return InsatsDraft(
            typeCode: code, status: statuses[choice(.status)], plannedStart: text(.plannedStart), start: text(.start),
            plannedEnd: text(.plannedEnd), end: text(.end),
            endReason: choice(.endReason) > 0 ? reasons[choice(.endReason) - 1] : nil,
            extentPercent: text(.extentPercent), provider: text(.provider), contactPerson: text(.contactPerson),
            decidedBy: choice(.decidedBy) > 0 ? organisations[choice(.decidedBy) - 1] : nil,
            decisionDate: text(.decisionDate), nextFollowUp: text(.nextFollowUp), note: text(.note))
    }

    // MARK: Saving

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        let existing: InsatsEpisode?
        if case .edit(let e) = screen.content.mode { existing = e } else { existing = nil }
        let draft = draft(screen.form, code: screen.content.type.code)
        switch InsatsRules.validate(draft, catalogue: state.caseload.catalogue, existing: existing, today: state.today) {
        case .failure(let errors):
            screen.show(errors)
            state.status = "Rätta de markerade fälten (✗) och spara igen"
            return []
        case .success(let valid):
            let participant = screen.content.participantID
            let candidate: InsatsEpisode
            switch screen.content.mode {
            case .new: candidate = valid.episode(id: .init("ny"), participant: participant, owner: .af)
            case .edit(let e): candidate = valid.applied(to: e)
            }
            let others = (state.caseload.record(participant)?.episodes ?? []).filter { $0.id != candidate.id }
            let before = Set(InsatsPlanning.warnings(others, catalogue: state.caseload.catalogue, today: state.today))
            let new = InsatsPlanning.warnings(others + [candidate], catalogue: state.caseload.catalogue, today: state.today)
                .filter { !before.contains($0) }
            if !new.isEmpty, !screen.content.acceptedWarnings {
                screen.question = .own(
                    .warnings(
                        ConfirmDialog(
                            title: "Varning för planeringen",
                            lines: new.map { "• " + $0.description } + ["Spara ändå?"],
                            yesLabel: "Spara", noLabel: "Ändra", destructive: true)))
                return []
            }
            screen.content.acceptedWarnings = false
            state.status = "Sparar …"
            switch screen.content.mode {
            case .new: return screen.startSaving([.insats(.add(valid, participant: participant))], state: &state)
            case .edit(let e): return screen.startSaving([.insats(.update(valid.applied(to: e), expectedVersion: e.version))], state: &state)
            }
        }
    }

    public static func answer(
        _ question: Question, _ chord: KeyChord, _ screen: inout FormScreen<Self>, _ state: inout AppState
    ) -> ScreenStep {
        switch question {
        case .warnings(var dialog):
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.question = nil
                screen.content.acceptedWarnings = true
                return .stay(submit(&screen, &state))
            case .cancelled?: screen.question = nil
            case nil: screen.question = .own(.warnings(dialog))
            }
        case .conflict(var dialog, let current):
            guard let choice = dialog.handle(chord) else {
                screen.question = .own(.conflict(dialog, current: current))
                return .stay
            }
            screen.question = nil
            switch choice {
            case .reload:
                let viewport = screen.form.viewport
                screen.content.mode = .edit(current)
                screen.form = fields(InsatsDraft(current), type: screen.content.type, today: state.today)
                screen.form.viewport = viewport
                state.status = "Formuläret visar nu kollegans version"
            case .keepMine:
                // Mine goes on top of the colleague's version; the change log keeps both.
                screen.content.mode = .edit(current)
                return .stay(submit(&screen, &state))
            case .cancel:
                state.status = "Inget sparat; formuläret är kvar"
            }
        }
        return .stay
    }

    public static func render(_ question: Question, in rect: Rect, into buffer: inout Buffer) {
        switch question {
        case .warnings(let dialog): dialog.render(in: rect, into: &buffer)
        case .conflict(let dialog, _): dialog.render(in: rect, into: &buffer)
        }
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }

    // MARK: Answers from the runtime

    static func update(_ state: inout AppState, _ msg: InsatsMsg) -> [Effect] {
        switch msg {
        case .saved(let episode, let warnings):
            state.closeForm(Self.self)
            state.closeForm(InsatsActionContent.self)
            let name = state.caseload.catalogue[episode.typeCode]?.name ?? episode.typeCode
            state.status = "Insatsen är sparad: \(name) (\(episode.status.rawValue))"
                + (warnings.isEmpty ? "" : " · varning: " + warnings.map(\.description).joined(separator: "; "))
            return [.caseload(.refresh)]
        case .conflict(let current):
            if state.withTop(FormScreen<Self>.self, { screen, state in
                _ = screen.saveAnswered(ok: false)
                screen.question = .own(
                    .conflict(
                        ChoiceDialog(
                            title: "En kollega har ändrat insatsen",
                            lines: [
                                "\(screen.content.type.name) sparades av någon annan medan du skrev.",
                                "Läs om kollegans version, eller spara dina uppgifter ovanpå den?",
                            ],
                            options: [
                                .init(.reload, key: "l", label: "Läs om"), .init(.keepMine, key: "b", label: "Behåll mina"),
                                .init(.cancel, key: "a", label: "Avbryt"),
                            ], cancel: .cancel),
                        current: current))
                return .stay
            }) == nil {
                state.formSaveFailed(InsatsActionContent.self)
                state.status = "En kollega har ändrat insatsen under tiden; inget sparades. Titta igen och försök på nytt"
            }
            return [.caseload(.refresh)]
        case .failed(let failure):
            state.formSaveFailed(Self.self)
            state.formSaveFailed(InsatsActionContent.self)
            state.status = "Kunde inte spara insatsen: \(failure.text). Det du fyllt i finns kvar."
            return []
        }
    }
}

/// The runtime's answers about insats episodes.
public enum InsatsMsg: Equatable, Sendable {
    /// Saved, with the planning warnings it now raises (for the status line).
    case saved(InsatsEpisode, warnings: [InsatsWarning])
    /// A colleague saved the episode first: what is stored now.
    case conflict(InsatsEpisode)
    case failed(WriteFailure)
}

public enum InsatsEffect: Equatable, Sendable {
    /// A new episode for the participant, owned by the logged-in member's organisation.
    case add(ValidInsats, participant: Participant.ID)
    /// A changed episode, if nobody saved it since `expectedVersion`.
    case update(InsatsEpisode, expectedVersion: Int)
}

/// Starting, ending or cancelling the selected episode (`a` on the Insatser tab): the day, and for an end
/// the reason. Core checks the move.
public struct InsatsActionContent: FormContent {
    public enum Action: Equatable, Sendable { case start, end }

    public var action: Action
    public var episode: InsatsEpisode
    public var typeName: String

    public static func screen(_ form: FormScreen<Self>) -> Screen { .insatsAction(form) }
    public var title: String {
        (action == .start ? "Starta insats · " : (episode.status == .planerad ? "Avbryt insats · " : "Avsluta insats · "))
            + typeName
    }
    public var leaveTitle: String { "Lämna formuläret?" }

    /// The reasons the episode may end for: a planned one was never run, so it can only be cancelled.
    var reasons: [InsatsEndReason] {
        InsatsEndReason.allCases.filter { episode.status.allowedNext.contains($0.endsAs) }
    }

    /// `a` on the selected episode: what can be done with it now.
    static func choose(_ state: inout AppState, episode: InsatsEpisode) {
        let name = state.caseload.catalogue[episode.typeCode]?.name ?? episode.typeCode
        var items: [(String, PickerChoice)] = []
        if episode.status == .planerad { items.append(("Starta (pågår från ett datum)", .insatsAction(episode.id, .start))) }
        if episode.status == .pagar { items.append(("Avsluta (genomförd, arbete, studier …)", .insatsAction(episode.id, .end))) }
        if !episode.status.isEnded { items.append(("Avbryt", .insatsAction(episode.id, .end))) }
        guard !items.isEmpty else {
            state.status = "\(name) är redan \(episode.status.rawValue); u ångrar om det var fel"
            return
        }
        OverlayUpdate.pick(&state, title: "\(name): vad har hänt?", items: items)
    }

    static func open(_ state: inout AppState, episode: InsatsEpisode, action: Action) {
        let name = state.caseload.catalogue[episode.typeCode]?.name ?? episode.typeCode
        let content = InsatsActionContent(action: action, episode: episode, typeName: name)
        var fields = [
            FormField(
                id: "day", label: action == .start ? "Startade den" : "Slutade den",
                kind: .date(TextFieldState(text: state.today.description)), required: true)
        ]
        if action == .end {
            fields.append(
                FormField(
                    id: "reason", label: "Orsak", kind: .choice(options: content.reasons.map(\.rawValue), selected: nil),
                    required: true, help: "←/→ väljer"))
        }
        var form = FormState(fields: fields)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.insatsAction(FormScreen(content, form: form)))
    }

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        let typed = screen.form.value(of: "day")?.string ?? ""
        guard let day = LocalDate(iso: typed.trimmingCharacters(in: .whitespaces)) else {
            screen.form.setError("ogiltigt datum (skriv ÅÅÅÅ-MM-DD)", for: "day")
            return []
        }
        let content = screen.content
        let result: Result<InsatsEpisode, RuleViolation>
        switch content.action {
        case .start:
            result = InsatsRules.start(content.episode, on: day, today: state.today)
        case .end:
            guard let i = screen.form.value(of: "reason")?.selectedIndex else {
                screen.form.setError("välj varför insatsen slutade", for: "reason")
                return []
            }
            result = InsatsRules.end(content.episode, on: day, reason: content.reasons[i], today: state.today)
        }
        switch result {
        case .failure(let violation):
            screen.form.setError(violation.reason, for: "day")
            return []
        case .success(let moved):
            state.status = "Sparar …"
            return screen.startSaving([.insats(.update(moved, expectedVersion: content.episode.version))], state: &state)
        }
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }
}
