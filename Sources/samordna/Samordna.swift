import ArgumentParser
import Foundation

/// `samordna`: the caseload in the terminal, and subcommands for scripts. Exit codes (docs/cli.md):
/// 0 success, 64 bad usage, 65 bad input data, 1 other failure, 130 after Ctrl-C in the terminal UI.
@main
struct Samordna: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samordna",
        abstract: "Samordna – ärendelista för ett multikompetent arbetsmarknadsteam.",
        discussion: """
            Utan underkommando öppnas ärendelistan i terminalen.
            Slutkoder: 0 klart, 64 felaktig användning, 65 felaktiga indata, 1 annat fel.
            """,
        subcommands: [
            DemoCommand.self, ParticipantCommand.self, ImportCommand.self, TeamCommand.self, UndoCommand.self,
            CheckCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, InitCommand.self,
            InsatsCommand.self, MeetingCommand.self, AuditCommand.self, GallringCommand.self,
        ])

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("demo"), help: "Öppna en ny demo-ärendelista i en tillfällig katalog.")
    var demo = false

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let today = try common.resolvedToday()
            if demo {
                try TUILauncher.runDemo(today: today, environment: common.environment)
            } else {
                let directory = try common.dataDirectory()
                try TUILauncher.run(directory: directory, today: today, environment: common.environment)
            }
        }
    }
}
