import ArgumentParser
import CursesBackend
import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import TerminalUI

/// Starts the terminal UI: checks the terminal before touching any data, opens the store, runs the loop
/// and restores the terminal on every way out.
enum TUILauncher {
    static func run(directory: DataDirectory, today: LocalDate?, environment: [String: String]) throws {
        try CursesBackend.checkTerminal(environment: environment)
        try directory.prepare()
        let store = try CaseloadStore.open(at: directory.databaseURL)
        let outcome = try MainActor.assumeIsolated { () throws -> Program.Outcome in
            let backend = try CursesBackend(environment: environment)
            defer { backend.shutdown() }
            // With --today, what is written is stamped on that day at the real time of day.
            let clock: @Sendable () -> Date
            if let today {
                clock = { today.moving(Date(), in: .current) }
            } else {
                clock = { Date() }
            }
            let runner = EffectRunner(
                store: store, clock: clock, fixedToday: today, login: currentLogin(environment),
                dataDirectory: directory.url)
            let program = Program(backend: backend, runner: runner, user: currentLogin(environment))
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
