/// What the first 100 bytes of a database file say, read with plain file I/O before SQLite is allowed to
/// open it: SQLite (and GRDB, which writes a table into a fresh WAL) may change a file it opens, and a file
/// that is not ours must be left exactly as it was. Format: https://www.sqlite.org/fileformat.html §1.3.
struct SQLiteHeader: Equatable {
    static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    let pageSize: Int
    let inHeaderPageCount: Int
    let changeCounter: UInt32
    let versionValidFor: UInt32
    let applicationID: UInt32
    /// The file format's write and read versions are 2: the file is in WAL mode (§1.3.3), which every
    /// connection then uses without setting it.
    let isWAL: Bool

    /// Nil unless `bytes` start with the SQLite magic and a valid page size.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 100, Array(bytes[0..<16]) == Self.magic else { return nil }
        func u32(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let raw = Int(bytes[16]) << 8 | Int(bytes[17])
        let size = raw == 1 ? 65536 : raw
        guard size >= 512, size <= 65536, size & (size - 1) == 0 else { return nil }
        pageSize = size
        changeCounter = u32(24)
        inHeaderPageCount = Int(u32(28))
        versionValidFor = u32(92)
        applicationID = u32(68)
        isWAL = bytes[18] == 2 && bytes[19] == 2
    }

    /// The page count is only meaningful when the two counters agree (SQLite file format §1.3.7).
    var trustedPageCount: Int? { changeCounter == versionValidFor && inHeaderPageCount > 0 ? inHeaderPageCount : nil }
}

/// The state of the database file before we open it.
enum DatabaseFileState: Equatable {
    /// No file: we create it, private.
    case missing
    /// Zero bytes: SQLite treats it as a new database.
    case empty
    /// An SQLite header with our application id or none yet (the read-only look decides the rest).
    case sqlite(SQLiteHeader)
}

enum DatabaseFile {
    /// Reads the header and refuses anything that is not a whole SQLite file, without writing to it.
    static func inspect(_ path: String) throws(StoreError) -> DatabaseFileState {
        guard let size = POSIX.size(of: path) else { return .missing }
        if POSIX.isDirectory(path) == true { throw .notADatabase(path: path) }
        if size == 0 { return .empty }
        let bytes: [UInt8]
        do { bytes = try POSIX.readPrefix(path, count: 100) } catch {
            throw .cannotOpen(path: path, reason: error.reason)
        }
        guard let header = SQLiteHeader(bytes) else { throw .notADatabase(path: path) }
        if header.applicationID != 0, header.applicationID != UInt32(bitPattern: Schema.applicationID) {
            throw .notADatabase(path: path)
        }
        // SQLite writes whole pages. A file cut short (a copy that stopped half-way) is detectable from the
        // header alone, unless the WAL still holds pages that a checkpoint has not written back yet.
        let walSize = POSIX.size(of: path + "-wal") ?? 0
        if walSize == 0 {
            if size % Int64(header.pageSize) != 0 { throw .notADatabase(path: path) }
            if let pages = header.trustedPageCount, size < Int64(pages) * Int64(header.pageSize) {
                throw .notADatabase(path: path)
            }
        }
        return .sqlite(header)
    }
}

#if canImport(Glibc)
    import Glibc
#endif

extension DatabaseFile {
    /// The process id of another process that has the database open, or nil. SQLite keeps a shared lock on
    /// one byte of the `-shm` file (the "dead man switch", offset 128) for as long as a connection is open in
    /// WAL mode; `F_GETLK` asks whether a write lock there would conflict, without taking one. Locks held by
    /// this process itself are not reported, and this must not be called while this process has the
    /// database open (closing any descriptor of a file drops the process's POSIX locks on it).
    static func openedByAnotherProcess(_ path: String) -> pid_t? {
        let fd = open(path + "-shm", O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return lock.l_pid
    }
}
