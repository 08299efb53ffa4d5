import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaTemplates

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

    @Flag(name: .customLong("no-kartlaggningar"), help: "Inga klara kartläggningar i demon (en tom historik att börja från).")
    var noKartlaggningar = false

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
                login: currentLogin(common.environment), kartlaggningar: !noKartlaggningar)
            let path = quotedValue(directory.url.path)
            print("Demo skapad i \(path): \(count) deltagare. Öppna med: samordna --data \(path)")
        }
    }

    /// Generates and imports the demo. Refuses a directory that already holds participants, so a demo can
    /// never mix with or overwrite real data.
    @discardableResult
    /// - Parameter actingAs: for `--demo`: the login becomes the demo's arbetsförmedlare, so whoever tries
    ///   the demo can write notes and kartläggningar at once instead of being asked who they are.
    static func create(
        in directory: DataDirectory, participants: Int, seed: UInt64, today: LocalDate, login: String,
        actingAs: Bool = false, kartlaggningar: Bool = true
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
        if kartlaggningar { try addKartlaggningar(demo, to: store, in: directory, seed: seed, today: today, login: login) }
        return demo.records.count
    }

    /// A completed kartläggning on the day of a held kartläggning meeting, for about every fourth participant
    /// who had one: answers for the team's template checked by Core, who was present, and the
    /// arbetsförmedlare's tilltro and step (the suggested one). Written through the store like the form does.
    static func addKartlaggningar(
        _ demo: DemoCaseload, to store: CaseloadStore, in directory: DataDirectory, seed: UInt64, today: LocalDate,
        login: String
    ) throws {
        let load = try store.currentTemplate(
            file: TemplateFile.url(in: directory.url), by: login, at: today.moving(Date(), in: .current))
        let template = load.template
        var n = 0
        var ids = RandomIdentifiers()
        for record in demo.records where !record.participant.protectedIdentity {
            guard let meeting = record.meetings.filter({ $0.kind == .kartlaggning && $0.outcome == .genomfort }).min(by: { $0.date < $1.date })
            else { continue }
            n += 1
            guard n % 4 == 1 else { continue }
            let at = meeting.date.moving(Date(), in: .current)
            // Done and signed by the participant's arbetsförmedlare on the day.
            let af = record.responsible(on: meeting.date)[.arbetsformedlare].flatMap { id in demo.team.first { $0.id == id } }
            guard let by = af?.login, !by.isEmpty else { continue }
            let start = try store.startKartlaggning(
                id: .init(ids.next()), participant: record.id, templateVersion: template.version,
                date: meeting.date, by: by, at: at)
            var draft = start.kartlaggning
            draft.answers = DemoKartlaggning.answers(for: template, seed: seed &+ UInt64(n), on: meeting.date)
            let present = Profession.core.filter { meeting.professions.contains($0) }
            draft.professionsPresent = present.isEmpty ? [.arbetsformedlare] : present
            let saved = try store.saveKartlaggningDraft(draft, expectedVersion: draft.version, by: by, at: at)
            let suggestion = StepLadder.suggest(episodes: record.episodes, catalogue: DefaultInsatsCatalogue.all, on: meeting.date)
            let assessment = ProfessionAssessment(
                kartlaggningID: saved.id, profession: .arbetsformedlare, belief: 3 + n % 3, step: suggestion.step,
                suggestedStep: suggestion.step)
            _ = try store.completeKartlaggning(
                saved, expectedVersion: saved.version, professionsPresent: saved.professionsPresent, assessment: assessment,
                by: by, at: at)
        }
    }
}
