import Foundation
import GRDB
import SamordnaCore

/// The building blocks every public write is made of. Each runs inside the caller's transaction and writes
/// the change-log row next to the change, so a failure anywhere rolls back both.
extension CaseloadStore {
    static func checkLogin(_ login: String) throws(StoreError) {
        if login.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid(field: "inloggning", reason: "tomt användarnamn; ändringen måste kunna knytas till någon")
        }
    }

    static func log<T: StoredTable>(
        _ db: Database, _ table: T.Type, _ action: ChangeLogEntry.Action, old: T.Value?, new: T.Value?,
        participant: Participant.ID?, by login: String, at time: Date, undoes: Int64? = nil
    ) throws {
        guard let any = new ?? old else { return }
        try ChangeLogTable.append(
            db, at: time, login: login, action: action, kind: T.kind.rawValue, recordID: T.logID(of: any),
            participantID: participant, old: try old.map { try ChangeJSON.text($0) },
            new: try new.map { try ChangeJSON.text($0) }, undoes: undoes)
    }

    static func requireParticipant(_ id: Participant.ID, _ db: Database) throws {
        if try !ParticipantTable.exists(id, db) { throw StoreError.notFound(kind: .participant, id: id.rawValue) }
    }

    /// Runs a statement that may break a constraint and says what went wrong in the team's words.
    static func withReferences<T: StoredTable>(_ table: T.Type, _ body: () throws -> Void) throws {
        do { try body() } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                throw StoreError.invalid(
                    field: T.kind.label, reason: "hänvisar till en medarbetare eller post som inte finns")
            case .SQLITE_CONSTRAINT_UNIQUE where error.message?.contains("team_member.login") == true:
                throw StoreError.invalid(field: "inloggning", reason: "används redan av en annan medarbetare")
            default:
                throw StoreError.invalid(
                    field: T.kind.label, reason: "bryter mot databasens regler (\(error.message ?? "okänt"))")
            }
        }
    }

    /// Inserts a new record (refusing an existing key) and logs its creation. `check` may refuse it.
    func insertLogged<T: StoredTable>(
        _ table: T.Type, _ value: T.Value, participant: Participant.ID?, by login: String, at time: Date,
        check: (Database) throws -> Void = { _ in }
    ) throws(StoreError) {
        try Self.checkLogin(login)
        try write { db in
            if let participant { try Self.requireParticipant(participant, db) }
            if try T.fetch(key: T.key(of: value), db) != nil {
                throw StoreError.alreadyExists(kind: T.kind, id: T.logID(of: value))
            }
            try check(db)
            try Self.withReferences(T.self) { try T.insert(value, db) }
            try Self.log(db, T.self, .create, old: nil, new: value, participant: participant, by: login, at: time)
        }
    }

    /// Saves a changed record if its stored version is still `expectedVersion`, bumping the version.
    /// `check` sees the stored row first and may refuse the change.
    func updateVersioned<T: VersionedTable>(
        _ table: T.Type, _ value: T.Value, expectedVersion: Int, by login: String, at time: Date,
        conflict: (T.Value) -> StoreError,
        check: (Database, _ stored: T.Value) throws -> Void = { _, _ in }
    ) throws(StoreError) -> T.Value {
        try Self.checkLogin(login)
        return try write { db in
            guard let stored = try T.fetch(key: T.key(of: value), db) else {
                throw StoreError.notFound(kind: T.kind, id: T.logID(of: value))
            }
            guard T.version(of: stored) == expectedVersion else { throw conflict(stored) }
            guard T.participantID(of: stored) == T.participantID(of: value) else {
                throw StoreError.invalid(field: "deltagare", reason: "en post kan inte flyttas till en annan deltagare")
            }
            try check(db, stored)
            let saved = T.setting(version: expectedVersion + 1, on: value)
            try Self.withReferences(T.self) { _ = try T.update(saved, db) }
            try Self.log(
                db, T.self, .update, old: stored, new: saved, participant: T.participantID(of: saved), by: login,
                at: time)
            return saved
        }
    }

    /// Saves a record without a version field if what is stored is still exactly `expected` (what the user
    /// saw). `expected == nil` means "there should be none yet": the record is then inserted. `check` may
    /// refuse the change, and returns the participant to log when `participant` is not known beforehand.
    func replaceChecked<T: StoredTable>(
        _ table: T.Type, _ value: T.Value, replacing expected: T.Value?, participant: Participant.ID?,
        by login: String, at time: Date, check: (Database) throws -> Participant.ID? = { _ in nil }
    ) throws(StoreError) {
        try Self.checkLogin(login)
        try write { db in
            if let participant { try Self.requireParticipant(participant, db) }
            if let expected, T.key(of: expected) != T.key(of: value) {
                throw StoreError.invalid(field: T.kind.label, reason: "nyckeln kan inte ändras")
            }
            let stored = try T.fetch(key: T.key(of: value), db)
            guard stored == expected else {
                if expected != nil, stored == nil {
                    throw StoreError.notFound(kind: T.kind, id: T.logID(of: value))
                }
                throw StoreError.recordConflict(kind: T.kind, id: T.logID(of: value))
            }
            let logParticipant = try check(db) ?? participant
            if let stored {
                guard T.participantID(of: stored) == T.participantID(of: value) else {
                    throw StoreError.invalid(field: "deltagare", reason: "en post kan inte flyttas till en annan deltagare")
                }
                try Self.withReferences(T.self) { _ = try T.update(value, db) }
            } else {
                try Self.withReferences(T.self) { try T.insert(value, db) }
            }
            try Self.log(
                db, T.self, stored == nil ? .create : .update, old: stored, new: value,
                participant: logParticipant, by: login, at: time)
        }
    }
}

