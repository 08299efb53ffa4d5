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
                if backgroundWeekReads {
                    // A week already read answers at once; else the view says it is reading and the week
                    // arrives from beside the UI's thread (`takeFinishedWork`), keys meanwhile handled at once.
                    let key = try weekKey(week, mine: mine)
                    return weekCache.request(key, viewRead(key)).map { .loaded($0) }
                }
                return .loaded(try cachedWeek(week, mine: mine))
            } catch {
                return .failed("\(error)", week: week, mine: mine)
            }
        case .prefetch(let week, let mine):
            // Beside the UI's thread; a failure is not tried again until something is committed, and the week
            // is read (and the error shown) when it is asked for.
            if let key = try? weekKey(week, mine: mine) { weekCache.readAhead(key, viewRead(key)) }
            return nil
        case .export(let week, let mine, let format):
            guard let dir = dataDirectory else { return .exportFailed("ingen datakatalog att skriva till") }
            do {
                let (list, people) = try Self.readWeek(
                    week, mine: mine, store: store, catalogue: catalogue, today: today, login: login, protectedPolicy: .leaveOut)
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

    /// The week for the view: from the cache when it was read since the last commit (by anyone); when it is
    /// being read ahead, that read is awaited (it started earlier); else it is read here.
    private func cachedWeek(_ week: IsoWeek, mine: Bool) throws(StoreError) -> WeekList {
        let key = try weekKey(week, mine: mine)
        if let list = weekCache.awaited(key) { return list }
        let list = try viewRead(key)()
        weekCache.keep(list, for: key)
        return list
    }

    /// The view's read of `key`'s week, on the day of the key (a read that runs past midnight is kept under
    /// the day it was asked for); safe to run beside the UI's thread.
    private func viewRead(_ key: WeekCache.Key) -> @Sendable () throws(StoreError) -> WeekList {
        let (store, catalogue, login) = (store, catalogue, login)
        return { () throws(StoreError) -> WeekList in
            try Self.readWeek(
                key.week, mine: key.mine, store: store, catalogue: catalogue, today: key.today, login: login,
                protectedPolicy: .onlyForResponsible
            ).list
        }
    }

    private func weekKey(_ week: IsoWeek, mine: Bool) throws(StoreError) -> WeekCache.Key {
        WeekCache.Key(week: week, mine: mine, today: today, login: login, mark: try store.commitMark())
    }

    /// Whether `effect` is idle work already done or under way: a week read, being read or tried since the
    /// last commit.
    public func isIdleWorkDone(_ effect: Effect) -> Bool {
        guard case .week(.prefetch(let week, let mine)) = effect, let key = try? weekKey(week, mine: mine) else { return true }
        return weekCache.isKnown(key)
    }

    /// Waits until the weeks being read ahead are read (the benchmark and tests, which time keys after a pause).
    public func awaitIdleWork() {
        weekCache.awaitReads()
    }

    /// Whether a week the view asked for is being read beside the UI's thread: the event loop then looks for
    /// it often.
    public var isAwaitingWork: Bool { weekCache.isDelivering }

    /// The weeks the view asked for that have been read since the last call (or failed), as messages.
    public func takeFinishedWork() -> [Msg] {
        weekCache.takeFinished().map { .week($0) }
    }

    /// One week read and built for `login`: on the UI's thread or beside it (everything it uses is a value or
    /// the store, which is safe to share). With the participants it was made from, without skyddade
    /// personuppgifter (what an export logs).
    private static func readWeek(
        _ week: IsoWeek, mine: Bool, store: CaseloadStore, catalogue: [InsatsType], today: LocalDate, login: String,
        protectedPolicy: WeekList.ProtectedPolicy
    ) throws(StoreError) -> (list: WeekList, people: [Participant.ID]) {
        let me = try store.teamMember(login: login)
        let reader: WeekList.Reader = mine && me != nil ? .mine(me!) : .team(me)
        let (list, data) = try store.weekList(
            week: week, today: today, reader: reader, catalogue: catalogue, protectedPolicy: protectedPolicy)
        return (list, data.covered)
    }
}

