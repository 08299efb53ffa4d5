import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI
import TerminalUI

/// The event loop: key → `Msg` → `update` → effects → `view` → diff → backend. One frame per batch of
/// pending input, so a paste or key repeat costs one redraw.
@MainActor
public final class Program {
    public enum Outcome: Equatable, Sendable {
        case quit
        case interrupted
        case hangup
    }

    private let backend: TerminalBackend
    private let runner: EffectRunner
    public private(set) var state: AppState
    private var previous: Buffer?
    private var lastDataVersion: Int?
    private var lastIdleTick = ContinuousClock.now
    /// How often to look for a colleague's commit and a new day while idle.
    public var pollInterval: Duration = .milliseconds(500)

    public init(backend: TerminalBackend, runner: EffectRunner, user: String, keymap: AppKeymap = DefaultKeymap.make()) {
        self.backend = backend
        self.runner = runner
        self.state = AppState(size: backend.size, today: runner.today, user: user, keymap: keymap)
        self.state.timeZone = runner.timeZone
    }

    /// Draws the first full screen, then loads the rest of a large caseload.
    public func start() {
        showFirstScreen()
        finishLoading()
        if let notice = runner.startupNotice {
            dispatch(.notice(notice))
            render()
        }
    }

    /// The first full screen: the whole caseload when it is small, else its first page in list order with
    /// the total count (the rest follows in `finishLoading`). Public for the benchmark.
    public func showFirstScreen() {
        lastDataVersion = try? runner.store.dataVersion()
        dispatch(.resized(backend.size))
        runEffects([.caseload(.loadPreview)])
        render()
    }

    /// Loads the whole caseload if only the first page is shown yet. Keys pressed meanwhile wait in the
    /// terminal and are handled after.
    public func finishLoading() {
        guard state.previewTotal != nil else { return }
        runEffects([.caseload(.load)])
        render()
    }

    /// Runs until the user quits or the terminal goes away.
    public func run() -> Outcome {
        start()
        var outcome = Outcome.quit
        while !state.shouldQuit {
            deliverFinishedWork()
            // Idle work (reading weeks ahead for the week view) is started one piece at a time while no key waits;
            // it runs beside this thread. A week the view waits for is looked for every few milliseconds.
            let idleWork = state.idleEffects.first { !runner.isIdleWorkDone($0) }
            let timeout = idleWork != nil ? .zero : runner.isAwaitingWork ? Self.awaitingPoll : pollInterval
            guard let event = backend.nextEvent(timeout: timeout) else {
                // A colleague's commit and a new day come first: they change what is on screen. Looked for once
                // per poll interval (a little early is as good: the wait itself may end a little early), not at
                // every short wait for a week being read.
                if ContinuousClock.now - lastIdleTick >= pollInterval - pollInterval / 10 {
                    idleTick()
                    lastIdleTick = .now
                } else if let idleWork {
                    runEffects([idleWork])
                }
                continue
            }
            // Everything already waiting is handled before drawing again; characters that arrived together
            // go into a text field as one edit (a paste of a long note is one insert, not thousands).
            var waiting = [event]
            while let more = backend.nextEvent(timeout: .zero) { waiting.append(more) }
            var i = 0
            while i < waiting.count, !state.shouldQuit {
                var run = ""
                var taken = 0  // events, not Characters: a combining mark joins the character before it
                if state.acceptsText {
                    while i + taken < waiting.count, case .key(let chord) = waiting[i + taken],
                        case .character(let c) = chord.key, !chord.control, !chord.alt
                    {
                        run.append(c)
                        taken += 1
                    }
                }
                if taken > 1 {
                    handle(.key(KeyChord(.text(run))))
                    i += taken
                } else {
                    if let o = handle(waiting[i]) { outcome = o }
                    i += 1
                }
            }
            render()
        }
        return outcome
    }

    /// Feeds one event through update and the effects. Public for the runtime tests and the benchmark.
    @discardableResult
    public func handle(_ event: InputEvent) -> Outcome? {
        switch event {
        case .key(let chord):
            // A key after midnight is handled on the new day (a week it asks for is read for that day).
            noticeNewDay()
            dispatch(.key(chord))
        case .resize(let size):
            previous = nil
            dispatch(.resized(size))
        case .interrupt:
            dispatch(.interrupt)
            // A changed form asks first; only a Ctrl-C that really ends the program is an interruption.
            return state.shouldQuit ? .interrupted : nil
        case .hangup:
            dispatch(.hangup)
            return .hangup
        }
        return nil
    }

    public func dispatch(_ msg: Msg) {
        runEffects(update(&state, msg))
    }

    /// Performs effects as if `update` had asked for them. Public for the runtime tests and the benchmark.
    public func perform(_ effects: [Effect]) {
        runEffects(effects)
    }

    private func runEffects(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            for msg in runner.perform(effect) {
                queue.append(contentsOf: update(&state, msg))
            }
        }
    }

    /// Does the idle work `run` would do between keys (the benchmark and tests, which feed keys themselves),
    /// and hands over what was read beside this thread.
    public func doIdleWork() {
        // A week delivered to the view makes its neighbours idle work in turn.
        repeat {
            while let work = state.idleEffects.first(where: { !runner.isIdleWorkDone($0) }) { runEffects([work]) }
            runner.awaitIdleWork()
        } while deliverFinishedWork()
    }

    /// How often the loop looks for a week being read for the view.
    static let awaitingPoll: Duration = .milliseconds(3)

    /// What was read beside this thread for the screen (a week the view asked for) goes through `update`,
    /// and the screen is drawn again.
    @discardableResult
    public func deliverFinishedWork() -> Bool {
        let finished = runner.takeFinishedWork()
        guard !finished.isEmpty else { return false }
        for msg in finished { runEffects(update(&state, msg)) }
        render()
        return true
    }

    /// Between keys: notice a colleague's commit (PRAGMA data_version) and a new day.
    public func idleTick() {
        var changed = false
        if let version = try? runner.store.dataVersion(), version != lastDataVersion {
            lastDataVersion = version
            dispatch(.storeChangedElsewhere)
            changed = true
        }
        if noticeNewDay() { changed = true }
        if changed { render() }
    }

    /// Moves the state to the runner's day when the clock has passed midnight; whether it did.
    @discardableResult
    private func noticeNewDay() -> Bool {
        let today = runner.today
        guard today != state.today else { return false }
        dispatch(.dayChanged(today))
        return true
    }

    /// Draws the current state: view, diff against the last frame, hand the changes to the backend.
    public func render() {
        let frame = view(state)
        let diff = frame.buffer.diff(from: previous)
        backend.draw(diff, cursor: frame.cursor)
        previous = frame.buffer
    }
}
