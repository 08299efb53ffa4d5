import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore

/// `samordna restore FILE`: puts a backup in place of a missing, empty or damaged caseload, after asking,
/// and keeps the old file aside.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Återställ ärendelistan från en säkerhetskopia.",
        discussion: """
            Kopian kontrolleras först (integrity_check, att det är en Samordna-databas, antal). En saknad, tom \
            eller skadad ärendelista ersätts efter en fråga; en hel ärendelista med deltagare bara med --force. \
            Den gamla filen tas aldrig bort: den flyttas till caseload.sqlite.fore-aterstallning-DATUM. \
            Ingen annan får ha ärendelistan öppen under tiden.

            Utan terminal (i ett skript) krävs --yes.

            Slutkoder: 0 klart, 64 felaktig användning (också: ingen terminal att fråga i och inget --yes), \
            65 en hel ärendelista utan --force eller nej på frågan, 1 annat fel (kopian håller inte).
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Säkerhetskopian.", valueName: "fil"))
    var file: String

    @Flag(name: .customLong("yes"), help: "Fråga inte (för skript).")
    var yes = false

    @Flag(name: .customLong("force"), help: "Ersätt även en hel ärendelista med deltagare.")
    var force = false

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            if !yes && isatty(STDIN_FILENO) == 0 {
                throw CLIFailure(
                    message: "samordna: restore frågar innan ärendelistan ersätts, men det finns ingen terminal att "
                        + "fråga i; lägg till --yes i ett skript",
                    code: 64)
            }
            let directory = try common.dataDirectory()
            try directory.prepare()
            let result = try CaseloadRestore.restore(
                from: URL(fileURLWithPath: file), into: directory, replaceHealthy: force, at: Date()
            ) { plan in
                yes || Self.ask(plan)
            }
            // Opened once the normal way: an older backup's schema is brought up to date here.
            let store = try CaseloadStore.open(at: directory.databaseURL)
            print(
                "Återställde ärendelistan i \(quotedValue(directory.url.path)) från \(quotedValue(result.plan.backupFile)) "
                    + "(\(try store.participantCount()) deltagare).")
            if let aside = result.keptAside { print("Den tidigare filen finns kvar som \(quotedValue(aside)).") }
        }
    }

    /// Asks on the terminal; only `j`/`ja` (or `y`/`yes`) goes ahead.
    static func ask(_ plan: CaseloadRestore.Plan) -> Bool {
        let when = plan.backup.lastChangeAt.map { " senast ändrad \(Self.timestamp($0))" } ?? ""
        printError(
            "Säkerhetskopian \(quotedValue(plan.backupFile)) har \(plan.backup.counts)\(when).\n"
                + "I \(quotedValue(plan.directory)): \(plan.current.description).\n"
                + "Ersätta ärendelistan med säkerhetskopian? Den nuvarande filen flyttas undan. [j/N] ",
            newline: false)
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["j", "ja", "y", "yes"].contains(answer)
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "sv_SE")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
