import Foundation
import GRDB
import SamordnaCore

/// Queries. Each runs in one read transaction, so what it returns is one consistent moment even while
/// colleagues write; children come in stored (insertion) order.
extension CaseloadStore {
    /// One participant with everything `loadCaseload` gives for it, or nil.
    public func record(_ id: Participant.ID) throws(StoreError) -> ParticipantRecord? {
        try read { db in
            guard let p = try ParticipantTable.fetch(key: [id.rawValue], db) else { return nil }
            var r = ParticipantRecord(participant: p)
            let filter = (sql: "participant_id = ?", arguments: StatementArguments([id.rawValue]))
            try Self.attach(AssignmentTable.self, db, where: filter) { r.assignments.append($0) }
            try Self.attach(ConsentTable.self, db, where: filter) { r.consents.append($0) }
            try Self.attach(EpisodeTable.self, db, where: filter) { r.episodes.append($0) }
            try Self.attach(MeetingTable.self, db, where: filter) { r.meetings.append($0) }
            r.exit = try ExitTable.fetch(key: [id.rawValue], db)
            return r
        }
    }

    /// Every consent, by participant (what a list of many participants' entries needs to decide who may
    /// read which: docs/privacy.md).
    public func consentsByParticipant() throws(StoreError) -> [Participant.ID: [Consent]] {
        try read { db in
            var all: [Participant.ID: [Consent]] = [:]
            for c in try ConsentTable.fetchAll(db) { all[c.participantID, default: []].append(c) }
            return all
        }
    }

    public func participant(_ id: Participant.ID) throws(StoreError) -> Participant? {
        try read { try ParticipantTable.fetch(key: [id.rawValue], $0) }
    }

    /// Every participant without their children (duplicate checks, finding someone by number), in stored order.
    public func participants() throws(StoreError) -> [Participant] {
        try read { try ParticipantTable.fetchAll($0) }
    }

    public func participantCount() throws(StoreError) -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM participant") ?? 0 }
    }

    public func teamMembers() throws(StoreError) -> [TeamMember] {
        try read { try TeamMemberTable.fetchAll($0) }
    }

    /// The member with this operating-system login, so a change can be attributed to a person.
    public func teamMember(login: String) throws(StoreError) -> TeamMember? {
        try read { try TeamMemberTable.fetchAll($0, where: "login = ?", arguments: [login]).first }
    }

    /// The participant's notes, oldest first (corrections after what they correct).
    public func notes(for participant: Participant.ID) throws(StoreError) -> [Note] {
        try read {
            try NoteTable.fetchAll(
                $0, where: "participant_id = ?", arguments: [participant.rawValue], orderBy: "written_at, rowid")
        }
    }

    /// The participant's kartläggningar, oldest first, so progression reads left to right.
    public func kartlaggningar(for participant: Participant.ID) throws(StoreError) -> [Kartlaggning] {
        try read {
            try KartlaggningTable.fetchAll(
                $0, where: "participant_id = ?", arguments: [participant.rawValue], orderBy: "date, rowid")
        }
    }

    public func assessments(for kartlaggning: Kartlaggning.ID) throws(StoreError) -> [ProfessionAssessment] {
        try read {
            try AssessmentTable.fetchAll($0, where: "kartlaggning_id = ?", arguments: [kartlaggning.rawValue])
        }
    }

    /// The latest `limit` changes concerning one participant, newest first.
    public func changeLog(for participant: Participant.ID, limit: Int) throws(StoreError) -> [ChangeLogEntry] {
        try read { db in
            let sql = """
                SELECT \(ChangeLogTable.columns.joined(separator: ", ")) FROM change_log
                WHERE participant_id = ? ORDER BY sequence DESC LIMIT ?
                """
            let statement = try db.makeStatement(sql: sql)
            var entries: [ChangeLogEntry] = []
            let rows = try Row.fetchCursor(statement, arguments: [participant.rawValue, max(0, limit)])
            while try rows.next() != nil { entries.append(try ChangeLogTable.decode(current: statement)) }
            return entries
        }
    }

    public func changeLogCount() throws(StoreError) -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") ?? 0 }
    }

    /// Streams the rows of `table` (optionally filtered) in stored order into `body`.
    static func attach<T: StoredTable>(
        _ table: T.Type, _ db: Database, where filter: (sql: String, arguments: StatementArguments)?,
        _ body: (T.Value) -> Void
    ) throws {
        let sql = T.selectSQL + (filter.map { " WHERE \($0.sql)" } ?? "") + " ORDER BY rowid"
        try T.each(db.cachedStatement(sql: sql), arguments: filter?.arguments ?? []) { body($0) }
    }
}
