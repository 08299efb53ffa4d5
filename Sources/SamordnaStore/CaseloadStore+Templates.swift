import Foundation
import GRDB
import SamordnaCore
import SamordnaTemplates

/// What loading the team's template gave: the template to build forms from, and when the file could not
/// be used, why, so the UI can say "mallen har fel: …; visar senaste giltiga version N".
public struct TemplateLoad: Sendable {
    /// The template to use now: the file's, or the last valid stored version when the file has a problem.
    public var template: KartlaggningTemplate
    /// Why the file was not used (file, line, column and reason); nil when it was.
    public var error: TemplateFileError?
    /// The default template was written to the data directory just now (first use).
    public var wroteDefault: Bool
    /// The file's version was stored just now (a new or changed template).
    public var registered: Bool

    /// Whether `template` is an older valid version shown because the file has a problem.
    public var isFallback: Bool { error != nil }

    /// `Mallen har fel, visar senaste giltiga version 3: kartlaggning.yaml:12:7: …`, or nil. What is used
    /// comes first: a status line that cuts the end still says it; `samordna check` lists every problem.
    public var message: String? {
        error.map { "Mallen har fel, visar senaste giltiga version \(template.version): \($0.summary)" }
    }
}

/// Template versions (docs/decisions/0004-kartlaggning-template-versions.md). Every version a kartläggning
/// can be made with is stored for good, so a kartläggning always shows with the questions it was made with
/// and editing the file never changes old answers. A changed file must raise its `version:`.
extension CaseloadStore {
    /// The template version `version` as stored, or nil.
    public func template(version: Int) throws(StoreError) -> KartlaggningTemplate? {
        try read { try KartlaggningTemplateTable.fetch(version: version, $0)?.template }
    }

    /// The stored version with its source text and registration.
    public func storedTemplate(version: Int) throws(StoreError) -> StoredTemplate? {
        try read { try KartlaggningTemplateTable.fetch(version: version, $0) }
    }

    /// The highest stored version, or nil before any template was used.
    public func latestTemplate() throws(StoreError) -> KartlaggningTemplate? {
        try read { try KartlaggningTemplateTable.latest($0)?.template }
    }

    /// Every stored version number, oldest first.
    public func templateVersions() throws(StoreError) -> [Int] {
        try read { try KartlaggningTemplateTable.versions($0) }
    }

    /// Stores the file's template version unless it is stored already; returns whether it wrote.
    ///
    /// - The same version with the same content (comments and layout do not count): nothing to do.
    /// - The same version with other content, or a version lower than the latest stored: refused as a
    ///   problem at the file's `version:` line (`TemplateFileError.invalid`), because a stored version
    ///   never changes; the message names the version to use.
    public func registerTemplate(_ document: TemplateDocument, file: String, by login: String, at time: Date)
        throws(TemplateRegistrationError) -> Bool
    {
        let t = document.template
        func refused(_ reason: String) -> TemplateRegistrationError {
            .file(
                .invalid(
                    file: file,
                    problems: [
                        TemplateFileProblem(
                            line: document.versionPosition.line, column: document.versionPosition.column, reason: reason)
                    ]))
        }
        let outcome: VersionCheck
        do {
            try Self.checkLogin(login)
            outcome = try write { db -> VersionCheck in
                let check = try Self.versionCheck(t, db)
                if case .new = check {
                    try KartlaggningTemplateTable.insert(
                        StoredTemplate(template: t, source: document.source, registeredAt: time, registeredBy: login), db)
                }
                return check
            }
        } catch {
            throw .store(error)
        }
        switch outcome {
        case .new: return true
        case .alreadyStored: return false
        case .refused(let reason): throw refused(reason)
        }
    }

