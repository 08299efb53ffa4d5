import Foundation

/// The folder that holds one team's caseload: `caseload.sqlite` and the team's editable files
/// (docs/storage.md). Resolved once at start from the command line and the environment.
public struct DataDirectory: Equatable, Sendable {
    public let url: URL

    /// The database file's name inside the directory.
    public static let databaseName = "caseload.sqlite"

    public init(url: URL) { self.url = url.standardizedFileURL }

    public var databaseURL: URL { url.appendingPathComponent(Self.databaseName, isDirectory: false) }

    /// `--data DIR`, else `$SAMORDNA_DATA`, else `$XDG_DATA_HOME/samordna`, else `$HOME/.local/share/samordna`.
    /// Empty variables count as unset, and a relative `XDG_DATA_HOME` is ignored (XDG Base Directory spec).
    public static func resolve(flag: String?, environment: [String: String]) throws(StoreError) -> DataDirectory {
        func value(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        if let dir = value(flag) ?? value(environment["SAMORDNA_DATA"]) {
            return DataDirectory(url: URL(fileURLWithPath: dir, isDirectory: true))
        }
        if let xdg = value(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return DataDirectory(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("samordna"))
        }
        if let home = value(environment["HOME"]) {
            return DataDirectory(
                url: URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share/samordna"))
        }
        throw .noDataDirectory
    }

    /// Makes sure the directory exists and is writable. A directory this call creates (and any missing parent)
    /// is made private, 0700. An existing directory keeps its permissions: the team may have set it up
    /// group-shared (0770) on purpose, so instead of silently changing it we return warnings to show.
    @discardableResult
    public func prepare() throws(StoreError) -> [StorageWarning] {
        let path = url.path
        switch POSIX.isDirectory(path) {
        case .some(true):
            if let reason = trustProblem() { throw .cannotOpen(path: path, reason: reason) }
            if let code = POSIX.canWrite(directory: path) {
                throw .notWritable(path: path, reason: POSIX.reason(code))
            }
        case .some(false):
            throw .notADirectory(path: path)
        case .none:
            try create(path)
        }
        return storageWarnings()
    }

    /// Why Samordna will not use this directory or its database (writable by everyone, owned by someone
    /// outside the team's group, inside a folder anyone can swap), with how to fix it; nil when it may.
    /// `CaseloadStore.open` refuses the same, so nothing is read from or written to such a file.
    public func trustProblem() -> String? { TrustRule.problem(directory: url.path) }

    /// Warnings about the directory and the database files: readable by other users, on a network file
    /// system, or inside a sync folder; and, when the path is a symbolic link, where it leads. Group
    /// permissions are allowed (a team may share the caseload). Shown by `check`, printed by the command
    /// line and meant for the terminal UI's status line.
    public func storageWarnings() -> [StorageWarning] {
        var warnings: [StorageWarning] = []
        if let target = TrustRule.realPath(url.path), target != url.path {
            warnings.append(.symbolicLink(path: url.path, target: target, mode: UInt16(POSIX.mode(of: target) ?? 0)))
        }
        let db = databaseURL.path
        for path in [url.path, db, db + "-wal", db + "-shm"] {
            if let mode = POSIX.mode(of: path), mode & 0o007 != 0 {
                warnings.append(.readableByOthers(path: path, mode: UInt16(mode)))
            }
        }
        if let kind = FileSystemKind.networkKind(of: url.path) {
            warnings.append(.networkFileSystem(path: url.path, kind: kind))
        }
        if let service = FileSystemKind.syncService(of: url.path) {
            warnings.append(.syncFolder(path: url.path, service: service))
        }
        return warnings
    }

    /// Creates `path` and its missing parents, each 0700. The leaf is chmod-ed afterwards because the umask
    /// may have removed bits we need (a umask of 0277 would leave it unwritable).
    private func create(_ path: String) throws(StoreError) {
        var missing: [String] = []
        var current = URL(fileURLWithPath: path, isDirectory: true)
        while POSIX.isDirectory(current.path) == nil, current.path != "/" {
            missing.append(current.path)
            current = current.deletingLastPathComponent()
        }
        if POSIX.isDirectory(current.path) == false {
            throw .cannotCreateDirectory(path: path, reason: "'\(current.path)' är en fil")
        }
        do {
            for dir in missing.reversed() { try POSIX.makeDirectory(dir, mode: 0o700) }
            try POSIX.changeMode(path, to: 0o700)
        } catch {
            throw .cannotCreateDirectory(path: path, reason: error.reason)
        }
    }
}