/// The week view's lists read ahead (`WeekEffect.prefetch`), by week, Min/Teamets vecka, day, login and the
/// store's commit mark. Reads run one at a time on their own queue, beside the UI's thread, so a key pressed
/// meanwhile is handled at once. A week the view asks for goes before every read ahead, and asking for one
/// drops what was queued for the view's earlier position; a read queued under an older commit mark is
/// dropped. A week asked for while it is being read waits for that read. A reference, so the value-type
/// runner keeps it between effects.
final class WeekCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var week: IsoWeek
        var mine: Bool
        var today: LocalDate
        var login: String
        var mark: CommitMark
    }

    private struct Pending {
        var key: Key
        var read: @Sendable () throws(StoreError) -> WeekList
    }

    // Guarded by `lock`.
    private var lists: [Key: WeekList] = [:]
    /// Weeks whose read ahead failed: not tried again between keys until the next commit.
    private var failed: Set<Key> = []
    /// Queued or being read, each with the group its readers wait on.
    private var reading: [Key: DispatchGroup] = [:]
    private var pending: [Pending] = []
    private var draining = false
    /// The week the view asked for (`backgroundWeekReads`): its result is handed to the event loop.
    private var wanted: Key?
    private var finished: [WeekMsg] = []
    private var waitingCount = 0
    /// The commit mark of the latest key the UI's thread used: anything else is stale.
    private var current: CommitMark?
    /// The week the view shows (the last it asked for): only the lists of the weeks next to it are kept.
    private var anchor: IsoWeek?
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "samordna.week-read-ahead", qos: .userInitiated)

    /// The week read for `key`, waiting for a read under way or queued; nil when it is not read (or failed).
    func awaited(_ key: Key) -> WeekList? {
        lock.lock()
        moveAnchor(to: key.week)
        let list = lists[key]
        let group = reading[key]
        if list == nil, group != nil, let i = pending.firstIndex(where: { $0.key == key }) {
            // Asked for now: first in the queue.
            pending.insert(pending.remove(at: i), at: 0)
        }
        if list == nil, group != nil { waitingCount += 1 }
        lock.unlock()
        if let list { return list }
        guard let group else { return nil }
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        waitingCount -= 1
        return lists[key]
    }

    /// How many callers of `awaited` wait for a read (tests).
    var waiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return waitingCount
    }

    var isDelivering: Bool {
        lock.lock()
        defer { lock.unlock() }
        return wanted != nil || !finished.isEmpty
    }

    func takeFinished() -> [WeekMsg] {
        lock.lock()
        defer { lock.unlock() }
        let taken = finished
        finished = []
        return taken
    }

    func isKnown(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return lists[key] != nil || failed.contains(key) || reading[key] != nil
    }

    /// Keeps `list`; of the others, only the weeks next to the one the view shows, read since the same commit.
    func keep(_ list: WeekList, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        current = key.mark
        keepLocked(list, for: key)
    }

    private func keepLocked(_ list: WeekList, for key: Key) {
        // A read that ran across a commit is stale: it must not push out what was read since.
        if let current, key.mark != current { return }
        current = key.mark
        lists = lists.filter { $0.key.mark == key.mark && Self.isNext(to: anchor ?? key.week, $0.key.week) }
        failed = failed.filter { $0.mark == key.mark }
        // Kept whatever the view shows, or the idle work would read it again and again.
        lists[key] = list
    }

    /// The view is at `week`: the lists of weeks further away are let go (at 10 000 participants a week's
    /// list is some megabytes). Called with `lock` held.
    private func moveAnchor(to week: IsoWeek) {
        anchor = week
        let away = lists.filter { !Self.isNext(to: week, $0.key.week) }
        guard !away.isEmpty else { return }
        lists = lists.filter { Self.isNext(to: week, $0.key.week) }
        // Freed on the read queue: freeing a list of thousands of items would take a millisecond or two of the key.
        queue.async { withExtendedLifetime(away) {} }
    }

    /// The week itself or the week before or after it.
    static func isNext(to anchor: IsoWeek, _ week: IsoWeek) -> Bool { abs(week.monday.days(until: anchor.monday)) <= 7 }

    /// The view asks for `key`'s week: the week when it is read, else nil and its read goes first in the
    /// queue (a week whose read ahead failed is tried again), and its result, or why it failed, is handed to
    /// `takeFinished`. Each request replaces the one before: what was queued for the view's earlier position
    /// is dropped, and a result read for it and not yet taken is never handed over (it could be older than
    /// this request, for the same week).
    func request(_ key: Key, _ read: @escaping @Sendable () throws(StoreError) -> WeekList) -> WeekList? {
        lock.lock()
        defer { lock.unlock() }
        finished = []
        wanted = nil
        moveAnchor(to: key.week)
        dropStale(key.mark)
        if let list = lists[key] { return list }
        wanted = key
        failed.remove(key)
        drop { $0.key != key }
        if reading[key] != nil {
            // Queued (first now) or under way: its result is handed over.
            if let i = pending.firstIndex(where: { $0.key == key }) { pending.insert(pending.remove(at: i), at: 0) }
        } else {
            enqueue(Pending(key: key, read: read), first: true)
        }
        return nil
    }

    /// Queues a read of `key` beside the UI's thread unless it is read, queued, being read or failed since
    /// the last commit; nobody waits for it.
    func readAhead(_ key: Key, _ read: @escaping @Sendable () throws(StoreError) -> WeekList) {
        lock.lock()
        defer { lock.unlock() }
        dropStale(key.mark)
        guard lists[key] == nil, !failed.contains(key), reading[key] == nil else { return }
        enqueue(Pending(key: key, read: read), first: false)
    }

    /// `mark` is the newest commit: anything queued under an older one would be read for nothing, but the
    /// week the view waits for. Called with `lock` held.
    private func dropStale(_ mark: CommitMark) {
        current = mark
        drop { $0.key.mark != mark && $0.key != wanted }
    }

    /// Called with `lock` held.
    private func enqueue(_ item: Pending, first: Bool) {
        let group = DispatchGroup()
        group.enter()
        reading[item.key] = group
        if first { pending.insert(item, at: 0) } else { pending.append(item) }
        if !draining {
            draining = true
            queue.async { [self] in drain() }
        }
    }

    /// Drops queued reads (not one being read); their waiters are let go. Called with `lock` held.
    private func drop(where unwanted: (Pending) -> Bool) {
        pending.removeAll { item in
            guard unwanted(item) else { return false }
            reading.removeValue(forKey: item.key)?.leave()
            return true
        }
    }

    /// Reads what is queued, one at a time, until nothing is.
    private func drain() {
        while true {
            lock.lock()
            guard !pending.isEmpty else {
                draining = false
                lock.unlock()
                return
            }
            let item = pending.removeFirst()
            lock.unlock()
            let result = Result { () throws(StoreError) -> WeekList in try item.read() }
            lock.lock()
            let group = reading.removeValue(forKey: item.key)
            switch result {
            case .success(let list): keepLocked(list, for: item.key)
            case .failure: failed.insert(item.key)
            }
            if wanted == item.key {
                wanted = nil
                switch result {
                case .success(let list): finished.append(.loaded(list))
                case .failure(let error):
                    finished.append(.failed("\(error)", week: item.key.week, mine: item.key.mine))
                }
            }
            lock.unlock()
            group?.leave()
        }
    }

    func awaitReads() {
        queue.sync {}
    }
}
