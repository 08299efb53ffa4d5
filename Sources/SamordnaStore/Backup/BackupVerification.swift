import Foundation
import GRDB

/// Opens a copy of a caseload (a new backup, or a backup about to be restored) on its own and checks it:
/// SQLite's full `integrity_check`, our application id, migrations this version knows, and the counts.
enum BackupVerification {
    /// The counts of `db`, read in whatever transaction the caller holds.
    static func counts(_ db: Database, bytes: Int64 = 0) throws -> BackupSummary {
        let participants = try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? 0
        let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(sequence), 0) FROM change_log")
        let lastSequence: Int = row?[1] ?? 0
        let lastAt = try Double.fetchOne(
            db, sql: "SELECT at FROM change_log WHERE sequence = ?", arguments: [lastSequence])
        return BackupSummary(
            participants: participants, changeLogRows: row?[0] ?? 0, lastSequence: lastSequence,
            lastChangeAt: lastAt.map { Date(timeIntervalSince1970: $0) }, bytes: bytes)
    }

    /// Checks the file at `path` (a private copy: opening it may write a journal next to it) and returns
    /// its counts. `problem` is the reason when it is not a whole Samordna caseload.
    static func verify(_ path: String) throws(StoreError) -> BackupSummary {
        func refuse(_ reason: String) -> StoreError {
            .databaseFailure(path: path, reason: "säkerhetskopian håller inte: \(reason)")
        }
        guard case .sqlite = try DatabaseFile.inspect(path) else { throw refuse("filen är tom") }
        do {
            var configuration = CaseloadStore.configuration(busyTimeout: 5, readOnly: false)
            configuration.label = "Samordna-backup"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard id == Schema.applicationID else { throw refuse("inte en Samordna-databas") }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw refuse("SQLite hittar fel: " + integrity.prefix(3).joined(separator: "; "))
                }
                let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                guard applied.isSubset(of: Set(Schema.migrationNames)) else { throw StoreError.newerSchema(path: path) }
                return try counts(db, bytes: POSIX.size(of: path) ?? 0)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw refuse(CaseloadStore.map(error, path: path).description)
        }
    }
}
