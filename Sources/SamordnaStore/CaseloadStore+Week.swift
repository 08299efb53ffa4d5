import Foundation
import GRDB
import GRDBSQLite
import SamordnaCore

/// What `WeekList` needs for one week, read with range queries on the indexes and one merge of three index
/// scans that turns into values only the participants with something to show (never the whole caseload
/// decoded): the team, the records of the participants the week touches, and the sections about every open
/// participant as `state`.
public struct WeekData: Sendable {
    public var team: [TeamMember]
    /// Participants with a meeting in the week or a no-show the week before, an insats starting or ending in
    /// the week or with a follow-up due, an exit or an exit follow-up in the week, and the open participants in
    /// `state.insatsCandidates`. Each has the assignments of the reader, or in a lag's week of the lag's
    /// members (current, or ended within the last seven months), the consents valid on the reference day that let the reader's organisation receive (what
    /// `WeekAccess` asks; none without a reader), the week's episodes (and all live episodes for the
    /// candidates), and the meetings of the week and the no-shows (uteblev) of the week before.
    public var records: [ParticipantRecord]
    /// "Utan pågående/jobbinriktad insats" and the consent problems of every open participant, the
    /// candidates for "glapp" and "nära längsta tid", and the responsibilities read (the reader's or the lag's).
    public var state: WeekCaseloadState
    /// The participants the list is made from, without those with skyddade personuppgifter (what an export of
    /// the list logs): every open participant and the closed ones the week touches; for Min vecka and a lag's
    /// week, the open participants the reader or the lag is or was responsible for (the assignments read) and
    /// every one the week touches.
    public var covered: [Participant.ID]

    public init(team: [TeamMember], records: [ParticipantRecord], state: WeekCaseloadState, covered: [Participant.ID]) {
        self.team = team
        self.records = records
        self.state = state
        self.covered = covered
    }
}

extension CaseloadStore {
    /// Reads the week in one read transaction (one consistent moment while colleagues write). `reader` is
    /// the member the list is read as: only their responsibilities are read, or in their lag's week the lag's
    /// members' (all `WeekList` asks: Min vecka, the lag's week and skyddade personuppgifter), through the
    /// `responsible_assignment_member` index; nil reads none. `catalogue` must be the one the list is then built with: it says which insatser are
    /// job-focused and how long each may last.
    ///
    /// Every query is a range on an index (`meeting_date`, `insats_episode_expected_start`/`_end`,
    /// `_next_follow_up`, `exit_record_date`/`follow_up_*`) or a key lookup, except the three scans about every
    /// open participant (`weekState`), each one pass over its covering index (`participant_open`,
    /// `insats_episode_participant_live`, `consent_participant_valid`), merged here.
    ///
    /// `onlyMine` (Min vecka, with a reader), or a reader with an arbetslag without `wholeTeam` (the lag's
    /// week; `WeekList.Reader.circle`): every read covers only the participants the assignments of the reader
    /// or the lag name (and the meetings they take part in), each scan then a key lookup per participant on
    /// the same index; last week's no-shows are read only when `WeekList.showsNoShows`. `WeekList` keeps
    /// nothing else in those lists, so the list is the same.
    ///
    /// The scans about every open participant (a fifth of the time at city scale) run on a second reader
    /// connection, on another thread, while this one reads the week's own rows. The two read transactions see
    /// the same committed moment when `commitMark()` (anyone's commit) is the same before and after both;
    /// otherwise the week is read again in one transaction. `afterFirstRead` (tests) runs inside the first
    /// transaction before the second begins. Min vecka's and a lag's few participants are read in one
    /// transaction.
    public func weekData(
        week: IsoWeek, today: LocalDate, reader: TeamMember.ID?, catalogue: [InsatsType], onlyMine: Bool = false,
        wholeTeam: Bool = false
    ) throws(StoreError) -> WeekData {
        let mine = onlyMine && reader != nil
        return try weekData(
            week: week, today: today, reader: reader, catalogue: catalogue, onlyMine: mine, wholeTeam: wholeTeam,
            parallel: true)
    }

    /// The week as `reader` reads it (Teamets vecka or Min vecka), built by Core's `WeekList` with the reader as
    /// the week's own read has them, and the gallring count; with the data it was made from (`covered` is what
    /// an export logs). The terminal UI and `samordna export week` both read the week through this.
    public func weekList(
        week: IsoWeek, today: LocalDate, reader: WeekList.Reader, catalogue: [InsatsType],
        protectedPolicy: WeekList.ProtectedPolicy
    ) throws(StoreError) -> (list: WeekList, data: WeekData) {
        let data = try weekData(
            week: week, today: today, reader: reader.member?.id, catalogue: catalogue, onlyMine: reader.onlyMine,
            wholeTeam: reader.wholeTeam)
        var list = WeekList(
            week: week, today: today, team: data.team, catalogue: catalogue, reader: reader.current(in: data.team),
            records: data.records, protectedPolicy: protectedPolicy, state: data.state)
        list.gallringDue = try gallringDueCount(today: today)
        return (list, data)
    }

