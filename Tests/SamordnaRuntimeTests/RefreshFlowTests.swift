import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// The runner reads again only what the change log names after the caseload it last loaded.
@Suite struct RefreshFlowTests {
    func runner(_ caseload: ProgramTests.Caseload, login: String = "anna.af") -> EffectRunner {
        EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: login)
    }

    @Test func aColleaguesCommitComesBackAsAPatchOfThatParticipant() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 40)
        let mine = runner(caseload)
        guard case .caseload(.loaded(let loaded))? = mine.perform(.caseload(.load)).first else {
            Issue.record("no load")
            return
        }
        let target = loaded.records[7].participant
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        var changed = target
        changed.phone = "070-999 99 99"
        _ = try colleague.updateParticipant(changed, expectedVersion: target.version, by: "bjorn.soc", at: Date())

        guard case .caseload(.changed(let patch))? = mine.perform(.caseload(.refresh)).first else {
            Issue.record("a refresh after one commit is a patch, not a whole load")
            return
        }
        #expect(patch.records.map(\.id) == [target.id])
        #expect(patch.records.first?.participant.phone == "070-999 99 99")
        // Nothing more since: an empty patch.
        #expect(mine.perform(.caseload(.refresh)) == [.caseload(.changed(CaseloadPatch(records: [])))])
    }

    @Test func beforeAnyLoadARefreshLoadsEverything() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 5)
        guard case .caseload(.loaded(let all))? = runner(caseload).perform(.caseload(.refresh)).first else {
            Issue.record("no whole load")
            return
        }
        #expect(all.records.count == 5)
    }

    @Test func theIdentifierSourceIsInjected() async throws {
        let caseload = try await ProgramTests.Caseload(participants: 3)
        var r = runner(caseload)
        r.newID = { "fixed-id" }
        let me = try #require(try caseload.store.teamMembers().first { $0.profession == .arbetsformedlare })
        var claimed = me
        claimed.login = "anna.af"
        try caseload.store.updateTeamMember(claimed, replacing: me, by: "test", at: Date())
        let pid = try #require(try caseload.store.participants().first).id
        #expect(r.perform(.note(.add(NoteDraft(participantID: pid, text: "Ringde.", corrects: nil)))) == [.note(.saved(pid))])
        #expect(try caseload.store.notes(for: pid).contains { $0.id == Note.ID("fixed-id") })
    }
}

/// A storage warning found at start is in the status line of the first screen.
@MainActor
@Suite struct StartupNoticeTests {
    @Test func aStorageWarningShowsInTheStatusLine() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        let backend = TextBackend()
        var runner = EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: "anna.af")
        runner.startupNotice = "Varning: '/data' kan läsas av andra användare på datorn"
        let p = Program(backend: backend, runner: runner, user: "anna.af")
        p.start()
        #expect(backend.screen.text.contains("Varning: '/data' kan läsas av andra"))
    }
}
