import Foundation
import GRDB
import SamordnaCore
import SamordnaFiles

#if canImport(Glibc)
    import Glibc
#endif

/// The team's caseload on disk: one SQLite file in WAL mode, opened by every team member's process at once.
///
/// It is the single write path (docs/architecture.md): every change goes through one of its methods, which writes the
/// record and its change-log row in the same transaction, checks versions so that two people editing the same
/// thing get a conflict instead of a silent overwrite, and maps every failure to a `StoreError`.
public final class CaseloadStore: Sendable {
    /// The database file.
    public let url: URL
    /// Opened with `openReadOnly`: every write throws `StoreError.readOnly`.
    public let isReadOnly: Bool
    /// A pool (one writer, readers beside it) or, for a command that runs once and exits, one connection
    /// (`Connections`).
    let database: any DatabaseWriter

    var path: String { url.path }

    private init(url: URL, database: any DatabaseWriter, isReadOnly: Bool) {
        self.url = url
        self.database = database
        self.isReadOnly = isReadOnly
    }

    /// How a store reaches the file.
    public enum Connections: Sendable {
        /// A writer and readers beside it (GRDB's `DatabasePool`): the terminal UI reads beside the screen
        /// while saves go on.
        case pool
        /// One connection, for a command that runs once and exits (`export week`): no reader connection to
        /// open and set up, and no write on opening. GRDB's pool writes a table into an empty WAL every time it
        /// opens one (the WAL is removed when the last connection closes), which costs a synced commit, and a
        /// checkpoint on closing. Used only for a file already in WAL mode; otherwise as `pool`, which sets
        /// it. Reads are then never beside another read (`weekData` reads in one transaction).
        case single
    }

    /// Opens (creating if needed, private 0600) the caseload at `url` and brings its schema up to date.
    ///
    /// A file that is not a whole SQLite database of ours gives `.notADatabase` and is not changed: its header
    /// is checked with plain reads, then its schema through a read-only connection, before the read-write
    /// connections (which would switch a file to WAL mode) are allowed near it. With `.single`, on a file in
    /// WAL mode whose WAL holds no pages, the one connection makes that look itself before anything is
    /// written: it writes nothing on opening, nor on closing.
    /// - Parameter busyTimeout: how long to wait for another process's lock before `.locked`.
    /// - Parameter connections: `.single` for a command that runs once and exits.
    public static func open(at url: URL, busyTimeout: TimeInterval = 5, connections: Connections = .pool)
        throws(StoreError) -> CaseloadStore
    {
        let url = url.standardizedFileURL
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        guard POSIX.isDirectory(directory) == true else {
            throw .cannotOpen(path: path, reason: "katalogen \(QuotedPath.quoted(directory)) finns inte")
        }
        if let reason = TrustRule.problem(directory: directory) { throw .cannotOpen(path: path, reason: reason) }
        // In a team's setgid directory every file SQLite makes (-wal, -shm, journals) must be writable by the
        // group, whatever umask the member's login has; SQLite takes the database's mode minus the umask.
        if SharingMode.isGroupShared(directory: directory) { umask(0o007) }
        if let code = POSIX.canWrite(directory: directory) {
            throw .notWritable(path: directory, reason: POSIX.reason(code))
        }
        var inWALMode = false
        var looksItself = false
        switch try DatabaseFile.inspect(path) {
        case .missing:
            // Empty, through the one writer: never over a file another process made meanwhile.
            do {
                try FileWriter.write([], to: path, options: WriteOptions(existing: .keep, allowDataFile: true))
            } catch {
                throw .notWritable(path: path, reason: error.reason)
            }
        case .empty:
            // An empty file of ours that an earlier run left unusable (a umask of 0277 made it 0400) is given
            // the mode it should have had.
            if POSIX.owner(of: path) == POSIX.currentUser, let mode = POSIX.mode(of: path), mode & 0o600 != 0o600 {
                try? POSIX.changeMode(path, to: mode_t(SharingMode.fileMode(inDirectory: directory)))
            }
        case .sqlite(let header):
            inWALMode = header.isWAL
            // One connection writes nothing on opening a file in WAL mode, and closing it writes nothing back
            // while the WAL holds no pages: it then makes the read-only look itself (below) instead of a
            // connection of its own. A WAL with pages (a colleague at work, or a writer that crashed) would be
            // copied into the file when a refused file's connection closed, so that file gets the read-only
            // look first, as with the pool.
            looksItself = connections == .single && inWALMode && (POSIX.size(of: path + "-wal") ?? 0) == 0
            if !looksItself {
                try whileSettingUp(busyTimeout: busyTimeout) { () throws(StoreError) in
                    try preflight(path, busyTimeout: busyTimeout)
                }
            }
        }
        if let code = POSIX.cannotReadWrite(path) {
            throw .notWritable(path: path, reason: POSIX.reason(code))
        }
        let database: any DatabaseWriter = try whileSettingUp(busyTimeout: busyTimeout) { () throws(StoreError) in
            do {
                let configuration = configuration(busyTimeout: busyTimeout, readOnly: false)
                if connections == .single && inWALMode {
                    // The journal mode is the file's: this connection keeps WAL without setting it. Commits
                    // are synced as the pool's writer's are (GRDB sets NORMAL there): the WAL at each
                    // checkpoint, at the latest when the last connection closes.
                    var single = configuration
                    single.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
                    let companions = companionsMissing(path)
                    let queue = try DatabaseQueue(path: path, configuration: single)
                    if looksItself {
                        do {
                            try queue.read { db in try preflightLook(db, path: path) }
                        } catch {
                            try? queue.close()
                            leaveAsFound(companions, after: error, path: path)
                            throw error
                        }
                    }
                    return queue
                }
                return try DatabasePool(path: path, configuration: configuration)
            } catch {
                throw map(error, path: path)
            }
        }
        try migrate(database, path: path, busyTimeout: busyTimeout)
        alignCompanionModes(of: path)
        return CaseloadStore(url: url, database: database, isReadOnly: false)
    }