    func weekData(
        week: IsoWeek, today: LocalDate, reader: TeamMember.ID?, catalogue: [InsatsType], onlyMine: Bool = false,
        wholeTeam: Bool = false, parallel: Bool, afterFirstRead: (() throws -> Void)? = nil
    ) throws(StoreError) -> WeekData {
        let day = WeekList.referenceDay(week: week, today: today)
        func restrictedState(_ db: Database, _ team: [TeamMember], _ only: [Participant.ID]?) throws -> WeekStateScan {
            try Self.weekState(db, catalogue: catalogue, groups: Self.weekGroups(team), day: day, only: only)
        }
        // One connection (`Connections.single`) cannot read beside itself.
        guard parallel && !onlyMine && database is DatabasePool else {
            return try read { db in
                try weekData(
                    db, week: week, today: today, reader: reader, catalogue: catalogue, onlyMine: onlyMine,
                    wholeTeam: wholeTeam, startState: { _, _ in }, state: { team, only in try restrictedState(db, team, only) })
            }
        }
        let before = try commitMark()
        let scans = ParallelRead<WeekStateScan>()
        var scanned = false
        let data = try read { db in
            try weekData(
                db, week: week, today: today, reader: reader, catalogue: catalogue, onlyMine: false, wholeTeam: wholeTeam,
                startState: { _, circle in
                    // A lag's few participants are read in this transaction once their ids are known.
                    guard circle == nil else { return }
                    try afterFirstRead?()
                    scanned = true
                    scans.start { [database] in
                        try database.read { db in
                            let team = try TeamMemberTable.fetchAll(db)
                            return try Self.weekState(db, catalogue: catalogue, groups: Self.weekGroups(team), day: day)
                        }
                    }
                },
                state: { team, only in scanned ? try scans.result() : try restrictedState(db, team, only) })
        }
        if scanned, try commitMark() != before {
            // Someone committed meanwhile: the two reads may have seen different moments.
            return try weekData(
                week: week, today: today, reader: reader, catalogue: catalogue, wholeTeam: wholeTeam, parallel: false)
        }
        return data
    }

    /// The consent groups the list asks about: those of the active members' organisations.
    static func weekGroups(_ team: [TeamMember]) -> [ConsentBadge.Group] {
        let teamGroups = Set(team.filter(\.active).flatMap { WeekAccess.authorities(of: $0.organisation) }.map(\.badgeGroup))
        return ConsentBadge.Group.allCases.filter(teamGroups.contains)
    }

    typealias WeekStateScan = (rows: [WeekCaseloadState.Row], candidates: [Participant.ID])

