import Foundation
import GRDB
import SamordnaCore

/// What `WeekList` needs for one week, read with range queries on the indexes (never the whole caseload):
/// the team and the records of every participant the week touches, each carrying only the week's data.
public struct WeekData: Sendable {
    public var team: [TeamMember]
    /// Open participants, and closed ones with a meeting, an insats, an exit or an exit follow-up in the
    /// week. Each has the reader's assignments (current, or ended within the last seven months), its consents still
    /// running on the reference day, its live episodes (planerad, pågår) and those starting or ending in the
    /// week or with a follow-up due, and the meetings of the week and the week before.
    public var records: [ParticipantRecord]

    public init(team: [TeamMember], records: [ParticipantRecord]) {
        self.team = team
        self.records = records
    }
}

extension CaseloadStore {
    /// Reads the week in one read transaction. `reader` is the member the list is read as: only their
    /// responsibilities are read (all `WeekList` asks of them: Min vecka and skyddade personuppgifter), through
    /// the `responsible_assignment_member` index; nil reads none.
    /// (one consistent moment while colleagues write). Every query is
    /// a range on an index (`meeting_date`, `insats_episode_expected_start`/`_end`, `_next_follow_up`,
    /// `exit_record_date`/`follow_up_*`, `consent_valid_to`) except the open participants and their live
    /// episodes, which "utan pågående/jobbinriktad insats" needs for every open participant.
    public func weekData(week: IsoWeek, today: LocalDate, reader: TeamMember.ID?) throws(StoreError) -> WeekData {
        let monday = week.monday.storedText
        let sunday = week.sunday.storedText
        let previousMonday = week.monday.adding(days: -7).storedText
        let reference = WeekList.referenceDay(week: week, today: today).storedText
        // An exit whose 6-month follow-up falls in the week was about seven months ago: the assignments
        // that ended then say who was responsible.
        let assignmentsSince = week.monday.adding(months: -7).adding(days: -7).storedText
        return try read { db in
            var records: [Participant.ID: ParticipantRecord] = [:]
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? 0)
            var order: [Participant.ID] = []
            let team = try TeamMemberTable.fetchAll(db)
            try ParticipantTable.each(
                db.cachedStatement(sql: ParticipantTable.selectSQL + " WHERE status <> 'avslutad' ORDER BY rowid")
            ) { p in
                records[p.id] = ParticipantRecord(participant: p)
                order.append(p.id)
            }
            var meetings: [Meeting] = []
            try MeetingTable.each(
                db.cachedStatement(sql: MeetingTable.selectSQL + " WHERE \(Self.weekMeetingCondition) ORDER BY date, start_minute"),
                arguments: [previousMonday, sunday]
            ) { meetings.append($0) }
            // The week's few episodes (starting, ending, follow-up due) first, then the open participants'
            // live ones that are not among them.
            var few: [InsatsEpisode.ID: InsatsEpisode] = [:]
            var fewOrder: [InsatsEpisode.ID] = []
            let c = Self.weekEpisodeConditions
            let episodeQueries: [(String, StatementArguments)] = [
                (c.starting, [monday, sunday]), (c.ending, [monday, sunday]), (c.followUp, [sunday]),
            ]
            for (condition, arguments) in episodeQueries {
                try EpisodeTable.each(db.cachedStatement(sql: EpisodeTable.selectSQL + " WHERE " + condition), arguments: arguments) {
                    if few.updateValue($0, forKey: $0.id) == nil { fewOrder.append($0.id) }
                }
            }
            var live: [InsatsEpisode] = []
            live.reserveCapacity(records.count * 2)
            try EpisodeTable.each(db.cachedStatement(sql: EpisodeTable.selectSQL + " WHERE " + c.live)) {
                if few[$0.id] == nil { live.append($0) }
            }
            var exits: [ExitRecord] = []
            try ExitTable.each(
                db.cachedStatement(
                    sql: ExitTable.selectSQL + " WHERE " + Self.weekExitCondition),
                arguments: [monday, sunday]
            ) { exits.append($0) }

            // Closed participants the week touches (live episodes are open participants' by their query).
            var missing: [Participant.ID] = []
            var seen = Set<Participant.ID>()
            for id in meetings.map(\.participantID) + fewOrder.compactMap({ few[$0]?.participantID }) + exits.map(\.participantID)
            where records[id] == nil && seen.insert(id).inserted {
                missing.append(id)
            }
            for id in missing {
                guard let p = try ParticipantTable.fetch(key: [id.rawValue], db) else { continue }
                records[id] = ParticipantRecord(participant: p)
                order.append(id)
            }
            for m in meetings { records[m.participantID]?.meetings.append(m) }
            for id in fewOrder {
                if let e = few[id] { records[e.participantID]?.episodes.append(e) }
            }
            for e in live { records[e.participantID]?.episodes.append(e) }
            for exit in exits { records[exit.participantID]?.exit = exit }
            if let reader {
                try AssignmentTable.each(
                    db.cachedStatement(sql: AssignmentTable.selectSQL + " WHERE \(Self.weekAssignmentCondition) ORDER BY rowid"),
                    arguments: [reader.rawValue, assignmentsSince]
                ) { a in records[a.participantID]?.assignments.append(a) }
            }
            try ConsentTable.each(
                db.cachedStatement(sql: ConsentTable.selectSQL + " WHERE \(Self.weekConsentCondition) ORDER BY rowid"), arguments: [reference]
            ) { c in records[c.participantID]?.consents.append(c) }
            return WeekData(team: team, records: order.compactMap { records[$0] })
        }
    }

    // The conditions, each served by an index (a test reads their query plans). The expressions must be
    // exactly those of the expression indexes.
    static let weekMeetingCondition = "date BETWEEN ? AND ?"
    static let weekEpisodeConditions = (
        starting: "coalesce(start_date, planned_start) BETWEEN ? AND ?",
        ending: "coalesce(end_date, planned_end) BETWEEN ? AND ?",
        followUp: "next_follow_up <= ? AND status IN ('planerad', 'pågår')",
        // No index on status: the one scan, measured in docs/benchmarks.md.
        live: "status IN ('planerad', 'pågår') AND participant_id IN (SELECT id FROM participant WHERE status <> 'avslutad')"
    )
    static let weekExitCondition =
        "date BETWEEN ?1 AND ?2 OR follow_up_4_weeks BETWEEN ?1 AND ?2 OR follow_up_6_months BETWEEN ?1 AND ?2"
    static let weekConsentCondition = "valid_to >= ?"
    static let weekAssignmentCondition = "member_id = ? AND (to_date IS NULL OR to_date >= ?)"
}
