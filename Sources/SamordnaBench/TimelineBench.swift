import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI

/// Child: the team timeline (`t` on the list) over every participant: opening it, and each key while in it
/// (moving, paging, moving in time), as update + view + diff + draw. Prints `TIMELINE open key p99 time`
/// as medians in ms.
@MainActor
func timelineChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])
    let store = try CaseloadStore.open(at: directory.databaseURL)
    let program = Program(
        backend: BenchBackend(size: Size(width: 120, height: 40)), runner: EffectRunner(store: store, fixedToday: today),
        user: "bench")
    program.start()
    var opens: [Duration] = []
    var keys: [Duration] = []
    var shifts: [Duration] = []
    func press(_ key: String) -> Duration {
        let begin = ContinuousClock.now
        program.handle(.key(KeyChord(parsing: key)!))
        program.render()
        return ContinuousClock.now - begin
    }
    for _ in 0..<20 {
        opens.append(press("t"))
        for i in 0..<100 { keys.append(press(i % 10 == 9 ? "<PgDn>" : "j")) }
        for i in 0..<6 { shifts.append(press(i % 2 == 0 ? "]" : "[")) }
        _ = press("G")
        _ = press("<Esc>")
    }
    precondition(program.state.stack.isEmpty, "the timeline did not close")
    print("TIMELINE \(ms(median(opens))) \(ms(median(keys))) \(ms(percentile(keys, 0.99))) \(ms(median(shifts)))")
}
