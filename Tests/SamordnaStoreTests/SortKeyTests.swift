import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `participant.sort_key` (migration `v1-participant-sort-key`): the list's Swedish order, stored with every
/// write of a participant and indexed, so the first page is an index range read.
@Suite struct SortKeyTests {
    /// Every participant's stored `sort_key` next to what it must be, by id.
    func storedKeys(_ dir: TemporaryDirectory) throws -> [String: (stored: String, expected: String)] {
        let db = try DatabaseQueue(path: dir.database.path)
        return try db.read { (db: Database) throws in
            var keys: [String: (String, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, last_name, first_name, sort_key FROM participant") {
                let last: String = row[1]
                let first: String = row[2]
                keys[row[0]] = (row[3], SwedishCollation.key(last + " " + first))
            }
            return keys
        }
    }

    func expectKeysMaintained(_ dir: TemporaryDirectory, count: Int, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let keys = try storedKeys(dir)
        #expect(keys.count == count, sourceLocation: sourceLocation)
        for (id, key) in keys {
            #expect(key.stored == key.expected, "\(id)", sourceLocation: sourceLocation)
            #expect(!key.stored.isEmpty, "\(id)", sourceLocation: sourceLocation)
        }
    }

    func named(_ n: Int, _ first: String, _ last: String) -> Participant {
        var p = Fixture.participant(n)
        p.firstName = first
        p.lastName = last
        return p
    }

    @Test func addingAndEditingAParticipantWritesItsKey() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(named(1, "Åsa", "Öberg"), by: "anna", at: Fixture.at)
        try store.addParticipant(named(2, "Olle", "Zetterberg"), by: "anna", at: Fixture.at)
        try expectKeysMaintained(dir, count: 2)

        var renamed = try #require(try store.participant(Participant.ID("p-1")))
        renamed.lastName = "Andersson"
        renamed = try store.updateParticipant(renamed, expectedVersion: renamed.version, by: "anna", at: Fixture.later)
        try expectKeysMaintained(dir, count: 2)
        #expect(try storedKeys(dir)["p-1"]?.stored == SwedishCollation.key("Andersson Åsa"))

        // A change that keeps the names keeps the key; one through the responsible-staff path too.
        renamed.phone = "070-000 00 00"
        renamed = try store.updateParticipant(renamed, expectedVersion: renamed.version, by: "anna", at: Fixture.later)
        renamed.firstName = "Ärla"
        _ = try store.updateParticipant(
            renamed, expectedVersion: renamed.version, responsible: [:], on: Fixture.day, by: "anna", at: Fixture.later)
        try expectKeysMaintained(dir, count: 2)
        #expect(try storedKeys(dir)["p-1"]?.stored == SwedishCollation.key("Andersson Ärla"))
    }

    @Test func importWritesEveryKey() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (full, notes) = try Fixture.fullRecord(1)
        let others = [named(2, "Émile", "Ek"), named(3, "Kalle", "Ängström")].map { ParticipantRecord(participant: $0) }
        try store.importCaseload(team: Fixture.team, records: [full] + others, notes: notes, by: "anna", at: Fixture.at)
        try expectKeysMaintained(dir, count: 3)
    }

    @Test func undoRestoresTheKeyWithTheName() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let utc = TimeZone(identifier: "UTC")!
        try store.addParticipant(named(1, "Åsa", "Öberg"), by: "anna", at: Fixture.at)
        var p = try #require(try store.participant(Participant.ID("p-1")))
        p.lastName = "Zetterberg"
        _ = try store.updateParticipant(p, expectedVersion: p.version, by: "anna", at: Fixture.later)
        #expect(try storedKeys(dir)["p-1"]?.stored == SwedishCollation.key("Zetterberg Åsa"))

        _ = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        try expectKeysMaintained(dir, count: 1)
        #expect(try storedKeys(dir)["p-1"]?.stored == SwedishCollation.key("Öberg Åsa"))
    }

    @Test func theMigrationFillsTheKeyOfEveryExistingParticipant() throws {
        let dir = try TemporaryDirectory()
        // A caseload as it was before the migration, with participants written without the column.
        do {
            let queue = try DatabaseQueue(
                path: dir.database.path, configuration: CaseloadStore.configuration(busyTimeout: 5, readOnly: false))
            try Schema.migrator.migrate(queue, upTo: "v1-kartlaggning-templates")
            try queue.write { db in
                let columns = ParticipantTable.columns.filter { $0 != "sort_key" }
                let marks = columns.map { _ in "?" }.joined(separator: ", ")
                let insert = "INSERT INTO participant (\(columns.joined(separator: ", "))) VALUES (\(marks))"
                for (n, first, last) in [(1, "Åsa", "Öberg"), (2, "Olle", "Oberg"), (3, "Zoran", "Zetterberg")] {
                    let values = try ParticipantTable.values(named(n, first, last)).dropLast()
                    try db.execute(sql: insert, arguments: StatementArguments(values.map { $0?.databaseValue ?? .null }))
                }
            }
        }
        let store = try CaseloadStore.open(at: dir.database)
        try expectKeysMaintained(dir, count: 3)
        #expect(try store.loadFirstPage(limit: 10, meetingsSince: nil).records.map(\.participant.lastName)
            == ["Oberg", "Zetterberg", "Öberg"])
    }

    @Test func theFirstPageIsTheTopOfTheWholeListInSwedishOrder() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let names = [
            ("Åke", "Öst"), ("Ärla", "Åberg"), ("Zoran", "Zetterberg"), ("Anna", "Ärlig"), ("Bo", "Andersson"),
            ("Östen", "Ödman"), ("Åsa", "Aaltonen"), ("Vera", "Wik"), ("Wilma", "Vik"), ("Émile", "Ek"), ("Eva", "Ek"),
        ]
        for (i, (first, last)) in names.enumerated() {
            try store.addParticipant(named(i, first, last), by: "anna", at: Fixture.at)
        }
        // Renaming after the add moves the participant in the order.
        var moved = try #require(try store.participant(Participant.ID("p-7")))
        moved.lastName = "Örn"
        _ = try store.updateParticipant(moved, expectedVersion: moved.version, by: "anna", at: Fixture.later)

        let list = try store.loadCaseload().map(\.participant).sorted {
            let a = SwedishCollation.key($0.lastName + " " + $0.firstName)
            let b = SwedishCollation.key($1.lastName + " " + $1.firstName)
            return a != b ? a < b : $0.id.rawValue < $1.id.rawValue
        }
        #expect(
            list.map(\.lastName) == [
                "Aaltonen", "Andersson", "Ek", "Ek", "Vik", "Zetterberg", "Åberg", "Ärlig", "Ödman", "Örn", "Öst",
            ])
        for limit in [1, 4, 6, 11, 20] {
            let page = try store.loadFirstPage(limit: limit, meetingsSince: nil)
            #expect(page.records.map(\.id) == list.prefix(limit).map(\.id), "limit \(limit)")
            #expect(page.total == names.count)
        }
    }

    @Test func theFirstPageIsReadFromTheIndexWithoutSortingTheTable() throws {
        let dir = try TemporaryDirectory()
        _ = try Fixture.store(in: dir)
        let db = try DatabaseQueue(path: dir.database.path)
        let plan = try db.read { (db: Database) throws in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM participant ORDER BY sort_key, id LIMIT 120")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("participant_sort_key") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
