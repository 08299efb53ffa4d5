import Foundation
import GRDB
import SamordnaCore

/// The access log (docs/privacy.md): who read, revealed, exported or printed which participants. Written
/// beside the change log, never into it, so a read does not make other windows load anything again.
extension CaseloadStore {
    /// Appends one line. The organisation is looked up from the login's team member (empty when the login is
    /// not in the team). Nothing else is written, and the change log's sequence does not move.
    @discardableResult
    public func logAccess(
        _ action: AccessLogEntry.Action, participant: Participant.ID?, participants: Int = 1, format: String,
        withNames: Bool, detail: String, by login: String, at time: Date
    ) throws(StoreError) -> AccessLogEntry {
        try Self.checkLogin(login)
        if isReadOnly { throw .readOnly(path: path) }
        do {
            return try database.write { db in
                let organisation =
                    try String.fetchOne(
                        db.cachedStatement(sql: "SELECT organisation FROM team_member WHERE login = ?"),
                        arguments: [login]) ?? ""
                var entry = AccessLogEntry(
                    at: time, login: login, organisation: organisation, action: action, participantID: participant,
                    participants: max(0, participants), format: format, withNames: withNames,
                    detail: String(detail.prefix(200)))
                try db.cachedStatement(
                    sql: """
                        INSERT INTO access_log
                            (at, login, organisation, action, participant_id, participants, format, with_names, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    time.timeIntervalSince1970, login, organisation, action.rawValue, participant?.rawValue,
                    entry.participants, format, withNames ? 1 : 0, entry.detail,
                ])
                entry.sequence = db.lastInsertedRowID
                return entry
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// The log, newest first: for one participant (lines naming it), one login, from `since` (an instant)
    /// on, at most `limit` lines (nil: all).
    public func accessLog(
        participant: Participant.ID? = nil, member login: String? = nil, since: Date? = nil, limit: Int? = nil
    ) throws(StoreError) -> [AccessLogEntry] {
        try read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let participant {
                conditions.append("participant_id = ?")
                arguments += [participant.rawValue]
            }
            if let login {
                conditions.append("login = ?")
                arguments += [login]
            }
            if let since {
                conditions.append("at >= ?")
                arguments += [since.timeIntervalSince1970]
            }
            var sql = """
                SELECT sequence, at, login, organisation, action, participant_id, participants, format, with_names,
                       detail FROM access_log
                """
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY sequence DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let rawAction: String = row[4]
                guard let action = AccessLogEntry.Action(rawValue: rawAction) else {
                    throw StoreError.databaseFailure(path: self.path, reason: "okänd åtgärd i access_log: \(rawAction)")
                }
                let participantID: String? = row[5]
                let withNames: Int64 = row[8]
                return AccessLogEntry(
                    sequence: row[0], at: Date(timeIntervalSince1970: row[1]), login: row[2], organisation: row[3],
                    action: action, participantID: participantID.map { Participant.ID($0) }, participants: row[6],
                    format: row[7], withNames: withNames != 0, detail: row[9])
            }
        }
    }
}
