// Release-mode benchmark for the budgets in docs/benchmarks.md:
//   swift build -c release && swift run -c release SamordnaBench    (100 and 10 000 participants)
//   swift run -c release SamordnaBench 100 2000                     (chosen sizes)
//   … SamordnaBench --runs 15 --binary PATH                          (whole-process runs; which samordna)
// Each size runs in its own child process so that peak memory is that size's alone. Figures are medians;
// the machines are shared and noisy, so compare ratios rather than single runs. The whole-process figures
// (WholeProcess.swift) need the release `samordna` binary, by default the one next to this benchmark.
import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI

let today = LocalDate(year: 2026, month: 11, day: 23)!

/// Resident memory now, in MB (from /proc/self/statm).
func residentMB() -> Double {
    let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    let pages = Double(text.split(separator: " ")[1]) ?? 0
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// Prints resident memory after each start-up step (BENCH_MEMORY=1).
func memoryProbe(_ directory: DataDirectory) throws {
    var line = "memory: start \(residentMB())"
    let store = try CaseloadStore.open(at: directory.databaseURL)
    line += ", open \(residentMB())"
    let records = try store.loadCaseload(meetingsSince: today.adding(days: -72))
    line += ", load \(residentMB())"
    var state = AppState(size: Size(width: 120, height: 40), today: today, user: "bench")
    _ = update(&state, .caseload(.loaded(Caseload(records: records, team: try store.teamMembers(), catalogue: DefaultInsatsCatalogue.all))))
    line += ", derive \(residentMB())"
    print(line)
    exit(0)
}

/// Child 3: start to the first full screen (for a large caseload its first page, in list order, with the
/// total), and to the whole caseload loaded, repeated; prints the medians.
@MainActor
func startsChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])
    var firsts: [Duration] = []
    var wholes: [Duration] = []
    for _ in 0..<(participants >= 5000 ? 9 : 25) {
        let begin = ContinuousClock.now
        let store = try CaseloadStore.open(at: directory.databaseURL)
        let program = Program(
            backend: BenchBackend(size: Size(width: 120, height: 40)),
            runner: EffectRunner(store: store, fixedToday: today), user: "bench")
        program.showFirstScreen()
        firsts.append(ContinuousClock.now - begin)
        program.finishLoading()
        wholes.append(ContinuousClock.now - begin)
        precondition(program.state.rows.count == participants, "loaded \(program.state.rows.count)")
    }
    print("STARTS \(ms(median(firsts))) \(ms(median(wholes)))")
}

/// Child 1: writes the demo caseload into `dir` and prints how long generation and import took.
func setupChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])
    try directory.prepare()
    var t = ContinuousClock.now
    let demo = DemoCaseload.generate(participants: participants, seed: 1, today: today)
    let generate = ContinuousClock.now - t
    t = ContinuousClock.now
    let store = try CaseloadStore.open(at: directory.databaseURL)
    try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "bench", at: Date())
    print("SETUP \(ms(generate)) \(ms(ContinuousClock.now - t))")
}

/// Child 2: a fresh process that only opens the caseload and browses, so its peak memory is what a user's
/// process needs.
@MainActor
func measureChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])

    // Where the start-up time goes, once: open, load, derive rows, first view.
    if ProcessInfo.processInfo.environment["BENCH_MEMORY"] != nil { try memoryProbe(directory) }
    // Measured in a scope of its own so that this copy of the caseload is freed before the session below.
    let (openTime, loadTime, deriveTime, viewTime) = try { () throws -> (Duration, Duration, Duration, Duration) in
        var t = ContinuousClock.now
        let probeStore = try CaseloadStore.open(at: directory.databaseURL)
        let openTime = ContinuousClock.now - t
        t = ContinuousClock.now
        let records = try probeStore.loadCaseload(meetingsSince: today.adding(days: -72))
        let loadTime = ContinuousClock.now - t
        t = ContinuousClock.now
        var probe = AppState(size: Size(width: 120, height: 40), today: today, user: "bench")
        _ = update(&probe, .caseload(.loaded(Caseload(records: records, team: try probeStore.teamMembers(), catalogue: DefaultInsatsCatalogue.all))))
        let deriveTime = ContinuousClock.now - t
        t = ContinuousClock.now
        _ = view(probe).buffer.diff(from: nil)
        let viewTime = ContinuousClock.now - t
        return (openTime, loadTime, deriveTime, viewTime)
    }()
    // The query of a large caseload's first screen: the first 120 in list order, with their records.
    let firstPageTime = try { () throws -> Duration in
        let probeStore = try CaseloadStore.open(at: directory.databaseURL)
        _ = try probeStore.loadFirstPage(limit: 120, meetingsSince: today.adding(days: -72))
        var times: [Duration] = []
        for _ in 0..<5 {
            let t = ContinuousClock.now
            _ = try probeStore.participantCount()
            _ = try probeStore.loadFirstPage(limit: 120, meetingsSince: today.adding(days: -72))
            times.append(ContinuousClock.now - t)
        }
        return median(times)
    }()

    // Start to first full screen: open the database, load the caseload, derive rows, view, diff, draw.
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let afterProbe = Double(usage.ru_maxrss) / 1024
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

    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    _ = afterProbe
    print(
        "RESULT \(participants) \(ms(median(starts))) \(ms(median(keys))) \(ms(percentile(keys, 0.99))) "
            + "\(ms(median(searches))) \(String(format: "%.1f", peakMB)) \(ms(openTime)) \(ms(loadTime)) "
            + "\(ms(deriveTime)) \(ms(viewTime)) \(ms(firstPageTime))")
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

