/// Why a file was not written. In every case the target is as it was before and no temporary file is left
/// behind. Messages are Swedish and quote the path with hidden characters spelled out.
public enum FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Something is at the target and the write may not replace it (use `--force` for an export).
    case exists(path: String)
    /// The target is a symbolic link; it is never followed or replaced.
    case symlink(path: String)
    /// The target is a directory, device or other non-regular file.
    case notRegularFile(path: String)
    /// The target is one of the data directory's own files (`caseload.sqlite`, `-wal`, `kartlaggning.yaml`…).
    case dataFile(path: String)
    /// The target is an SQLite database: a document never replaces one, whatever its name.
    case database(path: String)
    /// The folder to write in is missing or cannot be used.
    case directory(path: String, reason: String)
    /// The disk or the file-size limit (`ulimit -f`) ran out while writing.
    case noSpace(path: String, reason: String)
    /// Any other failure of the operating system, with its reason.
    case failed(path: String, reason: String)

    public var path: String {
        switch self {
        case .exists(let p), .symlink(let p), .notRegularFile(let p), .dataFile(let p), .database(let p),
            .directory(let p, _), .noSpace(let p, _), .failed(let p, _):
            return p
        }
    }

    /// The reason without the path, for a message that names the file itself.
    public var reason: String {
        switch self {
        case .exists: return "filen finns redan; välj ett annat namn"
        case .symlink: return "är en symbolisk länk; Samordna skriver aldrig genom en länk"
        case .notRegularFile: return "är ingen vanlig fil"
        case .dataFile: return "hör till datakatalogen (databasen eller teamets filer) och skrivs aldrig över"
        case .database: return "är en SQLite-databas och skrivs aldrig över"
        case .directory(_, let reason): return "katalogen kan inte användas: \(reason)"
        case .noSpace(_, let reason): return "\(reason); den gamla filen är orörd och inget halvskrivet finns kvar"
        case .failed(_, let reason): return reason
        }
    }

    public var description: String { "kan inte skriva \(QuotedPath.quoted(path)): \(reason)" }
}
