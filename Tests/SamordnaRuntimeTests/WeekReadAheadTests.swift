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
    func runner(_ caseload: ProgramTests.Caseload, background: Bool = false) -> EffectRunner {
        var r = EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: "anna.af")
        r.backgroundWeekReads = background
        return r
    }

    /// The week view on top of `program`'s screens, if it is there.
    @MainActor static func shownWeek(_ program: Program) -> WeekViewState? {
        guard case .weekView(let v)? = program.state.stack.last else { return nil }
        return v
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
        let r = runner(caseload, background: true)
        let backend = TextBackend(size: Size(width: 100, height: 30))
        let program = Program(backend: backend, runner: r, user: "anna.af")
        program.start()
        let fresh = EffectRunner(
            store: try CaseloadStore.open(at: caseload.databaseURL), timeZone: TimeZone(identifier: "Europe/Stockholm")!,
            fixedToday: ProgramTests.today, login: "anna.af")
        func shown() -> WeekViewState? { Self.shownWeek(program) }

        program.handle(.key(KeyChord(parsing: "v")!))
        program.render()
        let opened = try #require(shown())
        #expect(opened.isLoading && opened.list == nil)
        #expect(backend.screen.text.contains("Läser veckan"))
        program.doIdleWork()
        let list = try #require(shown()?.list)
        #expect(fresh.perform(.week(.load(opened.week, mine: false))) == [.week(.loaded(list))])
        #expect(r.isIdleWorkDone(.week(.prefetch(opened.week.next, mine: false))), "the week delivered makes its neighbours idle work")
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

    /// The real loop with the week view open and reads beside its thread: `run()` itself hands over the week
    /// asked for, reads the neighbouring weeks between keys so `]` shows one at once, and follows a
    /// colleague's commit.
    @Test @MainActor func runShowsTheWeekPagesAtOnceAndFollowsAColleague() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 60)
        let r = runner(caseload, background: true)
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        let program = Program(backend: backend, runner: r, user: "anna.af")
        program.pollInterval = .milliseconds(40)
        func shown() -> WeekViewState? { Self.shownWeek(program) }
        let thisWeek = IsoWeek(containing: ProgramTests.today)
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        backend.steps = [
            .key("v"),
            .until("the week on screen") { shown()?.list != nil && !backend.text.screen.text.contains("Läser veckan") },
            .until("the weeks around it read ahead") {
                r.isIdleWorkDone(.week(.prefetch(thisWeek.next, mine: false)))
                    && r.isIdleWorkDone(.week(.prefetch(thisWeek.previous, mine: false))) && !r.isAwaitingWork
            },
            .run { r.awaitIdleWork() },  // a pause before the key, as a user's
            .key("]"),
            .check("] shows the week read ahead at once") { shown()?.week == thisWeek.next && shown()?.list != nil },
            .run {
                // A participant on the week's first line is renamed by a colleague (another connection).
                guard let id = shown()?.lines.compactMap(\.target).first?.participant,
                    let someone = try? colleague.participant(id)
                else {
                    Issue.record("no participant on the week's lines")
                    return
                }
                var renamed = someone
                renamed.lastName = "Ändradsson"
                _ = try? colleague.updateParticipant(renamed, expectedVersion: someone.version, by: "bjorn.soc", at: Date())
            },
            .until("the colleague's change on screen") {
                backend.text.screen.text.contains("Ändradsson") && shown()?.isRefreshing == false
            },
            .key("<Esc>"),
            .check("back on the list") { program.state.stack.isEmpty },
            .key("q"),
        ]
        #expect(program.run() == .quit)
        #expect(backend.failures.isEmpty, "\(backend.failures)")
    }
}

/// A terminal whose keys come when what the test waits for has happened, so `run()` itself does the idle work
/// and hands over what was read beside its thread. A wait that lasts over 20 s is a failure, and hangs up.
/// Driven by `Program.run()` on the main actor, where the steps run.
final class ScriptedBackend: TerminalBackend {
    enum Step {
        case key(String)
        /// Waits until the condition holds.
        case until(String, @MainActor () -> Bool)
        /// Must hold when reached (after the key before it has been handled and drawn).
        case check(String, @MainActor () -> Bool)
        case run(@MainActor () -> Void)
    }

    let text: TextBackend
    var steps: [Step] = []
    private(set) var failures: [String] = []
    private var waitingSince: ContinuousClock.Instant?
    /// A key was just handed out: the loop's look for more keys in the same batch gets none, so the key is
    /// handled and drawn before the next step.
    private var endBatch = false
    private var hungUp = false

    init(size: Size) { text = TextBackend(size: size) }

    var size: Size { text.size }

    func nextEvent(timeout: Duration?) -> InputEvent? {
        if endBatch {
            endBatch = false
            return nil
        }
        while let step = steps.first {
            switch step {
            case .key(let notation):
                steps.removeFirst()
                endBatch = true
                return .key(KeyChord(parsing: notation)!)
            case .run(let action):
                steps.removeFirst()
                MainActor.assumeIsolated { action() }
            case .check(let label, let holds):
                steps.removeFirst()
                if !MainActor.assumeIsolated({ holds() }) { failures.append(label) }
            case .until(let label, let holds):
                if MainActor.assumeIsolated({ holds() }) {
                    steps.removeFirst()
                    waitingSince = nil
                    continue
                }
                let since = waitingSince ?? .now
                waitingSince = since
                if ContinuousClock.now - since > .seconds(20) {
                    failures.append("timed out: \(label)\n\(text.screen.text)")
                    steps = []
                    continue
                }
                // Nothing yet: as a terminal with no key pressed (a short wait, so the check comes again soon).
                if let timeout, timeout > .zero { Thread.sleep(forTimeInterval: 0.002) }
                return nil
            }
        }
        // The script is over: the terminal goes away (once; the loop then ends).
        if hungUp { return nil }
        hungUp = true
        return .hangup
    }

    func draw(_ diff: BufferDiff, cursor: Point?) { text.draw(diff, cursor: cursor) }
    func suspend() {}
    func resume() {}
}