/// The arguments without `--name value` options, and those options' values.
func splitOptions(_ all: [String], _ names: [String]) -> ([String], [String: String]) {
    var rest = all
    var found: [String: String] = [:]
    for name in names {
        guard let i = rest.firstIndex(of: name), i + 1 < rest.count else { continue }
        found[name] = rest[i + 1]
        rest.removeSubrange(i...(i + 1))
    }
    return (rest, found)
}
let (args, options) = splitOptions(CommandLine.arguments, ["--runs", "--binary"])
let wholeRuns = options["--runs"].flatMap { Int($0) } ?? 15
let samordnaBinary =
    options["--binary"]
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("samordna").path
if args.count == 4, args[1] == "--setup", let n = Int(args[2]) {
    try setupChild(participants: n, dir: args[3])
    exit(0)
}
if args.count == 4, args[1] == "--starts", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try startsChild(participants: n, dir: args[3]) }
    exit(0)
}
if args.count == 4, args[1] == "--timeline", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try timelineChild(participants: n, dir: args[3]) }
    exit(0)
}
// The SQL the benchmark gives sqlite3 as the reference for `export week`, to time statement by statement.
if args.count == 2, args[1] == "--week-sql" {
    print(WeekExportBench.sql())
    exit(0)
}
if args.count == 4, args[1] == "--week-view", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try weekViewChild(participants: n, dir: args[3]) }
    exit(0)
}
if args.count == 4, args[1] == "--refresh", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try refreshChild(participants: n, dir: args[3]) }
    exit(0)
}
if args.count == 4, args[1] == "--measure", let n = Int(args[2]) {
    try MainActor.assumeIsolated { try measureChild(participants: n, dir: args[3]) }
    exit(0)
}

let weekExportHeader =
    "participants  read as                           export week            peak        sqlite3 same rows    ÷ sqlite3  demo history"

// Only the `export week` lines, for one demo caseload already set up in a directory (`--setup`).
if args.count == 4, args[1] == "--week-export", let n = Int(args[2]) {
    print(weekExportHeader)
    for line in try WeekExportBench.measure(participants: n, dir: args[3], binary: samordnaBinary, runs: wholeRuns) { print(line) }
    exit(0)
}

/// Runs this benchmark binary as a child and returns the line starting with `tag`.
func child(_ arguments: [String], tag: String) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: args[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        print("could not start \(args[0]): \(error)")
        exit(1)
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let out = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0, let line = out.split(separator: "\n").first(where: { $0.hasPrefix(tag) }) else {
        print("\(arguments): failed (exit \(process.terminationStatus))\n\(out)")
        exit(1)
    }
    return line.split(separator: " ").map(String.init)
}

let sizes = args.dropFirst().compactMap { Int($0) }
let chosen = sizes.isEmpty ? [100, 10_000] : sizes
print("Samordna benchmark (release build, medians; 120×40 screen; budgets in docs/benchmarks.md)")
print(
    "participants  start→first screen  →all loaded  key press (p99)      search key  peak memory  [demo gen, import]")