/// Building blocks for writes that change several records in one transaction (closing a participant, a
/// change of responsible staff, bulk changes, undo). Each writes its change-log row next to its change.
extension CaseloadStore {
    /// The participant as stored, if it is still at `expectedVersion`; `.conflict(current:)` otherwise.
    static func participant(_ id: Participant.ID, atVersion expectedVersion: Int?, _ db: Database) throws
        -> Participant
    {
        guard let stored = try ParticipantTable.fetch(key: [id.rawValue], db) else {
            throw StoreError.notFound(kind: .participant, id: id.rawValue)
        }
        if let expectedVersion, stored.version != expectedVersion { throw StoreError.conflict(current: stored) }
        return stored
    }

    /// Saves `changed` over `stored` with the next version and logs it; returns what was saved.
    static func saveParticipantRow(
        _ changed: Participant, replacing stored: Participant, _ db: Database, by login: String, at time: Date
    ) throws -> Participant {
        let saved = ParticipantTable.setting(version: stored.version + 1, on: changed)
        try withReferences(ParticipantTable.self) { _ = try ParticipantTable.update(saved, db) }
        try log(db, ParticipantTable.self, .update, old: stored, new: saved, participant: saved.id, by: login, at: time)
        return saved
    }

    /// Inserts `value` (when `stored` is nil) or writes it over `stored`, and logs the change.
    static func saveRow<T: StoredTable>(
        _ table: T.Type, _ value: T.Value, replacing stored: T.Value?, _ db: Database, by login: String, at time: Date
    ) throws {
        if stored != nil {
            try withReferences(T.self) { _ = try T.update(value, db) }
        } else {
            try withReferences(T.self) { try T.insert(value, db) }
        }
        try log(
            db, T.self, stored == nil ? .create : .update, old: stored, new: value, participant: T.participantID(of: value),
            by: login, at: time)
    }

    /// A rule from Core that refused the change, as the store's error.
    static func refused(_ field: String, _ violation: RuleViolation) -> StoreError {
        .invalid(field: field, reason: violation.reason)
    }

    /// A form's field errors as the store's error: the field when there is one, else every field's reason.
    static func refused<F>(_ errors: FieldErrors<F>, record: String) -> StoreError {
        if errors.count == 1, let field = errors.fields.first, let reason = errors[field] {
            return .invalid(field: field.label, reason: reason)
        }
        return .invalid(field: record, reason: errors.description)
    }
}