    /// The week's reads in `db`'s transaction. `startState` is called once the team is read, with the members
    /// the list is read for (`WeekList.Reader.circle`: the reader in Min vecka, the lag in a lag's week, nil
    /// for the whole team), and `state` gives the scans about every open participant (or about those the
    /// circle's assignments name) after the week's own meetings, insatser and exits.
    private func weekData(
        _ db: Database, week: IsoWeek, today: LocalDate, reader: TeamMember.ID?, catalogue: [InsatsType], onlyMine: Bool,
        wholeTeam: Bool, startState: ([TeamMember], _ circle: Set<TeamMember.ID>?) throws -> Void,
        state: ([TeamMember], _ only: [Participant.ID]?) throws -> WeekStateScan
    ) throws -> WeekData {
        let monday = week.monday.storedText
        let sunday = week.sunday.storedText
        let previousMonday = week.monday.adding(days: -7).storedText
        let previousSunday = week.monday.adding(days: -1).storedText
        let day = WeekList.referenceDay(week: week, today: today)
        let reference = day.storedText
        // An exit whose 6-month follow-up falls in the week was about seven months ago: the assignments
        // that ended then say who was responsible.
        let assignmentsSince = week.monday.adding(months: -7).adding(days: -7).storedText
        do {
            let team = try TeamMemberTable.fetchAll(db)
            // Codes, code lists and repeated texts decoded once for the whole read.
            let cache = ReadCache()
            let member = team.first { $0.id == reader }
            let circle = WeekList.Reader(member: member, onlyMine: onlyMine, wholeTeam: wholeTeam).circle(in: team)
            try startState(team, circle)
            // The responsibilities of the reader (who with skyddade personuppgifter they may see) and of the
            // members the list is read for (Min vecka, a lag's week).
            var circleAssignments: [Participant.ID: [ResponsibleAssignment]] = [:]
            let assignmentMembers = (circle.map { Array($0) } ?? reader.map { [$0] } ?? []).sorted { $0.rawValue < $1.rawValue }
            if !assignmentMembers.isEmpty {
                try AssignmentTable.each(
                    db.cachedStatement(sql: AssignmentTable.selectSQL + " WHERE \(Self.weekAssignmentCondition) ORDER BY rowid"),
                    arguments: [Self.jsonArray(assignmentMembers), assignmentsSince], cache: cache
                ) { a in circleAssignments[a.participantID, default: []].append(a) }
            }
            let only = circle == nil ? nil : circleAssignments.keys.sorted { $0.rawValue < $1.rawValue }

            // Min vecka and a lag's week show nothing about other participants but the meetings their members
            // take part in: only their rows are read (`WeekList` applies the rule exactly; these are a superset).
            let onlyIDs = only.map { Self.jsonArray($0) }
            let mineClause = onlyIDs == nil ? "" : " AND participant_id IN (SELECT value FROM json_each(?))"
            let mineArguments: StatementArguments = onlyIDs.map { [$0] } ?? []
            let meetingClause =
                onlyIDs == nil
                ? ""
                : " AND (participant_id IN (SELECT value FROM json_each(?))"
                    + String(repeating: " OR instr(members, ?) > 0", count: assignmentMembers.count) + ")"
            let meetingArguments: StatementArguments =
                onlyIDs.map { StatementArguments([$0] + assignmentMembers.map(\.rawValue)) } ?? []

            // The week's meetings, and last week's no-shows (all the list shows of last week).
            var meetings: [Meeting] = []
            try MeetingTable.each(
                db.cachedStatement(
                    sql: MeetingTable.selectSQL + " WHERE \(Self.weekMeetingCondition)\(meetingClause) ORDER BY date, start_minute"),
                arguments: [monday, sunday] + meetingArguments, cache: cache
            ) { meetings.append($0) }
            let readerProfession = team.first { $0.id == reader }?.profession
            if WeekList.showsNoShows(onlyMine: onlyMine, profession: readerProfession) {
                try MeetingTable.each(
                    db.cachedStatement(
                        sql: MeetingTable.selectSQL
                            + " WHERE \(Self.weekMeetingCondition) AND outcome = 'uteblev'\(meetingClause) ORDER BY date, start_minute"),
                    arguments: [previousMonday, previousSunday] + meetingArguments, cache: cache
                ) { meetings.append($0) }
            }
            // The week's few episodes: starting, ending, follow-up due.
            var few: [InsatsEpisode] = []
            var fewIDs = Set<InsatsEpisode.ID>()
            let c = Self.weekEpisodeConditions
            let episodeQueries: [(String, StatementArguments)] = [
                (c.starting, [monday, sunday]), (c.ending, [monday, sunday]), (c.followUp, [sunday]),
            ]
            for (condition, arguments) in episodeQueries {
                try EpisodeTable.each(
                    db.cachedStatement(sql: EpisodeTable.selectSQL + " WHERE (\(condition))" + mineClause),
                    arguments: arguments + mineArguments, cache: cache
                ) {
                    if fewIDs.insert($0.id).inserted { few.append($0) }
                }
            }
            var exits: [ExitRecord] = []
            try ExitTable.each(
                db.cachedStatement(sql: ExitTable.selectSQL + " WHERE (\(Self.weekExitCondition))" + mineClause),
                arguments: [monday, sunday] + mineArguments, cache: cache
            ) { exits.append($0) }

            // The sections about every open participant: only those with something to show come back.
            let (rows, candidates) = try state(team, only)
            let candidateSet = Set(candidates)

            // The participants the week touches, and the candidates, once each in the order first met.
            var order: [Participant.ID] = []
            var seen = Set<Participant.ID>()
            for id in meetings.map(\.participantID) + few.map(\.participantID) + exits.map(\.participantID)
                + candidates where seen.insert(id).inserted
            {
                order.append(id)
            }
            let ids = Self.jsonArray(order)
            var records: [Participant.ID: ParticipantRecord] = [:]
            records.reserveCapacity(order.count)
            try ParticipantTable.each(
                db.cachedStatement(sql: ParticipantTable.selectSQL + " WHERE id IN (SELECT value FROM json_each(?))"),
                arguments: [ids], cache: cache
            ) { records[$0.id] = ParticipantRecord(participant: $0) }
            for m in meetings { records[m.participantID]?.meetings.append(m) }
            for e in few { records[e.participantID]?.episodes.append(e) }
            // The candidates' live episodes not among the week's, which "glapp" and "nära längsta tid" weigh.
            try EpisodeTable.each(
                db.cachedStatement(
                    sql: EpisodeTable.selectSQL
                        + " WHERE participant_id IN (SELECT value FROM json_each(?)) AND status IN ('planerad', 'pågår')"),
                arguments: [Self.jsonArray(candidates)], cache: cache
            ) { e in
                if !fewIDs.contains(e.id) { records[e.participantID]?.episodes.append(e) }
            }
            for exit in exits { records[exit.participantID]?.exit = exit }
            for (id, assignments) in circleAssignments { records[id]?.assignments = assignments }
            // The consents that let the reader's organisation receive, registered by another organisation (all
            // `WeekAccess` asks of them: a consent the reader's own organisation registered opens nothing to it).
            if let organisation = team.first(where: { $0.id == reader })?.organisation {
                let consents = Self.weekReaderConsentSQL(WeekAccess.authorities(of: organisation))
                let own = Self.jsonArray(team.filter { $0.organisation == organisation }.map(\.id))
                try ConsentTable.each(
                    db.cachedStatement(sql: consents), arguments: StatementArguments([ids, reference, own]), cache: cache
                ) { c in records[c.participantID]?.consents.append(c) }
            }
            let openSQL =
                "SELECT id FROM participant INDEXED BY participant_open WHERE status <> 'avslutad' AND protected_identity = 0"
            var covered = try String.fetchAll(
                db.cachedStatement(sql: openSQL + (only == nil ? "" : " AND id IN (SELECT value FROM json_each(?))")),
                arguments: only.map { [Self.jsonArray($0)] } ?? []
            ).map { Participant.ID($0) }
            let coveredOpen = Set(covered)
            var list: [ParticipantRecord] = []
            list.reserveCapacity(order.count)
            for id in order {
                guard let record = records.removeValue(forKey: id) else { continue }
                if !record.participant.protectedIdentity && !coveredOpen.contains(id)
                    && (record.participant.status == .avslutad || only != nil)
                {
                    covered.append(id)
                }
                list.append(record)
            }
            return WeekData(
                team: team, records: list,
                state: WeekCaseloadState(rows: rows, insatsCandidates: candidateSet, circleAssignments: circleAssignments),
                covered: covered)
        }
    }