var breakdown: [String] = []
var refreshes: [String] = []
var timelines: [String] = []
var weekViews: [String] = []
var whole: [(row: String, phases: String)] = []
var weekRows: [String] = []
for n in chosen {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samordna-bench-\(getpid())-\(n)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let setup = child(["--setup", String(n), dir], tag: "SETUP")
    let f = child(["--measure", String(n), dir], tag: "RESULT")
    let starts = child(["--starts", String(n), dir], tag: "STARTS")
    print(
        String(repeating: " ", count: max(0, 12 - f[1].count)) + f[1]
            + "  " + pad(starts[1] + " ms", 18) + "  " + pad(starts[2] + " ms", 11) + "  "
            + pad(f[3] + " ms (" + f[4] + ")", 19)
            + "  " + pad(f[5] + " ms", 10) + "  " + pad(f[6] + " MB", 11) + "  [" + setup[1] + " ms, " + setup[2] + " ms]")
    let r = child(["--refresh", String(n), dir], tag: "REFRESH")
    refreshes.append("\(n): own save \(r[1]) ms, colleague's commit \(r[2]) ms (whole reload \(r[3]) ms)")
    let tl = child(["--timeline", String(n), dir], tag: "TIMELINE")
    timelines.append("\(n): open \(tl[1]) ms, key \(tl[2]) ms (p99 \(tl[3])), [ ] \(tl[4]) ms")
    let wv = child(["--week-view", String(n), dir], tag: "WEEKVIEW")
    weekViews.append(
        "\(n): v after a pause (read ahead) \(wv[7]) ms (p90 \(wv[8])), v cold \(wv[1]) ms, ] [ a week \(wv[2]) ms (p90 \(wv[3])) after a pause (read ahead), "
            + "\(wv[5]) ms (p90 \(wv[6])) cold, j \(wv[4]) ms; as the terminal UI reads a cold week beside its thread: "
            + "key answered \(wv[9]) ms (p90 \(wv[10])), week on screen \(wv[11]) ms (p90 \(wv[12]))")
    breakdown.append(
        "\(n): open \(f[7]) ms, load \(f[8]) ms, derive rows \(f[9]) ms, first view+diff \(f[10]) ms, "
            + "count + first page of 120 \(f[11]) ms")
    if access(samordnaBinary, X_OK) == 0 {
        whole.append(try wholeProcess(participants: n, dir: dir))
        weekRows += try WeekExportBench.measure(participants: n, dir: dir, binary: samordnaBinary, runs: wholeRuns)
    }
}
print("start-up breakdown (one run each): " + breakdown.joined(separator: "; "))
print("change → screen updated (refresh of what changed, update, view, diff; median of 40): " + refreshes.joined(separator: "; "))
print("team timeline (t; update, view, diff per key; medians): " + timelines.joined(separator: "; "))
print("week view (v as the first active member; update, read, view, diff per key; medians): " + weekViews.joined(separator: "; "))
if whole.isEmpty {
    print("whole process: no samordna binary at \(samordnaBinary); build it with `swift build -c release` or pass --binary")
} else {
    print("")
    print("whole process on an 80×24 pseudo-terminal: exec → first frame written (\(wholeRuns) runs, median and p90)")
    print("participants  samordna first screen  --help (reference)  sqlite3 first page  ÷ --help  ÷ sqlite3")
    for w in whole { print(w.row) }
    print("where it goes (median of 5 traced runs, ms since exec, +phase): ")
    for w in whole { print("  " + w.phases) }
    print("")
    print("samordna export week --week \(WeekExportBench.week) --format csv, whole process exec → exit (\(wholeRuns) runs) next to sqlite3 reading the same rows")
    print(weekExportHeader)
    for w in weekRows { print(w) }
}

func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }

/// The whole-process figures for one size: the real binary's first screen, `--help` and `sqlite3` reading the
/// first page, each `wholeRuns` times after one untimed run; then five traced runs for the phases.
func wholeProcess(participants n: Int, dir: String) throws -> (row: String, phases: String) {
    var screens: [Duration] = []
    var helps: [Duration] = []
    var queries: [Duration] = []
    let sqlite3 = WholeProcess.sqlite3Path()
    let database = dir + "/caseload.sqlite"
    let sql = sqlite3.map { WholeProcess.firstPageSQL(database: database, sqlite3: $0) }
    _ = try WholeProcess.firstScreen(binary: samordnaBinary, dir: dir)
    for _ in 0..<wholeRuns {
        screens.append(try WholeProcess.firstScreen(binary: samordnaBinary, dir: dir).0)
        helps.append(try WholeProcess.toExit([samordnaBinary, "--help"]))
        if let sqlite3, let sql { queries.append(try WholeProcess.toExit([sqlite3, "-readonly", database, sql])) }
    }
    func figure(_ xs: [Duration]) -> String {
        xs.isEmpty ? "–" : String(format: "%.1f ms (p90 %.1f)", seconds(median(xs)) * 1000, seconds(percentile(xs, 0.9)) * 1000)
    }
    func ratio(_ xs: [Duration]) -> String {
        xs.isEmpty ? "–" : String(format: "%.1f×", seconds(median(screens)) / seconds(median(xs)))
    }
    let row =
        String(repeating: " ", count: max(0, 12 - String(n).count)) + String(n) + "  " + pad(figure(screens), 21) + "  "
        + pad(figure(helps), 19) + "  " + pad(queries.isEmpty ? "no sqlite3 on PATH" : figure(queries), 18) + "  "
        + pad(ratio(helps), 8) + "  " + ratio(queries)

    // Phases from SAMORDNA_TRACE_START: "launch 9.3 (+9.3) terminal 10.0 (+0.7) …"; the median of each.
    var phases: [String] = []
    var values: [String: [Double]] = [:]
    for _ in 0..<5 {
        guard let line = try WholeProcess.firstScreen(binary: samordnaBinary, dir: dir, trace: true).1 else { continue }
        for match in line.matches(of: /([a-z][a-z ]*[a-z]) ([0-9.]+) \(\+([0-9.]+)\)/) {
            let name = String(match.1)
            if !phases.contains(name) { phases.append(name) }
            values[name, default: []].append(Double(match.3) ?? 0)
        }
    }
    let described = phases.map { name -> String in
        let xs = (values[name] ?? []).sorted()
        return "\(name) +\(String(format: "%.1f", xs.isEmpty ? 0 : xs[(xs.count - 1) / 2]))"
    }
    return (row, "\(n): " + (described.isEmpty ? "no trace (an older samordna?)" : described.joined(separator: ", ")))
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}
