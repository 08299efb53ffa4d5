import Foundation

/// `SAMORDNA_TRACE_START=1`: where the time of the terminal UI's start-up, or of `export week`, goes
/// (docs/benchmarks.md). Each phase's end is noted on the monotonic clock and the whole line is printed to stderr
/// at the end (for the terminal UI after the terminal is restored, so nothing is drawn over the screen). The
/// first figure, `launch`, is the CPU time the process had used when the trace began (exec, dynamic linking, the
/// Swift runtime, argument parsing; with `--demo` also writing the demo): on an idle machine close to the wall
/// time since exec. A number instead of `1` is taken as the starter's `CLOCK_MONOTONIC` reading in nanoseconds
/// just before exec (the benchmark passes it), and the phases are then shown as wall time since then. Off, it
/// costs one dictionary look-up.
struct StartTrace {
    private let origin: UInt64?
    private let launch: Double
    private var marks: [(String, UInt64)] = []

    init(environment: [String: String]) {
        guard let value = environment["SAMORDNA_TRACE_START"], !value.isEmpty, value != "0" else {
            origin = nil
            launch = 0
            return
        }
        let now = Self.now()
        var cpu = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        launch = Double(cpu.tv_sec) * 1000 + Double(cpu.tv_nsec) / 1e6
        if let given = UInt64(value), given > 1, given <= now {
            origin = given
        } else {
            origin = now - UInt64(launch * 1e6)
        }
        marks = [("launch", now)]
    }

    var isOn: Bool { origin != nil }

    mutating func mark(_ phase: String, at time: UInt64? = nil) {
        guard isOn else { return }
        marks.append((phase, time ?? Self.now()))
    }

    /// One line: each phase's end in ms since exec, then how long each phase took.
    func report(title: String = "samordna start") {
        guard let origin else { return }
        let ms = { (t: UInt64) in String(format: "%.1f", Double(t &- origin) / 1e6) }
        var line = "\(title) (ms since exec):"
        var last = origin
        for (phase, t) in marks where t > 0 {
            line += " \(phase) \(ms(t)) (+\(String(format: "%.1f", Double(t &- last) / 1e6)))"
            last = t
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