    /// `["a","b"]` for `json_each`. Ids are our own UUID text; one with a quote, a backslash or a control
    /// character is escaped anyway.
    static func jsonArray<T>(_ ids: [EntityID<T>]) -> String {
        func plain(_ id: EntityID<T>) -> Bool { id.rawValue.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C } }
        func escaped(_ id: EntityID<T>) -> String {
            var out = ""
            for ch in id.rawValue.unicodeScalars {
                switch ch {
                case "\"", "\\": out += "\\" + String(ch)
                case _ where ch.value < 0x20: out += String(format: "\\u%04x", ch.value)
                default: out.unicodeScalars.append(ch)
                }
            }
            return out
        }
        if ids.isEmpty { return "[]" }
        return "[\"" + ids.map { plain($0) ? $0.rawValue : escaped($0) }.joined(separator: "\",\"") + "\"]"
    }

    /// `InsatsEpisode.isOngoing(on: ?1)` in SQL, for the episode table under `e`.
    static let weekOngoingCondition = """
        e.status IN ('planerad', 'pågår') AND coalesce(e.start_date, CASE WHEN e.status = 'pågår' THEN e.planned_start END) <= ?1
        AND (coalesce(e.end_date, e.planned_end) IS NULL OR coalesce(e.end_date, e.planned_end) >= ?1)
        """

    /// Every open participant in id order, through the covering index `participant_open`; `restricted`: only
    /// those in the JSON array ?1.
    static func weekOpenParticipantsSQL(restricted: Bool) -> String {
        """
        SELECT id, first_name, last_name, status, protected_identity FROM participant INDEXED BY participant_open
        WHERE status <> 'avslutad'\(restricted ? " AND id IN (SELECT value FROM json_each(?1))" : "") ORDER BY id
        """
    }

    /// The consents valid on ?1, in participant order, through the covering index `consent_participant_valid`;
    /// `restricted`: only those of the participants in the JSON array ?2.
    static func weekValidConsentsSQL(restricted: Bool) -> String {
        """
        SELECT participant_id, valid_to, discloser, recipient FROM consent INDEXED BY consent_participant_valid
        WHERE valid_from <= ?1 AND valid_to >= ?1 AND (withdrawn_on IS NULL OR withdrawn_on > ?1)\(
            restricted ? " AND participant_id IN (SELECT value FROM json_each(?2))" : "")
        ORDER BY participant_id
        """
    }

    /// The episodes ongoing on ?1 (`InsatsEpisode.isOngoing`), in participant order through the covering index
    /// `insats_episode_participant_live`, each with whether its type is job-focused and whether it may put
    /// its participant in "glapp" or "nära längsta tid" (`InsatsPlanning.bipWarnings`): it ends within the
    /// gap horizon (?2) with no other live insats starting within two weeks after it and lasting past its
    /// end (`InsatsPlanning.gapAhead`, exactly), or its type's maximum length is reached within the warning
    /// days.
    /// `restricted`: only those of the participants in a JSON array, the argument after `arguments`.
    static func weekOngoingSQL(catalogue: [InsatsType], day: LocalDate, restricted: Bool = false) -> (sql: String, arguments: [String]) {
        var arguments = [day.storedText, day.adding(days: WeekList.gapHorizonDays).storedText]
        func placeholder(_ value: String) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
        let jobCodes = Array(Set(catalogue.filter(\.jobFocused).map(\.code))).sorted()
        let jobList = jobCodes.isEmpty ? "NULL" : jobCodes.map(placeholder).joined(separator: ", ")
        // Reaches its maximum on start + max - 1; warned when that is within the warning days of the day.
        // The first entry of a code counts, as in `WeekList`'s catalogue.
        var near: [String] = []
        var seen = Set<String>()
        for type in catalogue where seen.insert(type.code).inserted {
            guard let max = type.maxLengthDays else { continue }
            let latest = day.adding(days: InsatsPlanning.maxLengthWarningDays - max + 1)
            near.append(
                "(e.type_code = \(placeholder(type.code)) AND coalesce(e.start_date, e.planned_start) <= \(placeholder(latest.storedText)))")
        }
        let sql = """
            SELECT e.participant_id, e.type_code IN (\(jobList)) AS job_focused,
                CASE
                    WHEN coalesce(e.end_date, e.planned_end) <= ?2 AND NOT EXISTS (
                        SELECT 1 FROM insats_episode o INDEXED BY insats_episode_participant_live
                        WHERE o.participant_id = e.participant_id AND o.status IN ('planerad', 'pågår') AND o.rowid <> e.rowid
                            AND coalesce(o.start_date, o.planned_start) <= date(coalesce(e.end_date, e.planned_end), '+15 days')
                            AND (coalesce(o.end_date, o.planned_end) IS NULL
                                OR coalesce(o.end_date, o.planned_end) >= date(coalesce(e.end_date, e.planned_end), '+1 day'))
                    ) THEN 1
                    WHEN \(near.isEmpty ? "0" : near.joined(separator: " OR ")) THEN 1
                    ELSE 0
                END AS candidate
            FROM insats_episode e INDEXED BY insats_episode_participant_live
            WHERE \(weekOngoingCondition)\(restricted ? " AND e.participant_id IN (SELECT value FROM json_each(?\(arguments.count + 1)))" : "")
            ORDER BY e.participant_id
            """
        return (sql, arguments)
    }

    /// The rows of `WeekCaseloadState` and its insats candidates: one pass over the open participants, their
    /// ongoing episodes and their valid consents, three scans in participant-id order merged here on the
    /// raw bytes (SQLite's BINARY order is memcmp), so that only the participants with something to show
    /// are turned into Swift values. An open participant is a row when none of their ongoing insatser is
    /// job-focused, or when one of the team's consent `groups` has no valid consent or only ones ending
    /// within `WeekList.consentWarningDays`.
    /// `only`: just these participants (Min vecka), each scan then a lookup per participant on its index.
    static func weekState(
        _ db: Database, catalogue: [InsatsType], groups: [ConsentBadge.Group], day: LocalDate, only: [Participant.ID]? = nil
    ) throws -> (rows: [WeekCaseloadState.Row], candidates: [Participant.ID]) {
        let warnUntil = day.adding(days: WeekList.consentWarningDays)
        let ongoing = weekOngoingSQL(catalogue: catalogue, day: day, restricted: only != nil)
        let people = try db.cachedStatement(sql: weekOpenParticipantsSQL(restricted: only != nil))
        let episodes = try db.cachedStatement(sql: ongoing.sql)
        let consents = try db.cachedStatement(sql: weekValidConsentsSQL(restricted: only != nil))
        let ids = only.map { Self.jsonArray($0) }
        let peopleRows = try Row.fetchCursor(people, arguments: StatementArguments(ids.map { [$0] } ?? []))
        let episodeRows = try Row.fetchCursor(episodes, arguments: StatementArguments(ongoing.arguments + (ids.map { [$0] } ?? [])))
        let consentRows = try Row.fetchCursor(consents, arguments: StatementArguments([day.storedText] + (ids.map { [$0] } ?? [])))
        let ps = people.sqliteStatement
        let es = episodes.sqliteStatement
        let cs = consents.sqliteStatement
        func text(_ s: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
            guard let p = sqlite3_column_text(s, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, column)))
        }
        /// SQLite's BINARY collation: memcmp, then the shorter first.
        func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
            let n = min(a.count, b.count)
            let r = n == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, n))
            return r != 0 ? r : a.count - b.count
        }
        let allGroups = ConsentBadge.Group.allCases
        // The authorities by the length and first byte of their code, each compared in full when it is a candidate.
        var authorities: [Int: [([UInt8], Int)]] = [:]
        for a in Authority.allCases {
            let bytes = Array(a.rawValue.utf8)
            authorities[bytes.count << 8 | Int(bytes[0]), default: []].append((bytes, allGroups.firstIndex(of: a.badgeGroup)!))
        }
        let asked = groups.map { allGroups.firstIndex(of: $0)! }
        /// The groups (bit per `ConsentBadge.Group.allCases` index) of a stored authority list `a,b,c`.
        func groupMask(_ list: UnsafeBufferPointer<UInt8>) -> Int {
            var mask = 0
            var start = 0
            for i in 0...list.count where i == list.count || list[i] == 0x2C {
                if i > start, let candidates = authorities[(i - start) << 8 | Int(list[start])] {
                    let token = UnsafeBufferPointer(rebasing: list[start..<i])
                    for (bytes, group) in candidates where bytes.elementsEqual(token) {
                        mask |= 1 << group
                        break
                    }
                }
                start = i + 1
            }
            return mask
        }

        var rows: [WeekCaseloadState.Row] = []
        var candidates: [Participant.ID] = []
        var episodesLeft = try episodeRows.next() != nil
        var consentsLeft = try consentRows.next() != nil
        var last = [LocalDate?](repeating: nil, count: allGroups.count)
        while try peopleRows.next() != nil {
            let id = text(ps, 0)
            var hasOngoing = false
            var hasJobFocused = false
            var candidate = false
            while episodesLeft {
                let order = compare(text(es, 0), id)
                if order > 0 { break }
                if order == 0 {
                    hasOngoing = true
                    if sqlite3_column_int64(es, 1) != 0 { hasJobFocused = true }
                    if sqlite3_column_int64(es, 2) != 0 { candidate = true }
                }
                episodesLeft = try episodeRows.next() != nil
            }
            for g in last.indices { last[g] = nil }
            while consentsLeft {
                let order = compare(text(cs, 0), id)
                if order > 0 { break }
                if order == 0 {
                    let mask = groupMask(text(cs, 2)) | groupMask(text(cs, 3))
                    if mask != 0, let to = LocalDate.parseStored(text(cs, 1)) {
                        for g in last.indices where mask & (1 << g) != 0 && last[g].map({ to > $0 }) ?? true { last[g] = to }
                    }
                }
                consentsLeft = try consentRows.next() != nil
            }
            let consentProblem = asked.contains { g in last[g].map { $0 <= warnUntil } ?? true }
            if candidate || !hasJobFocused || consentProblem {
                var r = ColumnReader(people, kind: .participant, names: ["id", "first_name", "last_name", "status", "protected_identity"])
                let participant = Participant.ID(try r.key())
                if candidate { candidates.append(participant) }
                if !hasJobFocused || consentProblem {
                    rows.append(
                        WeekCaseloadState.Row(
                            id: participant, firstName: try r.text(), lastName: try r.text(),
                            status: try r.code(StoredCodes.participantStatus), protectedIdentity: try r.bool(),
                            hasOngoing: hasOngoing, hasJobFocused: hasJobFocused, lastConsents: last))
                }
            }
        }
        return (rows, candidates)
    }

    /// The consents of the participants in the JSON array ?1 valid on ?2 whose recipients include one of
    /// `authorities`, registered by none of the members in the JSON array ?3.
    static func weekReaderConsentSQL(_ authorities: Set<Authority>) -> String {
        let terms = authorities.map(\.rawValue).sorted().map { "instr(recipient, '\($0)') > 0" }
        return ConsentTable.selectSQL + """
             WHERE participant_id IN (SELECT value FROM json_each(?1)) AND valid_from <= ?2 AND valid_to >= ?2
             AND (withdrawn_on IS NULL OR withdrawn_on > ?2) AND (\(terms.joined(separator: " OR ")))
             AND registered_by NOT IN (SELECT value FROM json_each(?3))
            """
    }

    /// The rows `weekData` reads for `week` (Teamets vecka) as `reader` of `team` (nil: no reader), as plain
    /// SQL with the arguments written in: what the benchmark gives the `sqlite3` tool as the reference for
    /// `export week` (docs/benchmarks.md). The participants the week touches are found with sub-queries where
    /// `weekData` collects their ids.
    ///
    /// With `circle` (an arbetslag's week, or Min vecka: `WeekList.Reader.circle`), the restricted reads: the
    /// circle's assignments, and every other read only about the participants they name (and the meetings
    /// the circle takes part in).
    public static func weekReadsSQL(
        week: IsoWeek, today: LocalDate, catalogue: [InsatsType], reader: TeamMember? = nil, team: [TeamMember] = [],
        circle: Set<TeamMember.ID>? = nil
    ) -> String {
        func inline(_ sql: String, _ arguments: [String]) -> String {
            var out = sql
            for (i, value) in arguments.enumerated().reversed() {
                out = out.replacingOccurrences(of: "?\(i + 1)", with: "'" + value.replacingOccurrences(of: "'", with: "''") + "'")
            }
            return out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        /// `?` `?` → `?1` `?2`.
        func numbered(_ sql: String) -> String {
            var n = 0
            return sql.split(separator: "?", omittingEmptySubsequences: false).map(String.init).reduce("") { out, part in
                defer { n += 1 }
                return n == 0 ? part : out + "?\(n)" + part
            }
        }
        let monday = week.monday.storedText
        let sunday = week.sunday.storedText
        let day = WeekList.referenceDay(week: week, today: today)
        let ongoing = weekOngoingSQL(catalogue: catalogue, day: day)
        let c = weekEpisodeConditions
        let meetings = "SELECT * FROM meeting WHERE date BETWEEN ?1 AND ?2"
        let lastWeek = "date BETWEEN ?1 AND ?2 AND outcome = 'uteblev'"
        let lastWeekArguments = [week.monday.adding(days: -7).storedText, week.monday.adding(days: -1).storedText]
        let starting = c.starting.replacingOccurrences(of: "BETWEEN ? AND ?", with: "BETWEEN ?1 AND ?2")
        let ending = c.ending.replacingOccurrences(of: "BETWEEN ? AND ?", with: "BETWEEN ?1 AND ?2")
        let followUp = c.followUp.replacingOccurrences(of: "<= ?", with: "<= ?2")
        let candidates = inline("SELECT participant_id FROM (\(ongoing.sql)) WHERE candidate = 1", ongoing.arguments)
        let touched = inline("""
            SELECT participant_id FROM meeting WHERE date BETWEEN ?1 AND ?2
            UNION SELECT participant_id FROM meeting WHERE \(lastWeek.replacingOccurrences(of: "?1", with: "?3").replacingOccurrences(of: "?2", with: "?4"))
            UNION SELECT participant_id FROM insats_episode WHERE \(starting)
            UNION SELECT participant_id FROM insats_episode WHERE \(ending)
            UNION SELECT participant_id FROM insats_episode WHERE \(followUp)
            UNION SELECT participant_id FROM exit_record WHERE \(weekExitCondition)
            """, [monday, sunday] + lastWeekArguments)
        let since = week.monday.adding(months: -7).adding(days: -7).storedText
        if let circle, let reader {
            let members = jsonArray(circle.sorted { $0.rawValue < $1.rawValue })
            let assignments = inline(numbered(weekAssignmentCondition), [members, since])
            let only = "SELECT DISTINCT participant_id FROM responsible_assignment WHERE \(assignments)"
            let mine = " AND participant_id IN (\(only))"
            let takesPart = circle.map { "instr(members, '\($0.rawValue)') > 0" }.sorted().joined(separator: " OR ")
            let meetingClause = " AND (participant_id IN (\(only)) OR \(takesPart))"
            let state = weekOngoingSQL(catalogue: catalogue, day: day, restricted: true)
            let stateSQL = state.sql.replacingOccurrences(of: "(SELECT value FROM json_each(?\(state.arguments.count + 1)))", with: "(\(only))")
            let restrictedCandidates = inline("SELECT participant_id FROM (\(stateSQL)) WHERE candidate = 1", state.arguments)
            let restrictedTouched = inline("""
                SELECT participant_id FROM meeting WHERE date BETWEEN ?1 AND ?2\(meetingClause)
                UNION SELECT participant_id FROM meeting WHERE \(lastWeek.replacingOccurrences(of: "?1", with: "?3").replacingOccurrences(of: "?2", with: "?4"))\(meetingClause)
                UNION SELECT participant_id FROM insats_episode WHERE (\(starting))\(mine)
                UNION SELECT participant_id FROM insats_episode WHERE (\(ending))\(mine)
                UNION SELECT participant_id FROM insats_episode WHERE (\(followUp))\(mine)
                UNION SELECT participant_id FROM exit_record WHERE (\(weekExitCondition))\(mine)
                """, [monday, sunday] + lastWeekArguments)
            var restricted = [
                "SELECT * FROM team_member",
                AssignmentTable.selectSQL + " WHERE \(assignments) ORDER BY rowid",
                inline(meetings + meetingClause + " ORDER BY date, start_minute", [monday, sunday]),
                inline("SELECT * FROM meeting WHERE \(lastWeek)\(meetingClause) ORDER BY date, start_minute", lastWeekArguments),
                inline("SELECT * FROM insats_episode WHERE (\(starting))\(mine)", [monday, sunday]),
                inline("SELECT * FROM insats_episode WHERE (\(ending))\(mine)", [monday, sunday]),
                inline("SELECT * FROM insats_episode WHERE (\(followUp))\(mine)", [monday, sunday]),
                inline("SELECT * FROM exit_record WHERE (\(weekExitCondition))\(mine)", [monday, sunday]),
                weekOpenParticipantsSQL(restricted: true).replacingOccurrences(of: "(SELECT value FROM json_each(?1))", with: "(\(only))"),
                inline(stateSQL, state.arguments),
                inline(
                    weekValidConsentsSQL(restricted: true).replacingOccurrences(of: "(SELECT value FROM json_each(?2))", with: "(\(only))"),
                    [day.storedText]),
                "SELECT * FROM participant WHERE id IN (\(restrictedTouched)) OR id IN (\(restrictedCandidates))",
                "SELECT * FROM insats_episode WHERE status IN ('planerad', 'pågår') AND participant_id IN (\(restrictedCandidates))",
                "SELECT id FROM participant INDEXED BY participant_open WHERE status <> 'avslutad' AND protected_identity = 0 AND id IN (\(only))",
            ]
            let consents = weekReaderConsentSQL(WeekAccess.authorities(of: reader.organisation))
                .replacingOccurrences(of: "(SELECT value FROM json_each(?1))", with: "(\(restrictedTouched) UNION \(restrictedCandidates))")
            let own = team.filter { $0.organisation == reader.organisation }.map { "'\($0.id.rawValue)'" }.joined(separator: ", ")
            restricted.append(
                inline(consents.replacingOccurrences(of: "(SELECT value FROM json_each(?3))", with: "(\(own))"), ["", day.storedText]))
            return restricted.joined(separator: ";\n") + ";"
        }
        var statements = [
            "SELECT * FROM team_member",
            inline(meetings + " ORDER BY date, start_minute", [monday, sunday]),
            inline("SELECT * FROM meeting WHERE \(lastWeek) ORDER BY date, start_minute", lastWeekArguments),
            inline("SELECT * FROM insats_episode WHERE \(starting)", [monday, sunday]),
            inline("SELECT * FROM insats_episode WHERE \(ending)", [monday, sunday]),
            inline("SELECT * FROM insats_episode WHERE \(followUp)", [monday, sunday]),
            inline("SELECT * FROM exit_record WHERE \(weekExitCondition)", [monday, sunday]),
            inline(weekOpenParticipantsSQL(restricted: false), []),
            inline(ongoing.sql, ongoing.arguments),
            inline(weekValidConsentsSQL(restricted: false), [day.storedText]),
            "SELECT * FROM participant WHERE id IN (\(touched)) OR id IN (\(candidates))",
            "SELECT * FROM insats_episode WHERE status IN ('planerad', 'pågår') AND participant_id IN (\(candidates))",
            "SELECT id FROM participant INDEXED BY participant_open WHERE status <> 'avslutad' AND protected_identity = 0",
        ]
        if let reader {
            statements.append(
                inline(AssignmentTable.selectSQL + " WHERE " + numbered(weekAssignmentCondition) + " ORDER BY rowid", [jsonArray([reader.id]), since]))
            let consents = weekReaderConsentSQL(WeekAccess.authorities(of: reader.organisation))
                .replacingOccurrences(of: "(SELECT value FROM json_each(?1))", with: "(\(touched) UNION \(candidates))")
            let own = team.filter { $0.organisation == reader.organisation }.map { "'\($0.id.rawValue)'" }.joined(separator: ", ")
            statements.append(
                inline(consents.replacingOccurrences(of: "(SELECT value FROM json_each(?3))", with: "(\(own))"), [
                    "", WeekList.referenceDay(week: week, today: today).storedText,
                ]))
        }
        return statements.joined(separator: ";\n") + ";"
    }

    // The conditions, each served by an index (a test reads their query plans). The expressions must be
    // exactly those of the expression indexes.
    static let weekMeetingCondition = "date BETWEEN ? AND ?"
    static let weekEpisodeConditions = (
        starting: "coalesce(start_date, planned_start) BETWEEN ? AND ?",
        ending: "coalesce(end_date, planned_end) BETWEEN ? AND ?",
        followUp: "next_follow_up <= ? AND status IN ('planerad', 'pågår')"
    )
    static let weekExitCondition =
        "date BETWEEN ?1 AND ?2 OR follow_up_4_weeks BETWEEN ?1 AND ?2 OR follow_up_6_months BETWEEN ?1 AND ?2"
    static let weekAssignmentCondition =
        "member_id IN (SELECT value FROM json_each(?)) AND (to_date IS NULL OR to_date >= ?)"
}

/// A value read on another thread (a second reader connection of the pool), waited for where it is needed.
final class ParallelRead<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once on the other thread before `done` is signalled, read after waiting for it.
    private var outcome: Result<Value, any Error>?

    func start(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the value, or rethrows what the read threw. Only after `start`, and once.
    func result() throws -> Value {
        done.wait()
        return try outcome!.get()
    }
}
