import GRDB
import SamordnaCore

/// The first screen of a large caseload before the rest (docs/benchmarks.md: the first full screen within
/// 150 ms for 10 000 participants). Each participant's row carries the list's own Swedish sort key
/// (`sort_key`, written with every change and indexed with the id), so the first page is exactly the top of
/// the full list and SQLite reads it as a range of that index, without looking at the other rows.
extension CaseloadStore {
    /// The first `limit` participants in Swedish order by surname and first name, each with assignments,
    /// consents, insatser, meetings from `meetingsSince` and exit, and how many participants there are in
    /// all. One read transaction; one query per table (the page's children are found through the same
    /// index range by `participant_id IN`, not with one query per participant).
    public func loadFirstPage(limit: Int, meetingsSince: LocalDate?) throws(StoreError)
        -> (records: [ParticipantRecord], total: Int)
    {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM participant") ?? 0
            let cache = ReadCache()
            var records: [ParticipantRecord] = []
            let order = " ORDER BY sort_key, id LIMIT ?"
            try ParticipantTable.each(db.makeStatement(sql: ParticipantTable.selectSQL + order), arguments: [limit]) {
                cache.register($0.id, position: records.count)
                records.append(ParticipantRecord(participant: $0))
            }
            // Children in stored order, as `loadCaseload` and `record(_:)` give them.
            let page = "participant_id IN (SELECT id FROM participant\(order))"
            func each<T: StoredTable>(
                _ table: T.Type, _ condition: String = "", _ arguments: StatementArguments = [],
                _ add: (inout ParticipantRecord, T.Value) -> Void
            ) throws {
                let statement = try db.makeStatement(sql: T.selectSQL + " WHERE \(page)\(condition) ORDER BY rowid")
                statement.arguments = [limit] + arguments
                try T.each(statement, cache: cache) { value, i in
                    if let i { add(&records[i], value) }
                }
            }
            try each(AssignmentTable.self) { $0.assignments.append($1) }
            try each(ConsentTable.self) { $0.consents.append($1) }
            try each(EpisodeTable.self) { $0.episodes.append($1) }
            if let meetingsSince {
                try each(MeetingTable.self, " AND date >= ?", [meetingsSince.storedText]) { $0.meetings.append($1) }
            } else {
                try each(MeetingTable.self) { $0.meetings.append($1) }
            }
            try each(ExitTable.self) { $0.exit = $1 }
            return (records, total)
        }
    }

    /// `swedish_key(text)`: `SwedishCollation.key`, whose byte order is the Swedish order. Registered on every
    /// connection: migration `v1-participant-sort-key` fills `sort_key` with it, and it lets a query compare.
    static let swedishKey = DatabaseFunction("swedish_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(SwedishCollation.key)
    }
}
