import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// The only code that touches the store, the clock and the environment on the UI's behalf. It performs
/// `Effect`s and answers with `Msg`s. Tests build it with a temporary database and a fixed clock.
public struct EffectRunner {
    public var store: CaseloadStore
    public var catalogue: [InsatsType]
    public var clock: @Sendable () -> Date
    public var timeZone: TimeZone
    /// A fixed "today" (from `--today`), or nil to follow the clock.
    public var fixedToday: LocalDate?

    public init(
        store: CaseloadStore, catalogue: [InsatsType] = DefaultInsatsCatalogue.all,
        clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current,
        fixedToday: LocalDate? = nil
    ) {
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.timeZone = timeZone
        self.fixedToday = fixedToday
    }

    public var today: LocalDate { fixedToday ?? LocalDate(clock(), in: timeZone) }

    public func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .loadCaseload:
            do {
                // The list needs coming meetings and recent contact, not years of history (design.md §7:
                // never load everything on start); an opened participant loads its whole record.
                let since = today.adding(days: -(CaseloadRules.contactWarningDays + 30))
                let records = try store.loadCaseload(meetingsSince: since)
                let team = try store.teamMembers()
                return [.caseloadLoaded(Caseload(records: records, team: team, catalogue: catalogue))]
            } catch {
                return [.caseloadFailed(String(describing: error))]
            }
        case .loadRecord(let id):
            // A failed or vanished record leaves the overview as it is, built from the list's data.
            guard let record = try? store.record(id) else { return [] }
            return [.recordLoaded(record)]
        }
    }
}
