import Foundation
import GRDB
import SamordnaCore

/// `change_log`: who changed what, when, old → new. Rows are only ever inserted, in the same transaction as
/// the change they describe; triggers make SQLite refuse UPDATE and DELETE.
enum ChangeLogTable {
    static let columns = [
        "sequence", "at", "login", "action", "record_kind", "record_id", "participant_id", "old_value", "new_value",
    ]

    static func append(
        _ db: Database, at time: Date, login: String, action: ChangeLogEntry.Action, kind: String, recordID: String,
        participantID: Participant.ID?, old: String?, new: String?, undoes: Int64? = nil
    ) throws {
        // `batch` stays NULL on the first row of the transaction and names that row on the others
        // (migration v1-change-log-undo), so undo can take back everything one write did.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO change_log
                    (at, login, action, record_kind, record_id, participant_id, old_value, new_value, batch, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT first FROM temp.change_batch), ?)
                """)
        try statement.execute(arguments: [
            time.timeIntervalSince1970, login, action.rawValue, kind, recordID, participantID?.rawValue, old, new,
            undoes,
        ])
        try db.cachedStatement(
            sql: """
                INSERT INTO temp.change_batch (first)
                SELECT last_insert_rowid() WHERE NOT EXISTS (SELECT 1 FROM temp.change_batch)
                """
        ).execute()
    }

    /// Starts a new write: the next row logged is the first of its batch. Called by the one door
    /// (`CaseloadStore.write`) at the start of every transaction. The connection-private temp table is created
    /// once per connection (creating it on every write would make GRDB drop its statement cache each time).
    static func startBatch(_ db: Database) throws {
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE name = 'change_batch')"))
        if exists != true {
            try db.execute(sql: "CREATE TEMP TABLE change_batch (first INTEGER NOT NULL)")
        }
        try db.cachedStatement(sql: "DELETE FROM temp.change_batch").execute()
    }

    static func decode(current statement: Statement) throws(StoredValueError) -> ChangeLogEntry {
        var r = ColumnReader(statement, kind: .participant, names: columns)
        let sequence = try r.int()
        let at = Date(timeIntervalSince1970: try r.real())
        let login = try r.text()
        let actionText = try r.text()
        guard let action = ChangeLogEntry.Action(rawValue: actionText) else { throw r.invalid(actionText) }
        return ChangeLogEntry(
            sequence: Int64(sequence), at: at, login: login, action: action, recordKind: try r.text(),
            recordID: try r.text(), participantID: r.optionalID(), oldValue: r.optionalText(),
            newValue: r.optionalText())
    }
}

/// The JSON form of a record in the change log (and of kartläggning answers): sorted keys so that the same
/// value always gives the same text, timestamps as seconds since 1970 so that an old value can be restored
/// exactly (undo), and NaN/infinity spelled out so that no number can make encoding fail.
enum ChangeJSON {
    private static let floats = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .secondsSince1970
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: floats.positive, negativeInfinity: floats.negative, nan: floats.nan)
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: floats.positive, negativeInfinity: floats.negative, nan: floats.nan)
        return d
    }

    static func text<T: Encodable>(_ value: T, using encoder: JSONEncoder = encoder()) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
