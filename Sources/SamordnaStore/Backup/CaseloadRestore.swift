import Foundation
import SamordnaFiles

/// `samordna restore`: puts a backup in place of a caseload that is missing, empty or damaged, after the
/// caller has confirmed, keeping the old files aside (never deleted).
public enum CaseloadRestore {
    /// The caseload that would be replaced.
    public enum Current: Equatable, Sendable {
        case missing
        /// A database without participants or changes (or a zero-byte file).
        case empty
        /// A file that is not a whole caseload, or one SQLite's integrity check finds fault with.
        case damaged(reason: String)
        /// A healthy caseload with data: replaced only when the caller insists (`--force`).
        case healthy(participants: Int)

        public var description: String {
            switch self {
            case .missing: return "det finns ingen ärendelista ännu"
            case .empty: return "ärendelistan är tom"
            case .damaged(let reason): return "ärendelistan är skadad (\(reason))"
            case .healthy(let n): return "ärendelistan är hel och har \(n) deltagare"
            }
        }
    }

    /// What the caller is asked to confirm.
    public struct Plan: Sendable {
        public var backupFile: String
        public var backup: BackupSummary
        public var current: Current
        public var directory: String
    }

    public struct Result: Sendable {
        public var plan: Plan
        /// Where the replaced database was moved (nil when there was none).
        public var keptAside: String?
    }

    /// Copies `backupFile` into the data directory, verifies the copy, asks `confirm`, then moves the current
    /// database (and its `-wal`/`-shm`) aside as `caseload.sqlite.fore-aterstallning-ÅÅÅÅMMDD-TTMMSS` and
    /// gives the copy its name. A healthy caseload with data is refused unless `replaceHealthy`. When
    /// `confirm` says no, nothing has changed. A caseload another process has open (SQLite's lock on the
    /// `-shm` file says so) is refused, before asking and again just before moving it: that process would go
    /// on writing into the file set aside.
    public static func restore(
        from backupFile: URL, into directory: DataDirectory, replaceHealthy: Bool, at date: Date = Date(),
        confirm: (Plan) -> Bool
    ) throws(StoreError) -> Result {
        let source = backupFile.standardizedFileURL.path
        guard POSIX.isDirectory(source) == false else {
            throw .cannotOpen(path: source, reason: POSIX.isDirectory(source) == nil ? "filen finns inte" : "det är en katalog")
        }
        let target = directory.databaseURL.path
        let current = state(of: directory)
        try refuseIfOpen(target)
        if case .healthy = current, !replaceHealthy {
            throw .invalid(
                field: "restore",
                reason: "\(current.description); en hel ärendelista ersätts bara med --force "
                    + "(eller flytta undan \(QuotedPath.quoted(target)) först)")
        }
        // The copy is written beside the database under a name of its own, verified, and renamed over only
        // after the old file has been moved aside: a crash in between leaves the old caseload or the new one.
        let staging = target + ".aterstalls"
        if let stale = try? FileWriter.existing(staging), stale == .regular { POSIX.remove(staging) }
        var summary: BackupSummary?
        do {
            try FileWriter.produce(at: staging) { file throws(StoreError) in
                try copy(source, into: file)
                summary = try BackupVerification.verify(file.path)
            }
        } catch {
            throw .notWritable(path: target, reason: error.reason)
        }
        let plan = Plan(backupFile: source, backup: summary!, current: current, directory: directory.url.path)
        guard confirm(plan) else {
            POSIX.remove(staging)
            throw .invalid(field: "restore", reason: "avbrutet; ingenting ändrades")
        }
        let aside: String?
        do {
            try refuseIfOpen(target)  // again: someone may have started Samordna while the question was open
            aside = try moveAside(target, at: date)
        } catch {
            POSIX.remove(staging)
            throw error
        }
        if rename(staging, target) != 0 {
            let reason = POSIX.reason(errno)
            if let aside { try? putBack(aside, to: target) }
            POSIX.remove(staging)
            throw .notWritable(path: target, reason: reason)
        }
        FileWriter.syncDirectory(of: target)
        return Result(plan: plan, keptAside: aside)
    }

    /// What is in the data directory now, read without writing to it.
    public static func state(of directory: DataDirectory) -> Current {
        let path = directory.databaseURL.path
        guard let size = POSIX.size(of: path) else { return .missing }
        if size == 0 { return .empty }
        do {
            let store = try CaseloadStore.openReadOnly(at: directory.databaseURL)
            let problems = try store.integrityProblems()
            if !problems.isEmpty { return .damaged(reason: problems.prefix(2).joined(separator: "; ")) }
            let participants = try store.participantCount()
            if participants == 0, try store.changeLogCount() == 0 { return .empty }
            return .healthy(participants: participants)
        } catch {
            return .damaged(reason: error.description)
        }
    }

    // MARK: Steps

    /// A process that still has the database open would go on writing into the file moved aside.
    private static func refuseIfOpen(_ target: String) throws(StoreError) {
        if let pid = DatabaseFile.openedByAnotherProcess(target) {
            throw .cannotOpen(
                path: target,
                reason: "en annan process (pid \(pid)) har ärendelistan öppen; be alla stänga Samordna och försök igen. "
                    + "Ingenting ändrades")
        }
    }

    private static func copy(_ source: String, into file: TemporaryFile) throws(StoreError) {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: source, reason: POSIX.reason(errno)) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .ioFailure(path: source, reason: POSIX.reason(errno))
            }
            if n == 0 { return }
            do { try file.append(Array(buffer[0..<n])) } catch { throw .notWritable(path: file.path, reason: error.reason) }
        }
    }

    /// Renames the database and its companions to a dated name beside them; returns the database's new name.
    private static func moveAside(_ target: String, at date: Date) throws(StoreError) -> String? {
        guard POSIX.size(of: target) != nil else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        var aside = target + ".fore-aterstallning-" + formatter.string(from: date)
        var n = 2
        while POSIX.size(of: aside) != nil {
            aside = target + ".fore-aterstallning-" + formatter.string(from: date) + "-\(n)"
            n += 1
        }
        if rename(target, aside) != 0 { throw .notWritable(path: target, reason: POSIX.reason(errno)) }
        for suffix in ["-wal", "-shm"] where POSIX.size(of: target + suffix) != nil {
            _ = rename(target + suffix, aside + suffix)
        }
        return aside
    }

    private static func putBack(_ aside: String, to target: String) throws {
        _ = rename(aside, target)
        for suffix in ["-wal", "-shm"] where POSIX.size(of: aside + suffix) != nil { _ = rename(aside + suffix, target + suffix) }
    }
}