    /// What the team's file would do, without writing anything (`samordna check`, the Kartläggning tab): nil
    /// when it can be used, else why not with file, line and column — also a changed file that kept a
    /// stored version number.
    public func templateFileProblem(_ file: URL) throws(StoreError) -> TemplateFileError? {
        let document: TemplateDocument
        do {
            document = try TemplateFile.read(file)
        } catch {
            return error
        }
        let check = try read { try Self.versionCheck(document.template, $0) }
        guard case .refused(let reason) = check else { return nil }
        return .invalid(
            file: file.path,
            problems: [
                TemplateFileProblem(
                    line: document.versionPosition.line, column: document.versionPosition.column, reason: reason)
            ])
    }

    enum VersionCheck { case new, alreadyStored, refused(String) }

    /// A stored version never changes: the same version with other content, or a version below the latest,
    /// is refused with the version to use instead.
    static func versionCheck(_ t: KartlaggningTemplate, _ db: Database) throws -> VersionCheck {
        if let stored = try KartlaggningTemplateTable.fetch(version: t.version, db) {
            if stored.template == t { return .alreadyStored }
            let next = (try KartlaggningTemplateTable.latest(db)?.version ?? t.version) + 1
            return .refused(
                "mallen har ändrats men har kvar version \(t.version), som redan är sparad och används; "
                    + "höj till 'version: \(next)'")
        }
        if let latest = try KartlaggningTemplateTable.latest(db), latest.version > t.version {
            return .refused(
                "version \(t.version) är lägre än den senast sparade, \(latest.version); "
                    + "ange 'version: \(latest.version + 1)'")
        }
        return .new
    }

    /// Loads the template to build forms from (the UI's and the exports' one call):
    ///
    /// 1. writes the default template to `file` if there is none (private, 0600);
    /// 2. reads and checks the file, and stores its version if it is new (`registerTemplate`);
    /// 3. if the file cannot be used, returns the latest stored version with the file's error, or, before
    ///    any version was stored, the built-in default (stored, so drafts can be made with it).
    ///
    /// A read-only store only reads: the file's template is used without being stored.
    public func currentTemplate(file: URL, by login: String, at time: Date) throws(StoreError) -> TemplateLoad {
        var wrote = false
        var fileError: TemplateFileError?
        var storeFailure: StoreError?
        do throws(TemplateFileError) {
            if !isReadOnly { wrote = try TemplateFile.writeDefaultIfMissing(at: file) }
            let document = try TemplateFile.read(file)
            if isReadOnly { return TemplateLoad(template: document.template, error: nil, wroteDefault: false, registered: false) }
            switch Result(catching: { () throws(TemplateRegistrationError) -> Bool in
                try registerTemplate(document, file: file.path, by: login, at: time)
            }) {
            case .success(let registered):
                return TemplateLoad(template: document.template, error: nil, wroteDefault: wrote, registered: registered)
            case .failure(.file(let problem)):
                fileError = problem
            case .failure(.store(let storeError)):
                storeFailure = storeError
            }
        } catch {
            fileError = error
        }
        if let storeFailure { throw storeFailure }
        if let latest = try latestTemplate() {
            return TemplateLoad(template: latest, error: fileError, wroteDefault: wrote, registered: false)
        }
        // Nothing stored yet and the file is unusable: the shipped default keeps the form working.
        let builtIn: TemplateDocument
        do {
            builtIn = try TemplateYAML.parse(DefaultTemplate.yaml, file: TemplateFile.name)
        } catch {
            throw .invalid(field: "standardmallen", reason: error.summary)
        }
        var registered = false
        if !isReadOnly {
            do {
                registered = try registerTemplate(builtIn, file: TemplateFile.name, by: login, at: time)
            } catch {
                if case .store(let storeError) = error { throw storeError }
            }
        }
        return TemplateLoad(template: builtIn.template, error: fileError, wroteDefault: wrote, registered: registered)
    }
}

/// Why a template version could not be stored: the file asks for something a stored version forbids, or
/// the database failed.
public enum TemplateRegistrationError: Error, Equatable, Sendable, CustomStringConvertible {
    case file(TemplateFileError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .store(let e): return e.description
        }
    }
}
