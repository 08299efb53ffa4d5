import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore
import SamordnaUI

/// The veckolista: one week read with the store's indexed range queries (never the whole caseload), built
/// by Core's `WeekList` for the logged-in member, and exported pseudonymised to a private file.
extension EffectRunner {
    func perform(_ effect: WeekEffect) -> WeekMsg? {
        switch effect {
        case .load(let week, let mine):
            do {
                return .loaded(try cachedWeek(week, mine: mine))
            } catch {
                return .failed("\(error)")
            }
        case .prefetch(let week, let mine):
            do {
                _ = try cachedWeek(week, mine: mine)
            } catch {
                // Not tried again until something is committed; the week is read when it is asked for.
                if let key = try? weekKey(week, mine: mine) { weekCache.failed.insert(key) }
            }
            return nil
        case .export(let week, let mine, let format):
            guard let dir = dataDirectory else { return .exportFailed("ingen datakatalog att skriva till") }
            do {
                let (list, people) = try weekListAndPeople(week, mine: mine, protectedPolicy: .leaveOut)
                let export = WeekListExport(list: list, names: false, codeSalt: UInt64.random(in: .min ... .max), generated: clock())
                let text: String
                switch format {
                case .csv: text = export.csv()
                case .md: text = export.markdown()
                case .html: text = export.html()
                case .ics: text = export.ics()
                case .json: text = export.json()
                }
                let folder = dir.appendingPathComponent("exporter").path
                try FileWriter.makeDirectory(folder)
                let path = folder + "/veckolista-\(week)\(mine ? "-min" : "").\(format.rawValue)"
                // Logged before the file is written: an export that cannot be logged is not made.
                let ids = people
                guard logAccess(AccessRequest(
                    action: .export, participants: ids, format: format.rawValue, withNames: false,
                    detail: "x veckolista \(week)\(mine ? " min" : "")"))
                else { return .exportFailed("åtkomstloggen kunde inte skrivas") }
                // Samordna's own earlier export of the same week is replaced; anything else is refused.
                try FileWriter.write(text, to: path, options: WriteOptions(existing: .replace))
                return .exported(path: path)
            } catch {
                return .exportFailed("\(error)")
            }
        }
    }

    /// The week for the view: from the cache when it was read since the last commit (by anyone), else read.
    private func cachedWeek(_ week: IsoWeek, mine: Bool) throws(StoreError) -> WeekList {
        let key = try weekKey(week, mine: mine)
        if let list = weekCache.lists[key] { return list }
        let list = try weekListAndPeople(week, mine: mine, protectedPolicy: .onlyForResponsible).list
        // Only the weeks around the one on screen are worth keeping; a commit makes them all stale.
        weekCache.lists = weekCache.lists.filter { $0.key.mark == key.mark && abs($0.key.week.monday.days(until: week.monday)) <= 14 }
        weekCache.failed = weekCache.failed.filter { $0.mark == key.mark }
        weekCache.lists[key] = list
        return list
    }

    private func weekKey(_ week: IsoWeek, mine: Bool) throws(StoreError) -> WeekCache.Key {
        WeekCache.Key(week: week, mine: mine, today: today, login: login, mark: try store.commitMark())
    }

    /// Whether `effect` is idle work already done: a week read (or tried) since the last commit.
    public func isIdleWorkDone(_ effect: Effect) -> Bool {
        guard case .week(.prefetch(let week, let mine)) = effect, let key = try? weekKey(week, mine: mine) else { return true }
        return weekCache.lists[key] != nil || weekCache.failed.contains(key)
    }

    /// The list and the participants it was made from, without skyddade personuppgifter (for the access log).
    private func weekListAndPeople(_ week: IsoWeek, mine: Bool, protectedPolicy: WeekList.ProtectedPolicy)
        throws(StoreError) -> (list: WeekList, people: [Participant.ID])
    {
        let me = try member()
        let data = try store.weekData(week: week, today: today, reader: me?.id, catalogue: catalogue)
        let reader: WeekList.Reader = mine && me != nil ? .mine(me!) : .team(me)
        var list = WeekList(
            week: week, today: today, team: data.team, catalogue: catalogue, reader: reader, records: data.records,
            protectedPolicy: protectedPolicy, state: data.state)
        list.gallringDue = try store.gallringDueCount(today: today)
        return (list, data.covered)
    }
}

/// The week view's lists read ahead (`WeekEffect.prefetch`), by week, Min/Teamets vecka, day, login and the
/// store's commit mark. A reference, so the value-type runner keeps it between effects; used on the UI's
/// thread only.
final class WeekCache: @unchecked Sendable {
    struct Key: Hashable {
        var week: IsoWeek
        var mine: Bool
        var today: LocalDate
        var login: String
        var mark: CommitMark
    }

    var lists: [Key: WeekList] = [:]
    /// Weeks whose read ahead failed: not tried again between keys until the next commit.
    var failed: Set<Key> = []
}
