import SamordnaCore
import TerminalUI

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

/// The runtime's answer to `LoginEffect.claim`.
public enum LoginMsg: Equatable, Sendable {
    /// The login is now that team member's; carry on with `then` once the team has reloaded.
    case claimed(then: WhoAmIState.PendingAction)
    case failed(WriteFailure)
}

public enum LoginEffect: Equatable, Sendable {
    /// Record that this login belongs to a team member (asked once), then carry on.
    case claim(TeamMember.ID, then: WhoAmIState.PendingAction)
}

extension WhoAmIState: ScreenModel {
    var screen: Screen { .whoAmI(self) }
    var keyContexts: [KeyContext] { [.form] }
    var acceptsText: Bool { true }
    var isOverlay: Bool { true }
    func isAvailable(_ command: Command, in state: AppState) -> Bool { command == .help }
    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep { .stay }
    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        picker.render(in: Rect(size: state.size), into: &buffer)
    }
    mutating func fit(_ state: AppState) { picker.viewport = state.size }
    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        switch picker.handle(chord) {
        case .picked(let index)?:
            let id = members[index]
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
                    then: [.login(.claim(id, then: then))])
                return .close()
            }
            return .close([.login(.claim(id, then: then))])
        case .cancelled?:
            state.status = "Finns du inte i listan? Lägg till dig med 'samordna team add'."
            return .close()
        case nil:
            return .stay
        }
    }

    /// Asks who is at the keyboard, then carries on with `then`.
    static func ask(_ state: inout AppState, then: PendingAction) {
        let team = state.teamList.filter(\.active)
        var picker = ListPicker(
            title: "Vem är du? (inloggning \(state.user))",
            items: team.map { m in
                "\(m.name), \(m.profession.label)" + (m.login.isEmpty ? "" : " (inloggning \(m.login))")
            })
        picker.viewport = state.size
        state.stack.append(.whoAmI(WhoAmIState(picker: picker, members: team.map(\.id), then: then)))
    }

    static func update(_ state: inout AppState, _ msg: LoginMsg) -> [Effect] {
        switch msg {
        case .claimed(let then):
            // The caseload (with the team) is read again first; then what was asked for opens.
            state.pendingAction = then
            return [.caseload(.refresh)]
        case .failed(let failure):
            state.status = "Kunde inte spara vem du är: \(failure.text)"
            return []
        }
    }

    /// Carries on with what the user asked for before saying who they are, once the team is known.
    static func carryOn(_ state: inout AppState) -> [Effect] {
        guard let action = state.pendingAction, state.me != nil else { return [] }
        state.pendingAction = nil
        switch action {
        case .newNote(let id): NoteFormContent.open(&state, participant: id)
        case .newConsent(let id): ConsentFormContent.open(&state, participant: id)
        case .correctNote(let id, let note): NoteFormContent.open(&state, participant: id, corrects: note)
        case .withdrawConsent(let id, let consentID):
            if let consent = RecordFormContent.consent(consentID, of: id, in: state) {
                RecordFormContent.openWithdrawal(&state, participant: id, consent: consent)
            }
        case .newKartlaggning(let id): return [.kartlaggning(.start(id))]
        case .openKartlaggning(let id): return [.kartlaggning(.open(id))]
        }
        return []
    }
}

/// Why a write the runtime was asked for did not happen. `text` says it in Swedish; the form keeps what
/// was typed.
public enum WriteFailure: Equatable, Sendable, Error {
    /// The login is not a team member's (any more).
    case unknownLogin(String)
    /// Core refused the value, with its reason.
    case refused(String)
    /// The record is no longer stored.
    case gone
    /// The store could not write (disk full, database locked …), in its words.
    case store(String)

    public var text: String {
        switch self {
        case .unknownLogin(let login): return "inloggningen '\(Sanitize.line(login))' hör inte till någon i teamet"
        case .refused(let reason): return reason
        case .gone: return "personen finns inte längre i teamet"
        case .store(let reason): return reason
        }
    }
}
