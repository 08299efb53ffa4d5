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
        participantID: Participant.ID?, old: String?, new: String?
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO change_log (at, login, action, record_kind, record_id, participant_id, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            time.timeIntervalSince1970, login, action.rawValue, kind, recordID, participantID?.rawValue, old, new,
        ])
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
