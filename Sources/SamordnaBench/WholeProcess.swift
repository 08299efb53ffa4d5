// Start → first screen as a whole process: the real release `samordna` binary exec'd on a pseudo-terminal,
// timed from just before the exec to the moment its first frame has been written to the terminal. Beside
// it, two references measured the same way on the same machine in the same run: the binary's own `--help`
// (exec, dynamic linking, the Swift runtime and argument parsing, nothing else) and the `sqlite3` tool
// reading the same first page of participants.
import Foundation

/// `CLOCK_MONOTONIC` in nanoseconds: the clock `SAMORDNA_TRACE_START` is read against.
func monotonicNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

enum WholeProcess {
    /// The text of the hint bar, the screen's last line: when it has arrived the whole first frame has.
    static let lastLineOfFirstFrame = Array("Hjälp".utf8)

    /// `openpty(3)`: in glibc's libc, but its header (pty.h) is not in Swift's Glibc module.
    private typealias OpenPTY = @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?, UnsafeRawPointer?,
        UnsafeRawPointer?
    ) -> Int32
    private static let openpty: OpenPTY? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openpty").map {
        unsafeBitCast($0, to: OpenPTY.self)
    }
    /// glibc's `POSIX_SPAWN_SETSID` (a GNU extension, so not imported): the child gets a session of its own
    /// and the pseudo-terminal as its controlling terminal, like a login shell's program.
    private static let spawnSetSID: Int16 = 0x80

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `arguments` on a new 80×24 pseudo-terminal (TERM=xterm-256color), stdin/stdout on it and stderr
    /// to `stderrPath`. Returns the child, the terminal's master side, and the time just before the exec.
    static func spawnOnTerminal(_ arguments: [String], environment: [String: String], stderrPath: String)
        throws -> (pid: pid_t, master: Int32, started: ContinuousClock.Instant)
    {
        guard let openpty else { throw Failure(description: "openpty saknas i libc") }
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty: \(String(cString: strerror(errno)))")
        }
        let ttyName = String(cString: ttyname(slave))
        defer { close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, slave)
        // Opened after setsid, so the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, ttyName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, spawnSetSID)
        let (pid, started) = try spawn(arguments, environment: environment, actions: &actions, attributes: &attributes)
        return (pid, master, started)
    }

    private static func spawn(
        _ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
        attributes: inout posix_spawnattr_t
    ) throws -> (pid_t, ContinuousClock.Instant) {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "\(arguments[0]): \(String(cString: strerror(rc)))") }
        return (pid, started)
    }

    /// Exec of `samordna --data dir --today 2026-11-23` on a terminal → its first frame fully written (the
    /// hint bar, the last line, has arrived). Then `Q`, and the child is reaped. With `trace` the child runs
    /// with `SAMORDNA_TRACE_START` and its phase line (stderr) is returned.
    static func firstScreen(binary: String, dir: String, trace: Bool = false) throws -> (Duration, String?) {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "SAMORDNA_TRACE_START")
        let stderrPath = dir + "/bench-stderr.txt"
        if trace { environment["SAMORDNA_TRACE_START"] = String(monotonicNanoseconds()) }
        let child = try spawnOnTerminal(
            [binary, "--data", dir, "--today", "2026-11-23"], environment: environment, stderrPath: stderrPath)
        defer { close(child.master) }
        var seen: [UInt8] = []
        var firstFrame: Duration?
        let deadline = ContinuousClock.now + .seconds(20)
        while firstFrame == nil, ContinuousClock.now < deadline {
            guard let chunk = read(child.master, timeoutMS: 1000) else { break }
            seen += chunk
            if contains(seen, lastLineOfFirstFrame) { firstFrame = ContinuousClock.now - child.started }
        }
        // Quit as a user would; keep reading so the child never blocks on a full terminal while it restores it.
        _ = "Q".withCString { write(child.master, $0, 1) }
        let status = reap(child.pid, draining: child.master)
        guard let firstFrame else {
            throw Failure(
                description: "\(binary): ingen första skärm (status \(status)): "
                    + String(decoding: seen.suffix(400), as: UTF8.self))
        }
        let traced = trace ? (try? String(contentsOfFile: stderrPath, encoding: .utf8)) : nil
        return (firstFrame, traced?.split(separator: "\n").first { $0.hasPrefix("samordna start") }.map(String.init))
    }

    /// Exec → exit of a command whose output goes nowhere (the reference figures).
    static func toExit(_ arguments: [String]) throws -> Duration {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let (pid, started) = try spawn(
            arguments, environment: ProcessInfo.processInfo.environment, actions: &actions, attributes: &attributes)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let took = ContinuousClock.now - started
        guard status == 0 else { throw Failure(description: "\(arguments.joined(separator: " ")): status \(status)") }
        return took
    }

    /// Waits (up to 10 s, then SIGKILL) for the child, reading what it writes meanwhile; its wait status.
    private static func reap(_ pid: pid_t, draining master: Int32) -> Int32 {
        var status: Int32 = 0
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { return status }
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return status
            }
            _ = read(master, timeoutMS: 20)
        }
    }

    /// What the terminal has for us within `timeoutMS`; nil when it is closed or nothing came.
    private static func read(_ fd: Int32, timeoutMS: Int32) -> [UInt8]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeoutMS) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = Glibc.read(fd, &buffer, buffer.count)
        return n > 0 ? Array(buffer[0..<n]) : nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }

    /// The `sqlite3` tool on PATH, if there is one.
    static func sqlite3Path() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/sqlite3" }.first { access($0, X_OK) == 0 }
    }

    /// The query a plain SQL reader would use for the list's first page: by the stored sort key when the
    /// caseload has one, else by the names (a sort of the whole table, as the list's order used to need).
    static func firstPageSQL(database: String, sqlite3: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = ["-readonly", database, "SELECT count(*) FROM pragma_table_info('participant') WHERE name = 'sort_key'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let order = out.hasPrefix("1") ? "sort_key, id" : "last_name, first_name, id"
        return "SELECT * FROM participant ORDER BY \(order) LIMIT 120"
    }
}
