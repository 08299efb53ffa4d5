import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaStore

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Lägg till, ändra, lista och visa deltagare.",
        subcommands: [Add.self, Edit.self, List.self, Show.self])

    /// `samordna participant list`: the caseload in Swedish order, as a table, CSV or JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
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

        @Option(
            name: .customLong("status"),
            help: ArgumentHelp("Bara deltagare med denna status: aktualiserad, aktiv, vilande, avslutad.", valueName: "status"))
        var status: String?

        @Option(
            name: .customLong("responsible"),
            help: ArgumentHelp("Bara deltagare som denna medarbetare är ansvarig för idag.", valueName: "inloggning"))
        var responsible: String?

        func validate() throws {
            try common.validate()
            if let status, ParticipantStatus(rawValue: status) == nil {
                throw ValidationError(
                    "okänd status '\(status)' för --status (välj aktualiserad, aktiv, vilande eller avslutad)")
            }
        }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let team = try store.teamMembers()
                let today = common.currentDay()
                let catalogue = try CatalogueText.load(store: store, common: common)
                var records = try store.loadCaseload()
                if let status = status.flatMap(ParticipantStatus.init(rawValue:)) {
                    records = records.filter { $0.participant.status == status }
                }
                if let responsible {
                    guard let member = team.first(where: { $0.login == responsible }) else {
                        throw CLIFailure(
                            message: invalidOption("--responsible", responsible, "ingen medarbetare har den inloggningen"),
                            code: 65)
                    }
                    records = records.filter { $0.responsible(on: today).values.contains(member.id) }
                }
                switch format {
                case .table:
                    if reveal {
                        try common.logAccess(
                            store, .revealPersonnummer, participants: records.map(\.participant.id), format: "table",
                            withNames: true, detail: "participant list --reveal")
                    }
                    print(ParticipantTable.render(
                            records: records, team: team, catalogue: catalogue.byCode, today: today, reveal: reveal,
                            reader: try common.reader(store)?.id), terminator: "")
                case .csv, .json:
                    let export = ParticipantListExport(
                        records: records, team: team, catalogue: catalogue.catalogue, today: today,
                        names: names, revealIdentity: reveal)
                    try common.logAccess(
                        store, .export,
                        participants: records.filter { !$0.participant.protectedIdentity }.map(\.participant.id),
                        format: format.rawValue, withNames: names || reveal,
                        detail: "participant list" + (names ? " --names" : "") + (reveal ? " --reveal" : ""))
                    FileHandle.standardOutput.write(Data((format == .csv ? export.csv() : export.json()).utf8))
                    if export.leftOutProtected > 0 {
                        printError("samordna: \(export.leftOutProtected) deltagare med skyddade personuppgifter är inte med i listan")
                    }
                }
            }
        }
    }
}
