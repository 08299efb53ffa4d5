// `samordna export week` as a whole process (exec → exit, the CSV to /dev/null) next to the `sqlite3` tool
// reading the same rows with the same indexed queries, in the same run; medians, p90, the ratio and the
// export's peak resident memory (wait4's ru_maxrss). Read as a team member (the demo's first, an
// arbetsförmedlare), as the team exports it: Teamets vecka (at city scale their arbetslag's) and Min vecka,
// each next to sqlite3; at city scale also the whole team's week (`--whole-team`); and as a login not in the
// team (no consents or responsibilities to read), the figure earlier runs quoted. Budget
// (docs/benchmarks.md): ≤ 20 ms and ≤ 30 MB at 10 000 participants.
import Foundation
import SamordnaCore
import SamordnaStore

enum WeekExportBench {
    static let week = "2026-W48"

    /// The login that is not in the team.
    static let outsider = "bench"

    /// The rows `CaseloadStore.weekData` reads for 2026-W48 (Teamets vecka) with today 2026-11-23 as `reader`
    /// of `team` (nil: a login not in the team), as plain SQL made by the store itself
    /// (`CaseloadStore.weekReadsSQL`), so the reference reads what the export reads.
    /// `circle`: the lag's or Min vecka's restricted reads (`WeekList.Reader.circle`).
    static func sql(reader: TeamMember? = nil, team: [TeamMember] = [], circle: Set<TeamMember.ID>? = nil) -> String {
        CaseloadStore.weekReadsSQL(
            week: IsoWeek(parsing: week)!, today: today, catalogue: DefaultInsatsCatalogue.all, reader: reader, team: team,
            circle: circle)
    }

    struct Run {
        var took: Duration
        var peakMB: Double
    }

    /// Exec → exit with stdout and stderr to /dev/null; the child's peak resident set from wait4.
    static func run(_ arguments: [String], user: String = outsider) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["USER"] = user
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw WholeProcess.Failure(description: "\(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let took = ContinuousClock.now - started
        guard status == 0 else {
            throw WholeProcess.Failure(description: "\(arguments.joined(separator: " ")): status \(status)")
        }
        return Run(took: took, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// One size's lines: export week (CSV) as the team's first member (Teamets vecka, with sqlite3 reading the
    /// same rows, and Min vecka) and as a login not in the team (with its sqlite3), `runs` times each,
    /// interleaved, after one untimed run of each.
    static func measure(participants n: Int, dir: String, binary: String, runs: Int) throws -> [String] {
        let database = dir + "/caseload.sqlite"
        let team = try CaseloadStore.openReadOnly(at: URL(fileURLWithPath: database)).teamMembers()
        guard let member = team.first else { throw WholeProcess.Failure(description: "\(dir): no team") }
        let export = [binary, "export", "week", "--data", dir, "--today", "2026-11-23", "--week", week, "--format", "csv"]
        let sqlite3 = WholeProcess.sqlite3Path()
        struct Case {
            var label: String
            var command: [String]
            var user: String
            var reference: [String]?
            var exports: [Run] = []
            var queries: [Run] = []
        }
        func reference(_ reader: WeekList.Reader?) -> [String]? {
            let text = reader.map { sql(reader: member, team: team, circle: $0.circle(in: team)) } ?? sql()
            return sqlite3.map { [$0, "-readonly", database, text] }
        }
        // At city scale the demo's members have an arbetslag: Teamets vecka is the lag's.
        let teamLabel = member.unit.map { "Teamets vecka (\($0))" } ?? "Teamets vecka"
        var cases = [
            Case(label: "\(member.login), \(teamLabel)", command: export, user: member.login, reference: reference(.team(member))),
            Case(label: "\(member.login), Min vecka", command: export + ["--mine"], user: member.login, reference: reference(.mine(member))),
        ]
        if member.unit != nil {
            cases.append(
                Case(
                    label: "\(member.login), hela teamet", command: export + ["--whole-team"], user: member.login,
                    reference: reference(.team(member, wholeTeam: true))))
        }
        cases.append(Case(label: "not in the team", command: export, user: outsider, reference: reference(nil)))
        for c in cases {
            _ = try run(c.command, user: c.user)
            if let reference = c.reference { _ = try run(reference) }
        }
        for _ in 0..<runs {
            for i in cases.indices {
                cases[i].exports.append(try run(cases[i].command, user: cases[i].user))
                if let reference = cases[i].reference { cases[i].queries.append(try run(reference)) }
            }
        }
        func figure(_ xs: [Run]) -> String {
            let d = xs.map(\.took)
            return xs.isEmpty ? "–" : String(format: "%.1f ms (p90 %.1f)", seconds(median(d)) * 1000, seconds(percentile(d, 0.9)) * 1000)
        }
        return cases.enumerated().map { i, c in
            let ratio =
                c.queries.isEmpty ? "–" : String(format: "%.1f×", seconds(median(c.exports.map(\.took))) / seconds(median(c.queries.map(\.took))))
            let peak = c.exports.map(\.peakMB).max() ?? 0
            return String(repeating: " ", count: max(0, 12 - String(n).count)) + String(n) + "  " + pad(c.label, 32) + "  "
                + pad(figure(c.exports), 21) + "  " + pad(String(format: "%.1f MB", peak), 10) + "  "
                + pad(c.reference == nil ? "–" : figure(c.queries), 19) + "  " + pad(ratio, 9)
                + (i == 0 ? "  " + history(database, sqlite3) : "")
        }
    }

    /// What the demo holds, for the record: participants, meetings, insatser, notes.
    static func history(_ database: String, _ sqlite3: String?) -> String {
        guard let sqlite3 else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = [
            "-readonly", "-separator", " ", database,
            "SELECT (SELECT count(*) FROM meeting), (SELECT count(*) FROM insats_episode), (SELECT count(*) FROM note), "
                + "(SELECT min(date) FROM meeting), (SELECT max(date) FROM meeting)",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let f = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard f.count == 5 else { return "" }
        return "[\(f[0]) meetings, \(f[1]) insatser, \(f[2]) notes, meetings \(f[3])…\(f[4])]"
    }
}
