import Foundation
import GRDB
import SamordnaCore

/// `u`: take back your own last change. The old values are written back through the same door as every
/// other change, checked against what is stored now, and the undo is itself logged.
extension CaseloadStore {
    /// Undoes `login`'s most recent change that is not undone yet: everything that one write did (a change of
    /// responsible staff ends one period and starts another; closing writes the exit and the status; a bulk
    /// change touches many participants), in one transaction.
    ///
    /// - Only what the user made: a colleague's change is never undone, and if a colleague (or anyone) has
    ///   changed one of the records since, the undo is refused with `.conflict(current:)` (a participant) or
    ///   `.recordConflict` and nothing is written.
    /// - Each record written back gets a change-log row with action `undo`, the value it had and the value
    ///   restored, and `undoes` = the sequence of the row it takes back. Undoing again takes back the change
    ///   before (an undo is not itself undone).
    /// - Undoable: changes to a participant, responsible staff, consents (added or withdrawn), exits, a
    ///   team member's details (someone marked as having left), answers saved to a kartläggning draft, and
    ///   insats episodes and meetings (added, changed, started, ended, outcome recorded; an added one is
    ///   removed again, its change-log rows stay).
    ///   Notes are never removed, a kartläggning marked klar stays klar, a new participant or team member is
    ///   not deleted, and other records are changed back by hand: those give `.notUndoable` with the reason.
    public func undoLastChange(by login: String, at time: Date, timeZone: TimeZone) throws(StoreError) -> UndoResult {
        try Self.checkLogin(login)
        return try write { db in
            let target = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT coalesce(batch, sequence) FROM change_log AS c
                        WHERE login = ? AND action <> 'undo'
                          AND NOT EXISTS (SELECT 1 FROM change_log AS u WHERE u.undoes = c.sequence)
                        ORDER BY sequence DESC LIMIT 1
                        """), arguments: [login])
            guard let target else { return .nothingToUndo }
            let rows = try LogRow.fetch(
                db, where: "sequence = ? OR batch = ?", arguments: [target, target], orderBy: "sequence")
            for row in rows {
                if let reason = Self.whyNotUndoable(row) { return .notUndoable(sequence: row.sequence, reason: reason) }
            }
            // Newest first, so a record changed twice in one write ends at its oldest value.
            for row in rows.reversed() {
                switch RecordKind(rawValue: row.kind) {
                case .participant:
                    try Self.undo(ParticipantTable.self, row, db, by: login, at: time) { restored, _ in
                        if let owner = try ParticipantTable.owner(ofIdentity: restored.identity.storedValue, db),
                            owner != restored.id
                        {
                            throw StoreError.duplicateIdentity(existing: owner)
                        }
                    }
                case .assignment: try Self.undo(AssignmentTable.self, row, db, by: login, at: time)
                case .consent: try Self.undo(ConsentTable.self, row, db, by: login, at: time)
                case .exit: try Self.undo(ExitTable.self, row, db, by: login, at: time)
                case .teamMember: try Self.undo(TeamMemberTable.self, row, db, by: login, at: time)
                case .kartlaggning: try Self.undo(KartlaggningTable.self, row, db, by: login, at: time)
                case .insats: try Self.undo(EpisodeTable.self, row, db, by: login, at: time)
                case .meeting: try Self.undo(MeetingTable.self, row, db, by: login, at: time)
                default: throw StoreError.invalid(field: "ångra", reason: "ändring nr \(row.sequence) kan inte ångras")
                }
            }
            let written = try LogRow.fetch(
                db, where: "sequence = (SELECT first FROM temp.change_batch) OR batch = (SELECT first FROM temp.change_batch)",
                arguments: [], orderBy: "sequence")
            let describer = HistoryDescriber(team: try TeamMemberTable.fetchAll(db), timeZone: timeZone)
            return .undone(
                UndoneChange(
                    undoneSequences: rows.map(\.sequence), participantID: rows.lazy.compactMap(\.participantID).first,
                    entries: written.compactMap(describer.entry)))
        }
    }

    /// Why a logged change cannot be undone, or nil when it can.
    static func whyNotUndoable(_ row: LogRow) -> String? {
        switch (RecordKind(rawValue: row.kind), row.action) {
        case (.note, _):
            return "din senaste ändring var en anteckning; anteckningar tas aldrig bort – skriv en rättelse i stället"
        case (.participant, .create):
            return "din senaste ändring lade till en deltagare; en deltagare tas inte bort med ångra"
                + " – ändra uppgifterna eller avsluta deltagaren i stället"
        case (.participant, .update), (.assignment, .create), (.assignment, .update), (.consent, .create),
            (.consent, .update), (.exit, .create), (.exit, .update), (.teamMember, .update),
            (.insats, .create), (.insats, .update), (.meeting, .create), (.meeting, .update):
            return nil
        case (.kartlaggning, .update):
            // Answers saved to a draft can be taken back; a kartläggning marked klar stays klar.
            let saved = row.new.flatMap { try? ChangeJSON.decoder().decode(Kartlaggning.self, from: Data($0.utf8)) }
            guard saved?.status == .utkast else {
                return "din senaste ändring markerade en kartläggning som klar; en klar kartläggning ändras inte"
                    + " – börja en ny (n), den utgår från en kopia"
            }
            return nil
        case (let kind, _):
            let what = kind?.label ?? row.kind
            return "din senaste ändring gällde \(what), som inte kan ångras här; ändra tillbaka för hand"
        }
    }

    /// Writes back the value `row` replaced, if what is stored is still what `row` wrote. A row that only
    /// bumped a version (the participant's, with a change of responsible staff) is answered with another
    /// bump, whatever else has changed since: it held no data to restore.
    static func undo<T: StoredTable>(
        _ table: T.Type, _ row: LogRow, _ db: Database, by login: String, at time: Date,
        check: (_ restored: T.Value, _ stored: T.Value?) throws -> Void = { _, _ in }
    ) throws where T.Value: Decodable {
        let decoder = ChangeJSON.decoder()
        let old = try row.old.map { try decoder.decode(T.Value.self, from: Data($0.utf8)) }
        let new = try row.new.map { try decoder.decode(T.Value.self, from: Data($0.utf8)) }
        guard let any = new ?? old else { return }
        let stored = try T.fetch(key: T.key(of: any), db)
        let participant = T.participantID(of: any)

        if let old, let new, T.sameContent(old, new) {
            guard let stored else { return }
            let bumped = T.restoring(stored, over: stored)
            try withReferences(T.self) { _ = try T.update(bumped, db) }
            try log(db, T.self, .undo, old: stored, new: bumped, participant: participant, by: login, at: time, undoes: row.sequence)
            return
        }
        let unchanged: Bool =
            switch (stored, new) {
            case (nil, nil): true
            case (let s?, let n?): T.sameContent(s, n)
            default: false
            }
        guard unchanged else {
            if let stored, let conflict = T.conflict(current: stored) { throw conflict }
            throw StoreError.recordConflict(kind: T.kind, id: T.logID(of: any))
        }
        if let old {
            let restored = T.restoring(old, over: stored)
            try check(restored, stored)
            if stored != nil {
                try withReferences(T.self) { _ = try T.update(restored, db) }
            } else {
                try withReferences(T.self) { try T.insert(restored, db) }
            }
            try log(db, T.self, .undo, old: stored, new: restored, participant: participant, by: login, at: time, undoes: row.sequence)
        } else if let stored {
            _ = try T.delete(key: T.key(of: stored), db)
            try log(db, T.self, .undo, old: stored, new: nil, participant: participant, by: login, at: time, undoes: row.sequence)
        }
    }
}
