import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `backup` and `restore` on real files: a consistent, verified, private copy while another process writes;
/// a restore that replaces only a missing, empty or damaged caseload (or with `replaceHealthy`), after
/// confirmation, keeping the old file aside.
@Suite struct BackupRestoreTests {
    func filled(_ dir: TemporaryDirectory, count: Int = 50) throws -> CaseloadStore {
        let store = try Fixture.store(in: dir)
        for n in 0..<count { try store.addParticipant(Fixture.participant(n), by: "anna", at: Fixture.at) }
        return store
    }

    @Test func aBackupIsPrivateVerifiedSelfContainedAndRemembered() throws {
        let dir = try TemporaryDirectory()
        let store = try filled(dir)
        let target = dir.file("kopia.sqlite")
        let summary = try store.backup(to: target, by: "anna", at: Fixture.later)
        #expect(summary.participants == 50)
        #expect(summary.changeLogRows == 53)
        #expect(try permissions(target) == 0o600)
        #expect(try listing(dir).filter { $0.hasPrefix("kopia") || $0.hasPrefix(".kopia") } == ["kopia.sqlite"])
        // Readable on its own: a rollback journal, no -wal needed.
        let copy = try DatabaseQueue(path: target.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try copy.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM participant") } == 50)
        try copy.close()
        #expect(try store.lastBackup() == LastBackup(at: Fixture.later, by: "anna", file: target.path))
    }

    @Test func aBackupNeverReplacesAFile() throws {
        let dir = try TemporaryDirectory()
        let store = try filled(dir, count: 3)
        let target = dir.file("kopia.sqlite")
        try Data("min fil".utf8).write(to: target)
        #expect(throws: StoreError.self) { try store.backup(to: target) }
        #expect(try bytes(target) == Data("min fil".utf8))
        #expect(throws: StoreError.self) { try store.backup(to: dir.database) }
    }

    @Test func aBackupTakenWhileAnotherProcessWritesIsConsistent() throws {
        let dir = try TemporaryDirectory()
        let store = try filled(dir, count: 10)
        let worker = try StoreStressProcess.start(database: dir.database, worker: "w", count: 300)
        var copies: [BackupSummary] = []
        for i in 0..<5 {
            copies.append(try store.backup(to: dir.file("kopia-\(i).sqlite")))
        }
        let outcome = StoreStressProcess.finish(worker)
        #expect(outcome.status == 0, "\(outcome.errors)")
        for (i, summary) in copies.enumerated() {
            // Each copy is one commit's state: every participant the worker added has its change-log row.
            let queue = try DatabaseQueue(path: dir.file("kopia-\(i).sqlite").path)
            let (participants, creates) = try queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE action = 'create' AND record_kind = 'participant'") ?? -2
                )
            }
            try queue.close()
            #expect(participants == summary.participants)
            #expect(participants == creates)
        }
    }

    @Test func aDamagedCaseloadIsReplacedAfterConfirmationAndKeptAside() throws {
        let source = try TemporaryDirectory()
        let backup = source.file("kopia.sqlite")
        try filled(source, count: 7).backup(to: backup)
        let dir = try TemporaryDirectory()
        let garbage = Data(repeating: 0x41, count: 5000)
        try garbage.write(to: dir.database)
        var asked: CaseloadRestore.Plan?
        let result = try CaseloadRestore.restore(
            from: backup, into: DataDirectory(url: dir.url), replaceHealthy: false, at: Fixture.at
        ) { plan in
            asked = plan
            return true
        }
        #expect(asked?.backup.participants == 7)
        if case .damaged = asked?.current {} else { Issue.record("expected damaged, got \(String(describing: asked?.current))") }
        let aside = try #require(result.keptAside)
        #expect(try bytes(URL(fileURLWithPath: aside)) == garbage)
        #expect(try CaseloadStore.open(at: dir.database).participantCount() == 7)
        #expect(try listing(dir).filter { $0.contains("aterstalls") }.isEmpty)
    }

    @Test func aHealthyCaseloadIsNotReplacedAndNoLeavesNothingChanged() throws {
        let source = try TemporaryDirectory()
        let backup = source.file("kopia.sqlite")
        try filled(source, count: 2).backup(to: backup)
        let dir = try TemporaryDirectory()
        _ = try filled(dir, count: 4)
        // SQLite's own -wal/-shm may come and go with the read-only look; no other file may.
        func files() throws -> [String] { try listing(dir).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } }
        let before = try files()
        #expect(throws: StoreError.self) {
            try CaseloadRestore.restore(from: backup, into: DataDirectory(url: dir.url), replaceHealthy: false) { _ in true }
        }
        #expect(throws: StoreError.self) {
            try CaseloadRestore.restore(from: backup, into: DataDirectory(url: dir.url), replaceHealthy: true) { _ in false }
        }
        #expect(try files() == before)
        #expect(try CaseloadStore.open(at: dir.database).participantCount() == 4)
    }

    @Test func aCaseloadAnotherProcessHasOpenIsNotReplaced() throws {
        let source = try TemporaryDirectory()
        let backup = source.file("kopia.sqlite")
        try filled(source, count: 2).backup(to: backup)
        let dir = try TemporaryDirectory()
        let worker = try StoreStressProcess.start(database: dir.database, worker: "w", count: 3000)
        // Wait until the worker has the database open (its -shm exists and holds SQLite's lock).
        for _ in 0..<200 where DatabaseFile.openedByAnotherProcess(dir.database.path) == nil {
            Thread.sleep(forTimeInterval: 0.02)
        }
        var asked = false
        do {
            _ = try CaseloadRestore.restore(from: backup, into: DataDirectory(url: dir.url), replaceHealthy: true) { _ in
                asked = true
                return true
            }
            Issue.record("replaced a caseload another process had open")
        } catch {
            #expect(error.description.contains("har ärendelistan öppen"), "\(error)")
        }
        #expect(!asked)
        let outcome = StoreStressProcess.finish(worker)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try CaseloadStore.open(at: dir.database).participantCount() == 3001)
    }

    @Test func aBackupThatDoesNotHoldIsRefusedBeforeAnythingMoves() throws {
        let dir = try TemporaryDirectory()
        let bad = dir.file("trasig.sqlite")
        let source = try TemporaryDirectory()
        try filled(source, count: 20).backup(to: bad)
        // Cut short mid-file: not a whole database.
        let whole = try bytes(bad)
        try whole.prefix(whole.count / 2 + 100).write(to: bad)
        let data = try TemporaryDirectory()
        var asked = false
        #expect(throws: StoreError.self) {
            try CaseloadRestore.restore(from: bad, into: DataDirectory(url: data.url), replaceHealthy: false) { _ in
                asked = true
                return true
            }
        }
        #expect(!asked)
        #expect(try listing(data).isEmpty)
    }
}
