import Foundation
import SamordnaCore
import TerminalUI

/// Booking a meeting (`n` on the Möten tab) or changing a planned one (`e`). Core validates; booking a
/// team member or the participant twice at the same time is asked about, not refused.
public struct MeetingFormContent: FormContent {
    public enum Mode: Equatable, Sendable {
        case new(Participant.ID)
        case edit(Meeting)
    }

    public enum Question: Equatable, Sendable {
        /// Someone is already booked then: book anyway?
        case doubleBooked(ConfirmDialog)
        /// A colleague saved the same meeting meanwhile.
        case conflict(ConfirmDialog, current: Meeting)
    }

    public var mode: Mode
    public var participantName: String
    /// The team members the form offers, in its order.
    public var members: [TeamMember.ID]
    public var acceptedDoubleBooking: Bool = false

    var participantID: Participant.ID {
        switch mode {
        case .new(let id): return id
        case .edit(let m): return m.participantID
        }
    }

    public static func screen(_ form: FormScreen<Self>) -> Screen { .meetingForm(form) }
    public var title: String {
        switch mode {
        case .new: return "Boka möte · \(participantName)"
        case .edit: return "Ändra möte · \(participantName)"
        }
    }
    public var leaveTitle: String { "Lämna mötet?" }

    static let kinds = MeetingKind.allCases
    /// Professions that take part without a member of the team: the complementary resources.
    static let otherProfessions = Profession.allCases.filter { !Profession.core.contains($0) }

