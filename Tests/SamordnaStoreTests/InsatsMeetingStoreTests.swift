import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Insats episodes and meetings on real files: the fields added by `v2-insats-decisions-and-meeting-members`,
/// version checks, undo, the history in words, the week of meetings, and a file made before the migration.
@Suite struct InsatsMeetingStoreTests {
    let utc = TimeZone(identifier: "UTC")!
    let pid = Participant.ID("p-1")

    func episode(_ id: String = "e-1") -> InsatsEpisode {
        InsatsEpisode(
            id: .init(id), participantID: pid, typeCode: "PRA", status: .pagar,
            plannedStart: LocalDate(iso: "2026-02-02"), start: LocalDate(iso: "2026-02-03"),
            plannedEnd: LocalDate(iso: "2026-04-30"), extentPercent: 50, provider: "Bageriet Å&Ö AB",
            contactPerson: "Örjan Ek", nextFollowUp: LocalDate(iso: "2026-03-15"), owner: .af, decidedBy: .af,
            decisionDate: LocalDate(iso: "2026-01-20"), note: "Vill prova bageri.\nBörjar halvtid\u{1B}[31m")
    }

    func meeting(_ id: String = "mt-1", on day: String = "2026-03-04", at time: String = "13:30") -> Meeting {
        Meeting(
            id: .init(id), participantID: pid, date: LocalDate(iso: day)!, time: TimeOfDay(text: time)!,
            durationMinutes: 90, kind: .trepartssamtal, professions: [.arbetsformedlare, .jobbcoach],
            interpreter: true, location: "Rum Älgen", members: [Fixture.anna.id, Fixture.jonna.id],
            interpreterLanguage: "tigrinska", outcomeNote: nil)
    }

    func storeWithParticipant(_ dir: TemporaryDirectory) throws -> CaseloadStore {
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        return store
    }

    func undone(_ result: UndoResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> UndoneChange {
        guard case .undone(let change) = result else {
            Issue.record("expected an undo, got \(result)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return change
    }

    @Test func theNewFieldsSurviveAReopenAndEveryRead() throws {
        let dir = try TemporaryDirectory()
        var e = episode()
        var ended = episode("e-2")
        ended.status = .avbruten
        ended.end = LocalDate(iso: "2026-02-20")
        ended.endReason = .ohalsa
        var m = meeting()
        m.outcome = .genomfort
        m.outcomeNote = "Bra samtal; nästa steg praktik"
        do {
            let store = try storeWithParticipant(dir)
            try store.addEpisode(e, by: "anna", at: Fixture.at)
            try store.addEpisode(ended, by: "anna", at: Fixture.at)
            try store.addMeeting(m, by: "anna", at: Fixture.at)
        }
        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.episodes(for: pid) == [e, ended])
        #expect(try store.meetings(for: pid) == [m])
        let record = try #require(try store.record(pid))
        #expect(record.episodes == [e, ended])
        #expect(record.meetings == [m])
        let loaded = try #require(try store.loadCaseload().first)
        #expect(loaded.episodes == [e, ended])
        #expect(loaded.meetings == [m])
        // A meeting without members or interpreter reads back as such.
        var plain = meeting("mt-2", on: "2026-03-05")
        plain.members = []
        plain.interpreter = false
        plain.interpreterLanguage = nil
        try store.addMeeting(plain, by: "anna", at: Fixture.at)
        #expect(try store.meeting(plain.id) == plain)
        e.version = 1
        #expect(try store.episode(e.id) == e)
    }

    @Test func aMemberIdThatCannotBeStoredWholeIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        var m = meeting()
        m.members = [TeamMember.ID("a,b")]
        #expect(throws: StoreError.self) { try store.addMeeting(m, by: "anna", at: Fixture.at) }
        #expect(try store.meetings(for: pid).isEmpty)
    }

    @Test func aStaleVersionIsAConflictAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        let e = episode()
        try store.addEpisode(e, by: "anna", at: Fixture.at)
        var mine = e
        mine.note = "Annas ändring"
        var theirs = e
        theirs.extentPercent = 75
        _ = try store.updateEpisode(theirs, expectedVersion: 1, by: "sven", at: Fixture.at)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.recordConflict(kind: .insats, id: "e-1")) {
            try store.updateEpisode(mine, expectedVersion: 1, by: "anna", at: Fixture.later)
        }
        #expect(try store.episode(e.id)?.extentPercent == 75)
        #expect(try store.episode(e.id)?.note == e.note)
        #expect(try store.changeLogCount() == logged)

