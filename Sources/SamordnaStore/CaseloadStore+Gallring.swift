import Foundation
import GRDB
import SamordnaCore

/// One closed participant with Core's gallring decision: only what a list without names may show.
public struct GallringCandidate: Hashable, Sendable {
    public var id: Participant.ID
    /// Initials ("Å.Ö."), or empty for someone with skyddade personuppgifter.
    public var initials: String
    public var protectedIdentity: Bool
    public var decision: RetentionDecision

    /// "Å.Ö. 3f9c1a", or "3f9c1a (skyddad)".
    public var pseudonym: String { protectedIdentity ? "\(id.short) (skyddad)" : "\(initials) \(id.short)" }
}

/// What one gallring run did.
public struct GallringRun: Hashable, Sendable {
    /// How many participants were erased.
    public var erased: Int
    /// Asked for but no longer due when the erase ran (reopened or written to meanwhile): left as they are.
    public var skipped: [Participant.ID]
    /// Whether the WAL could be checkpointed at once, so the erased pages are gone from the WAL file too
    /// (false when a colleague's process was reading; SQLite checkpoints later).
    public var checkpointed: Bool
}

/// One line of `gallring_log`: no ids, no names.
public struct GallringLogEntry: Hashable, Sendable {
    public var sequence: Int64
    public var at: Date
    public var login: String
    public var organisation: String
    /// The day the rules were applied to (`--today`).
    public var day: LocalDate
    public var participants: Int
    /// Each organisation's rule at the time.
    public var rules: String
}

/// Gallring (docs/privacy.md): the rule per organisation, who is due, and erasing participants as a whole.
extension CaseloadStore {
    // MARK: Rules

    /// The rule each organisation has set; the others have the default.
    public func retentionPolicies() throws(StoreError) -> RetentionPolicies {
        try read { db in try Self.readPolicies(db, path: path) }
    }

