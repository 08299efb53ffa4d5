import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore

/// `samordna demo`: writes a realistic, invented caseload (test personnummer only) into an empty data
/// directory. The same seed and day give the same caseload.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Skapa en demo-ärendelista med påhittade deltagare i en tom datakatalog.")

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("participants"), help: "Antal deltagare (1–100000).")
    var participants = 100

    @Option(name: .customLong("seed"), help: "Frö för slumpen: samma frö och dag ger samma demo.")
    var seed: UInt64 = 1

    func validate() throws {
        try common.validate()
        guard (1...100_000).contains(participants) else {
            throw ValidationError("--participants måste vara mellan 1 och 100000 (fick \(participants))")
        }
    }

    func run() throws {
        try exitOnFailure {
            let directory = try common.dataDirectory()
            try directory.prepare()
            let count = try Self.create(
                in: directory, participants: participants, seed: seed, today: common.currentDay(),
                login: currentLogin(common.environment))
            print("Demo skapad i \(directory.url.path): \(count) deltagare. Öppna med: samordna --data \(directory.url.path)")
        }
    }

    /// Generates and imports the demo. Refuses a directory that already holds participants, so a demo can
    /// never mix with or overwrite real data.
    @discardableResult
    /// - Parameter actingAs: for `--demo`: the login becomes the demo's arbetsförmedlare, so whoever tries
    ///   the demo can write notes and kartläggningar at once instead of being asked who they are.
    static func create(
        in directory: DataDirectory, participants: Int, seed: UInt64, today: LocalDate, login: String,
        actingAs: Bool = false
    ) throws -> Int {
        let store = try CaseloadStore.open(at: directory.databaseURL)
        let existing = try store.participantCount()
        guard existing == 0 else {
            throw CLIFailure(
                message: "samordna: \(directory.databaseURL.path) innehåller redan \(existing) deltagare; "
                    + "demon skrivs bara till en tom datakatalog",
                code: 1)
        }
        var demo = DemoCaseload.generate(participants: participants, seed: seed, today: today)
        if actingAs, !demo.team.contains(where: { $0.login == login }),
            let i = demo.team.firstIndex(where: { $0.profession == .arbetsformedlare && $0.active })
        {
            demo.team[i].login = login
        }
        try store.importCaseload(
            team: demo.team, records: demo.records, notes: demo.notes, by: login, at: today.moving(Date(), in: .current))
        return demo.records.count
    }
}
