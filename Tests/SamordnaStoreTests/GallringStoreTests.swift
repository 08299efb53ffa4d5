import Foundation
import GRDB
import SamordnaCore
import SamordnaTemplates
import Testing

@testable import SamordnaStore

/// Gallring on real database files: who is due, erasing a participant whole in one transaction, and that
/// nothing of them remains in any table or in the file's bytes.
@Suite struct GallringStoreTests {
    let dir: TemporaryDirectory
    let store: CaseloadStore
    /// Closed 2026-02-27 (6-month follow-up 2026-08-27), every kind of record, an update, an undo, a
    /// kartläggning with an assessment. Due with the default rule from 2028-08-27.
    let gone: Participant
    /// Open, with a note: must stay whole.
    let kept = Fixture.participant(2)
    let personnummer: String

    init() throws {
        dir = try TemporaryDirectory()
        store = try Fixture.store(in: dir)
        var (record, notes) = try Fixture.fullRecord(1)
        record.participant.status = .avslutad
        gone = record.participant
        personnummer = Fixture.personnummerDigits("19800101", serial: 981)
        try store.importCaseload(team: [], records: [record], notes: notes, by: "anna", at: Fixture.at)
        var changed = try #require(try store.participant(gone.id))
        changed.phone = "070-765 43 21"
        _ = try store.updateParticipant(changed, expectedVersion: changed.version, by: "anna", at: Fixture.at)
        changed.email = "ny@example.se"
        _ = try store.updateParticipant(changed, expectedVersion: changed.version + 1, by: "anna", at: Fixture.at)
        _ = try store.undoLastChange(by: "anna", at: Fixture.at, timeZone: utc)
        let template = try store.currentTemplate(file: dir.file(TemplateFile.name), by: "anna", at: Fixture.at).template
        let k = try store.startKartlaggning(
            id: .init("k-gone"), participant: gone.id, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        try store.recordAssessment(
            ProfessionAssessment(kartlaggningID: k.id, profession: .jobbcoach, belief: 3, step: .kartlaggning, suggestedStep: .kartlaggning),
            replacing: nil, by: "jonna", at: Fixture.at)
        try store.addParticipant(kept, by: "anna", at: Fixture.at)
        try store.addNote(
            Note(id: .init("n-kept"), participantID: kept.id, authorID: Fixture.sven.id, profession: .socialsekreterare, owner: .kommunSoc,
                 writtenAt: Fixture.at, text: "Stannar kvar"), by: "sven", at: Fixture.at)
        try store.logAccess(.read, participant: gone.id, format: "tui", withNames: true, detail: "öppnad", by: "sven", at: Fixture.at)
    }

    var utc: TimeZone { TimeZone(identifier: "UTC")! }
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// Everything that would tell who the erased participant was, as stored text.
    var traces: [String] {
        [gone.id.rawValue, personnummer, "Öström", "Åsa-Ren", "070-123 45 67", "070-765 43 21", "asa@example.se", "konditor",
         "Västerås", "Storgatan", "k-gone", "e-1-1", "m-1-1", "n-1-1", "c-1", "a-1-1"]
    }

    /// Every text value of every table (but the access log's participant column), for the traces.
    func everyStoredText(_ db: Database) throws -> [(table: String, text: String)] {
        var found: [(String, String)] = []
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        for table in tables {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                for (column, value) in row {
                    if table == "access_log" && column == "participant_id" { continue }
                    if let text = String.fromDatabaseValue(value) { found.append((table, text)) }
                }
            }
        }
        return found
    }

    @Test func theClosedParticipantIsDueFromTwoYearsAfterTheFollowUpAndTheOpenOneNever() throws {
        let before = try store.gallringCandidates(today: Self.day("2028-08-26"), timeZone: utc)
        #expect(before.map(\.id) == [gone.id])
        #expect(before[0].decision.from == Self.day("2028-08-27"))
        #expect(!before[0].decision.due)
        #expect(before[0].protectedIdentity)
        #expect(before[0].pseudonym == "full-1 (skyddad)")
        #expect(try store.gallringDueCount(today: Self.day("2028-08-26"), timeZone: utc) == 0)
        #expect(try store.gallringDueCount(today: Self.day("2028-08-27"), timeZone: utc) == 1)
        #expect(try store.gallringDueCount(today: Self.day("2099-01-01"), timeZone: utc) == 1)
    }