        let m = meeting()
        try store.addMeeting(m, by: "anna", at: Fixture.at)
        var held = m
        held.outcome = .genomfort
        _ = try store.updateMeeting(held, expectedVersion: 1, by: "sven", at: Fixture.at)
        var cancelled = m
        cancelled.outcome = .installt
        #expect(throws: StoreError.recordConflict(kind: .meeting, id: "mt-1")) {
            try store.updateMeeting(cancelled, expectedVersion: 1, by: "anna", at: Fixture.later)
        }
        #expect(try store.meeting(m.id)?.outcome == .genomfort)
    }

    @Test func endingAnEpisodeIsUndoneAndThenTheAddition() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        let e = episode()
        try store.addEpisode(e, by: "anna", at: Fixture.at)
        let day = LocalDate(iso: "2026-03-02")!
        let ended = try InsatsRules.end(e, on: day, reason: .arbete, today: day).get()
        let saved = try store.updateEpisode(ended, expectedVersion: e.version, by: "anna", at: Fixture.at)
        #expect(saved.status == .avslutad && saved.version == 2)

        let change = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(change.participantID == pid)
        let back = try #require(try store.episode(e.id))
        #expect(back.status == .pagar && back.end == nil && back.endReason == nil)
        #expect(back.version == 3)
        let lines = change.entries.flatMap { $0.changes.map(\.text) }
        #expect(lines.contains("status: avslutad → pågår"))
        #expect(lines.contains("avslutsorsak: arbete → –"))

        // Undoing again takes back the addition: the episode goes, its log rows stay.
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.episode(e.id) == nil)
        #expect(try store.changeLog(for: pid, limit: 100).filter { $0.recordID == "e-1" }.count == 4)
    }

    @Test func recordingAMeetingIsUndone() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        let m = meeting()
        try store.addMeeting(m, by: "anna", at: Fixture.at)
        let recorded = try MeetingRules.record(m, outcome: .uteblev, note: "Ringde inte återbud", today: Fixture.day.adding(days: 5)).get()
        _ = try store.updateMeeting(recorded, expectedVersion: 1, by: "anna", at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        let back = try #require(try store.meeting(m.id))
        #expect(back.outcome == .planerat && back.outcomeNote == nil && back.version == 3)
    }

    @Test func anUndoOverAColleaguesChangeIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        let e = episode()
        try store.addEpisode(e, by: "sven", at: Fixture.at)
        var mine = e
        mine.extentPercent = 25
        let saved = try store.updateEpisode(mine, expectedVersion: 1, by: "anna", at: Fixture.at)
        var theirs = saved
        theirs.provider = "Annat bageri"
        _ = try store.updateEpisode(theirs, expectedVersion: saved.version, by: "sven", at: Fixture.at)
        #expect(throws: StoreError.recordConflict(kind: .insats, id: "e-1")) {
            try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        }
        #expect(try store.episode(e.id)?.provider == "Annat bageri")
        #expect(try store.episode(e.id)?.extentPercent == 25)
    }

    @Test func theHistoryDescribesEpisodesAndMeetingsInWords() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        let e = episode()
        try store.addEpisode(e, by: "anna", at: Fixture.at)
        let ended = try InsatsRules.end(e, on: Fixture.day, reason: .ohalsa, today: Fixture.day).get()
        _ = try store.updateEpisode(ended, expectedVersion: 1, by: "anna", at: Fixture.at)
        try store.addMeeting(meeting(), by: "jonna", at: Fixture.later)

        let history = try store.history(for: pid, timeZone: utc)
        let booked = try #require(history.first)
        #expect(booked.record == "möte 2026-03-04 13:30 (trepartssamtal)")
        let bookedLines = booked.changes.map(\.text)
        #expect(bookedLines.contains("medarbetare: – → Anna Åberg (anna), Jonna Ärlig (jonna)"))
        #expect(bookedLines.contains("tolkspråk: – → tigrinska"))
        #expect(bookedLines.contains("tid: – → 13:30"))

        let end = history[1]
        #expect(end.record == "insats PRA")
        #expect(
            end.changes.map(\.text) == [
                "status: pågår → avbruten", "slut: – → 2026-03-02", "avslutsorsak: – → ohälsa",
            ])
        let added = history[2].changes.map(\.text)
        #expect(added.contains("beslutad av: – → AF"))
        #expect(added.contains("beslutsdatum: – → 2026-01-20"))
        #expect(added.contains("omfattning: – → 50 %"))
        // Stored text is shown with control characters spelled out.
        #expect(added.contains("anteckning: – → Vill prova bageri.\\nBörjar halvtid\\u{1B}[31m"))
    }

    @Test func aWeekOfMeetingsComesInOrderThroughTheDateIndex() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        // ISO week 2026-W10 is Monday 2 March to Sunday 8 March.
        let inWeek = [
            meeting("mt-c", on: "2026-03-08", at: "09:00"), meeting("mt-a", on: "2026-03-02", at: "15:00"),
            meeting("mt-b", on: "2026-03-02", at: "08:15"),
        ]
        let outside = [meeting("mt-x", on: "2026-03-01", at: "10:00"), meeting("mt-y", on: "2026-03-09", at: "10:00")]
        for m in inWeek + outside { try store.addMeeting(m, by: "anna", at: Fixture.at) }
        let week = try #require(IsoWeek(parsing: "2026-W10"))
        #expect(try store.meetings(in: week).map(\.id.rawValue) == ["mt-b", "mt-a", "mt-c"])

        func plan(orderBy order: String) throws -> [String] {
            try DatabaseQueue(path: dir.database.path).read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN \(MeetingTable.selectSQL) WHERE \(CaseloadStore.weekCondition) ORDER BY \(order)",
                    arguments: ["2026-03-02", "2026-03-08"]
                ).map { $0["detail"] as String }
            }
        }
        let byTime = try plan(orderBy: "date, start_minute")
        #expect(byTime.contains { $0.contains("USING INDEX meeting_date") }, "\(byTime)")
        #expect(!byTime.contains { $0.contains("TEMP B-TREE") }, "\(byTime)")
        // With the booking order for meetings at the same time: only those ties are sorted.
        let tied = try plan(orderBy: CaseloadStore.weekOrder)
        #expect(tied.contains { $0.contains("USING INDEX meeting_date") }, "\(tied)")
        #expect(tied.allSatisfy { !$0.contains("TEMP B-TREE") || $0.contains("RIGHT PART OF ORDER BY") }, "\(tied)")
    }

    /// Meetings at the same time come in the order they were booked, whatever the week's index holds after the
    /// date and time (participant and members, for Min vecka).
    @Test func meetingsAtTheSameTimeComeInBookingOrder() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        // Booked first: the one whose members sort last in the index.
        let ids = [Fixture.anna.id, Fixture.jonna.id].sorted { $0.rawValue > $1.rawValue }
        let (first, second) = (ids[0], ids[1])
        var a = meeting("mt-first", on: "2026-03-04", at: "10:00")
        a.members = [first]
        var b = meeting("mt-second", on: "2026-03-04", at: "10:00")
        b.members = [second]
        try store.addMeeting(a, by: "anna", at: Fixture.at)
        try store.addMeeting(b, by: "anna", at: Fixture.at)
        let week = try #require(IsoWeek(parsing: "2026-W10"))
        #expect(try store.meetings(in: week).map(\.id.rawValue) == ["mt-first", "mt-second"])
    }

    @Test func anIdIsFoundByItsFirstCharacters() throws {
        let dir = try TemporaryDirectory()
        let store = try storeWithParticipant(dir)
        try store.addEpisode(episode("abcd-1"), by: "anna", at: Fixture.at)
        try store.addEpisode(episode("abcd-2"), by: "anna", at: Fixture.at)
        #expect(try store.episodes(idPrefix: "abcd").count == 2)
        #expect(try store.episodes(idPrefix: "abcd-2").map(\.id.rawValue) == ["abcd-2"])
        #expect(try store.episodes(idPrefix: "zzzz").isEmpty)
        try store.addMeeting(meeting("ffee-1"), by: "anna", at: Fixture.at)
        #expect(try store.meetings(idPrefix: "ffe").map(\.id.rawValue) == ["ffee-1"])
    }

    /// A caseload written before the migration: its episodes and meetings read with the new fields empty,
    /// and a meeting logged before `members` existed is still described and undone.
    @Test func aFileFromBeforeTheMigrationIsUpgradedInPlace() throws {
        let dir = try TemporaryDirectory()
        do {
            let queue = try DatabaseQueue(path: dir.database.path)
            try Schema.migrator.migrate(queue, upTo: "v1-kartlaggning-templates")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO participant (id, identity_kind, identity_other_kind, identity_value,
                          protected_identity, first_name, last_name, gender, interpreter_needed, status, enrolled_on, version)
                        VALUES ('p-1', 'other', 'test', 't-1', 0, 'Deltagare', 'Nummer 1', 'vill-ej-uppge', 0, 'aktiv', '2026-03-02', 1);
                        INSERT INTO insats_episode (id, participant_id, type_code, status, start_date, owner, version)
                        VALUES ('e-old', 'p-1', 'SFI', 'pågår', '2026-01-05', 'Kommun-Jobbtorg', 1);
                        INSERT INTO meeting (id, participant_id, date, start_minute, duration_minutes, kind, professions,
                          interpreter, outcome, version)
                        VALUES ('m-old', 'p-1', '2026-03-04', 600, 60, 'uppföljning', 'arbetsformedlare', 0, 'planerat', 1);
                        INSERT INTO change_log (at, login, action, record_kind, record_id, participant_id, old_value, new_value)
                        VALUES (1772443800, 'anna', 'create', 'meeting', 'm-old', 'p-1', NULL,
                          '{"date":"2026-03-04","durationMinutes":60,"id":"m-old","interpreter":false,"kind":"uppföljning","outcome":"planerat","participantID":"p-1","professions":["arbetsformedlare"],"time":"10:00","version":1}');
                        """)
            }
        }
        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.appliedMigrations() == Schema.migrationNames)
        let e = try #require(try store.episode(.init("e-old")))
        #expect(e.decidedBy == nil && e.decisionDate == nil && e.endReason == nil && e.note == nil)
        let m = try #require(try store.meeting(.init("m-old")))
        #expect(m.members == [] && m.interpreterLanguage == nil && m.outcomeNote == nil)
        let history = try store.history(for: pid, timeZone: utc)
        #expect(history.first?.record == "möte 2026-03-04 10:00 (uppföljning)")
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.meeting(.init("m-old")) == nil)
    }

    /// Two processes change the same episode at once: every change lands, each on the version it read.
    @Test func twoProcessesEditingOneEpisodeLoseNothing() throws {
        let dir = try TemporaryDirectory()
        let perWorker = 100
        let started = try (0..<2).map { i in
            try StoreStressProcess.start(database: dir.database, worker: "w\(i)", count: perWorker, mode: "insats")
        }
        let outcomes = started.map(StoreStressProcess.finish)
        var bumps = 0
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.errors)")
            let fields = outcome.output.split(whereSeparator: \.isWhitespace)
            #expect(fields.prefix(2) == ["ok", "\(perWorker)"], "\(outcome.output)")
            let bumpField = try #require(fields.first { $0.hasPrefix("bumps=") })
            bumps += try #require(Int(bumpField.dropFirst("bumps=".count)))
        }
        #expect(bumps == 2 * perWorker)
        let store = try CaseloadStore.open(at: dir.database)
        let shared = try #require(try store.episode(.init("shared-episode")))
        #expect(shared.version == 1 + bumps)
        #expect(shared.note == String(bumps))
        // Each worker's own episodes and meetings are all there.
        #expect(try store.episodes(for: .init("shared")).count == 1 + 2 * perWorker)
        #expect(try store.meetings(for: .init("shared")).count == 2 * perWorker)
        #expect(try store.changeLog(for: .init("shared"), limit: 10_000).count == 1 + 1 + 4 * perWorker + bumps)
        #expect(try store.integrityProblems() == [])
    }
}
