import Foundation
import SamordnaCore
import TerminalUI

/// Everything the terminal UI shows, as one value. `update` changes it; `view` draws it.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var today: LocalDate
    public var caseload: Caseload
    /// Derived from `caseload` and `today` by `reload(…)`; never recomputed in `view`.
    public var rows: [CaseloadRow]
    public var list: CaseloadListState
    /// Screens above the caseload list; empty means the list is showing.
    public var stack: [Screen]
    public var help: HelpState?
    public var keymap: AppKeymap
    public var revealIdentity: Bool
    public var status: String?
    public var isLoading: Bool
    /// While only the first page is loaded: how many participants there are in all.
    public var previewTotal: Int?
    public var loadError: String?
    public var shouldQuit: Bool
    /// Login name of the person at the keyboard (shown in the title, written to the change log).
    public var user: String
    /// A participant to select once the next load arrives (the one just saved).
    public var pendingSelection: Participant.ID?
    /// What to carry on with once the caseload has reloaded (after the user said who they are).
    public var pendingAction: WhoAmIState.PendingAction?
    /// The user's time zone, for showing when notes were written (given by the runtime).
    public var timeZone: TimeZone

    public init(size: Size, today: LocalDate, user: String, keymap: AppKeymap = DefaultKeymap.make()) {
        self.size = size
        self.today = today
        self.caseload = .empty
        self.rows = []
        self.list = CaseloadListState()
        self.stack = []
        self.help = nil
        self.keymap = keymap
        self.revealIdentity = false
        self.status = nil
        self.isLoading = true
        self.previewTotal = nil
        self.loadError = nil
        self.shouldQuit = false
        self.user = user
        self.pendingSelection = nil
        self.pendingAction = nil
        self.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(secondsFromGMT: 3600)!
    }

    /// The team member whose login is the user's, once known.
    public var me: TeamMember? { caseload.team.values.first { $0.login == user } }

    /// The team, in Swedish order by name.
    public var teamList: [TeamMember] {
        caseload.team.values.sorted { SwedishCollation.key($0.name) < SwedishCollation.key($1.name) }
    }

    /// The smallest window the screens are laid out for.
    public static let minimumSize = Size(width: 80, height: 24)
    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Contexts for key lookup, most specific first.
    public var keyContexts: [KeyContext] {
        if help != nil { return [.help, .global] }
        switch stack.last {
        case .participant: return [.participant, .global]
        case .kartlaggningForm: return [.kartlaggning, .form]
        case .participantForm, .noteForm, .consentForm, .recordForm, .whoAmI, .picker, .confirm:
            return [.form]
        case .document: return [.document, .global]
        case nil: return [.caseload, .global]
        }
    }

    /// Whether plain characters now go into text: a text, multi-line or date field with focus and no question
    /// open, a list picker's filter, or the list's search. Then characters that arrive at once (a paste)
    /// may come as one `Key.text`.
    public var acceptsText: Bool {
        guard help == nil, !isTooSmall else { return false }
        func focusedIsText(_ form: FormState) -> Bool {
            switch form.focusedID.flatMap({ form[$0] })?.kind {
            case .text?, .multiline?, .date?: return true
            default: return false
            }
        }
        switch stack.last {
        case nil: return list.isEditingSearch
        case .picker, .whoAmI: return true
        case let screen?:
            guard let form = screen.form, !screen.isWaiting else { return false }
            return focusedIsText(form)
        }
    }

    /// The participant shown on top of the stack, if any.
    public var openParticipant: ParticipantScreenState? {
        if case .participant(let s) = stack.last { return s }
        return nil
    }
}

/// A screen above the caseload list. Navigation is a stack of these values; `Esc` pops.
public enum Screen: Equatable, Sendable {
    case participant(ParticipantScreenState)
    case participantForm(ParticipantFormState)
    case noteForm(NoteFormState)
    case consentForm(ConsentFormState)
    case recordForm(RecordFormState)
    case kartlaggningForm(KartlaggningFormState)
    /// A read-only document: a completed kartläggning or a comparison of two.
    case document(DocumentState)
    case whoAmI(WhoAmIState)
    /// A list picker over the screen below (filter, sort, bulk action).
    case picker(PickerScreen)
    /// A yes/no question over the screen below.
    case confirm(ConfirmScreen)

    /// The form of a form screen; setting it on another screen changes nothing.
    var form: FormState? {
        get {
            switch self {
            case .participantForm(let s): return s.form
            case .noteForm(let s): return s.form
            case .consentForm(let s): return s.form
            case .recordForm(let s): return s.form
            case .kartlaggningForm(let s): return s.form
            case .participant, .document, .whoAmI, .picker, .confirm: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch self {
            case .participantForm(var s): s.form = newValue; self = .participantForm(s)
            case .noteForm(var s): s.form = newValue; self = .noteForm(s)
            case .consentForm(var s): s.form = newValue; self = .consentForm(s)
            case .recordForm(var s): s.form = newValue; self = .recordForm(s)
            case .kartlaggningForm(var s): s.form = newValue; self = .kartlaggningForm(s)
            case .participant, .document, .whoAmI, .picker, .confirm: break
            }
        }
    }

    /// A form screen waiting on a question or a save: keys are answers, not text.
    var isWaiting: Bool {
        switch self {
        case .participantForm(let s): return s.question != nil || s.isSaving
        case .noteForm(let s): return s.leaving != nil || s.isSaving
        case .consentForm(let s): return s.leaving != nil || s.isSaving
        case .recordForm(let s): return s.leaving != nil || s.isSaving
        case .kartlaggningForm(let s): return s.leaving != nil || s.completing != nil
        case .participant, .document, .whoAmI, .picker, .confirm: return false
        }
    }

    /// Drawn over the screen below it rather than instead of it.
    var isOverlay: Bool {
        switch self {
        case .whoAmI, .picker, .confirm: return true
        default: return false
        }
    }
}
