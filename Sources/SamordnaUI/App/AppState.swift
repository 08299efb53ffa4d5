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
    /// Set when another process committed: the status line says so only when the refresh finds a change (a
    /// colleague's read writes the access log, which moves `data_version` but changes nothing shown).
    public var refreshingForColleague = false
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

    /// What the user may read of `record` (docs/privacy.md): built anew for every render, so a consent
    /// registered or withdrawn, here or in a colleague's window, shows or hides at once.
    public func disclosure(for record: ParticipantRecord) -> Disclosure {
        Disclosure(reader: me, record: record, team: caseload.team.values, on: today)
    }

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
        return stack.last?.model.keyContexts ?? [.caseload, .global]
    }

    /// Whether plain characters now go into text: a text, multi-line or date field with focus and no question
    /// open, a list picker's filter, or the list's search. Then characters that arrive at once (a paste)
    /// may come as one `Key.text`.
    public var acceptsText: Bool {
        guard help == nil, !isTooSmall else { return false }
        return stack.last?.model.acceptsText ?? list.isEditingSearch
    }

    /// The participant screen nearest the top, if one is open (a form may lie over it).
    public var openParticipant: ParticipantScreenState? { screen(ParticipantScreenState.self) }
}
