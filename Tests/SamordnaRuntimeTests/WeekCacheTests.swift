import Foundation
import SamordnaCore
import SamordnaUI
import Testing

@testable import SamordnaRuntime
@testable import SamordnaStore

/// The queue of week reads beside the UI's thread on its own: reads that run only when the test lets them
/// make every ordering repeatable (docs/architecture.md, "Idle work").
@Suite struct WeekCacheTests {
    static let w48 = IsoWeek(year: 2026, week: 48)!

    static func key(_ week: IsoWeek = w48, mark: Int = 1) -> WeekCache.Key {
        WeekCache.Key(
            week: week, mine: false, today: ProgramTests.today, login: "anna.af",
            mark: CommitMark(dataVersion: mark, ownChanges: 0))
    }

    /// An empty list for `week`, told apart from others by its gallring count.
    static func list(_ week: IsoWeek = w48, tag: Int) -> WeekList {
        var list = WeekList(
            week: week, today: ProgramTests.today, team: [], catalogue: [], reader: .team(nil), records: [],
            protectedPolicy: .onlyForResponsible)
        list.gallringDue = tag
        return list
    }

    /// Reads numbered by the test, which say in what order they ran; a blocked one waits for `release`.
    final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var order: [Int] = []
        private var gates: [Int: DispatchSemaphore] = [:]
        private var starts: [Int: DispatchSemaphore] = [:]

        func read(_ tag: Int, week: IsoWeek = WeekCacheTests.w48, blocked: Bool = false, fails: Bool = false)
            -> @Sendable () throws(StoreError) -> WeekList
        {
            let gate = blocked ? DispatchSemaphore(value: 0) : nil
            let started = DispatchSemaphore(value: 0)
            lock.withLock {
                gates[tag] = gate
                starts[tag] = started
            }
            return { [self] () throws(StoreError) -> WeekList in
                lock.withLock { order.append(tag) }
                started.signal()
                gate?.wait()
                if fails { throw StoreError.locked(path: "caseload.sqlite") }
                return WeekCacheTests.list(week, tag: tag)
            }
        }

        /// Waits until read `tag` has begun.
        func awaitStart(_ tag: Int) {
            lock.withLock { starts[tag] }?.wait()
        }

        func release(_ tag: Int) {
            lock.withLock { gates[tag] }?.signal()
        }

