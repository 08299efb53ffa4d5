import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// The access log through the real loop and a real database file: opening a participant is one line, reading
/// it again after a change is none, `r` is one line, and a colleague's read does not announce an update.
@MainActor
@Suite struct AccessLogFlowTests {
    let tests = ProgramTests()

    func keys(_ p: Program, _ keys: String...) {
        for k in keys { p.handle(.key(KeyChord(parsing: k)!)) }
    }

    @Test func openingAParticipantWritesOneLineAndARefreshDoesNot() throws {
        let caseload = try ProgramTests.Caseload(participants: 6)
        let backend = TextBackend()
        let p = tests.program(caseload, backend: backend)
        p.start()
        keys(p, "<Enter>")
        let id = try #require(p.state.openParticipant?.id)
        let log = try caseload.store.accessLog(participant: id)
        #expect(log.count == 1)
        #expect(log.first?.action == .read)
        #expect(log.first?.login == "anna.af")
        #expect(log.first?.format == "tui")

        // A colleague changes the open participant: the overview is read again, and nothing is logged.
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        let stored = try #require(try colleague.participant(id))
        var changed = stored
        changed.phone = "070-123 45 67"
        _ = try colleague.updateParticipant(changed, expectedVersion: stored.version, by: "bjorn.soc", at: Date())
        p.idleTick()
        #expect(p.state.caseload.record(id)?.participant.phone == "070-123 45 67")
        #expect(try caseload.store.accessLog(participant: id).count == 1, "a refresh is not a new read")

        // The overview shows who has looked at the record (below the history).
        let lines = try #require(p.state.openParticipant?.lines.map(\.text))
        let header = try #require(lines.firstIndex { $0.hasPrefix("Åtkomst") })
        #expect(lines[header + 1].hasSuffix("Anna Lindqvist (anna.af), AF: öppnade"), "\(lines[header + 1])")

        // Back and open again: a second line.
        keys(p, "<Esc>", "<Enter>")
        #expect(try caseload.store.accessLog(participant: id).count == 2)
    }

    @Test func revealingThePersonnummerWritesOneLineMaskingNone() throws {
        let caseload = try ProgramTests.Caseload(participants: 4)
        let p = tests.program(caseload, backend: TextBackend())
        p.start()
        keys(p, "<Enter>")
        let id = try #require(p.state.openParticipant?.id)
        keys(p, "r")
        #expect(try caseload.store.accessLog(participant: id).map(\.action) == [.revealPersonnummer, .read])
        keys(p, "r")
        #expect(try caseload.store.accessLog(participant: id).count == 2, "masking again is not logged")
    }

    @Test func revealingTheWholeListIsOneLineCountingEveryone() throws {
        let caseload = try ProgramTests.Caseload(participants: 5)
        let p = tests.program(caseload, backend: TextBackend())
        p.start()
        keys(p, "r")
        let log = try caseload.store.accessLog()
        #expect(log.count == 1)
        #expect(log.first?.action == .revealPersonnummer)
        #expect(log.first?.participantID == nil)
        #expect(log.first?.participants == p.state.rows.count)
    }

    @Test func aColleaguesReadChangesNothingAndSaysNothing() throws {
        let caseload = try ProgramTests.Caseload(participants: 5)
        let backend = TextBackend()
        let p = tests.program(caseload, backend: backend)
        p.start()
        p.idleTick()
        let before = p.state.rows
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        let someone = try #require(try colleague.participants().first)
        try colleague.logAccess(
            .read, participant: someone.id, format: "text", withNames: true, detail: "participant show", by: "bjorn.soc",
            at: Date())
        p.idleTick()
        p.render()
        #expect(p.state.rows == before)
        #expect(!backend.screen.text.contains("Uppdaterat med ändringar från en kollega"))
        #expect(p.state.status?.contains("Uppdaterat") != true)
    }

    @Test func theWeekExportIsOneLineCountingTheParticipantsWithoutNames() throws {
        let caseload = try ProgramTests.Caseload(participants: 12)
        let runner = EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: "anna.af", dataDirectory: caseload.directory)
        let week = IsoWeek(containing: ProgramTests.today)
        guard case .week(.exported(let path))? = runner.perform(.week(.export(week, mine: false, format: .csv))).first else {
            Issue.record("no export")
            return
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let log = try caseload.store.accessLog()
        #expect(log.count == 1)
        let line = try #require(log.first)
        #expect(line.action == .export)
        #expect(line.format == "csv")
        #expect(!line.withNames)
        #expect(line.login == "anna.af")
        #expect(line.detail == "x veckolista \(week)")
    }
}
