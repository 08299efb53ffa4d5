import SamordnaFiles
/// Something about where the caseload lives that is not an error but that the team should fix: files other
/// users on the host can read, or a file system on which SQLite's locking cannot be trusted.
public enum StorageWarning: Equatable, Sendable, CustomStringConvertible {
    /// `path` grants read, write or search to users outside the owner's group (`mode` is its permission bits).
    case readableByOthers(path: String, mode: UInt16)
    /// `path` is on a network or user-space file system (`kind`), where SQLite locks may not work.
    case networkFileSystem(path: String, kind: String)
    /// `path` looks like a synchronised folder (Dropbox, OneDrive…), which copies the file behind SQLite's back.
    case syncFolder(path: String, service: String)
    /// The data directory `path` is a symbolic link to `target`, whose permission bits are `mode`: said so
    /// that the modes reported are understood to be the target's.
    case symbolicLink(path: String, target: String, mode: UInt16)

    /// A short form for one status line (the full `description` says how to fix it):
    /// `Varning: datakatalogen kan läsas av andra (755)`.
    public var summary: String {
        switch self {
        case .readableByOthers(let path, let mode):
            let what = path.hasSuffix(DataFileNames.database) ? "databasen" : path.hasSuffix("-wal") || path.hasSuffix("-shm") ? "databasens loggfil" : "datakatalogen"
            return "Varning: \(what) kan läsas av andra (\(String(mode, radix: 8)))"
        case .networkFileSystem(_, let kind): return "Varning: datakatalogen ligger på nätverksdisk (\(kind))"
        case .syncFolder(_, let service): return "Varning: datakatalogen ligger i en synkad mapp (\(service))"
        case .symbolicLink(_, let target, _): return "Datakatalogen är en länk till \(QuotedPath.quoted(target))"
        }
    }

    public var description: String {
        switch self {
        case .readableByOthers(let path, let mode):
            let octal = String(mode, radix: 8)
            return "\(QuotedPath.quoted(path)) kan läsas av andra användare på datorn (rättigheter \(octal)). "
                + "Kör 'chmod o-rwx \(QuotedPath.escaped(path))' om inte teamet delar katalogen med avsikt."
        case .networkFileSystem(let path, let kind):
            return "\(QuotedPath.quoted(path)) ligger på ett nätverksfilsystem (\(kind)). SQLite kan inte låsa säkert där: "
                + "flytta datakatalogen till en lokal disk."
        case .symbolicLink(let path, let target, let mode):
            return "\(QuotedPath.quoted(path)) är en länk till \(QuotedPath.quoted(target)) (rättigheter "
                + "\(String(mode, radix: 8))); rättigheterna ovan gäller målet."
        case .syncFolder(let path, let service):
            return "\(QuotedPath.quoted(path)) ligger i en synkroniserad mapp (\(service)). Synkningen kan skada databasen: "
                + "flytta datakatalogen utanför mappen."
        }
    }
}
