import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct ChangeLogTests {
    @Test func aNewParticipantIsLoggedWithWhoAndWhen() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        let log = try store.changeLog(for: p.id, limit: 10)
        #expect(log.count == 1)
        let entry = try #require(log.first)
        #expect(entry.login == "anna")
        #expect(entry.at == Fixture.at)
        #expect(entry.action == .create)
        #expect(entry.recordKind == "participant")
        #expect(entry.recordID == "p-1")
        #expect(entry.participantID == p.id)
        #expect(entry.oldValue == nil)
        let new = try JSONDecoder().decode(Participant.self, from: Data(try #require(entry.newValue).utf8))
        #expect(new == p)
    }

    @Test func anUpdateIsLoggedWithTheOldAndTheNewValue() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        p.phone = "070-111"
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-222"
        let saved = try store.updateParticipant(p, expectedVersion: 1, by: "sven", at: Fixture.later)
        #expect(saved.version == 2)
        let entry = try #require(try store.changeLog(for: p.id, limit: 1).first)
        #expect(entry.login == "sven")
        #expect(entry.action == .update)
        #expect(entry.at == Fixture.later)
        #expect(try #require(entry.oldValue).contains("070-111"))
        #expect(try #require(entry.newValue).contains("070-222"))
        #expect(try #require(entry.newValue).contains("\"version\":2"))
        #expect(try store.changeLog(for: p.id, limit: 10).map(\.action) == [.update, .create])
    }

    @Test func aRefusedWriteLeavesNeitherTheRecordNorTheLogRow() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        // The consent names a team member who does not exist: the insert fails inside the transaction.
        let consent = Consent(
            id: .init("c-1"), participantID: p.id, discloser: [.af], recipient: [.socialtjanst], categories: [.halsa],
            purposes: [.sip], validFrom: Fixture.day, validTo: Fixture.day.adding(days: 365),
            registeredBy: .init("m-nobody"))
        #expect(throws: StoreError.self) { try store.addConsent(consent, by: "anna", at: Fixture.at) }
        #expect(try store.record(p.id)?.consents == [])
        #expect(try store.changeLogCount() == logged)
    }

    @Test func textWithANulCharacterIsRefusedRatherThanCut() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        p.address = "Storgatan 1\u{0}lgh 2"
        do {
            try store.addParticipant(p, by: "anna", at: Fixture.at)
            Issue.record("sparade text med NUL")
        } catch {
            guard case .invalid(let field, _) = error else { throw error }
            #expect(field.contains("address"))
            #expect(error.exitCode == 65)
        }
        #expect(try store.participantCount() == 0)
        #expect(try store.changeLogCount() == 3)
    }

    @Test func anEmptyLoginIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        #expect(throws: StoreError.self) { try store.addParticipant(Fixture.participant(1), by: " ", at: Fixture.at) }
        #expect(try store.participantCount() == 0)
    }

    @Test func sqliteItselfRefusesToRewriteTheLog() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let count = try store.changeLogCount()
        let db = try DatabaseQueue(path: dir.database.path)
        for sql in ["UPDATE change_log SET login = 'mallory'", "DELETE FROM change_log"] {
            do {
                try db.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) gick igenom")
            } catch let error as DatabaseError {
                #expect(error.message?.contains("append-only") == true)
            }
        }
        #expect(try store.changeLogCount() == count)
        #expect(try store.changeLog(for: .init("p-1"), limit: 5).first?.login == "anna")
    }

    @Test func notesAreNeverRewritten() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        try store.addNote(notes[0], by: "jonna", at: Fixture.at)
        let db = try DatabaseQueue(path: dir.database.path)
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "UPDATE note SET text = 'x'") } }
        #expect(try store.notes(for: record.participant.id) == [notes[0]])
    }
}
