import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct RoundTripTests {
    /// Adds a record the way the UI does, one write at a time.
    func add(_ record: ParticipantRecord, notes: [Note], to store: CaseloadStore) throws {
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        for a in record.assignments { try store.addAssignment(a, by: "anna", at: Fixture.at) }
        for c in record.consents { try store.addConsent(c, by: "anna", at: Fixture.at) }
        for e in record.episodes { try store.addEpisode(e, by: "anna", at: Fixture.at) }
        for m in record.meetings { try store.addMeeting(m, by: "anna", at: Fixture.at) }
        if let exit = record.exit { try store.saveExit(exit, by: "anna", at: Fixture.at) }
        for n in notes { try store.addNote(n, by: "jonna", at: Fixture.at) }
    }

    @Test func aFullRecordComesBackExactlyAsStored() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try add(record, notes: notes, to: store)
        let k = try store.saveKartlaggning(
            Fixture.kartlaggning(for: record.id), expectedVersion: nil, by: "anna", at: Fixture.at)

        let reopened = try CaseloadStore.open(at: dir.database)
        let loaded = try #require(try reopened.record(record.id))
        #expect(loaded == record)
        #expect(try reopened.loadCaseload() == [record])
        #expect(try reopened.notes(for: record.id) == notes)
        #expect(try reopened.kartlaggningar(for: record.id) == [k])
        // Text is stored byte for byte: Swedish letters, a decomposed accent, tabs, newlines, escapes.
        #expect(Array(loaded.participant.firstName.utf8) == Array(record.participant.firstName.utf8))
        #expect(Array(loaded.participant.address!.utf8) == Array(record.participant.address!.utf8))
        #expect(loaded.participant.address!.contains("\u{1B}[31m"))
        #expect(loaded.consents[0].purposeText == "Samordning kring hälsa\r\noch arbete")
        #expect(loaded.participant.identity.storedValue == Fixture.personnummerDigits("19800101", serial: 981))
    }

    @Test func datesAndTimesAreStoredInTheirDocumentedForm() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try add(record, notes: notes, to: store)
        let db = try DatabaseQueue(path: dir.database.path)
        try db.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "SELECT date FROM meeting WHERE id = 'm-1-1'") == "2026-03-04")
            #expect(try Int.fetchOne(db, sql: "SELECT start_minute FROM meeting WHERE id = 'm-1-1'") == 13 * 60 + 30)
            #expect(try String.fetchOne(db, sql: "SELECT typeof(written_at) FROM note LIMIT 1") == "real")
            #expect(try String.fetchOne(db, sql: "SELECT typeof(at) FROM change_log LIMIT 1") == "real")
            #expect(try String.fetchOne(db, sql: "SELECT discloser FROM consent") == "AF,Primärvård,Soc")
            #expect(try String.fetchOne(db, sql: "SELECT identity_kind FROM participant") == "personnummer")
        }
    }

    @Test func loadCaseloadGivesEachParticipantItsOwnChildrenInOrder() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var expected: [ParticipantRecord] = []
        for n in 1...3 {
            var (record, notes) = try Fixture.fullRecord(n)
            if n == 2 {
                record = ParticipantRecord(participant: record.participant)
                notes = []
            }
            expected.append(record)
            try add(record, notes: notes, to: store)
        }
        // Interleave: a later child for participant 1 after everyone else's.
        let late = InsatsEpisode(
            id: .init("late"), participantID: .init("full-1"), typeCode: "FK-REHAB", status: .planerad, owner: .fk)
        try store.addEpisode(late, by: "sven", at: Fixture.later)
        expected[0].episodes.append(late)

        let loaded = try store.loadCaseload()
        #expect(loaded.map(\.id.rawValue) == ["full-1", "full-2", "full-3"])
        #expect(loaded == expected)
        #expect(loaded[1].assignments.isEmpty && loaded[1].meetings.isEmpty && loaded[1].exit == nil)
        #expect(loaded[0].episodes.map(\.id.rawValue) == ["e-1-1", "e-1-2", "late"])
    }

    @Test func anImportLandsWholeAndIsLoggedPerParticipant() throws {
        let dir = try TemporaryDirectory()
        let store = try CaseloadStore.open(at: dir.database)
        var records: [ParticipantRecord] = []
        var notes: [Note] = []
        for n in 0..<20 {
            let full = try Fixture.fullRecord(n)
            records.append(full.record)
            notes += full.notes
        }
        try store.importCaseload(team: Fixture.team, records: records, notes: notes, by: "anna", at: Fixture.at)
        #expect(try store.loadCaseload() == records)
        #expect(try store.notes(for: .init("full-7")) == notes.filter { $0.participantID.rawValue == "full-7" })
        #expect(try store.changeLogCount() == Fixture.team.count + records.count)
        let entry = try #require(try store.changeLog(for: .init("full-3"), limit: 5).first)
        #expect(entry.action == .create && entry.login == "anna" && entry.at == Fixture.at)
        let logged = try JSONDecoder().decode(Participant.self, from: Data(try #require(entry.newValue).utf8))
        #expect(logged == records[3].participant)
    }

    @Test func aLoadFromADayLeavesOutOnlyEarlierMeetings() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try add(record, notes: notes, to: store)
        let loaded = try store.loadCaseload(meetingsSince: LocalDate(year: 2026, month: 3, day: 5)!)
        var expected = record
        expected.meetings = [record.meetings[1]]
        #expect(loaded == [expected])
        #expect(try store.record(.init("nobody")) == nil)
    }

    @Test func anImportWithAKnownIdentityWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let existing = try Fixture.fullRecord(5).record
        try store.addParticipant(existing.participant, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        var clash = try Fixture.fullRecord(5).record
        clash = ParticipantRecord(participant: Participant(
            id: .init("other"), identity: existing.participant.identity, firstName: "Ny", lastName: "Person",
            enrolledOn: Fixture.day))
        let fine = ParticipantRecord(participant: Fixture.participant(1))
        #expect(throws: StoreError.duplicateIdentity(existing: existing.id)) {
            try store.importCaseload(team: [], records: [fine, clash], notes: [], by: "anna", at: Fixture.at)
        }
        #expect(try store.participantCount() == 1)
        #expect(try store.changeLogCount() == logged)
    }

    @Test func anImportNamingAnUnknownTeamMemberWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try CaseloadStore.open(at: dir.database)
        let (record, _) = try Fixture.fullRecord(1)
        #expect(throws: StoreError.self) {
            try store.importCaseload(team: [Fixture.anna], records: [record], notes: [], by: "anna", at: Fixture.at)
        }
        #expect(try store.participantCount() == 0)
        #expect(try store.teamMembers() == [])
        #expect(try store.changeLogCount() == 0)
    }

    @Test func aBackupIsAPrivateCopyThatOpens() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try add(record, notes: notes, to: store)
        let target = dir.file("backup.sqlite")
        try store.backup(to: target)
        #expect(try permissions(target) == 0o600)
        #expect(try CaseloadStore.openReadOnly(at: target).loadCaseload() == [record])
        #expect(throws: StoreError.self) { try store.backup(to: target) }
    }
}
