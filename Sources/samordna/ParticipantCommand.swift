import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaStore

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Lägg till och lista deltagare.",
        subcommands: [Add.self, List.self])

    /// `samordna participant add`: validates everything before writing anything.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lägg till en deltagare.")

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("personnummer"), help: "Personnummer eller samordningsnummer (ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN …).")
        var personnummer: String

        @Option(name: .customLong("first-name"), help: "Förnamn.")
        var firstName: String

        @Option(name: .customLong("last-name"), help: "Efternamn.")
        var lastName: String

        @Option(name: .customLong("gender"), help: "Självuppgivet kön: kvinna, man, icke-binär, vill-ej-uppge.")
        var gender: String = Gender.villEjUppge.rawValue

        @Option(name: .customLong("phone"), help: "Telefon.")
        var phone: String?

        @Option(name: .customLong("email"), help: "E-post.")
        var email: String?

        @Option(name: .customLong("language"), help: "Språk.")
        var language: String?

        @Flag(name: .customLong("interpreter"), help: "Behöver tolk.")
        var interpreter = false

        @Flag(name: .customLong("protected"), help: "Skyddade personuppgifter: kontaktuppgifter döljs och deltagaren utesluts ur exporter.")
        var protectedIdentity = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let pnr: Personnummer
                do {
                    pnr = try Personnummer(parsing: personnummer, today: today)
                } catch {
                    throw CLIFailure(
                        message: "samordna: ogiltigt värde för --personnummer '\(personnummer)': \(error)", code: 65)
                }
                guard let g = Gender(rawValue: gender) else {
                    throw CLIFailure(
                        message: "samordna: ogiltigt värde för --gender '\(gender)': välj kvinna, man, icke-binär eller vill-ej-uppge",
                        code: 65)
                }
                let first = try Self.name(firstName, field: "--first-name")
                let last = try Self.name(lastName, field: "--last-name")
                let directory = try common.dataDirectory()
                try directory.prepare()
                let store = try CaseloadStore.open(at: directory.databaseURL)
                var ids = RandomIdentifiers()
                let participant = Participant(
                    id: Participant.ID(ids.next()), identity: .personnummer(pnr),
                    protectedIdentity: protectedIdentity, firstName: first, lastName: last, gender: g,
                    phone: phone, email: email, language: language, interpreterNeeded: interpreter,
                    status: .aktualiserad, enrolledOn: today)
                do {
                    try store.addParticipant(participant, by: currentLogin(common.environment), at: Date())
                } catch let error as StoreError {
                    throw CLIFailure(message: "samordna: \(error)", code: error.exitCode)
                }
                print("Lade till \(participant.fullName) (\(pnr.masked)), id \(participant.id)")
            }
        }

        static func name(_ value: String, field: String) throws -> String {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                throw CLIFailure(message: "samordna: \(field) får inte vara tomt", code: 65)
            }
            guard trimmed.count <= 100 else {
                throw CLIFailure(message: "samordna: \(field) är för långt (högst 100 tecken, fick \(trimmed.count))", code: 65)
            }
            if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw CLIFailure(message: "samordna: \(field) innehåller styrtecken", code: 65)
            }
            return trimmed
        }
    }

    /// `samordna participant list`: the caseload in Swedish order, as a table, CSV or JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lista deltagarna.",
            discussion: "CSV och JSON är pseudonymiserade (initialer + kort id) om inte --names anges. "
                + "Deltagare med skyddade personuppgifter tas aldrig med i CSV eller JSON.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("format"), help: "table, csv eller json.")
        var format: Format = .table

        @Flag(name: .customLong("names"), help: "Ta med fullständiga namn i CSV/JSON.")
        var names = false

        @Flag(name: .customLong("reveal"), help: "Visa fullständiga personnummer.")
        var reveal = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let directory = try common.dataDirectory()
                guard FileManager.default.fileExists(atPath: directory.databaseURL.path) else {
                    throw CLIFailure(
                        message: "samordna: ingen ärendelista i \(directory.url.path) (skapa en med 'samordna demo' eller 'samordna participant add')",
                        code: 1)
                }
                let store = try CaseloadStore.open(at: directory.databaseURL)
                let records = try store.loadCaseload()
                let team = try store.teamMembers()
                let today = common.currentDay()
                switch format {
                case .table:
                    print(ParticipantTable.render(records: records, team: team, today: today, reveal: reveal), terminator: "")
                case .csv, .json:
                    let export = ParticipantListExport(
                        records: records, team: team, catalogue: DefaultInsatsCatalogue.all, today: today,
                        names: names, revealIdentity: reveal)
                    FileHandle.standardOutput.write(Data((format == .csv ? export.csv() : export.json()).utf8))
                    if export.leftOutProtected > 0 {
                        printError("samordna: \(export.leftOutProtected) deltagare med skyddade personuppgifter är inte med i listan")
                    }
                }
            }
        }
    }
}
