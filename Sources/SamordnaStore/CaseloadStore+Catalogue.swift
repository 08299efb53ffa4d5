import Foundation
import GRDB
import SamordnaCore
import SamordnaTemplates

/// What loading the team's insats catalogue gave: the catalogue to use, and when the file could not be used,
/// why, so the UI can say "insatskatalogen har fel: …; använder …".
public struct CatalogueLoad: Sendable {
    /// Where the catalogue in use came from.
    public enum Source: Sendable, Equatable {
        /// The team's file, read just now.
        case file
        /// The last version of the file that was valid, kept in the database.
        case lastValid
        /// The built-in default: the file never was valid in this caseload.
        case builtIn
    }

    /// The catalogue to use now.
    public var catalogue: [InsatsType]
    public var source: Source
    /// Why the file was not used (file, line, column and reason); nil when it was.
    public var error: CatalogueFileError?
    /// The default catalogue was written to the data directory just now (first use).
    public var wroteDefault: Bool

    public init(catalogue: [InsatsType], source: Source, error: CatalogueFileError? = nil, wroteDefault: Bool = false) {
        self.catalogue = catalogue
        self.source = source
        self.error = error
        self.wroteDefault = wroteDefault
    }

    /// `Insatskatalogen har fel, använder senaste giltiga versionen: insatser.yaml:12:7: …`, or nil. What is
    /// used comes first, so a status line that cuts the end still says it; `samordna check` lists every problem.
    public var notice: String? {
        guard let error else { return nil }
        let used = source == .lastValid ? "senaste giltiga versionen" : "standardkatalogen"
        return "Insatskatalogen har fel, använder \(used) (samordna check visar alla fel): \(error.summary)"
    }
}

/// The catalogue file as read from disk, before the store has had its say (types still in use, the last valid
/// version). Needs no database, so it can be made while the store opens.
public struct CatalogueFileRead: Sendable {
    public var file: URL
    public var result: Result<CatalogueDocument, CatalogueFileError>
    /// The default catalogue was written just now (first use).
    public var wroteDefault: Bool

    /// Writes the default if asked and there is no file, then reads and checks the file.
    public init(_ file: URL, writingDefault: Bool) {
        self.file = file
        var wrote = false
        do throws(CatalogueFileError) {
            if writingDefault { wrote = try CatalogueFile.writeDefaultIfMissing(at: file) }
            result = .success(try CatalogueFile.read(file))
        } catch {
            result = .failure(error)
        }
        wroteDefault = wrote
    }
}

/// The insats catalogue file (docs/insats-catalogue.md). The file is the team's; the database keeps the text
/// of the last version that was valid (in `meta`, like the last backup: it is a setting of the caseload, not a
/// record, so it is not in the change log), so a mistake in the file never takes the catalogue away.
extension CaseloadStore {
    static let lastValidCatalogueKey = "insatser-senast-giltig"

    /// How many stored episodes use each type code (every status: ended episodes are history too).
    public func insatsTypeUsage() throws(StoreError) -> [String: Int] {
        try read { db in
            var usage: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type_code, COUNT(*) FROM insats_episode GROUP BY type_code") {
                usage[row[0]] = row[1]
            }
            return usage
        }
    }

    /// What the team's file would do, without writing anything (`samordna check`): nil when it can be used,
    /// else why not with file, line and column — also a file that leaves out a type stored episodes use.
    public func catalogueFileProblem(_ file: URL) throws(StoreError) -> CatalogueFileError? {
        let document: CatalogueDocument
        do {
            document = try CatalogueFile.read(file)
        } catch {
            return error
        }
        let removed = CatalogueYAML.removedTypeProblems(document, usage: try insatsTypeUsage())
        return removed.isEmpty ? nil : .invalid(file: file.path, problems: removed)
    }

    /// The catalogue to work with (the UI's and the command line's one call), read once at start:
    ///
    /// 1. writes the default catalogue to `file` if there is none (private; never over a file);
    /// 2. reads and checks the file, and refuses it if it leaves out a type that stored episodes use;
    /// 3. if it can be used, remembers its text as the last valid version and returns it;
    /// 4. otherwise returns the last valid version with the file's error, or, if the file was never valid
    ///    here, the built-in default.
    ///
    /// A read-only store only reads: nothing is written or remembered.
    public func currentCatalogue(file: URL) throws(StoreError) -> CatalogueLoad {
        try currentCatalogue(from: CatalogueFileRead(file, writingDefault: !isReadOnly))
    }

    /// Steps 2–4 with the file already read (the terminal UI reads it while the store opens).
    public func currentCatalogue(from read: CatalogueFileRead) throws(StoreError) -> CatalogueLoad {
        let file = read.file
        let fileError: CatalogueFileError
        switch read.result {
        case .success(let document):
            // The file as it was last found valid: every episode stored since took its type from it, so the
            // usage check (a read of every episode's code) is skipped on an ordinary start.
            if try lastValidCatalogueSource() == document.source {
                return CatalogueLoad(catalogue: document.types, source: .file, wroteDefault: read.wroteDefault)
            }
            let removed = CatalogueYAML.removedTypeProblems(document, usage: try insatsTypeUsage())
            if removed.isEmpty {
                // Not being able to remember it costs only the fallback's freshness; the file is still used.
                if !isReadOnly { try? rememberValidCatalogue(document.source) }
                return CatalogueLoad(catalogue: document.types, source: .file, wroteDefault: read.wroteDefault)
            }
            fileError = .invalid(file: file.path, problems: removed)
        case .failure(let error):
            fileError = error
        }
        if let source = try lastValidCatalogueSource(),
            let document = try? CatalogueYAML.parse(source, file: CatalogueFile.name)
        {
            return CatalogueLoad(catalogue: document.types, source: .lastValid, error: fileError, wroteDefault: read.wroteDefault)
        }
        return CatalogueLoad(
            catalogue: DefaultInsatsCatalogue.all, source: .builtIn, error: fileError, wroteDefault: read.wroteDefault)
    }

    /// The text of the last valid catalogue file, or nil if none was read in this caseload.
    public func lastValidCatalogueSource() throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.lastValidCatalogueKey])
        }
    }

    /// Stores `source` as the last valid catalogue unless it is stored already (most starts write nothing).
    func rememberValidCatalogue(_ source: String) throws(StoreError) {
        if try lastValidCatalogueSource() == source { return }
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [Self.lastValidCatalogueKey, source])
        }
    }
}
