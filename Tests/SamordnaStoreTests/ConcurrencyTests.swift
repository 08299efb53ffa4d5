import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct DataVersionTests {
    @Test func itStaysTheSameWhenNobodyElseCommits() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let before = try store.dataVersion()
        #expect(try store.dataVersion() == before)
        _ = try store.loadCaseload()
        // Our own saves are not a colleague's change.
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        #expect(try store.dataVersion() == before)
    }

    @Test func itChangesWhenAnotherConnectionCommits() throws {
        let dir = try TemporaryDirectory()
        let mine = try Fixture.store(in: dir)
        let colleague = try CaseloadStore.open(at: dir.database)
        let before = try mine.dataVersion()
        try colleague.addParticipant(Fixture.participant(1), by: "sven", at: Fixture.at)
        let after = try mine.dataVersion()
        #expect(after != before)
        #expect(try mine.dataVersion() == after)
        #expect(try mine.participantCount() == 1)
    }

    @Test func itChangesWhenAnotherProcessCommits() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let before = try store.dataVersion()
        let outcome = try StoreStressProcess.run(database: dir.database, worker: "w", count: 1)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try store.dataVersion() != before)
    }
}

@Suite struct LockTests {
    @Test func aLockHeldBeyondTheTimeoutIsReportedAsLocked() throws {
        let dir = try TemporaryDirectory()
        do { _ = try Fixture.store(in: dir) }
        let store = try CaseloadStore.open(at: dir.database, busyTimeout: 0.2)
        let holder = try DatabaseQueue(path: dir.database.path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: StoreError.locked(path: dir.database.path)) {
                try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
            }
            try db.execute(sql: "ROLLBACK")
        }
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        #expect(try store.participantCount() == 1)
    }
}

/// Several team members' processes write to one caseload at the same time (docs/storage.md).
@Suite struct ConcurrentProcessTests {
    @Test(arguments: [2, 4])
    func nothingIsLostWhenProcessesWriteAtOnce(processes: Int) throws {
        let dir = try TemporaryDirectory()
        let perWorker = 300
        // The workers open the brand-new file together, so they also race to migrate it.
        let started = try (0..<processes).map { i in
            try StoreStressProcess.start(database: dir.database, worker: "w\(i)", count: perWorker)
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
        #expect(bumps == processes * perWorker)

        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.participantCount() == processes * perWorker + 1)
        let shared = try #require(try store.participant(.init("shared")))
        #expect(shared.version == 1 + bumps)
        #expect(shared.phone == String(bumps))
        // One row per created participant (the shared one once), one per successful bump.
        #expect(try store.changeLogCount() == 1 + processes * perWorker + bumps)
        #expect(try store.changeLog(for: .init("shared"), limit: 10_000).count == 1 + bumps)
        for i in 0..<processes {
            #expect(try store.participant(Participant.ID("w\(i)-\(perWorker - 1)")) != nil)
        }
        #expect(try store.integrityProblems() == [])
    }
}