    static func open(_ state: inout AppState, participant id: Participant.ID, editing: Meeting? = nil) {
        let team = state.teamList.filter(\.active)
        var draft = editing.map(MeetingDraft.init) ?? MeetingDraft(date: state.today.adding(days: 1).description, time: "10:00")
        if editing == nil, let me = state.me { draft.members = [me.id] }
        let content = MeetingFormContent(
            mode: editing.map(Mode.edit) ?? .new(id), participantName: state.caseload.record(id)?.participant.fullName ?? "",
            members: team.map(\.id))
        var form = FormState(
            fields: [
                FormField(id: MeetingField.date.rawValue, label: "Datum", kind: .date(TextFieldState(text: draft.date)), required: true),
                FormField(
                    id: MeetingField.time.rawValue, label: "Tid", kind: .text(TextFieldState(text: draft.time)), required: true,
                    help: "TT:MM"),
                FormField(
                    id: MeetingField.lengthMinutes.rawValue, label: "Längd (min)",
                    kind: .text(TextFieldState(text: draft.lengthMinutes)), required: true, help: "1–480 minuter"),
                FormField(
                    id: MeetingField.kind.rawValue, label: "Typ",
                    kind: .choice(options: kinds.map(\.rawValue), selected: draft.kind.flatMap { kinds.firstIndex(of: $0) }),
                    required: true),
                FormField(
                    id: MeetingField.members.rawValue, label: "Medarbetare",
                    kind: .multiChoice(
                        options: team.map { "\($0.name) (\($0.profession.short))" },
                        selected: Set(draft.members.compactMap { team.map(\.id).firstIndex(of: $0) })),
                    help: "vilka i teamet som är med"),
                FormField(
                    id: MeetingField.professions.rawValue, label: "Även",
                    kind: .multiChoice(
                        options: otherProfessions.map(\.label),
                        selected: Set(draft.professions.compactMap { otherProfessions.firstIndex(of: $0) })),
                    help: "kompletterande yrken som är med utan att höra till teamet"),
                FormField(id: MeetingField.location.rawValue, label: "Plats", kind: .text(TextFieldState(text: draft.location))),
                FormField(id: "interpreter", label: "Tolk", kind: .toggle(draft.interpreter)),
                FormField(
                    id: MeetingField.interpreterLanguage.rawValue, label: "Tolkspråk",
                    kind: .text(TextFieldState(text: draft.interpreterLanguage))),
            ], focus: MeetingField.date.rawValue)
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.meetingForm(FormScreen(content, form: form)))
    }

    static func draft(_ form: FormState, members: [TeamMember.ID]) -> MeetingDraft {
        func text(_ f: MeetingField) -> String { form.value(of: f.rawValue)?.string ?? "" }
        return MeetingDraft(
            date: text(.date), time: text(.time), lengthMinutes: text(.lengthMinutes),
            kind: form.value(of: MeetingField.kind.rawValue)?.selectedIndex.map { kinds[$0] },
            professions: (form.value(of: MeetingField.professions.rawValue)?.selectedIndices ?? []).sorted()
                .map { otherProfessions[$0] },
            members: (form.value(of: MeetingField.members.rawValue)?.selectedIndices ?? []).sorted().map { members[$0] },
            location: text(.location), interpreter: form.value(of: "interpreter")?.bool ?? false,
            interpreterLanguage: text(.interpreterLanguage))
    }

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        let d = draft(screen.form, members: screen.content.members)
        switch MeetingRules.validate(d, team: state.caseload.team) {
        case .failure(let errors):
            screen.show(errors)
            state.status = "Rätta de markerade fälten (✗) och spara igen"
            return []
        case .success(let valid):
            let participant = screen.content.participantID
            let candidate: Meeting
            switch screen.content.mode {
            case .new: candidate = valid.meeting(id: .init("ny"), participant: participant)
            case .edit(let m): candidate = valid.applied(to: m)
            }
            let everyone = state.caseload.records.flatMap(\.meetings)
            let doubles = MeetingRules.doubleBookings(candidate, among: everyone)
            if !doubles.isEmpty, !screen.content.acceptedDoubleBooking {
                let lines = doubles.prefix(4).map { booking -> String in
                    let who: String
                    switch booking.who {
                    case .participant: who = "Deltagaren"
                    case .member(let id): who = state.caseload.team[id]?.name ?? "En medarbetare"
                    }
                    return "• \(who) har redan ett möte \(booking)"
                }
                screen.question = .own(
                    .doubleBooked(
                        ConfirmDialog(
                            title: "Dubbelbokning", lines: lines + ["Boka ändå?"], yesLabel: "Boka", noLabel: "Ändra",
                            destructive: true)))
                return []
            }
            screen.content.acceptedDoubleBooking = false
            state.status = "Sparar …"
            switch screen.content.mode {
            case .new: return screen.startSaving([.meeting(.add(valid, participant: participant))], state: &state)
            case .edit(let m): return screen.startSaving([.meeting(.update(valid.applied(to: m), expectedVersion: m.version))], state: &state)
            }
        }
    }

    public static func answer(
        _ question: Question, _ chord: KeyChord, _ screen: inout FormScreen<Self>, _ state: inout AppState
    ) -> ScreenStep {
        switch question {
        case .doubleBooked(var dialog):
            switch dialog.handle(chord) {
            case .confirmed?:
                screen.question = nil
                screen.content.acceptedDoubleBooking = true
                return .stay(submit(&screen, &state))
            case .cancelled?: screen.question = nil
            case nil: screen.question = .own(.doubleBooked(dialog))
            }
        case .conflict(var dialog, let current):
            switch dialog.handle(chord) {
            case .confirmed?:
                // Keep mine, on top of the colleague's version.
                screen.question = nil
                screen.content.mode = .edit(current)
                return .stay(submit(&screen, &state))
            case .cancelled?:
                screen.question = nil
                state.status = "Inget sparat; formuläret är kvar"
            case nil: screen.question = .own(.conflict(dialog, current: current))
            }
        }
        return .stay
    }

    public static func render(_ question: Question, in rect: Rect, into buffer: inout Buffer) {
        switch question {
        case .doubleBooked(let dialog), .conflict(let dialog, _): dialog.render(in: rect, into: &buffer)
        }
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }

    static func update(_ state: inout AppState, _ msg: MeetingMsg) -> [Effect] {
        switch msg {
        case .saved(let meeting):
            state.closeForm(Self.self)
            state.closeForm(MeetingOutcomeContent.self)
            state.status = meeting.outcome == .planerat
                ? "Mötet är bokat: \(meeting.date) \(meeting.time) (\(meeting.kind.rawValue))"
                : "Mötet är registrerat som \(meeting.outcome.rawValue)"
            return [.caseload(.refresh)]
        case .conflict(let current):
            let asked = state.withTop(FormScreen<Self>.self) { screen, _ in
                _ = screen.saveAnswered(ok: false)
                screen.question = .own(
                    .conflict(
                        ConfirmDialog(
                            title: "En kollega har ändrat mötet",
                            lines: ["Mötet sparades av någon annan medan du skrev.", "Spara dina uppgifter ovanpå kollegans?"],
                            yesLabel: "Spara mina", noLabel: "Avbryt", destructive: true),
                        current: current))
                return .stay
            }
            if asked == nil {
                state.formSaveFailed(MeetingOutcomeContent.self)
                state.status = "En kollega har ändrat mötet under tiden; inget sparades. Titta igen och försök på nytt"
            }
            return [.caseload(.refresh)]
        case .failed(let failure):
            state.formSaveFailed(Self.self)
            state.formSaveFailed(MeetingOutcomeContent.self)
            state.status = "Kunde inte spara mötet: \(failure.text). Det du fyllt i finns kvar."
            return []
        }
    }
}

