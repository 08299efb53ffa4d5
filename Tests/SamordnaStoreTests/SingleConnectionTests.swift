import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `CaseloadStore.Connections.single`, what `export week` opens: one connection on a file already in WAL
/// mode, no write on opening, the same week as the pool's, and a colleague's pool beside it.
@Suite struct SingleConnectionTests {
    let today = LocalDate(iso: "2026-11-23")!

    func walSize(_ dir: TemporaryDirectory) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: dir.database.path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The pool writes a table into an empty WAL each time it opens one (GRDB); one connection writes nothing
    /// until something is saved, and reads the same.
    @Test func oneConnectionOpensWithoutWritingAndReadsTheSameWeek() throws {
        let dir = try TemporaryDirectory()
        let demo = DemoCaseload.generate(participants: 300, seed: 3, today: today)
        do {
            let store = try CaseloadStore.open(at: dir.database)
            try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        }
        #expect(walSize(dir) == 0, "the last connection to close removes the WAL")
        let member = demo.team[0]
        let week = IsoWeek(containing: today)
        func list(_ store: CaseloadStore, _ reader: WeekList.Reader) throws -> WeekList {
            try store.weekList(
                week: week, today: today, reader: reader, catalogue: DefaultInsatsCatalogue.all, protectedPolicy: .leaveOut
            ).list
        }
        let single = try CaseloadStore.open(at: dir.database, connections: .single)
        #expect(single.database is DatabaseQueue)
        let fromSingle = try [.team(member), .team(member, wholeTeam: true), .mine(member), .team(nil)].map {
            try list(single, $0)
        }
        #expect(walSize(dir) == 0, "opening and reading wrote nothing")
        let pool = try CaseloadStore.open(at: dir.database)
        #expect(pool.database is DatabasePool)
        #expect(walSize(dir) > 0, "the pool wrote into the empty WAL")
        let fromPool = try [.team(member), .team(member, wholeTeam: true), .mine(member), .team(nil)].map {
            try list(pool, $0)
        }
        #expect(fromSingle == fromPool)
        #expect(fromSingle[1].withoutOngoing.items.count > fromSingle[0].withoutOngoing.items.count, "the lag's week is shorter")
    }

    /// A colleague's pool commits while one connection is open: its next read sees the commit, and its
    /// own write (the access line) goes in beside the pool's.
    @Test func aColleaguesCommitIsSeenAndBothWritesAreKept() throws {
        let dir = try TemporaryDirectory()
        let colleague = try Fixture.store(in: dir)
        let single = try CaseloadStore.open(at: dir.database, connections: .single)
        #expect(single.database is DatabaseQueue)
        let p = Fixture.participant(1)
        try colleague.addParticipant(p, by: "anna", at: Fixture.at)
        #expect(try single.participant(p.id)?.id == p.id)
        try single.logAccess(.export, participant: nil, participants: 1, format: "csv", withNames: false, detail: "week", by: "anna", at: Fixture.later)
        try colleague.logAccess(.read, participant: p.id, format: "tui", withNames: true, detail: "öppnad", by: "sven", at: Fixture.later)
        #expect(try Set(colleague.accessLog().map(\.action)) == [.read, .export])
        #expect(try single.accessLog().count == 2)
    }

    /// A file not yet in WAL mode (a new caseload) is opened as a pool, which sets WAL: one connection never
    /// leaves a file in another journal mode.
    @Test func aFileNotInWALModeIsOpenedAsAPool() throws {
        let dir = try TemporaryDirectory()
        let created = try CaseloadStore.open(at: dir.database, connections: .single)
        #expect(created.database is DatabasePool)
        let mode = try created.database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let again = try CaseloadStore.open(at: dir.database, connections: .single)
        #expect(again.database is DatabaseQueue)
    }

    /// One connection makes the read-only look itself, before anything could be written: another program's
    /// database in WAL mode, and ours with a migration we do not know, are refused and left as they were.
    @Test func anotherProgramsFileAndANewerSchemaAreRefusedUntouched() throws {
        let other = try TemporaryDirectory()
        do {
            let db = try DatabaseQueue(path: other.database.path)
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('kanelbulle')")
            }
        }
        let before = try bytes(other.database)
        let files = try listing(other)
        #expect(throws: StoreError.notADatabase(path: other.database.path)) {
            try CaseloadStore.open(at: other.database, connections: .single)
        }
        #expect(try bytes(other.database) == before)
        #expect(try listing(other) == files)

        let newer = try TemporaryDirectory()
        do { _ = try CaseloadStore.open(at: newer.database) }
        do {
            let db = try DatabaseQueue(path: newer.database.path)
            try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        }
        let ours = try bytes(newer.database)
        #expect(throws: StoreError.newerSchema(path: newer.database.path)) {
            try CaseloadStore.open(at: newer.database, connections: .single)
        }
        #expect(try bytes(newer.database) == ours)
    }

    /// Another program's database whose writer crashed, leaving pages in its WAL: closing a read-write
    /// connection would copy them into the file, so it gets the read-only look first and both files stay as
    /// they were.
    @Test func aForeignFileWithPagesInItsWALIsRefusedWithNothingCopiedBack() throws {
        let source = try TemporaryDirectory()
        let crashed = try TemporaryDirectory()
        let writer = try DatabaseQueue(path: source.database.path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE recipe (name TEXT)")
        }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "INSERT INTO recipe VALUES ('kanelbulle')")
        }
        // The files as a crash would leave them: the main file and a WAL holding the last commit.
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(
                atPath: source.database.path + suffix, toPath: crashed.database.path + suffix)
        }
        try writer.close()
        let wal = try bytes(URL(fileURLWithPath: crashed.database.path + "-wal"))
        #expect(!wal.isEmpty)
        let before = try bytes(crashed.database)
        #expect(throws: StoreError.notADatabase(path: crashed.database.path)) {
            try CaseloadStore.open(at: crashed.database, connections: .single)
        }
        #expect(try bytes(crashed.database) == before, "nothing was copied back from the WAL")
        #expect(try bytes(URL(fileURLWithPath: crashed.database.path + "-wal")) == wal)
    }
}
