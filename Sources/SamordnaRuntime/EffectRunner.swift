import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// The only code that touches the store, the clock and the environment on the UI's behalf. It performs
/// `Effect`s and answers with `Msg`s. Tests build it with a temporary database and a fixed clock.
public struct EffectRunner {
    public var store: CaseloadStore
    /// The insats catalogue, read once at start (`CaseloadStore.currentCatalogue`: the team's `insatser.yaml`,
    /// or the last valid one when the file has errors).
    public var catalogue: [InsatsType]
    /// Why the catalogue file was not used, for the Insatser tab and the status line; nil when it was.
    public var catalogueNotice: String?
    public var clock: @Sendable () -> Date
    public var timeZone: TimeZone
    /// A fixed "today" (from `--today`), or nil to follow the clock.
    public var fixedToday: LocalDate?
    /// The login name written to the change log with every change.
    public var login: String
    /// The data directory: where `kartlaggning.yaml` is read (and written on first use) and printed
    /// documents go. Nil in tests that need neither.
    public var dataDirectory: URL?
    /// Above this many participants the first screen is drawn from the first page before the rest loads.
    public var previewThreshold = 1500
    /// The template file's problem, remembered until the file or the stored versions change.
    let templateNotices = TemplateNoticeCache()
    /// Where the last load or refresh stopped reading the change log.
    let changeMark = ChangeMark()
    /// Weeks read ahead while the user was idle, valid while nothing is committed (the week view).
    let weekCache = WeekCache()
    /// A week the view asks for that is not read yet is read beside the UI's thread and arrives through
    /// `takeFinishedWork`, so no key waits for it (the terminal UI). Off: read at once, as tests and the
    /// benchmark expect the week on screen when the key has been handled.
    public var backgroundWeekReads = false
    /// Shown in the status line once the first screen is up (a storage warning), or nil.
    public var startupNotice: String?
    /// Where new records get their ids: the one identifier source of the UI's writes (tests inject their own).
    public var newID: @Sendable () -> String

    public init(
        store: CaseloadStore, catalogue: [InsatsType] = DefaultInsatsCatalogue.all,
        clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current,
        fixedToday: LocalDate? = nil, login: String = "okänd", dataDirectory: URL? = nil,
        newID: @escaping @Sendable () -> String = { var ids = RandomIdentifiers(); return ids.next() }
    ) {
        self.newID = newID
        self.login = login
        self.dataDirectory = dataDirectory
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.timeZone = timeZone
        self.fixedToday = fixedToday
    }

    public var today: LocalDate { fixedToday ?? LocalDate(clock(), in: timeZone) }

    /// The router: each feature's effects go to that feature's part of the runner (its folder here).
    public func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .caseload(let e): return [perform(e)]
        case .participant(let e): return perform(e)
        case .note(let e): return [.note(perform(e))]
        case .consent(let e): return [.consent(perform(e))]
        case .login(let e): return [.login(perform(e))]
        case .change(let e): return [.change(perform(e))]
        case .kartlaggning(let e): return [.kartlaggning(perform(e))]
        case .insats(let e): return [.insats(perform(e))]
        case .meeting(let e): return [.meeting(perform(e))]
        case .week(let e): return perform(e).map { [.week($0)] } ?? []
        }
    }

    /// The list needs coming meetings and recent contact, not years of history (never load everything on
    /// start); an opened participant loads its whole record.
    var meetingsSince: LocalDate { today.adding(days: -(CaseloadRules.contactWarningDays + 30)) }

    /// The team member whose login is the user's, for writes that are stamped with a person.
    func member() throws(StoreError) -> TeamMember? {
        try store.teamMember(login: login)
    }
}
