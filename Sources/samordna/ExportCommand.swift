import ArgumentParser

/// `samordna export`: documents and lists that leave the tool, pseudonymised unless `--names`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exportera dokument och listor (pseudonymiserade om inte --names anges).",
        subcommands: [KartlaggningExportCommand.self, WeekExportCommand.self])
}
