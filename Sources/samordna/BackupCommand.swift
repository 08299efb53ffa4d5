import ArgumentParser
import Foundation
import SamordnaStore

/// `samordna backup --output FILE`: a consistent, verified copy of the caseload while others keep working
/// (docs/storage.md, *Backup and restore*).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Gör en säkerhetskopia av ärendelistan (medan andra arbetar).",
        discussion: """
            Kopian tas med SQLites online-backup, så den är en hel och samstämmig ärendelista även när \
            kollegor sparar samtidigt. Den skrivs privat (0600; 0660 i en teamkatalog), kontrolleras \
            (integrity_check och antal) innan den får sitt namn, och skriver aldrig över en befintlig fil. \
            'samordna check' visar när den senaste gjordes. Nattlig kopia: se docs/storage.md.

            Slutkoder: 0 klart, 64 felaktig användning, 1 annat fel (ingen ärendelista, filen finns redan, \
            disken full, kopian höll inte).
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("Säkerhetskopians fil (ny fil).", valueName: "fil"))
    var output: String

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let store = try common.openStore(creating: false)
            let url = URL(fileURLWithPath: output)
            let summary = try store.backup(to: url, by: currentLogin(common.environment), at: Date())
            print(
                "Säkerhetskopia sparad: \(quotedValue(url.standardizedFileURL.path)) (\(summary.counts); "
                    + "kontrollerad med integrity_check).")
        }
    }
}
