import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI

/// Child: the veckolista in the terminal (`v` on the list) read as a team member: opening it, moving a line
/// (`j`) and paging a week forward and back (`]` `[`), each as update + effects + view + diff + draw.
/// Opening and paging are timed twice: as a person works, after a pause in which the program reads ahead
/// (this week on the list, the neighbouring weeks in the view; `Program.doIdleWork`, not timed), and cold,
/// right after a commit (a colleague's save) has made what was read stale. Cold paging is also timed as the
/// terminal UI does it, the week read beside the UI's thread: until the key's frame is drawn, and until the
/// week is on screen. Prints `WEEKVIEW open-cold page page-p90 move cold cold-p90 open open-p90 answered
/// answered-p90 arrived arrived-p90` as medians in ms. Budget
/// (docs/benchmarks.md): ≤ 16 ms per key at 10 000 participants.
@MainActor
func weekViewChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])
    let store = try CaseloadStore.open(at: directory.databaseURL)
    let login = try store.teamMembers().first { $0.active }?.login ?? "bench"
    let program = Program(
        backend: BenchBackend(size: Size(width: 120, height: 40)), runner: EffectRunner(store: store, fixedToday: today),
        user: login)
    program.start()
    var opens: [Duration] = []
    var pages: [Duration] = []
    var moves: [Duration] = []
    func press(_ key: String) -> Duration {
        let begin = ContinuousClock.now
        program.handle(.key(KeyChord(parsing: key)!))
        program.render()
        return ContinuousClock.now - begin
    }
    var colds: [Duration] = []
    /// A commit (a line in the access log), so that nothing read before is used again: the open and the
    /// cold keys are timed reading the week.
    func commit() {
        _ = try? store.logAccess(
            .read, participant: nil, participants: 0, format: "bench", withNames: false, detail: "bench", by: login, at: Date())
    }
    var pausedOpens: [Duration] = []
    for round in 0..<10 {
        // `v` after a pause on the list, in which this week is read ahead (as a person opens it), then
        // cold, right after a commit.
        program.doIdleWork()
        pausedOpens.append(press("v"))
        _ = press("<Esc>")
        commit()
        opens.append(press("v"))
        for i in 0..<6 {
            program.doIdleWork()
            pages.append(press(i % 2 == 0 ? "]" : "["))
        }
        // Cold: a week on right after a commit, before anything could be read ahead.
        commit()
        colds.append(press("]"))
        for _ in 0..<20 { moves.append(press("j")) }
        _ = press("<Esc>")
        _ = round
    }
    if !program.state.stack.isEmpty { _ = press("<Esc>") }

    // As the terminal UI runs it: a week not read yet is read beside the UI's thread. Timed cold (right after
    // a commit): the key until its frame is drawn, and the key until the week is on screen.
    var runner = EffectRunner(store: store, fixedToday: today)
    runner.backgroundWeekReads = true
    let background = Program(backend: BenchBackend(size: Size(width: 120, height: 40)), runner: runner, user: login)
    background.start()
    background.handle(.key(KeyChord(parsing: "v")!))
    background.doIdleWork()
    var answered: [Duration] = []
    var arrived: [Duration] = []
    for i in 0..<10 {
        commit()
        let begin = ContinuousClock.now
        background.handle(.key(KeyChord(parsing: i % 2 == 0 ? "]" : "[")!))
        background.render()
        answered.append(ContinuousClock.now - begin)
        while true {
            background.deliverFinishedWork()
            if case .weekView(let v)? = background.state.stack.last, v.list != nil { break }
            usleep(200)
        }
        arrived.append(ContinuousClock.now - begin)
    }
    print(
        "WEEKVIEW \(ms(median(opens))) \(ms(median(pages))) \(ms(percentile(pages, 0.9))) \(ms(median(moves))) "
            + "\(ms(median(colds))) \(ms(percentile(colds, 0.9))) \(ms(median(pausedOpens))) \(ms(percentile(pausedOpens, 0.9))) "
            + "\(ms(median(answered))) \(ms(percentile(answered, 0.9))) \(ms(median(arrived))) \(ms(percentile(arrived, 0.9)))")
}
