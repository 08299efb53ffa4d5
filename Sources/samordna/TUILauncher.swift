import ArgumentParser
import CursesBackend
import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaTemplates
import TerminalUI

/// Starts the terminal UI: checks the terminal before touching any data, opens the store, runs the loop
/// and restores the terminal on every way out.
enum TUILauncher {
    static func run(directory: DataDirectory, today: LocalDate?, environment: [String: String]) throws {
        var trace = StartTrace(environment: environment)
        defer { trace.report() }
        try CursesBackend.checkTerminal(environment: environment)
        trace.mark("terminal")
        let warnings = try directory.prepare()
        trace.mark("directory")
        // Read once: the team's insatser.yaml (the default written on first use), while the store opens; then
        // the store's part (types still in use, the last valid version when the file has errors).
        let pending = PendingCatalogueRead.start(CatalogueFile.url(in: directory.url))
        let store: CaseloadStore
        do {
            store = try CaseloadStore.open(at: directory.databaseURL)
        } catch {
            _ = pending.wait()  // never leave while the default is being written
            throw error
        }
        trace.mark("store open")
        let catalogue = CatalogueText.load(store: store, read: pending.wait())
        trace.mark("catalogue")
        let outcome = try MainActor.assumeIsolated { () throws -> Program.Outcome in
            let backend = try CursesBackend(environment: environment)
            trace.mark("curses")
            defer {
                trace.mark("first frame", at: backend.firstFrameWritten)
                backend.shutdown()
            }
            // With --today, what is written is stamped on that day at the real time of day.
            let clock: @Sendable () -> Date
            if let today {
                clock = { today.moving(Date(), in: .current) }
            } else {
                clock = { Date() }
            }
            var runner = EffectRunner(
                store: store, catalogue: catalogue.catalogue, clock: clock, fixedToday: today,
                login: currentLogin(environment), dataDirectory: directory.url)
            runner.catalogueNotice = catalogue.notice
            runner.backgroundWeekReads = true
            // Storage warnings (files others can read, a network or sync folder) in the status line at start.
            runner.startupNotice = warnings.first.map {
                "Varning: \($0.summary)" + (warnings.count > 1 ? " (och \(warnings.count - 1) till: samordna check)" : "")
            }
            let program = Program(backend: backend, runner: runner, user: currentLogin(environment))
            trace.mark("runtime")
            return program.run()
        }
        switch outcome {
        case .quit: return
        case .interrupted: throw ExitCode(130)
        case .hangup: throw ExitCode(1)
        }
    }

    /// `samordna --demo`: a fresh demo caseload in a private temporary directory, removed on exit.
    static func runDemo(today: LocalDate?, environment: [String: String]) throws {
        try CursesBackend.checkTerminal(environment: environment)
        var template = Array((NSTemporaryDirectory() + "/samordna-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIFailure(message: "samordna: kunde inte skapa en tillfällig katalog för demon", code: 1)
        }
        let path = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = try DataDirectory.resolve(flag: path, environment: environment)
        try directory.prepare()
        let day = today ?? LocalDate(Date(), in: .current)
        try DemoCommand.create(
            in: directory, participants: 100, seed: 1, today: day, login: currentLogin(environment), actingAs: true)
        try run(directory: directory, today: today, environment: environment)
    }
}
