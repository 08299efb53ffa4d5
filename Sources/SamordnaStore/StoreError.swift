import SamordnaFiles
import SamordnaCore

/// Everything that can go wrong between the program and the caseload on disk, each with a Swedish message
/// that names the file and says what the user can do. Mapped to exit codes by `exitCode`.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `--data`, `SAMORDNA_DATA`, `XDG_DATA_HOME` nor `HOME` says where the data lives.
    case noDataDirectory
    case cannotCreateDirectory(path: String, reason: String)
    case notADirectory(path: String)
    case notWritable(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    /// Not an SQLite file, damaged, or another program's database. The file has not been changed.
    case notADatabase(path: String)
    /// Another process held the database beyond the busy timeout.
    case locked(path: String)
    /// Written by a newer Samordna whose migrations this version does not know.
    case newerSchema(path: String)
    /// Opened read-only (or the file is not writable) and a change was asked for.
    case readOnly(path: String)
    case diskFull(path: String)
    case ioFailure(path: String, reason: String)
    case databaseFailure(path: String, reason: String)

    /// A participant with the same personnummer or other identity already exists. Nothing was written.
    case duplicateIdentity(existing: Participant.ID)
    /// Someone saved the participant after it was read; `current` is what is stored now. Nothing was written.
    case conflict(current: Participant)
    /// The same for another kind of record: reload it and apply the change again. Nothing was written.
    case recordConflict(kind: RecordKind, id: String)
    case notFound(kind: RecordKind, id: String)
    case alreadyExists(kind: RecordKind, id: String)
    /// The value cannot be stored as given (a completed kartläggning, an unknown team member…).
    case invalid(field: String, reason: String)
    /// A stored row that this version cannot read (an unknown code, a bad date).
    case unreadableRecord(kind: RecordKind, id: String, reason: String)

    /// docs/cli.md: 65 for bad input data, 1 for every other failure.
    public var exitCode: Int32 {
        switch self {
        case .duplicateIdentity, .conflict, .recordConflict, .invalid, .alreadyExists: return 65
        default: return 1
        }
    }

    public var description: String {
        switch self {
        case .noDataDirectory:
            return "Hittar ingen datakatalog: ange --data KATALOG eller sätt SAMORDNA_DATA (HOME saknas också)."
        case .cannotCreateDirectory(let path, let reason):
            return "Kan inte skapa datakatalogen \(QuotedPath.quoted(path)): \(reason). Välj en annan med --data KATALOG."
        case .notADirectory(let path):
            return "\(QuotedPath.quoted(path)) är en fil, inte en katalog. Välj en datakatalog med --data KATALOG."
        case .notWritable(let path, let reason):
            return "Kan inte skriva i \(QuotedPath.quoted(path)): \(reason). Kontrollera rättigheterna eller välj en annan katalog."
        case .cannotOpen(let path, let reason):
            return "Kan inte öppna \(QuotedPath.quoted(path)): \(reason)."
        case .notADatabase(let path):
            return "\(QuotedPath.quoted(path)) är ingen Samordna-databas (inte SQLite, skadad eller ett annat programs databas). "
                + "Filen har inte ändrats. Kontrollera sökvägen eller återställ från säkerhetskopian."
        case .locked(let path):
            return "\(QuotedPath.quoted(path)) är låst av en annan process längre än väntetiden. Försök igen om en stund; "
                + "kontrollera annars att ingen annan process hänger kvar."
        case .newerSchema(let path):
            return "\(QuotedPath.quoted(path)) har skrivits av en nyare version av Samordna. Uppdatera programmet; filen har inte ändrats."
        case .readOnly(let path):
            return "\(QuotedPath.quoted(path)) är öppnad skrivskyddad; ändringen sparades inte."
        case .diskFull(let path):
            return "Disken är full: \(QuotedPath.quoted(path)) kunde inte sparas. Frigör utrymme och försök igen; inget har ändrats."
        case .ioFailure(let path, let reason):
            return "Läs- eller skrivfel i \(QuotedPath.quoted(path)): \(reason). Inget har ändrats."
        case .databaseFailure(let path, let reason):
            return "Databasfel i \(QuotedPath.quoted(path)): \(reason)."
        case .duplicateIdentity(let existing):
            return "Det finns redan en deltagare med samma identitet (id \(existing)). Inget sparades."
        case .conflict(let current):
            return "Deltagaren \(current.id.short) har ändrats av någon annan (version \(current.version)). "
                + "Läs in den igen och gör ändringen på nytt; inget sparades."
        case .recordConflict(let kind, let id):
            return "\(kind.label.capitalizedFirst) \(id) har ändrats av någon annan. "
                + "Läs in igen och gör ändringen på nytt; inget sparades."
        case .notFound(let kind, let id):
            return "\(kind.label.capitalizedFirst) \(id) finns inte."
        case .alreadyExists(let kind, let id):
            return "\(kind.label.capitalizedFirst) \(id) finns redan. Inget sparades."
        case .invalid(let field, let reason):
            return "Ogiltigt värde för \(field): \(reason). Inget sparades."
        case .unreadableRecord(let kind, let id, let reason):
            return "Kan inte läsa \(kind.label) \(id): \(reason). Databasen kan vara skriven av en nyare version."
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
