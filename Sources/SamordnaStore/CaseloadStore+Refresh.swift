import Foundation
import GRDB
import SamordnaCore

/// What changed in the caseload after a known point in the change log: the participants a change touched,
/// read again, so an open window can replace just those instead of loading everything.
public struct CaseloadRefresh: Equatable, Sendable {
    /// The change log's last sequence number this read saw: the point the next refresh starts from.
    public var mark: Int64
    /// The touched participants as stored now, with the same children the caseload list loads.
    public var records: [ParticipantRecord]
    /// Touched participants that are no longer stored.
    public var removed: [Participant.ID]
    /// The team, when a team member changed (nil: unchanged).
    public var team: [TeamMember]?

    public var isEmpty: Bool { records.isEmpty && removed.isEmpty && team == nil }
}

extension CaseloadStore {
    /// Above this many touched participants (a large import, a bulk change of everyone) a whole load is
    /// cheaper than reading them one by one.
    public static let refreshLimit = 400

    /// The change log's last sequence number: every write through the store appends to it in the same
    /// transaction, so it names the commit a read saw.
    public func changeMark() throws(StoreError) -> Int64 {
        try read { try Self.changeMark($0) }
    }

    static func changeMark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")) ?? 0
    }

    /// Moves the change log's mark on by one without a row (an erasure: see `refresh(since:)`).
    static func skipChangeSequence(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sqlite_sequence (name, seq)
                SELECT 'change_log', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'change_log')
                """)
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'change_log'")
    }

    /// The participants changed after `mark`, read again in one snapshot, or nil when so many changed that a
    /// whole load is the better answer (or the mark is from another database: it lies ahead of the log).
    ///
    /// - Parameter meetingsSince: as for `loadCaseload`: meetings before this day are left out.
    public func refresh(since mark: Int64, meetingsSince: LocalDate?) throws(StoreError) -> CaseloadRefresh? {
        try read { db -> CaseloadRefresh? in
            let now = try Self.changeMark(db)
            guard now >= mark else { return nil }
            if now == mark { return CaseloadRefresh(mark: now, records: [], removed: [], team: nil) }
            // The log is append-only but for gallring, which removes an erased participant's rows and skips a
            // number: a sequence number with no row means someone was erased, and only a whole load drops them.
            let rows = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM change_log WHERE sequence > ?"), arguments: [mark])
            guard rows == now - mark else { return nil }
            var touched: [Participant.ID] = []
            var seen: Set<Participant.ID> = []
            var teamChanged = false
            let changes = try Row.fetchCursor(
                db.cachedStatement(
                    sql: "SELECT record_kind, participant_id FROM change_log WHERE sequence > ? ORDER BY sequence"),
                arguments: [mark])
            while let row = try changes.next() {
                let kind: String = try row.decode(String.self, atIndex: 0)
                if kind == RecordKind.teamMember.rawValue { teamChanged = true }
                guard let raw = try row.decode(String?.self, atIndex: 1) else { continue }
                let id = Participant.ID(raw)
                if seen.insert(id).inserted {
                    touched.append(id)
                    if touched.count > Self.refreshLimit { return nil }
                }
            }
            var records: [ParticipantRecord] = []
            var removed: [Participant.ID] = []
            for id in touched {
                if let record = try Self.listRecord(id, db, meetingsSince: meetingsSince) {
                    records.append(record)
                } else {
                    removed.append(id)
                }
            }
            let team = teamChanged ? try TeamMemberTable.fetchAll(db) : nil
            return CaseloadRefresh(mark: now, records: records, removed: removed, team: team)
        }
    }

    /// One participant with what the caseload list holds of it: as `record(_:)`, with meetings from
    /// `meetingsSince` on.
    static func listRecord(_ id: Participant.ID, _ db: Database, meetingsSince: LocalDate?) throws -> ParticipantRecord? {
        guard let p = try ParticipantTable.fetch(key: [id.rawValue], db) else { return nil }
        var r = ParticipantRecord(participant: p)
        let filter = (sql: "participant_id = ?", arguments: StatementArguments([id.rawValue]))
        try attach(AssignmentTable.self, db, where: filter) { r.assignments.append($0) }
        try attach(ConsentTable.self, db, where: filter) { r.consents.append($0) }
        try attach(EpisodeTable.self, db, where: filter) { r.episodes.append($0) }
        if let meetingsSince {
            let dated = (
                sql: "participant_id = ? AND date >= ?",
                arguments: StatementArguments([id.rawValue, meetingsSince.storedText])
            )
            try attach(MeetingTable.self, db, where: dated) { r.meetings.append($0) }
        } else {
            try attach(MeetingTable.self, db, where: filter) { r.meetings.append($0) }
        }
        r.exit = try ExitTable.fetch(key: [id.rawValue], db)
        return r
    }
}
