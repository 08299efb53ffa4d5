import GRDB
import SamordnaCore

/// The first screen of a large caseload before the rest (docs/benchmarks.md: the first full screen within 150 ms
/// for 10 000 participants). SQLite orders the participants by the same Swedish sort key the list uses
/// (`swedish_key`, registered on every connection), so the first page is exactly the top of the full list.
extension CaseloadStore {
    /// The first `limit` participants in Swedish order by surname and first name, each with assignments,
    /// consents, insatser, meetings from `meetingsSince` and exit, and how many participants there are in
    /// all. One read transaction.
    public func loadFirstPage(limit: Int, meetingsSince: LocalDate?) throws(StoreError)
        -> (records: [ParticipantRecord], total: Int)
    {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? 0
            var records: [ParticipantRecord] = []
            try ParticipantTable.each(
                db.makeStatement(
                    sql: ParticipantTable.selectSQL
                        + " ORDER BY swedish_key(last_name || ' ' || first_name), id LIMIT ?"),
                arguments: [limit]
            ) { records.append(ParticipantRecord(participant: $0)) }
            for i in records.indices {
                let id = records[i].id.rawValue
                let filter = (sql: "participant_id = ?", arguments: StatementArguments([id]))
                try Self.attach(AssignmentTable.self, db, where: filter) { records[i].assignments.append($0) }
                try Self.attach(ConsentTable.self, db, where: filter) { records[i].consents.append($0) }
                try Self.attach(EpisodeTable.self, db, where: filter) { records[i].episodes.append($0) }
                let meetings =
                    meetingsSince.map {
                        (sql: "participant_id = ? AND date >= ?", arguments: StatementArguments([id, $0.storedText]))
                    } ?? filter
                try Self.attach(MeetingTable.self, db, where: meetings) { records[i].meetings.append($0) }
                records[i].exit = try ExitTable.fetch(key: [id], db)
            }
            return (records, total)
        }
    }

    /// `swedish_key(text)`: `SwedishCollation.key`, whose byte order is the Swedish order.
    static let swedishKey = DatabaseFunction("swedish_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(SwedishCollation.key)
    }
}
