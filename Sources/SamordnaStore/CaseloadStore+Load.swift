import Dispatch
import Foundation
import GRDB
import SamordnaCore

/// Loading the whole caseload at start-up, the one read whose speed the user feels (docs/benchmarks.md:
/// first screen within 150 ms for 10 000 participants with three years of history).
extension CaseloadStore {
    /// Every participant with assignments, consents, insatser, meetings and exit, in stored order.
    ///
    /// One query per table, grouped here by participant (never one query per participant). The rows are
    /// read on two reader connections at once, one per core: participants, assignments, consents and exits
    /// here, insatser and meetings on a second thread. Two read transactions are two snapshots, so each
    /// half first reads the change log's sequence: every write through this store appends to the change log
    /// in its own transaction, so equal sequences mean both halves saw the same commit. If a colleague
    /// committed in between, the load is simply done again.
    ///
    /// - Parameter meetingsSince: when given, meetings before this day are left out (the dated index finds
    ///   the rest). The caseload list needs the coming meetings and recent contact, not three years of them;
    ///   `record(_:)` gives one participant's full history when it is opened. Nil loads every meeting.
    public func loadCaseload(meetingsSince: LocalDate? = nil) throws(StoreError) -> [ParticipantRecord] {
        for _ in 0..<3 {
            let other = Handoff()
            let group = DispatchGroup()
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
                other.result = Result { () throws(StoreError) in
                    try read { try Self.readActivities($0, meetingsSince: meetingsSince) }
                }
            }
            let mine = Result { () throws(StoreError) in try read { try Self.readPeople($0) } }
            group.wait()
            var (people, peopleMark) = try mine.get()
            guard let activities = other.result else { break }
            let (episodes, meetings, activitiesMark) = try activities.get()
            guard peopleMark == activitiesMark, episodes.count == people.count else { continue }
            for i in people.indices {
                people[i].episodes = episodes[i]
                people[i].meetings = meetings[i]
            }
            return people
        }
        // Colleagues kept committing between the two halves: read everything in one transaction.
        return try read { db in
            var (people, _) = try Self.readPeople(db)
            let (episodes, meetings, _) = try Self.readActivities(db, meetingsSince: meetingsSince)
            for i in people.indices {
                people[i].episodes = episodes[i]
                people[i].meetings = meetings[i]
            }
            return people
        }
    }

    /// The commit a read transaction sees, told by the change log's last sequence number.
    private static func snapshotMark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'") ?? 0
    }

    /// Participants with assignments, consents and exit.
    private static func readPeople(_ db: Database) throws -> ([ParticipantRecord], Int64) {
        let mark = try snapshotMark(db)
        let cache = ReadCache()
        var records: [ParticipantRecord] = []
        records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? 0)
        try ParticipantTable.each(db.makeStatement(sql: ParticipantTable.selectSQL + " ORDER BY rowid")) { p in
            cache.register(p.id, position: records.count)
            records.append(ParticipantRecord(participant: p))
        }
        // A child whose participant is unknown cannot exist (foreign keys); it is skipped, not guessed.
        func each<T: StoredTable>(_ table: T.Type, _ add: (inout ParticipantRecord, T.Value) -> Void) throws {
            try T.each(db.makeStatement(sql: T.selectSQL + " ORDER BY rowid"), cache: cache) { value, i in
                if let i { add(&records[i], value) }
            }
        }
        try each(AssignmentTable.self) { $0.assignments.append($1) }
        try each(ConsentTable.self) { $0.consents.append($1) }
        try each(ExitTable.self) { $0.exit = $1 }
        return (records, mark)
    }

    /// Insatser and meetings per participant, in the participants' stored order.
    private static func readActivities(_ db: Database, meetingsSince: LocalDate?) throws
        -> ([[InsatsEpisode]], [[Meeting]], Int64)
    {
        let mark = try snapshotMark(db)
        let cache = ReadCache()
        var count = 0
        let ids = try Row.fetchCursor(db.makeStatement(sql: "SELECT id FROM participant ORDER BY rowid"))
        while let row = try ids.next() {
            cache.register(EntityID(try row.decode(String.self, atIndex: 0)), position: count)
            count += 1
        }
        var episodes = [[InsatsEpisode]](repeating: [], count: count)
        var meetings = [[Meeting]](repeating: [], count: count)
        try EpisodeTable.each(db.makeStatement(sql: EpisodeTable.selectSQL + " ORDER BY rowid"), cache: cache) {
            if let i = $1 { episodes[i].append($0) }
        }
        let meetingSQL = MeetingTable.selectSQL + (meetingsSince == nil ? "" : " WHERE date >= ?") + " ORDER BY rowid"
        let meetingRows = try db.makeStatement(sql: meetingSQL)
        if let meetingsSince { meetingRows.arguments = [meetingsSince.storedText] }
        try MeetingTable.each(meetingRows, cache: cache) {
            if let i = $1 { meetings[i].append($0) }
        }
        return (episodes, meetings, mark)
    }

    /// Carries the second half's result back from its thread; `group.wait()` orders the write before the read.
    private final class Handoff: @unchecked Sendable {
        var result: Result<([[InsatsEpisode]], [[Meeting]], Int64), StoreError>?
    }
}