/// What happened at a meeting (`a` on the Möten tab): genomfört, uteblev or inställt, with a short note.
public struct MeetingOutcomeContent: FormContent {
    public var meeting: Meeting

    static let outcomes: [MeetingOutcome] = [.genomfort, .uteblev, .installt]

    public static func screen(_ form: FormScreen<Self>) -> Screen { .meetingOutcome(form) }
    public var title: String { "Utfall · \(meeting.kind.rawValue) \(meeting.date) \(meeting.time)" }
    public var leaveTitle: String { "Lämna formuläret?" }

    static func open(_ state: inout AppState, meeting: Meeting) {
        var form = FormState(fields: [
            FormField(
                id: MeetingField.outcome.rawValue, label: "Utfall",
                kind: .choice(options: outcomes.map(\.rawValue), selected: outcomes.firstIndex(of: meeting.outcome)),
                required: true, help: "uteblev syns för socialsekreteraren i veckolistan"),
            FormField(
                id: MeetingField.outcomeNote.rawValue, label: "Anteckning",
                kind: .text(TextFieldState(text: meeting.outcomeNote ?? "")), help: "kort; skriv behov, inte diagnoser"),
        ])
        form.viewport = ParticipantLayout(state.size).formBody.sizeValue
        state.stack.append(.meetingOutcome(FormScreen(MeetingOutcomeContent(meeting: meeting), form: form)))
    }

    public static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        guard let i = screen.form.value(of: MeetingField.outcome.rawValue)?.selectedIndex else {
            screen.form.setError("välj vad som hände", for: MeetingField.outcome.rawValue)
            return []
        }
        let note = screen.form.value(of: MeetingField.outcomeNote.rawValue)?.string ?? ""
        switch MeetingRules.record(screen.content.meeting, outcome: outcomes[i], note: note, today: state.today) {
        case .failure(let violation):
            screen.form.setError(violation.reason, for: MeetingField.outcome.rawValue)
            return []
        case .success(let recorded):
            state.status = "Sparar …"
            return screen.startSaving(
                [.meeting(.update(recorded, expectedVersion: screen.content.meeting.version))], state: &state)
        }
    }

    public static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        screen.askIfTyped(canAsk: canAsk)
    }
}

public enum MeetingMsg: Equatable, Sendable {
    case saved(Meeting)
    case conflict(Meeting)
    case failed(WriteFailure)
}

public enum MeetingEffect: Equatable, Sendable {
    case add(ValidMeeting, participant: Participant.ID)
    case update(Meeting, expectedVersion: Int)
}