    @Test func theOrganisationsRulesAreStoredAndTheStrictestDecides() throws {
        #expect(try store.retentionPolicies() == RetentionPolicies())
        // Socialtjänsten has entries (a responsible socialsekreterare): personakt keeps them five years after
        // the last entry (the change log's 2026-03-02 or the meeting of 2026-03-11).
        try store.setRetentionRule(.personakt, for: .kommunSoc, by: "sven", at: Fixture.at)
        try store.setRetentionRule(.afterFollowUp(months: 6), for: .af, by: "anna", at: Fixture.at)
        #expect(try store.retentionPolicies().rules == [.kommunSoc: .personakt, .af: .afterFollowUp(months: 6)])
        let c = try #require(try store.gallringCandidates(today: Self.day("2031-03-10"), timeZone: utc).first)
        #expect(!c.decision.due)
        #expect(c.decision.from == Self.day("2031-03-11"))
        #expect(c.decision.deadline == Self.day("2032-12-31"))
        try store.setRetentionRule(nil, for: .kommunSoc, by: "sven", at: Fixture.at)
        #expect(try store.retentionPolicies().rules == [.af: .afterFollowUp(months: 6)])
        #expect(throws: StoreError.self) { try store.setRetentionRule(.afterFollowUp(months: 0), for: .af, by: "anna", at: Fixture.at) }
        #expect(throws: StoreError.self) { try store.setRetentionRule(.afterFollowUp(months: 121), for: .af, by: "anna", at: Fixture.at) }
    }

    @Test func erasingLeavesNothingOfTheParticipantInAnyTableNorInTheFile() throws {
        let mark = try store.read { db in try everyStoredText(db) }
        for trace in traces {
            #expect(mark.contains { $0.text.contains(trace) }, "the test data should hold \(trace) before")
        }
        let keptRows = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE participant_id = ?", arguments: [kept.id.rawValue])
        }
        let run = try store.eraseParticipants([gone.id, kept.id], today: Self.day("2030-01-01"), timeZone: utc, by: "anna", at: Fixture.later)
        #expect(run.erased == 1)
        #expect(run.skipped == [kept.id])
        #expect(run.checkpointed)

        let after = try store.read { db in try everyStoredText(db) }
        for trace in traces {
            let hits = after.filter { $0.text.contains(trace) }
            #expect(hits.isEmpty, "\(trace) remains in \(hits.map(\.table))")
        }
        #expect(try store.participant(gone.id) == nil)
        #expect(try store.participant(kept.id) != nil)
        #expect(try store.notes(for: kept.id).count == 1)
        #expect(
            try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE participant_id = ?", arguments: [kept.id.rawValue])
            } == keptRows)
        // The access log keeps its line (append-only): the random id only, no name.
        let access = try store.accessLog(participant: gone.id)
        #expect(access.count == 1)
        #expect(!access[0].detail.contains("Öström"))
        // One line in the gallring log, without ids or names.
        let log = try store.gallringLog()
        #expect(log.count == 1)
        #expect(log[0].participants == 1)
        #expect(log[0].login == "anna")
        #expect(log[0].organisation == "AF")
        #expect(log[0].day == Self.day("2030-01-01"))
        #expect(log[0].rules.contains("AF: 24 månader efter sista uppföljningen"))
        // The bytes: deleted content is overwritten and the WAL emptied, so not even free pages hold it.
        for file in [dir.database, URL(fileURLWithPath: dir.database.path + "-wal")] {
            guard let data = try? Data(contentsOf: file) else { continue }
            for trace in [personnummer, "Öström", "070-123 45 67", "konditor"] {
                #expect(data.range(of: Data(trace.utf8)) == nil, "\(trace) remains in \(file.lastPathComponent)")
            }
        }
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func aParticipantNotDueOrReopenedIsLeftWhole() throws {
        let run = try store.eraseParticipants([gone.id], today: Self.day("2028-08-26"), timeZone: utc, by: "anna", at: Fixture.later)
        #expect(run.erased == 0)
        #expect(run.skipped == [gone.id])
        #expect(try store.participant(gone.id) != nil)
        #expect(try store.gallringLog().isEmpty)
    }

    @Test func theLogsStayAppendOnlyOutsideAnErasure() throws {
        _ = try store.eraseParticipants([gone.id], today: Self.day("2030-01-01"), timeZone: utc, by: "anna", at: Fixture.later)
        try store.database.write { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM gallring_erasing") == 0)
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM change_log") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM gallring_log") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE gallring_log SET participants = 2") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM access_log") }
        }
    }

    /// An open session refreshes from its change-log mark. An erasure leaves nothing of the participant in the
    /// change log, so the refresh must still notice it and drop them (else the session would go on showing
    /// someone gallrad).
    @Test func anOpenSessionsRefreshDropsAnErasedParticipant() throws {
        let session = try CaseloadStore.open(at: dir.database)
        let mark = try session.changeMark()
        #expect(try session.loadCaseload().contains { $0.id == gone.id })
        _ = try store.eraseParticipants([gone.id], today: Self.day("2030-01-01"), timeZone: utc, by: "anna", at: Fixture.later)
        #expect(try session.refresh(since: mark, meetingsSince: nil) == nil, "a whole load")
        #expect(try !session.loadCaseload().contains { $0.id == gone.id })
        // Later changes refresh as before.
        let after = try session.changeMark()
        var changed = try #require(try store.participant(kept.id))
        changed.phone = "070-111 22 33"
        _ = try store.updateParticipant(changed, expectedVersion: changed.version, by: "anna", at: Fixture.later)
        #expect(try session.refresh(since: after, meetingsSince: nil)?.records.map(\.id) == [kept.id])
    }

    @Test func aSecondConnectionReadingDuringTheEraseSeesAllOrNothing() throws {
        let other = try CaseloadStore.open(at: dir.database)
        let pid = gone.id.rawValue
        func counts(_ db: Database) throws -> [Int] {
            try ["SELECT count(*) FROM participant WHERE id = ?", "SELECT count(*) FROM note WHERE participant_id = ?",
                 "SELECT count(*) FROM change_log WHERE participant_id = ?"].map {
                try Int.fetchOne(db, sql: $0, arguments: [pid]) ?? -1
            }
        }
        let erasing = try other.database.read { db -> GallringRun in
            let before = try counts(db)
            #expect(before[0] == 1 && before[1] == 2 && before[2] > 0)
            // The erase commits while this snapshot is open: the snapshot still sees the whole participant,
            // and the WAL cannot be emptied yet.
            let run = try store.eraseParticipants([gone.id], today: Self.day("2030-01-01"), timeZone: utc, by: "anna", at: Fixture.later)
            #expect(try counts(db) == before)
            return run
        }
        #expect(erasing.erased == 1)
        #expect(!erasing.checkpointed)
        #expect(try other.database.read { db in try counts(db) } == [0, 0, 0])
        #expect(try other.gallringDueCount(today: Self.day("2030-01-01"), timeZone: utc) == 0)
    }
}