        var ran: [Int] { lock.withLock { order } }
    }

    @Test func aWeekTheViewAsksForGoesFirstAndWhatWasQueuedBeforeItIsDropped() {
        let cache = WeekCache()
        let reads = Reads()
        let (w47, w49, w50) = (Self.w48.previous, Self.w48.next, Self.w48.next.next)
        cache.readAhead(Self.key(), reads.read(1, blocked: true))
        reads.awaitStart(1)
        cache.readAhead(Self.key(w49), reads.read(2, week: w49))
        cache.readAhead(Self.key(w47), reads.read(3, week: w47))
        #expect(cache.request(Self.key(w50), reads.read(4, week: w50)) == nil)
        #expect(!cache.isKnown(Self.key(w49)) && !cache.isKnown(Self.key(w47)), "queued for the view's earlier position")
        #expect(cache.isDelivering)
        reads.release(1)
        cache.awaitReads()
        #expect(reads.ran == [1, 4])
        #expect(cache.takeFinished() == [.loaded(Self.list(w50, tag: 4))])
        #expect(!cache.isDelivering)
        // The read under way when the view asked was finished, but two weeks from the view it is not kept.
        #expect(!cache.isKnown(Self.key()))
        #expect(cache.request(Self.key(), reads.read(5)) == nil)
        cache.awaitReads()
        #expect(reads.ran == [1, 4, 5])
    }

    /// The view asks for its week, a commit comes, and it asks again: only what was read for the newer request
    /// is handed over, also when the older result is already read and not yet taken.
    @Test func anOlderResultForTheSameWeekIsNeverHandedOverAfterANewerRequest() {
        let cache = WeekCache()
        let reads = Reads()
        #expect(cache.request(Self.key(mark: 1), reads.read(1, blocked: true)) == nil)
        reads.awaitStart(1)
        #expect(cache.request(Self.key(mark: 2), reads.read(2)) == nil)
        reads.release(1)
        cache.awaitReads()
        #expect(reads.ran == [1, 2])
        #expect(cache.takeFinished() == [.loaded(Self.list(tag: 2))])

        // Read and waiting to be taken; then the same week at a newer commit, already read ahead: it is shown at
        // once, and the older one must not follow it.
        #expect(cache.request(Self.key(mark: 3), reads.read(3)) == nil)
        cache.awaitReads()
        cache.readAhead(Self.key(mark: 4), reads.read(4))
        cache.awaitReads()
        #expect(cache.request(Self.key(mark: 4), reads.read(5)) == Self.list(tag: 4))
        #expect(cache.takeFinished().isEmpty)
        #expect(!cache.isDelivering)

        // Asked for twice at the same commit: handed over once.
        #expect(cache.request(Self.key(mark: 6), reads.read(6, blocked: true)) == nil)
        #expect(cache.request(Self.key(mark: 6), reads.read(7)) == nil)
        reads.release(6)
        cache.awaitReads()
        #expect(cache.takeFinished() == [.loaded(Self.list(tag: 6))])
        #expect(reads.ran == [1, 2, 3, 4, 6])
    }

    /// A failed read ahead is not tried again between keys; the view asking for the week tries it again and
    /// is told why it failed.
    @Test func aFailedReadReachesTheViewAndOnlyTheViewTriesItAgain() {
        let cache = WeekCache()
        let reads = Reads()
        cache.readAhead(Self.key(), reads.read(1, fails: true))
        cache.awaitReads()
        #expect(cache.isKnown(Self.key()))
        #expect(cache.takeFinished().isEmpty, "nobody asked for it")
        cache.readAhead(Self.key(), reads.read(2))
        cache.awaitReads()
        #expect(reads.ran == [1])

        #expect(cache.request(Self.key(), reads.read(3, fails: true)) == nil)
        cache.awaitReads()
        #expect(reads.ran == [1, 3])
        #expect(cache.takeFinished() == [.failed("\(StoreError.locked(path: "caseload.sqlite"))", week: Self.w48, mine: false)])
        // After the next commit it is read again.
        #expect(cache.request(Self.key(mark: 2), reads.read(4)) == nil)
        cache.awaitReads()
        #expect(cache.takeFinished() == [.loaded(Self.list(tag: 4))])
    }

    /// A read queued under an older commit would be read for nothing, but the week the view waits for is read
    /// and handed over.
    @Test func aReadQueuedUnderAnOlderCommitIsDroppedButNotTheWeekTheViewWaitsFor() {
        let cache = WeekCache()
        let reads = Reads()
        let (w47, w49, w50) = (Self.w48.previous, Self.w48.next, Self.w48.next.next)
        cache.readAhead(Self.key(mark: 1), reads.read(1, blocked: true))
        reads.awaitStart(1)
        #expect(cache.request(Self.key(w50, mark: 1), reads.read(2, week: w50)) == nil)
        cache.readAhead(Self.key(w47, mark: 1), reads.read(3, week: w47))
        cache.readAhead(Self.key(w49, mark: 2), reads.read(4, week: w49))
        #expect(!cache.isKnown(Self.key(w47, mark: 1)))
        reads.release(1)
        cache.awaitReads()
        #expect(reads.ran == [1, 2, 4])
        #expect(cache.takeFinished() == [.loaded(Self.list(w50, tag: 2))])
        // What was read under the older commit is not kept: it must not push out what is read since.
        #expect(!cache.isKnown(Self.key(mark: 1)))
        #expect(cache.isKnown(Self.key(w49, mark: 2)))
    }

    /// Only the week the view shows and the weeks either side are kept (at city scale a list is megabytes); a
    /// week read ahead is kept even when the view is elsewhere, or the idle work would read it again.
    @Test func onlyTheWeeksNextToTheViewsAreKept() {
        let cache = WeekCache()
        let reads = Reads()
        let (w47, w49, w50) = (Self.w48.previous, Self.w48.next, Self.w48.next.next)
        #expect(cache.request(Self.key(), reads.read(1)) == nil)
        cache.readAhead(Self.key(w49), reads.read(2, week: w49))
        cache.readAhead(Self.key(w47), reads.read(3, week: w47))
        cache.awaitReads()
        #expect([Self.key(), Self.key(w49), Self.key(w47)].allSatisfy(cache.isKnown))
        // `]`: week 49 is shown at once; week 47 is two weeks away now and is let go, week 50 is read ahead.
        #expect(cache.request(Self.key(w49), reads.read(4, week: w49)) == Self.list(w49, tag: 2))
        #expect(!cache.isKnown(Self.key(w47)))
        cache.readAhead(Self.key(w50), reads.read(5, week: w50))
        cache.awaitReads()
        #expect([Self.key(), Self.key(w49), Self.key(w50)].allSatisfy(cache.isKnown))
        // Far from the view (this week read ahead on the list after the view was left): kept.
        let far = IsoWeek(year: 2027, week: 10)!
        cache.readAhead(Self.key(far), reads.read(6, week: far))
        cache.awaitReads()
        #expect(cache.isKnown(Self.key(far)))
        cache.readAhead(Self.key(far), reads.read(7, week: far))
        cache.awaitReads()
        #expect(reads.ran == [1, 2, 3, 5, 6], "read once")
    }

    /// The view's read on the UI's thread (no reads beside it) waits for a read ahead of the same week under
    /// way instead of reading again.
    @Test func aWeekAskedForWhileItIsReadAheadWaitsForThatRead() async {
        let cache = WeekCache()
        let reads = Reads()
        cache.readAhead(Self.key(), reads.read(1, blocked: true))
        reads.awaitStart(1)
        let waiter = Task.detached { cache.awaited(Self.key()) }
        // Released only once the waiter is waiting for the read under way.
        while cache.waiting == 0 { try? await Task.sleep(for: .milliseconds(1)) }
        reads.release(1)
        #expect(await waiter.value == Self.list(tag: 1))
        #expect(reads.ran == [1])
        #expect(cache.awaited(Self.key(mark: 2)) == nil, "not read at this commit")
    }
}
