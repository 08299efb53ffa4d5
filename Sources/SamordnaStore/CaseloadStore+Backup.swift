import Foundation
import GRDB
import SamordnaFiles

/// `samordna backup`: a consistent copy of the caseload while colleagues keep working, checked before it is
/// trusted, and remembered so `check` can say when the last one was made (docs/storage.md, *Backup*).
extension CaseloadStore {
    /// Copies the caseload to `destination` with SQLite's online backup and returns what the copy holds.
    ///
    /// The copy is made inside one read transaction, so it is one commit's state however much others write
    /// meanwhile, and the counts taken in the same transaction are what the copy must hold. It is written
    /// through the one file writer: into a temporary file beside the target (0600, 0660 in a group-shared
    /// folder), switched to a self-contained rollback journal (no `-wal` needed to read it), verified
    /// (`integrity_check`, application id, counts), and only then given its name. Never over an existing
    /// file. The time, the login and the file are then recorded in `meta` (not in the change log: a backup
    /// changes nobody's record); failing to record them does not undo a good backup.
    @discardableResult
    public func backup(to destination: URL, by login: String = "", at date: Date = Date()) throws(StoreError)
        -> BackupSummary
    {
        let target = destination.standardizedFileURL.path
        var summary: BackupSummary?
        do {
            try FileWriter.produce(at: target) { file throws(StoreError) in
                let expected: BackupSummary
                do {
                    let copy = try DatabaseQueue(path: file.path)
                    expected = try database.read { source in
                        let counts = try BackupVerification.counts(source)
                        try copy.writeWithoutTransaction { try source.backup(to: $0) }
                        return counts
                    }
                    // The copy says when it was made too, so a caseload restored from it can say so in `check`.
                    try copy.write { try Self.recordBackup(in: $0, file: target, by: login, at: date) }
                    try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                    try copy.close()
                } catch {
                    throw Self.map(error, path: target)
                }
                let found = try BackupVerification.verify(file.path)
                guard (found.participants, found.changeLogRows, found.lastSequence)
                    == (expected.participants, expected.changeLogRows, expected.lastSequence)
                else {
                    throw StoreError.databaseFailure(
                        path: target,
                        reason: "kopian stämmer inte med ärendelistan (\(found.counts), väntade \(expected.counts))")
                }
                summary = found
            }
        } catch {
            throw .notWritable(path: target, reason: error.reason)
        }
        if !isReadOnly { try? recordBackup(file: target, by: login, at: date) }
        return summary!
    }

    /// The last backup `samordna backup` recorded, or nil if none was made of this caseload.
    public func lastBackup() throws(StoreError) -> LastBackup? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key LIKE 'last-backup-%'")
            var values: [String: String] = [:]
            for row in rows { values[row[0]] = row[1] }
            guard let at = values["last-backup-at"].flatMap(Double.init) else { return nil }
            return LastBackup(
                at: Date(timeIntervalSince1970: at), by: values["last-backup-by"] ?? "", file: values["last-backup-file"] ?? "")
        }
    }

    private func recordBackup(file: String, by login: String, at date: Date) throws {
        try database.write { try Self.recordBackup(in: $0, file: file, by: login, at: date) }
    }

    private static func recordBackup(in db: Database, file: String, by login: String, at date: Date) throws {
        for (key, value) in [
            ("last-backup-at", String(date.timeIntervalSince1970)), ("last-backup-by", login), ("last-backup-file", file),
        ] {
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
