// Release-mode benchmark for the budgets in docs/benchmarks.md (design.md §7):
//   swift run -c release SamordnaBench            (100 and 10 000 participants)
//   swift run -c release SamordnaBench 100 2000   (chosen sizes)
// Each size runs in its own child process so that peak memory is that size's alone. Figures are medians;
// the machines are shared and noisy, so compare ratios rather than single runs.
import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI

@MainActor
func measureChild(participants: Int) throws {
    let today = LocalDate(year: 2026, month: 11, day: 23)!
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samordna-bench-\(getpid())")
    try? FileManager.default.removeItem(at: dir)
    defer { try? FileManager.default.removeItem(at: dir) }
    let directory = try DataDirectory.resolve(flag: dir.path, environment: [:])
    try directory.prepare()

    var t = ContinuousClock.now
    let demo = DemoCaseload.generate(participants: participants, seed: 1, today: today)
    let generate = ContinuousClock.now - t
    t = ContinuousClock.now
    do {
        let store = try CaseloadStore.open(at: directory.databaseURL)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "bench", at: Date())
    }
    let importTime = ContinuousClock.now - t

    // Start to first full screen: open the database, load the caseload, derive rows, view, diff, draw.
    var starts: [Duration] = []
    let startRuns = participants >= 5000 ? 9 : 25
    for _ in 0..<startRuns {
        let begin = ContinuousClock.now
        let store = try CaseloadStore.open(at: directory.databaseURL)
        let backend = BenchBackend(size: Size(width: 120, height: 40))
        let program = Program(backend: backend, runner: EffectRunner(store: store, fixedToday: today), user: "bench")
        program.start()
        starts.append(ContinuousClock.now - begin)
        precondition(program.state.rows.count == participants, "loaded \(program.state.rows.count)")
    }

    // One key press: update + view + diff + draw, moving down and up through the list.
    let store = try CaseloadStore.open(at: directory.databaseURL)
    let backend = BenchBackend(size: Size(width: 120, height: 40))
    let program = Program(backend: backend, runner: EffectRunner(store: store, fixedToday: today), user: "bench")
    program.start()
    var keys: [Duration] = []
    let j = InputEvent.key(.char("j"))
    let k = InputEvent.key(.char("k"))
    for i in 0..<2000 {
        let begin = ContinuousClock.now
        program.handle((i / 50) % 2 == 0 ? j : k)
        program.render()
        keys.append(ContinuousClock.now - begin)
    }
    // One search keystroke: filter every row, then view + diff + draw.
    program.handle(.key(.char("/")))
    var searches: [Duration] = []
    for i in 0..<200 {
        let begin = ContinuousClock.now
        program.handle(i % 2 == 0 ? .key(.char("a")) : .key(KeyChord(.backspace)))
        program.render()
        searches.append(ContinuousClock.now - begin)
    }

    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    print(
        "RESULT \(participants) \(ms(median(starts))) \(ms(median(keys))) \(ms(percentile(keys, 0.99))) "
            + "\(ms(median(searches))) \(String(format: "%.1f", peakMB)) \(ms(generate)) \(ms(importTime))")
}

/// A backend that accepts frames and does nothing else, so the figures are ours alone.
final class BenchBackend: TerminalBackend {
    let size: Size
    var cells = 0
    init(size: Size) { self.size = size }
    func nextEvent(timeout: Duration?) -> InputEvent? { nil }
    func draw(_ diff: BufferDiff, cursor: Point?) { cells += diff.changedCellCount }
    func suspend() {}
    func resume() {}
}

func median(_ xs: [Duration]) -> Duration { percentile(xs, 0.5) }

func percentile(_ xs: [Duration], _ p: Double) -> Duration {
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
}

func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.3f", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
}

let args = CommandLine.arguments
if args.count == 3, args[1] == "--child", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try measureChild(participants: n) }
    exit(0)
}

let sizes = args.dropFirst().compactMap { Int($0) }
let chosen = sizes.isEmpty ? [100, 10_000] : sizes
print("Samordna benchmark (release build, medians; 120×40 screen; budgets from design.md §7)")
print("participants  start→first screen  key press (p99)      search key  peak memory  [demo gen, import]")
for n in chosen {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: args[0])
    child.arguments = ["--child", String(n)]
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    child.waitUntilExit()
    let out = String(decoding: data, as: UTF8.self)
    guard child.terminationStatus == 0, let line = out.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) else {
        print("\(n): failed (exit \(child.terminationStatus))\n\(out)")
        exit(1)
    }
    let f = line.split(separator: " ").map(String.init)
    print(
        String(repeating: " ", count: max(0, 12 - f[1].count)) + f[1]
            + "  " + pad(f[2] + " ms", 18) + "  " + pad(f[3] + " ms (" + f[4] + ")", 19)
            + "  " + pad(f[5] + " ms", 10) + "  " + pad(f[6] + " MB", 11) + "  [" + f[7] + " ms, " + f[8] + " ms]")
}

func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
