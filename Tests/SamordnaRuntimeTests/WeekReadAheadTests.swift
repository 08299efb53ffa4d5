import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// Between keys the program reads the weeks next to the one the week view shows, so `[` and `]` show a week
/// already read; whatever anyone commits makes what was read ahead stale (docs/week-list.md).
@Suite struct WeekReadAheadTests {
    func runner(_ caseload: ProgramTests.Caseload) -> EffectRunner {
        EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: "anna.af")
    }

    @Test @MainActor func theNeighbouringWeeksAreReadBetweenKeysAndACommitMakesThemStale() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 60)
        let r = runner(caseload)
        let program = Program(backend: TextBackend(size: Size(width: 100, height: 30)), runner: r, user: "anna.af")
        program.start()
        program.handle(.key(KeyChord(parsing: "v")!))
        guard case .weekView(let v)? = program.state.stack.last else {
            Issue.record("no week view")
            return
        }
        let next = Effect.week(.prefetch(v.week.next, mine: false))
        let previous = Effect.week(.prefetch(v.week.previous, mine: false))
        #expect(program.state.idleEffects == [next, previous])
        #expect(!r.isIdleWorkDone(next) && !r.isIdleWorkDone(previous))
        program.doIdleWork()
        #expect(r.isIdleWorkDone(next) && r.isIdleWorkDone(previous))

        // `]` shows the week read ahead, the same as a fresh read.
        program.handle(.key(KeyChord(parsing: "]")!))
        guard case .weekView(let shown)? = program.state.stack.last, let list = shown.list else {
            Issue.record("no week after ]")
            return
        }
        #expect(shown.week == v.week.next)
        let fresh = EffectRunner(
            store: try CaseloadStore.open(at: caseload.databaseURL), timeZone: TimeZone(identifier: "Europe/Stockholm")!,
            fixedToday: ProgramTests.today, login: "anna.af")
        #expect(fresh.perform(.week(.load(v.week.next, mine: false))) == [.week(.loaded(list))])

        // A colleague's commit (another process) and one of our own each make the read-ahead stale.
        program.doIdleWork()
        let after = Effect.week(.prefetch(v.week.next.next, mine: false))
        #expect(r.isIdleWorkDone(after))
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        let someone = try #require(try colleague.participants().first)
        var changed = someone
        changed.phone = "070-123 45 67"
        _ = try colleague.updateParticipant(changed, expectedVersion: someone.version, by: "bjorn.soc", at: Date())
        #expect(!r.isIdleWorkDone(after), "a colleague's commit")
        program.doIdleWork()
        #expect(r.isIdleWorkDone(after))
        _ = try caseload.store.logAccess(
            .read, participant: someone.id, participants: 1, format: "tui", withNames: true, detail: "test", by: "anna.af",
            at: Date())
        #expect(!r.isIdleWorkDone(after), "our own commit")
    }

    /// On the caseload list this week is read ahead, so that `v` shows a week already read; a `v` pressed
    /// while that read is under way waits for it instead of reading again. Nothing is read ahead behind
    /// another screen.
    @Test @MainActor func onTheListThisWeekIsReadAheadAndVShowsIt() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 40)
        let r = runner(caseload)
        let program = Program(backend: TextBackend(size: Size(width: 100, height: 30)), runner: r, user: "anna.af")
        program.start()
        let thisWeek = Effect.week(.prefetch(IsoWeek(containing: ProgramTests.today), mine: false))
        #expect(program.state.idleEffects == [thisWeek])
        #expect(!r.isIdleWorkDone(thisWeek))
        // Started, not waited for: the UI's thread goes on at once.
        program.perform([thisWeek])
        #expect(r.isIdleWorkDone(thisWeek))
        program.handle(.key(KeyChord(parsing: "v")!))
        guard case .weekView(let v)? = program.state.stack.last, let list = v.list else {
            Issue.record("no week after v")
            return
        }
        let fresh = EffectRunner(
            store: try CaseloadStore.open(at: caseload.databaseURL), timeZone: TimeZone(identifier: "Europe/Stockholm")!,
            fixedToday: ProgramTests.today, login: "anna.af")
        #expect(fresh.perform(.week(.load(v.week, mine: false))) == [.week(.loaded(list))])

        // Back on the list, then into a participant: nothing to read ahead there.
        program.handle(.key(KeyChord(parsing: "<Esc>")!))
        #expect(program.state.idleEffects == [thisWeek])
        program.handle(.key(KeyChord(parsing: "<Enter>")!))
        #expect(program.state.stack.isEmpty == false)
        #expect(program.state.idleEffects.isEmpty)
    }

    /// In the terminal a week not read yet is read beside the UI's thread: the key is answered at once with
    /// "Läser veckan …" (never the week before under the new week's title), the week arrives through the
    /// event loop, and a week read for an earlier key (paged past, or the other list) is never shown.
    @Test @MainActor func aWeekNotReadYetArrivesFromBesideTheUIsThread() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 40)
        var r = runner(caseload)
        r.backgroundWeekReads = true
        let backend = TextBackend(size: Size(width: 100, height: 30))
        let program = Program(backend: backend, runner: r, user: "anna.af")
        program.start()
        let fresh = EffectRunner(
            store: try CaseloadStore.open(at: caseload.databaseURL), timeZone: TimeZone(identifier: "Europe/Stockholm")!,
            fixedToday: ProgramTests.today, login: "anna.af")
        func shown() -> WeekViewState? {
            guard case .weekView(let v)? = program.state.stack.last else { return nil }
            return v
        }

        program.handle(.key(KeyChord(parsing: "v")!))
        program.render()
        let opened = try #require(shown())
        #expect(opened.isLoading && opened.list == nil)
        #expect(backend.screen.text.contains("Läser veckan"))
        program.doIdleWork()
        let list = try #require(shown()?.list)
        #expect(fresh.perform(.week(.load(opened.week, mine: false))) == [.week(.loaded(list))])
        #expect(!backend.screen.text.contains("Läser veckan"))

        // `]` then `[` before either is read (a commit first, so nothing read ahead is used): the week shown
        // is the one asked for last, and the screen never shows the old week's lines under the new title.
        _ = try caseload.store.logAccess(
            .read, participant: nil, participants: 0, format: "tui", withNames: false, detail: "test", by: "anna.af", at: Date())
        program.handle(.key(KeyChord(parsing: "]")!))
        #expect(shown()?.week == opened.week.next)
        #expect(shown()?.lines.isEmpty == true)
        program.handle(.key(KeyChord(parsing: "[")!))
        program.doIdleWork()
        #expect(shown()?.week == opened.week)
        #expect(shown()?.list == list)

        // Min vecka and back before Min vecka is read: Teamets vecka (read, so shown at once) stays when Min
        // vecka arrives after it.
        program.handle(.key(KeyChord(parsing: "m")!))
        #expect(shown()?.mine == true && shown()?.list == nil)
        program.handle(.key(KeyChord(parsing: "m")!))
        #expect(shown()?.mine == false && shown()?.list == list)
        r.awaitIdleWork()
        program.deliverFinishedWork()
        #expect(shown()?.mine == false)
        #expect(shown()?.list?.reader.onlyMine == false)
        #expect(shown()?.list == list)
    }
}
