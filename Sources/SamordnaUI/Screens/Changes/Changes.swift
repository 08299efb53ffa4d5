import SamordnaCore
import TerminalUI

/// Changes without a form of their own, or at the end of a short one: avslut, återöppning, återkallelse,
/// ångra and a change to many participants at once. The runtime answers with what happened as a value;
/// the words are composed here.
public enum ChangeEffect: Equatable, Sendable {
    /// Close a participant: the exit record and status avslutad together, if nobody saved them since.
    case close(ExitRecord, participantVersion: Int)
    /// Make a closed participant aktiv again.
    case reopen(Participant.ID, version: Int)
    /// Register that the participant withdrew a consent, by the logged-in team member.
    case withdrawConsent(Consent.ID, participant: Participant.ID, on: LocalDate, how: String)
    /// Take back the user's own last change.
    case undo
    /// One change to many participants, all or none.
    case bulk([Participant.ID], BulkAction)
}

public enum ChangeMsg: Equatable, Sendable {
    case saved(ChangeOutcome)
    case failed(ChangeFailure)
}

/// What a change did.
public enum ChangeOutcome: Equatable, Sendable {
    case closed(ExitRecord)
    case reopened(Participant.ID)
    case consentWithdrawn(participant: Participant.ID, on: LocalDate)
    /// The user's last change was taken back: one record (`what` describes it), or a bulk change of
    /// `participants` at once.
    case undone(UndoSummary)
    case bulkApplied(changed: Int, unchanged: Int)
}

/// What an undo took back.
public struct UndoSummary: Equatable, Sendable {
    /// The participant to show again, when the change was about one.
    public var participant: Participant.ID?
    /// How many participants the change touched.
    public var participants: Int
    /// The record in words ("anteckningen 3f9c1a"), as the history names it.
    public var record: String?

    public init(participant: Participant.ID?, participants: Int, record: String?) {
        self.participant = participant
        self.participants = participants
        self.record = record
    }
}

/// Why a change did not happen. Nothing was written.
public enum ChangeFailure: Equatable, Sendable, Error {
    /// A colleague saved the participant in between.
    case conflict
    /// A colleague changed the same record in between.
    case recordConflict
    case nothingToUndo
    case notUndoable(String)
    case unknownLogin(String)
    /// The record is no longer stored.
    case gone
    case store(String)

    public var text: String {
        switch self {
        case .conflict: return "En kollega har ändrat deltagaren under tiden; inget sparades. Titta igen och försök på nytt"
        case .recordConflict: return "En kollega har ändrat samma uppgift under tiden; inget sparades"
        case .nothingToUndo: return "Du har inga egna ändringar att ångra"
        case .notUndoable(let reason): return "Kan inte ångra: \(reason)"
        case .unknownLogin(let login): return "Inloggningen '\(Sanitize.line(login))' hör inte till någon i teamet"
        case .gone: return "Deltagaren finns inte längre"
        case .store(let reason): return "Kunde inte spara: \(reason)"
        }
    }
}

enum ChangeUpdate {
    static func update(_ state: inout AppState, _ msg: ChangeMsg) -> [Effect] {
        switch msg {
        case .saved(let outcome):
            RecordFormContent.saved(&state)
            let participant: Participant.ID?
            switch outcome {
            case .closed(let exit):
                state.status =
                    "Avslutad (\(exit.outcome.rawValue)). Uppföljning \(exit.followUp4Weeks) och \(exit.followUp6Months)"
                participant = exit.participantID
            case .reopened(let id):
                state.status = "Återöppnad: deltagaren är aktiv igen"
                participant = id
            case .consentWithdrawn(let id, let day):
                state.status = "Samtycket är återkallat \(day)"
                participant = id
            case .undone(let undone):
                let what = undone.participants > 1
                    ? "ändringen för \(undone.participants) deltagare" : undone.record ?? "ändringen"
                state.status = "Ångrat: \(what)"
                participant = undone.participant
            case .bulkApplied(let changed, let unchanged):
                state.status = "Ändrat för \(changed) deltagare" + (unchanged > 0 ? " (\(unchanged) redan så)" : "")
                state.list.tagged = []
                participant = nil
            }
            if let participant, state.screen(ParticipantScreenState.self) == nil { state.pendingSelection = participant }
            return [.caseload(.refresh)]
        case .failed(let failure):
            RecordFormContent.saveFailed(&state)
            state.status = failure.text
            return [.caseload(.refresh)]
        }
    }
}
