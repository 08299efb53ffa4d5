import SamordnaCore
import TerminalUI

// The router: the screens, messages and effects of every feature, each behind one case. A new screen adds
// its folder and one case in each enum here that it needs; `update` and the runtime route by these cases.

/// A screen above the caseload list. Navigation is a stack of these values; `Esc` pops.
public enum Screen: Equatable, Sendable {
    case participant(ParticipantScreenState)
    case participantForm(FormScreen<ParticipantFormContent>)
    case noteForm(FormScreen<NoteFormContent>)
    case consentForm(FormScreen<ConsentFormContent>)
    case recordForm(FormScreen<RecordFormContent>)
    case kartlaggningForm(FormScreen<KartlaggningFormContent>)
    case insatsForm(FormScreen<InsatsFormContent>)
    /// Start, end or cancel an insats episode.
    case insatsAction(FormScreen<InsatsActionContent>)
    case meetingForm(FormScreen<MeetingFormContent>)
    /// Record what happened at a meeting.
    case meetingOutcome(FormScreen<MeetingOutcomeContent>)
    /// Every participant in the list's filter over the coming weeks.
    case teamTimeline(TeamTimelineState)
    /// The veckolista for one ISO week.
    case weekView(WeekViewState)
    /// A read-only document: a completed kartläggning or a comparison of two.
    case document(DocumentState)
    case whoAmI(WhoAmIState)
    /// A list picker over the screen below (filter, sort, bulk action).
    case picker(PickerScreen)
    /// A yes/no question over the screen below.
    case confirm(ConfirmScreen)

    /// The one switch over screens: everything else asks the screen through `ScreenModel`.
    var model: any ScreenModel {
        switch self {
        case .participant(let s): return s
        case .participantForm(let s): return s
        case .noteForm(let s): return s
        case .consentForm(let s): return s
        case .recordForm(let s): return s
        case .kartlaggningForm(let s): return s
        case .insatsForm(let s): return s
        case .insatsAction(let s): return s
        case .meetingForm(let s): return s
        case .meetingOutcome(let s): return s
        case .teamTimeline(let s): return s
        case .weekView(let s): return s
        case .document(let s): return s
        case .whoAmI(let s): return s
        case .picker(let s): return s
        case .confirm(let s): return s
        }
    }
}

/// What happened: a key, a resize, a colleague's commit, a new day, or a feature's answer from the runtime.
public enum Msg: Equatable, Sendable {
    case key(KeyChord)
    case resized(Size)
    /// Ctrl-C: leave cleanly (nothing is half-written; forms keep their drafts).
    case interrupt
    /// The terminal went away or the process was asked to stop (SIGHUP, SIGTERM).
    case hangup
    /// Another process committed to the caseload database.
    case storeChangedElsewhere
    case dayChanged(LocalDate)
    /// Something the user should know from the start, for the status line (a storage warning).
    case notice(String)
    case caseload(CaseloadMsg)
    case participant(ParticipantMsg)
    case note(NoteMsg)
    case consent(ConsentMsg)
    case login(LoginMsg)
    case change(ChangeMsg)
    case kartlaggning(KartlaggningMsg)
    case insats(InsatsMsg)
    case meeting(MeetingMsg)
    case week(WeekMsg)
}

/// What the world must do. The runtime performs these and answers with `Msg`s; `update` itself touches
/// no disk, clock or terminal.
public enum Effect: Equatable, Sendable {
    case caseload(CaseloadEffect)
    case participant(ParticipantEffect)
    case note(NoteEffect)
    case consent(ConsentEffect)
    case login(LoginEffect)
    case change(ChangeEffect)
    case kartlaggning(KartlaggningEffect)
    case insats(InsatsEffect)
    case meeting(MeetingEffect)
    case week(WeekEffect)
}

/// The one place state changes: routes each message to the app or the feature it belongs to. Pure: no
/// clock, disk or terminal; effects come back as values.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .key(let chord): return AppUpdate.handleKey(&state, chord)
    case .resized(let size): return AppUpdate.resized(&state, size)
    case .interrupt: return AppUpdate.interrupt(&state, canAsk: true)
    case .hangup: return AppUpdate.interrupt(&state, canAsk: false)
    case .storeChangedElsewhere: return AppUpdate.storeChangedElsewhere(&state)
    case .dayChanged(let day): return AppUpdate.dayChanged(&state, day)
    case .notice(let text):
        state.status = text
        return []
    case .caseload(let m): return CaseloadUpdate.update(&state, m)
    case .participant(let m): return ParticipantUpdate.update(&state, m)
    case .note(let m): return NoteFormContent.update(&state, m)
    case .consent(let m): return ConsentFormContent.update(&state, m)
    case .login(let m): return WhoAmIState.update(&state, m)
    case .change(let m): return ChangeUpdate.update(&state, m)
    case .kartlaggning(let m): return KartlaggningFormContent.update(&state, m)
    case .insats(let m): return InsatsFormContent.update(&state, m)
    case .meeting(let m): return MeetingFormContent.update(&state, m)
    case .week(let m): return WeekViewState.update(&state, m)
    }
}
