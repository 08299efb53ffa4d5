import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// The participant and list actions of issue 3 through the real loop and a real database file: avslut,
/// reopening, withdrawal, undo and a bulk change, each written once and logged.
@MainActor
@Suite struct RecordActionsTests {
    let tests = ProgramTests()

    func keys(_ p: Program, _ keys: String...) {
        for k in keys { p.handle(.key(KeyChord(parsing: k)!)) }
    }

    func type(_ p: Program, _ text: String) {
        for c in text { p.handle(.key(.char(c))) }
    }

    /// Opens the first open participant in the list and returns its id.
    func openFirstOpen(_ p: Program) throws -> Participant.ID {
        let index = try #require(p.state.list.visible.firstIndex { p.state.rows[$0].status.isOpen })
        for _ in 0..<index { keys(p, "j") }
        keys(p, "<Enter>")
        return try #require(p.state.openParticipant?.id)
    }

    @Test func exitClosesWithOutcomeAndFollowUpsThenUndoReopens() throws {
        let caseload = try ProgramTests.Caseload(participants: 8)
        let backend = TextBackend()
        let p = tests.program(caseload, backend: backend)
        p.start()
        let id = try openFirstOpen(p)
        keys(p, "x", "<Right>", "<C-s>")
        p.render()
        let stored = try #require(try caseload.store.record(id))
        #expect(stored.participant.status == .avslutad)
        #expect(stored.exit?.outcome == .a1)
        #expect(stored.exit?.followUp4Weeks == ProgramTests.today.adding(days: 28))
        #expect(backend.screen.text.contains("Avslutad (A1)"))
        // The overview's history shows the change, after the record reloads.
        #expect(backend.screen.text.contains("Avslut") && p.state.openParticipant?.details?.history.isEmpty == false)

        keys(p, "u")
        p.render()
        let undone = try #require(try caseload.store.record(id))
        #expect(undone.participant.status != .avslutad)
        #expect(backend.screen.text.contains("Ångrat"))
        let log = try caseload.store.changeLog(for: id, limit: 10)
        #expect(log.contains { $0.action == .undo && $0.login == "anna.af" })
    }

    @Test func reopeningAClosedParticipantIsAskedAndLogged() throws {
        let caseload = try ProgramTests.Caseload(participants: 8)
        let p = tests.program(caseload, backend: TextBackend())
        p.start()
        let id = try openFirstOpen(p)
        keys(p, "x", "<Right>", "<C-s>")
        #expect(try caseload.store.participant(id)?.status == .avslutad)
        keys(p, "x", "y")
        #expect(try caseload.store.participant(id)?.status == .aktiv)
        #expect(try caseload.store.record(id)?.exit != nil, "the old exit stays as history")
    }

    @Test func aConsentIsWithdrawnByTheLoggedInMember() throws {
        let caseload = try ProgramTests.Caseload(participants: 12)
        let backend = TextBackend()
        let p = tests.program(caseload, backend: backend)
        p.start()
        let records = try caseload.store.loadCaseload()
        let withConsent = try #require(
            records.first { r in r.participant.status.isOpen && r.consents.contains { $0.withdrawnOn == nil } })
        let row = try #require(p.state.list.visible.firstIndex { p.state.rows[$0].id == withConsent.id })
        for _ in 0..<row { keys(p, "j") }
        keys(p, "<Enter>", "6")
        let selected = try #require(p.state.openParticipant?.selectedItemID)
        keys(p, "e", "<Tab>")
        type(p, "muntligt vid möte")
        keys(p, "<C-s>")
        p.render()
        let consent = try #require(try caseload.store.record(withConsent.id)?.consents.first { .consent($0.id) == selected })
        #expect(consent.withdrawnOn == ProgramTests.today)
        #expect(consent.withdrawnHow == "muntligt vid möte")
        #expect(consent.withdrawalRegisteredBy == (try caseload.store.teamMember(login: "anna.af"))?.id)
        #expect(backend.screen.text.contains("återkallat 2026-11-23: muntligt vid möte"))
    }

    @Test func aBulkStatusChangeWritesEveryTaggedParticipantOnce() throws {
        let caseload = try ProgramTests.Caseload(participants: 20)
        let p = tests.program(caseload, backend: TextBackend())
        p.start()
        keys(p, "f")
        type(p, "status aktiv")
        keys(p, "<Enter>")
        let aktiva = p.state.list.visible.map { p.state.rows[$0].id }
        try #require(aktiva.count >= 3)
        keys(p, "<Space>", "<Space>", "<Space>", "a")
        type(p, "vilande")
        keys(p, "<Enter>", "y")
        #expect(p.state.list.tagged.isEmpty)
        for id in aktiva.prefix(3) { #expect(try caseload.store.participant(id)?.status == .vilande) }
        for id in aktiva.dropFirst(3) { #expect(try caseload.store.participant(id)?.status == .aktiv) }
        // One undo takes back the whole bulk change.
        keys(p, "u")
        for id in aktiva.prefix(3) { #expect(try caseload.store.participant(id)?.status == .aktiv) }
        #expect(p.state.status == "Ångrat: ändringen för 3 deltagare")
    }
}

@MainActor
@Suite struct KeepMineTests {
    @Test func keepMineSavesMyFieldAndKeepsTheColleaguesOtherChange() throws {
        let caseload = try ProgramTests.Caseload(participants: 4)
        let backend = TextBackend()
        let p = ProgramTests().program(caseload, backend: backend)
        p.start()
        p.handle(.key(KeyChord(parsing: "<Enter>")!))
        let id = try #require(p.state.openParticipant?.id)
        p.handle(.key(KeyChord(parsing: "E")!))
        // A colleague saves a new e-mail address meanwhile.
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        var theirs = try #require(try colleague.participant(id))
        theirs.email = "kollega@exempel.se"
        _ = try colleague.updateParticipant(theirs, expectedVersion: theirs.version, by: "bjorn.soc", at: Date())
        // I change the phone and save: a conflict naming both changes.
        while case .participantForm(let f) = p.state.stack.last, f.form.focusedID != "phone" {
            p.handle(.key(KeyChord(.tab)))
        }
        p.handle(.key(.ctrl("u")))
        for c in "070-123 45 67" { p.handle(.key(.char(c))) }
        p.handle(.key(.ctrl("s")))
        p.render()
        #expect(backend.screen.text.contains("Kollegan ändrade: e-post"))
        #expect(backend.screen.text.contains("Du ändrade: telefon"))
        p.handle(.key(.char("b")))
        let stored = try #require(try caseload.store.participant(id))
        #expect(stored.phone == "070-123 45 67")
        #expect(stored.email == "kollega@exempel.se", "the colleague's change is not reverted")
    }
}
