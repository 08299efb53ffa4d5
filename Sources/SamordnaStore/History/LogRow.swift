import Foundation
import GRDB
import SamordnaCore

/// A change-log row with the columns history and undo need beyond `ChangeLogEntry`: which write it belongs
/// to (`batch`) and, for an undo, which row it took back.
struct LogRow {
    let sequence: Int64
    let at: Date
    let login: String
    let action: ChangeLogEntry.Action
    let kind: String
    let recordID: String
    let participantID: Participant.ID?
    let old: String?
    let new: String?
    let batch: Int64
    let undoes: Int64?

    static let select = """
        SELECT sequence, at, login, action, record_kind, record_id, participant_id, old_value, new_value,
               coalesce(batch, sequence) AS batch, undoes
        FROM change_log
        """

    /// Rows matching `condition`, in the order given, at most `limit`.
    static func fetch(
        _ db: Database, where condition: String, arguments: StatementArguments, orderBy order: String,
        limit: Int? = nil
    ) throws -> [LogRow] {
        let sql = "\(select) WHERE \(condition) ORDER BY \(order)" + (limit.map { " LIMIT \($0)" } ?? "")
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return try rows.map { row in
            let actionText: String = row["action"]
            guard let action = ChangeLogEntry.Action(rawValue: actionText) else {
                throw StoreError.unreadableRecord(
                    kind: .participant, id: "ändringslogg \(row["sequence"] as Int64)",
                    reason: "kolumnen action har värdet '\(actionText)'")
            }
            let participant: String? = row["participant_id"]
            return LogRow(
                sequence: row["sequence"], at: Date(timeIntervalSince1970: row["at"]), login: row["login"],
                action: action, kind: row["record_kind"], recordID: row["record_id"],
                participantID: participant.map { EntityID($0) }, old: row["old_value"], new: row["new_value"],
                batch: row["batch"], undoes: row["undoes"])
        }
    }
}