    /// Opens an existing, up-to-date caseload without the right to change it (`samordna --read-only`,
    /// exports while someone else works). Nothing on disk is created or migrated.
    public static func openReadOnly(at url: URL, busyTimeout: TimeInterval = 5) throws(StoreError) -> CaseloadStore {
        let url = url.standardizedFileURL
        let path = url.path
        if let reason = TrustRule.problem(directory: url.deletingLastPathComponent().path) {
            throw .cannotOpen(path: path, reason: reason)
        }
        switch try DatabaseFile.inspect(path) {
        case .missing: throw .cannotOpen(path: path, reason: "filen finns inte")
        case .empty: throw .notADatabase(path: path)
        case .sqlite: try preflight(path, busyTimeout: busyTimeout)
        }
        do {
            let database = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout, readOnly: true))
            let complete = try database.read { try Schema.migrator.hasCompletedMigrations($0) }
            guard complete else {
                throw StoreError.cannotOpen(
                    path: path, reason: "databasen behöver uppdateras; öppna den en gång utan skrivskydd")
            }
            return CaseloadStore(url: url, database: database, isReadOnly: true)
        } catch {
            throw map(error, path: path)
        }
    }

    static func configuration(busyTimeout: TimeInterval, readOnly: Bool) -> Configuration {
        var c = Configuration()
        // Wait for a colleague's short write instead of failing at once (measured here: the default
        // immediate error lost a third of the writes of two processes).
        c.busyMode = .timeout(busyTimeout)
        c.readonly = readOnly
        c.label = "Samordna"
        c.prepareDatabase { db in
            // No memory-mapped reads: they made loading faster but cost memory, and an I/O error on a mapped
            // page is a crash instead of an error (docs/benchmarks.md).
            try db.execute(sql: "PRAGMA mmap_size = 0")
            db.add(function: CaseloadStore.swedishKey)
        }
        return c
    }

    // MARK: Before SQLite may write

    /// Looks at a non-empty SQLite file through a read-only connection: it must carry our application id (or
    /// none yet, with no foreign tables), have a readable schema, and have no migrations we do not know.
    private static func preflight(_ path: String, busyTimeout: TimeInterval) throws(StoreError) {
        let companions = companionsMissing(path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(busyTimeout: busyTimeout, readOnly: true))
            try queue.read { db in try preflightLook(db, path: path) }
            try queue.close()
        } catch {
            throw leaveAsFound(companions, after: error, path: path)
        }
    }

    /// The read-only look: our application id (or none, with no tables of another program's) and no migration
    /// we do not know. Reads only: the schema is read, so a damaged schema page fails here.
    private static func preflightLook(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        let foreignTables = tables.filter { $0 != "grdb_migrations" }
        if id != Schema.applicationID, id != 0 || !foreignTables.isEmpty {
            throw StoreError.notADatabase(path: path)
        }
        if tables.contains("grdb_migrations") {
            let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
            if !applied.isSubset(of: Set(Schema.migrationNames)) { throw StoreError.newerSchema(path: path) }
        }
    }

    /// The `-wal` and `-shm` files not there before a look at the file.
    private static func companionsMissing(_ path: String) -> [String] {
        [path + "-wal", path + "-shm"].filter { POSIX.size(of: $0) == nil }
    }

    /// `error` as a `StoreError`. A file that is not ours is left as we found it: the connection that looked may
    /// have created an empty WAL and a WAL index next to it (`companions`, those not there before), removed.
    @discardableResult
    private static func leaveAsFound(_ companions: [String], after error: any Error, path: String) -> StoreError {
        let mapped = map(error, path: path)
        if case .notADatabase = mapped {
            for companion in companions where (POSIX.size(of: companion) ?? 1) == 0 || companion.hasSuffix("-shm") {
                POSIX.remove(companion)
            }
        }
        return mapped
    }

    /// Runs the migrations. Several processes may open a new caseload at the same moment; GRDB's migrator
    /// reads which migrations are applied before it takes the write lock, so the slower process can fail on
    /// a migration the faster one just applied. That failure rolls back cleanly, and we then retry as long as
    /// another connection is making progress.
    private static func migrate(_ database: any DatabaseWriter, path: String, busyTimeout: TimeInterval) throws(StoreError) {
        let migrator = Schema.migrator
        var attempts = 0
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            let attempt = clock.now
            do {
                let (before, superseded, complete) = try database.read { db in
                    (
                        try migrator.appliedIdentifiers(db), try migrator.hasBeenSuperseded(db),
                        try migrator.hasCompletedMigrations(db)
                    )
                }
                if superseded { throw StoreError.newerSchema(path: path) }
                // Up to date, as on every open but the first after an upgrade: no write transaction to find that out.
                if complete { return }
                do {
                    try migrator.migrate(database)
                    return
                } catch let error as DatabaseError where !isBusy(error) {
                    // Another process applied the migration we tried: go on while it makes progress.
                    let after = try database.read { try migrator.appliedIdentifiers($0) }
                    if try database.read({ try migrator.hasCompletedMigrations($0) }) { return }
                    attempts += 1
                    if after == before || attempts > 50 { throw error }
                }
            } catch let error as DatabaseError
                where isBusy(error) && clock.now - attempt < .milliseconds(500)
                && clock.now - start < .milliseconds(Int(busyTimeout * 1000))
            {
                // Two processes setting up a new file together: SQLite answers "busy" without waiting when a
                // statement outside a transaction (GRDB creates its migrations table so) would have to write
                // over what the other process has just committed. Try again shortly (never longer in all than
                // the busy timeout; a lock that was waited for is reported).
                usleep(50_000)
            } catch let error as StoreError {
                throw error
            } catch {
                throw map(error, path: path)
            }
        }
    }

    /// Runs a step of opening a caseload again when it fails as locked at once. When two processes open a
    /// brand-new file together, one of them switching it to WAL or creating GRDB's tables outside a
    /// transaction, SQLite can answer "busy" at once instead of waiting for the busy timeout. A lock that
    /// was waited for (the busy timeout ran out: someone really holds it) is reported as it is, and the
    /// retries together never take longer than the busy timeout.
    private static func whileSettingUp<T>(
        busyTimeout: TimeInterval, _ body: () throws(StoreError) -> T
    ) throws(StoreError) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let limit = Duration.milliseconds(Int(busyTimeout * 1000))
        while true {
            let attempt = clock.now
            do {
                return try body()
            } catch .locked(let path) {
                let waited = clock.now - attempt
                if waited > .milliseconds(500) || clock.now - start > limit { throw .locked(path: path) }
                usleep(50_000)
            }
        }
    }

    static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// SQLite gives the -wal and -shm files the database file's permissions minus the umask: with a umask of
    /// 0277 they would be 0400 (unusable by the next process), with 0022 0640 (a colleague in the team's
    /// group could not write the shared-memory index). Every open sets the ones this account owns to exactly
    /// the database's mode (0600, or 0660 in a team directory).
    private static func alignCompanionModes(of path: String) {
        guard let dbMode = POSIX.mode(of: path) else { return }
        let wanted = dbMode & 0o660 | 0o600
        for companion in [path + "-wal", path + "-shm"] {
            if let mode = POSIX.mode(of: companion), mode != wanted, POSIX.owner(of: companion) == POSIX.currentUser {
                try? POSIX.changeMode(companion, to: wanted)
            }
        }
    }

    // MARK: Colleagues' changes

    /// A number that changes whenever another connection (a colleague's process, or another store object)
    /// commits to the database, and stays the same for this store's own writes. Costs a few microseconds, so
    /// the runtime can poll it every second and reload only when it moves.
    ///
    /// GRDB's `ValueObservation` cannot be used for this: it learns of changes from SQLite's commit hooks
    /// on its own connections, and a commit made by another process fires no hook here (GRDB's
    /// DatabaseSharing.md). `PRAGMA data_version` is answered from the shared WAL index instead. It is asked
    /// on the pool's one long-lived writer connection: every connection counts its own commits as "no
    /// change", so using the writer is exactly what makes our own saves invisible here.
    public func dataVersion() throws(StoreError) -> Int {
        do {
            return try database.writeWithoutTransaction { db in
                try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// A mark that changes whenever anything is committed to the caseload, by another process
    /// (`PRAGMA data_version`) or by this one (the writer connection's count of changed rows): what is
    /// computed from the database and kept for later (the week view's neighbouring weeks) is still valid
    /// while the mark is the same.
    public func commitMark() throws(StoreError) -> CommitMark {
        do {
            return try database.writeWithoutTransaction { db in
                CommitMark(
                    dataVersion: try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0,
                    ownChanges: db.totalChangesCount)
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    // MARK: Maintenance

    /// Problems SQLite finds in the file and broken references; empty when all is well (`samordna check`).
    /// Reads the whole file, so it takes time proportional to its size.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in broken {
                let table: String = row[0] ?? "?"
                let rowid: Int64 = row[1] ?? 0
                let parent: String = row[2] ?? "?"
                problems.append("\(table) rad \(rowid) hänvisar till en \(parent) som saknas")
            }
            return problems
        }
    }

    /// The newest applied migration, which names the schema this file has ("v1-change-log").
    public func schemaVersion() throws(StoreError) -> String {
        try appliedMigrations().last ?? "tom"
    }

    /// The applied migrations, oldest first (`samordna check` shows them).
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { try Schema.migrator.completedMigrations($0) }
    }

    // MARK: The one door

    /// Runs `body` in one IMMEDIATE transaction on the writer: all of it is committed, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        if isReadOnly { throw .readOnly(path: path) }
        do {
            return try database.write { db in
                try ChangeLogTable.startBatch(db)
                return try body(db)
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Runs `body` in one read transaction: a consistent snapshot even while others write.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.read(body) } catch { throw Self.map(error, path: path) }
    }

    /// Turns anything GRDB, SQLite or a row decoder throws into a `StoreError` that names the file.
    static func map(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? StoredValueError { return error.storeError }
        guard let error = error as? DatabaseError else {
            return .databaseFailure(path: path, reason: "\(error)")
        }
        let reason = error.message ?? "SQLite-fel \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_IOERR: return .ioFailure(path: path, reason: reason)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen(path: path, reason: reason)
        default: return .databaseFailure(path: path, reason: reason)
        }
    }
}

/// See `CaseloadStore.commitMark()`.
public struct CommitMark: Hashable, Sendable {
    public var dataVersion: Int
    public var ownChanges: Int
}
