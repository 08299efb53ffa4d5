import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore

/// `samordna import`: bring data from another system or a spreadsheet into the caseload.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importera till ärendelistan.", subcommands: [Participants.self])

    /// `samordna import participants FILE.csv` (docs/import-csv.md): every row is checked by Core's
    /// `ParticipantCSVImport`; the file is imported whole in one transaction, or not at all.
    struct Participants: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "participants",
            abstract: "Importera deltagare från en CSV-fil (allt eller inget).",
            discussion: """
                UTF-8, komma eller semikolon, rubrikrad med kolumnnamn (docs/import-csv.md). Finns ett fel på någon
                rad importeras ingenting, och varje felaktig rad listas med radnummer, kolumn, värde och skäl
                (slutkod 65). En fil som inte kan läsas ger slutkod 1.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("CSV-filen.", valueName: "fil.csv"))
        var file: String

        @Flag(
            name: .customLong("accept-similar"),
            help: "Importera även rader som bara liknar någon (samma födelsedatum, snarlikt namn), efter kontroll.")
        var acceptSimilar = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let text = try Self.readUTF8(file)
                let today = common.currentDay()
                // A refused file must not leave a database behind: with no caseload yet, the rows are checked
                // against an empty one first and the database is created only for a file that passed.
                let directory = try common.dataDirectory()
                let exists = FileManager.default.fileExists(atPath: directory.databaseURL.path)
                let existingStore = exists ? try common.openStore(creating: false) : nil
                var ids = RandomIdentifiers()
                let participants: [Participant]
                switch ParticipantCSVImport.parse(
                    text, today: today, existing: try existingStore?.participants() ?? [], ids: &ids,
                    acceptSimilarNames: acceptSimilar)
                {
                case .failure(let failure):
                    throw CLIFailure(message: "samordna: \(quotedValue(file)): \(failure)", code: 65)
                case .success(let parsed):
                    participants = parsed
                }
                let store = try existingStore ?? common.openStore(creating: true)
                try store.importCaseload(
                    team: [], records: participants.map { ParticipantRecord(participant: $0) }, notes: [],
                    by: currentLogin(common.environment), at: common.now())
                print("Importerade \(participants.count) deltagare från \(quotedValue(file)).")
            }
        }

        /// The file as text. Unreadable: exit 1 with the operating system's reason. Not UTF-8: exit 65 naming
        /// the line of the first byte that is not, so the user can find it (often a file saved as Latin-1).
        static func readUTF8(_ path: String) throws -> String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIFailure(message: "samordna: kan inte läsa \(quotedValue(path)): filen finns inte", code: 1)
            }
            if isDirectory.boolValue {
                throw CLIFailure(message: "samordna: kan inte läsa \(quotedValue(path)): det är en katalog", code: 1)
            }
            // Refused by its size before it is read: the import holds the whole file in memory.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue,
                size > ParticipantCSVImport.sizeLimit
            {
                let failure = ImportFailure.tooLarge(bytes: size, limit: ParticipantCSVImport.sizeLimit)
                throw CLIFailure(message: "samordna: \(quotedValue(path)): \(failure); ingenting importerades", code: 65)
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                let reason = FileManager.default.isReadableFile(atPath: path) ? "\(error.localizedDescription)" : "saknar läsrättighet"
                throw CLIFailure(message: "samordna: kan inte läsa \(quotedValue(path)): \(reason)", code: 1)
            }
            if let line = firstInvalidUTF8Line(data) {
                throw CLIFailure(
                    message: "samordna: \(quotedValue(path)): rad \(line): filen är inte UTF-8 (spara den som \"CSV UTF-8\"); "
                        + "ingenting importerades",
                    code: 65)
            }
            return String(decoding: data, as: UTF8.self)
        }

        /// The line (from 1) holding the first byte sequence that is not UTF-8, or nil when all of it is.
        static func firstInvalidUTF8Line(_ data: Data) -> Int? {
            var line = 1
            var iterator = data.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
                case .emptyInput: return nil
                case .error: return line
                }
            }
        }
    }
}