    static func readPolicies(_ db: Database, path: String) throws -> RetentionPolicies {
        var rules: [Organisation: RetentionRule] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT organisation, kind, months FROM retention_policy") {
            let code: String = row[0]
            let kind: String = row[1]
            let months: Int? = row[2]
            guard let organisation = Organisation(rawValue: code), let rule = RetentionRule(code: kind, months: months)
            else {
                throw StoreError.databaseFailure(
                    path: path, reason: "okänd gallringsregel i retention_policy: \(code) \(kind) \(months.map(String.init) ?? "–")")
            }
            rules[organisation] = rule
        }
        return RetentionPolicies(rules)
    }

    /// Sets an organisation's rule (nil: back to the default). A setting of the caseload: not in the change
    /// log (it changes nobody's record); the row keeps who set it and when.
    public func setRetentionRule(_ rule: RetentionRule?, for organisation: Organisation, by login: String, at time: Date)
        throws(StoreError)
    {
        try Self.checkLogin(login)
        if case .afterFollowUp(let months)? = rule, !RetentionRule.monthsRange.contains(months) {
            throw .invalid(
                field: "månader",
                reason: "måste vara \(RetentionRule.monthsRange.lowerBound)–\(RetentionRule.monthsRange.upperBound)")
        }
        try write { db in
            guard let rule else {
                try db.execute(sql: "DELETE FROM retention_policy WHERE organisation = ?", arguments: [organisation.rawValue])
                return
            }
            var months: Int?
            if case .afterFollowUp(let m) = rule { months = m }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO retention_policy (organisation, kind, months, set_at, set_by)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [organisation.rawValue, rule.code, months, time.timeIntervalSince1970, login])
        }
    }

    // MARK: Who is due

    /// Every closed participant with its decision on `today`, due first, then by day. Reads only closed
    /// participants and, per table, one aggregate through the `participant_id` indexes.
    public func gallringCandidates(today: LocalDate, timeZone: TimeZone = .current) throws(StoreError)
        -> [GallringCandidate]
    {
        try read { db in try Self.candidates(db, ids: nil, today: today, timeZone: timeZone, path: path) }
    }

    /// How many participants are due on `today` (the week list's line). Only the closed participants who left
    /// at least the shortest rule's months ago (or have no exit on record) are weighed: every rule reckons
    /// from a day no earlier than the exit, so nobody else can be due. At city scale that is a few of
    /// thousands (the whole `gallringCandidates` cost the week list some 20 ms at 10 000 participants).
    /// The closed participants with no exit after the cutoff: those gallring may be due for. The partial index
    /// `participant_closed` gives them without reading every participant's row.
    static let gallringDueScopeSQL = """
        SELECT p.id FROM participant p WHERE p.status = 'avslutad'
        AND NOT EXISTS (SELECT 1 FROM exit_record e WHERE e.participant_id = p.id AND e.date > ?)
        """

    public func gallringDueCount(today: LocalDate, timeZone: TimeZone = .current) throws(StoreError) -> Int {
        try read { db in
            let policies = try Self.readPolicies(db, path: path)
            let cutoff = policies.latestExitPossiblyDue(on: today).storedText
            // Read once: each table's aggregate below would otherwise run the scope again.
            let ids = try String.fetchAll(db, sql: Self.gallringDueScopeSQL, arguments: [cutoff]).map { Participant.ID($0) }
            if ids.isEmpty { return 0 }
            return try Self.readFacts(db, scope: ("SELECT value FROM json_each(?)", [Self.jsonArray(ids)]), timeZone: timeZone)
                .filter { RetentionRules.decide($0.facts, policies: policies, today: today).due }.count
        }
    }

    static func candidates(_ db: Database, ids: [Participant.ID]?, today: LocalDate, timeZone: TimeZone, path: String)
        throws -> [GallringCandidate]
    {
        let policies = try readPolicies(db, path: path)
        let scope: (String, StatementArguments)
        if let ids {
            scope = (
                "SELECT id FROM participant WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
                StatementArguments(ids.map(\.rawValue)))
        } else {
            scope = ("SELECT id FROM participant WHERE status = 'avslutad'", [])
        }
        let facts = try readFacts(db, scope: scope, timeZone: timeZone)
        return facts.map { f in
            GallringCandidate(
                id: f.facts.participantID, initials: f.protected ? "" : f.initials, protectedIdentity: f.protected,
                decision: RetentionRules.decide(f.facts, policies: policies, today: today))
        }.sorted {
            ($0.decision.due ? 0 : 1, $0.decision.from ?? .distantFuture, $0.id.rawValue)
                < ($1.decision.due ? 0 : 1, $1.decision.from ?? .distantFuture, $1.id.rawValue)
        }
    }

    private struct Read {
        var facts: RetentionFacts
        var initials: String
        var protected: Bool
    }

    /// The facts of the participants `scope` selects (a query of participant ids, and its arguments).
    private static func readFacts(_ db: Database, scope: (String, StatementArguments), timeZone: TimeZone) throws
        -> [Read]
    {
        let (scope, arguments) = scope
        var reads: [String: Read] = [:]
        var order: [String] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT id, first_name, last_name, protected_identity, status FROM participant WHERE id IN (\(scope))",
            arguments: arguments)
        {
            let id: String = row[0]
            let first: String = row[1]
            let last: String = row[2]
            let status: String = row[4]
            let initials = [first, last].compactMap { $0.first.map { "\($0)." } }.joined()
            reads[id] = Read(
                facts: RetentionFacts(participantID: Participant.ID(id), closed: status == ParticipantStatus.avslutad.rawValue),
                initials: initials, protected: (row[3] as Int64) != 0)
            order.append(id)
        }
        func entry(_ id: String, _ day: LocalDate?) {
            guard let day, reads[id] != nil else { return }
            if reads[id]!.facts.lastEntry.map({ day > $0 }) ?? true { reads[id]!.facts.lastEntry = day }
        }
        func text(_ id: String, _ value: String?) { entry(id, value.flatMap { LocalDate(iso: $0) }) }
        func instant(_ id: String, _ value: Double?) {
            entry(id, value.map { LocalDate(Date(timeIntervalSince1970: $0), in: timeZone) })
        }
        func organisation(_ id: String, _ o: Organisation?) {
            guard let o, reads[id] != nil else { return }
            reads[id]!.facts.organisations.insert(o)
        }
        let inScope = "participant_id IN (\(scope))"
        for row in try Row.fetchAll(
            db, sql: "SELECT participant_id, date, follow_up_6_months FROM exit_record WHERE \(inScope)", arguments: arguments)
        {
            let id: String = row[0]
            guard reads[id] != nil else { continue }
            reads[id]!.facts.exitDate = LocalDate(iso: row[1])
            reads[id]!.facts.lastFollowUp = LocalDate(iso: row[2])
            text(id, row[1])
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT participant_id, max(written_at), group_concat(DISTINCT owner) FROM note WHERE \(inScope) GROUP BY participant_id",
            arguments: arguments)
        {
            instant(row[0], row[1])
            for o in (row[2] as String? ?? "").split(separator: ",") { organisation(row[0], Organisation(rawValue: String(o))) }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT participant_id,
                       max(max(coalesce(start_date, ''), coalesce(end_date, ''), coalesce(decision_date, ''))),
                       group_concat(DISTINCT owner)
                FROM insats_episode WHERE \(inScope) GROUP BY participant_id
                """, arguments: arguments)
        {
            text(row[0], row[1])
            for o in (row[2] as String? ?? "").split(separator: ",") { organisation(row[0], Organisation(rawValue: String(o))) }
        }
        // Meetings and responsibility periods: the last day, and the organisations of the professions named.
        let byProfession = [
            "SELECT participant_id, max(date), group_concat(professions) FROM meeting WHERE \(inScope) GROUP BY participant_id",
            """
            SELECT participant_id, max(max(from_date, coalesce(to_date, ''))), group_concat(DISTINCT profession)
            FROM responsible_assignment WHERE \(inScope) GROUP BY participant_id
            """,
        ]
        for sql in byProfession {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                text(row[0], row[1])
                for p in (row[2] as String? ?? "").split(separator: ",") {
                    organisation(row[0], Profession(rawValue: String(p))?.organisation)
                }
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT participant_id, max(max(valid_from, coalesce(withdrawn_on, '')))
                FROM consent WHERE \(inScope) GROUP BY participant_id
                """, arguments: arguments)
        {
            text(row[0], row[1])
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT participant_id, max(date), max(completed_at) FROM kartlaggning WHERE \(inScope) GROUP BY participant_id",
            arguments: arguments)
        {
            text(row[0], row[1])
            instant(row[0], row[2])
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT participant_id, max(at) FROM change_log WHERE \(inScope) GROUP BY participant_id",
            arguments: arguments)
        {
            instant(row[0], row[1])
        }
        return order.compactMap { reads[$0] }
    }

    // MARK: Erasing

    /// Erases every participant in `ids` that is still due on `today`, in ONE transaction: the participant,
    /// consents, responsibility, insatser, meetings, notes, the exit, kartläggningar with their assessments,
    /// and every change-log row about them or their records (undo rows included). The access log's lines stay
    /// (append-only; they hold only the random id). One `gallring_log` line without ids or names records the
    /// run. Deleted content is overwritten (`secure_delete`) and the WAL checkpointed when nobody reads.
    /// A participant that is no longer due (reopened meanwhile) is left alone and listed in `skipped`.
    public func eraseParticipants(
        _ ids: [Participant.ID], today: LocalDate, timeZone: TimeZone = .current, by login: String, at time: Date
    ) throws(StoreError) -> GallringRun {
        try Self.checkLogin(login)
        if isReadOnly { throw .readOnly(path: path) }
        let unique = Array(Set(ids)).sorted { $0.rawValue < $1.rawValue }
        do {
            return try database.writeWithoutTransaction { db in
                // Only for this erase: the connection's own setting (SQLite's build default) comes back after.
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
                var run = GallringRun(erased: 0, skipped: [], checkpointed: false)
                try db.inTransaction(.immediate) {
                    let candidates = unique.isEmpty
                        ? [] : try Self.candidates(db, ids: unique, today: today, timeZone: timeZone, path: self.path)
                    let due = candidates.filter(\.decision.due).map(\.id)
                    run.skipped = unique.filter { !due.contains($0) }
                    for id in due { try Self.erase(id, db) }
                    run.erased = due.count
                    if !due.isEmpty {
                        let policies = try Self.readPolicies(db, path: self.path)
                        let rules = Organisation.allCases.map { "\($0.rawValue): \(policies.rule(for: $0).label)" }
                        let organisation =
                            try String.fetchOne(
                                db, sql: "SELECT organisation FROM team_member WHERE login = ?", arguments: [login]) ?? ""
                        try db.execute(
                            sql: """
                                INSERT INTO gallring_log (at, login, organisation, day, participants, rules)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                time.timeIntervalSince1970, login, organisation, today.storedText, due.count,
                                rules.joined(separator: "; "),
                            ])
                        // The change log keeps nothing of them, but an open session must learn they are gone:
                        // a sequence number with no row tells its refresh to load everything again
                        // (`refresh(since:)`).
                        try Self.skipChangeSequence(db)
                    }
                    return .commit
                }
                if run.erased > 0 {
                    // Moves the overwritten pages into the file and empties the WAL, so the old pages are gone
                    // from both; a reader still on an older snapshot makes it return busy (then SQLite does it later).
                    let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                    run.checkpointed = (result?[0] as Int64?) == 0
                }
                return run
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Deletes one participant and everything about them, children first (foreign keys are checked).
    private static func erase(_ id: Participant.ID, _ db: Database) throws {
        let pid = id.rawValue
        func ids(_ table: String) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE participant_id = ?", arguments: [pid])
        }
        let kartlaggningar = try ids("kartlaggning")
        var recordIDs: Set<String> = [pid]
        for table in ["responsible_assignment", "consent", "insats_episode", "meeting", "note"] {
            recordIDs.formUnion(try ids(table))
        }
        recordIDs.formUnion(kartlaggningar)
        for k in kartlaggningar {
            // Assessments are logged as "<kartläggning>/<profession>".
            recordIDs.formUnion(
                try String.fetchAll(
                    db, sql: "SELECT record_id FROM change_log WHERE record_kind = 'assessment' AND record_id >= ? AND record_id < ?",
                    arguments: [k + "/", k + "0"]))
        }
        // The rows to delete: about the participant, or naming one of their records.
        var sequences = Set(
            try Int64.fetchAll(db, sql: "SELECT sequence FROM change_log WHERE participant_id = ?", arguments: [pid]))
        for recordID in recordIDs {
            sequences.formUnion(
                try Int64.fetchAll(
                    db, sql: "SELECT sequence FROM change_log WHERE record_id = ? AND record_kind IN (\(loggedKinds))",
                    arguments: [recordID]))
        }
        for recordID in recordIDs {
            try db.execute(sql: "INSERT OR IGNORE INTO gallring_erasing (id) VALUES (?)", arguments: [recordID])
        }
        for sequence in sequences {
            try db.execute(sql: "DELETE FROM change_log WHERE sequence = ?", arguments: [sequence])
        }
        try db.execute(sql: "DELETE FROM gallring_erasing")
        if !kartlaggningar.isEmpty {
            try db.execute(
                sql: "DELETE FROM profession_assessment WHERE kartlaggning_id IN (\(databaseQuestionMarks(count: kartlaggningar.count)))",
                arguments: StatementArguments(kartlaggningar))
        }
        for table in [
            "kartlaggning", "note", "meeting", "insats_episode", "consent", "responsible_assignment", "exit_record",
        ] {
            try db.execute(sql: "DELETE FROM \(table) WHERE participant_id = ?", arguments: [pid])
        }
        try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [pid])
    }

    /// Every record kind of the change log (the `change_log_record` index starts with the kind).
    private static var loggedKinds: String {
        RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// The gallring log, newest first.
    public func gallringLog() throws(StoreError) -> [GallringLogEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT sequence, at, login, organisation, day, participants, rules FROM gallring_log ORDER BY sequence DESC"
            ).map { row in
                GallringLogEntry(
                    sequence: row[0], at: Date(timeIntervalSince1970: row[1]), login: row[2], organisation: row[3],
                    day: LocalDate(iso: row[4]) ?? .distantFuture, participants: row[5], rules: row[6])
            }
        }
    }
}