/// The week list's count weighs only those who left at least the shortest rule's months ago: it must give
/// the number of due candidates the full reckoning gives, for every rule a team may set, on days around the
/// month ends where adding months is clamped.
@Suite struct GallringDueCountTests {
    @Test func theBoundedCountEqualsTheFullReckoning() throws {
        let dir = try TemporaryDirectory()
        let today = LocalDate(iso: "2026-11-23")!
        let demo = DemoCaseload.generate(participants: 250, seed: 17, today: today)
        let store = try CaseloadStore.open(at: dir.database)
        // Entries dated as the demo's own days: the change log's time would otherwise be the test's.
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date(timeIntervalSince1970: 1_700_000_000))
        let utc = TimeZone(identifier: "UTC")!
        let days = ["2026-11-23", "2027-02-28", "2027-03-01", "2027-08-31", "2028-02-29", "2028-03-31", "2028-06-30", "2029-01-31"]
            .compactMap { LocalDate(iso: $0) }
        let settings: [[Organisation: RetentionRule]] = [
            [:], [.af: .afterFollowUp(months: 1)], [.kommunSoc: .personakt], [.kommunSoc: .personakt, .af: .afterFollowUp(months: 3)],
        ]
        var due = 0
        for rules in settings {
            for organisation in Organisation.allCases { try store.setRetentionRule(rules[organisation], for: organisation, by: "test", at: Date()) }
            for day in days {
                let full = try store.gallringCandidates(today: day, timeZone: utc).filter(\.decision.due).count
                #expect(try store.gallringDueCount(today: day, timeZone: utc) == full, "\(rules) \(day)")
                due += full
            }
        }
        #expect(due > 0)
    }

    /// A closed participant with no exit on record (an import of an old caseload) is weighed too.
    @Test func aClosedParticipantWithoutAnExitIsCounted() throws {
        let dir = try TemporaryDirectory()
        let store = try CaseloadStore.open(at: dir.database)
        var closed = Fixture.participant(1)
        closed.status = .avslutad
        try store.importCaseload(
            team: [], records: [ParticipantRecord(participant: closed)], notes: [], by: "test", at: Fixture.at)
        let utc = TimeZone(identifier: "UTC")!
        for today in ["2026-11-23", "2028-06-01", "2099-01-01"].compactMap({ LocalDate(iso: $0) }) {
            let full = try store.gallringCandidates(today: today, timeZone: utc).filter(\.decision.due).count
            #expect(try store.gallringDueCount(today: today, timeZone: utc) == full)
        }
        #expect(try store.gallringDueCount(today: LocalDate(iso: "2099-01-01")!, timeZone: utc) == 1)
    }
}
