import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct MigrationTests {
    let tables = [
        "meta", "team_member", "participant", "responsible_assignment", "consent", "insats_episode", "meeting", "note",
        "exit_record", "kartlaggning", "profession_assessment", "change_log",
    ]

    @Test func anEmptyDirectoryGetsTheWholeSchema() throws {
        let dir = try TemporaryDirectory()
        _ = try CaseloadStore.open(at: dir.database)
        let db = try DatabaseQueue(path: dir.database.path)
        try db.read { (db: Database) throws in
            for table in tables { #expect(try db.tableExists(table), "saknar tabellen \(table)") }
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == Schema.migrationNames)
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
    }

    @Test func migrationNamesFollowTheRule() {
        let names = Schema.migrationNames
        #expect(Set(names).count == names.count)
        for name in names { #expect(name.wholeMatch(of: /v[0-9]+-[a-z0-9-]+/) != nil, "\(name)") }
    }

    @Test func datedColumnsAndParticipantKeysAreIndexed() throws {
        let dir = try TemporaryDirectory()
        _ = try CaseloadStore.open(at: dir.database)
        let db = try DatabaseQueue(path: dir.database.path)
        let indexed = try db.read { (db: Database) throws in
            try Row.fetchAll(db, sql: "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                .map { "\($0[0] as String): \($0[1] as String)" }
        }
        func has(_ table: String, _ column: String) -> Bool {
            indexed.contains { $0.hasPrefix(table + ":") && $0.contains(column) }
        }
        #expect(has("meeting", "(date"))
        #expect(has("consent", "(valid_to)"))
        #expect(has("insats_episode", "coalesce(start_date, planned_start)"))
        #expect(has("insats_episode", "coalesce(end_date, planned_end)"))
        for table in ["responsible_assignment", "consent", "insats_episode", "meeting", "note", "kartlaggning"] {
            #expect(has(table, "(participant_id"), "\(table).participant_id")
        }
    }

    @Test func reopeningAppliesNothingAndKeepsEverything() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try Fixture.store(in: dir)
            try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        }
        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.appliedMigrations() == Schema.migrationNames)
        #expect(try store.schemaVersion() == Schema.migrationNames.last)
        #expect(try store.participantCount() == 1)
        #expect(try store.teamMembers().count == 3)
        #expect(try store.changeLogCount() == 4)
        _ = try CaseloadStore.open(at: dir.database)
        #expect(try store.appliedMigrations() == Schema.migrationNames)
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        let dir = try TemporaryDirectory()
        do { _ = try CaseloadStore.open(at: dir.database) }
        do {
            let db = try DatabaseQueue(path: dir.database.path)
            try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        }
        let before = try bytes(dir.database)
        #expect(throws: StoreError.newerSchema(path: dir.database.path)) {
            try CaseloadStore.open(at: dir.database)
        }
        #expect(try bytes(dir.database) == before)
        #expect(StoreError.newerSchema(path: "/x").description.contains("nyare version"))
    }

    @Test func anotherProgramsSQLiteFileIsNotTouched() throws {
        let dir = try TemporaryDirectory()
        do {
            let db = try DatabaseQueue(path: dir.database.path)
            try db.write { try $0.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('kanelbulle')") }
        }
        let before = try bytes(dir.database)
        let files = try listing(dir)
        #expect(throws: StoreError.notADatabase(path: dir.database.path)) {
            try CaseloadStore.open(at: dir.database)
        }
        #expect(try bytes(dir.database) == before)
        #expect(try listing(dir) == files)
    }
}
