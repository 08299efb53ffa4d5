import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import Testing

/// The catalogue the launcher reads once reaches the UI with the caseload: the team's file, or the last valid
/// catalogue with a notice when the file has errors.
@Suite struct CatalogueFlowTests {
    func loaded(_ caseload: ProgramTests.Caseload) throws -> SamordnaUI.Caseload {
        let load = try caseload.store.currentCatalogue(file: caseload.directory.appendingPathComponent("insatser.yaml"))
        var runner = EffectRunner(
            store: caseload.store, catalogue: load.catalogue, timeZone: TimeZone(identifier: "Europe/Stockholm")!,
            fixedToday: ProgramTests.today, login: "anna.af")
        runner.catalogueNotice = load.notice
        guard case .caseload(.loaded(let loaded))? = runner.perform(.caseload(.load)).first else {
            Issue.record("no load")
            throw CancellationError()
        }
        return loaded
    }

    @Test func theTeamsFileReachesTheCaseloadAndABrokenOneComesWithANotice() throws {
        let caseload = try ProgramTests.Caseload(participants: 5)
        let file = caseload.directory.appendingPathComponent("insatser.yaml")
        let first = try loaded(caseload)
        #expect(first.catalogueNotice == nil)
        #expect(first.catalogue["KJC"]?.jobFocused == false)

        // The team marks its own coaching as job-focused.
        let coaching = "  - kod: KJC\n    namn: Jobbcoachning / matchning\n    organisation: Kommun (Jobbtorg)\n"
            + "    kategorier: [J]\n    jobbinriktad: nej\n"
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(coaching))
        try Data(text.replacingOccurrences(of: coaching, with: coaching.replacingOccurrences(of: "nej", with: "ja")).utf8)
            .write(to: file)
        let edited = try loaded(caseload)
        #expect(edited.catalogue["KJC"]?.jobFocused == true)
        #expect(edited.catalogueNotice == nil)

        // A typo: the last valid catalogue (with KJC job-focused) stays, and the UI is told why.
        try Data(text.replacingOccurrences(of: "    jobbinriktad: nej\n", with: "    jobbinriktad: kanske\n").utf8).write(to: file)
        let broken = try loaded(caseload)
        #expect(broken.catalogue["KJC"]?.jobFocused == true)
        #expect(broken.catalogueNotice?.contains("'jobbinriktad:' ska vara ja eller nej, inte 'kanske'") == true)
    }
}
