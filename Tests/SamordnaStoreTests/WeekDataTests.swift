import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `weekData` reads only what the week needs, with range queries on the indexes, and gives the same
/// veckolista as the whole caseload.
@Suite struct WeekDataTests {
    let today = LocalDate(iso: "2026-11-23")!

    /// The sections about every open participant come from the store's merged scans (`WeekCaseloadState`)
    /// and the rest from the week's records; the list must be the one the in-memory rules make of the whole
    /// caseload, for several demo caseloads, weeks, readers and both protected policies. These demos are a
    /// city's (an arbetslag per ~120 participants): a member's Teamets vecka is their lag's, and the whole
    /// team's with `wholeTeam`.
    @Test(arguments: [(300, UInt64(7)), (400, UInt64(11)), (500, UInt64(23))])
    func theWeeksReadsGiveTheSameListAsTheWholeCaseload(participants: Int, seed: UInt64) throws {
        let dir = try TemporaryDirectory()
        let demo = DemoCaseload.generate(participants: participants, seed: seed, today: today)
        let store = try CaseloadStore.open(at: dir.database)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        let all = try store.loadCaseload()
        let weeks = [47, 48, 49, 50, 53].compactMap { IsoWeek(year: 2026, week: $0) } + [IsoWeek(year: 2026, week: 21)!]
        #expect(demo.team[0].unit != nil && demo.team[4].unit != demo.team[0].unit)
        let readers: [WeekList.Reader] = [
            .team(demo.team[0], wholeTeam: true), .team(demo.team[0]), .team(demo.team[4]), .mine(demo.team[0]),
            .mine(demo.team[1]), .team(nil),
        ]
        var nonEmpty = 0
        var stateSections = 0
        for week in weeks {
            for reader in readers {
                let data = try store.weekData(
                    week: week, today: today, reader: reader.member?.id, catalogue: DefaultInsatsCatalogue.all,
                    onlyMine: reader.onlyMine, wholeTeam: reader.wholeTeam)
                let circle = reader.circle(in: data.team)
                #expect((circle == nil) == (reader.member == nil || reader.wholeTeam))
                #expect(data.records.count < all.count)
                // What an export logs: every open participant and the closed ones the week touches, never
                // one with skyddade personuppgifter; for Min vecka and a lag's week, the open ones the reader or
                // the lag is or was (within seven months) responsible for, and every one the week touches.
                let since = week.monday.adding(months: -7).adding(days: -7)
                let open = all.filter { record in
                    record.participant.status.isOpen && !record.participant.protectedIdentity
                        && (circle.map { c in
                            record.assignments.contains { c.contains($0.memberID) && ($0.to.map { $0 >= since } ?? true) }
                        } ?? true)
                }.map(\.id)
                let touched = data.records.filter {
                    !$0.participant.protectedIdentity && (circle != nil || !$0.participant.status.isOpen)
                }
                let expected = Set(open + touched.map(\.id))
                #expect(data.covered.count == expected.count)
                #expect(Set(data.covered) == expected)
                if circle != nil {
                    let everyOpen = all.filter { $0.participant.status.isOpen && !$0.participant.protectedIdentity }
                    #expect(data.covered.count < everyOpen.count, "Min vecka and a lag's week log only their participants")
                }
                for policy in [WeekList.ProtectedPolicy.leaveOut, .onlyForResponsible] {
                    func list(_ records: [ParticipantRecord], _ state: WeekCaseloadState?) -> WeekList {
                        WeekList(
                            week: week, today: today, team: data.team, catalogue: DefaultInsatsCatalogue.all, reader: reader,
                            records: records, protectedPolicy: policy, state: state)
                    }
                    let fromWeek = list(data.records, data.state)
                    let truth = list(all, nil)
                    if policy == .leaveOut {
                        #expect(Self.people(fromWeek).isSubset(of: Set(data.covered)), "everyone an export names is logged")
                    }
                    #expect(
                        fromWeek == truth, "\(week) \(reader.member?.login ?? "-") \(reader.onlyMine) \(reader.wholeTeam) \(policy)")
                    #expect(fromWeek.withoutJobFocused == truth.withoutJobFocused)
                    #expect(fromWeek.consents == truth.consents)
                    #expect(fromWeek.gaps == truth.gaps)
                    #expect(fromWeek.nearMaxLength == truth.nearMaxLength)
                    if !fromWeek.consents.items.isEmpty && !fromWeek.withoutOngoing.items.isEmpty { stateSections += 1 }
                    if !fromWeek.meetings.isEmpty && !fromWeek.followUps.items.isEmpty { nonEmpty += 1 }
                }
            }
        }
        #expect(nonEmpty > 0, "the demo's weeks should have meetings and follow-ups")
        #expect(stateSections > 0, "the demo's weeks should have consent problems and participants without an insats")
    }

    /// Everyone the list names, in any section.
    static func people(_ list: WeekList) -> Set<Participant.ID> {
        var ids = Set<Participant.ID>()
        for day in list.days { ids.formUnion(day.meetings.map(\.person.id)) }
        ids.formUnion(list.noShowsLastWeek?.items.map(\.person.id) ?? [])
        for section in [list.starting, list.ending, list.gaps, list.nearMaxLength] { ids.formUnion(section.items.map(\.person.id)) }
        ids.formUnion(list.withoutOngoing.items.map(\.id))
        ids.formUnion(list.withoutJobFocused.items.map(\.id))
        ids.formUnion(list.followUps.items.map(\.person.id))
        ids.formUnion(list.consents.items.map(\.person.id))
        ids.formUnion(list.exits.items.map(\.person.id))
        return ids
    }

    /// A catalogue of the team's own: the job-focused codes and maximum lengths are the ones given, not the
    /// default catalogue's.
    @Test func anotherCatalogueGivesTheSameListAsTheWholeCaseload() throws {
        let dir = try TemporaryDirectory()
        let demo = DemoCaseload.generate(participants: 300, seed: 5, today: today)
        let store = try CaseloadStore.open(at: dir.database)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        let all = try store.loadCaseload()
        var catalogue = DefaultInsatsCatalogue.all
        for i in catalogue.indices {
            catalogue[i].jobFocused = i % 2 == 0
            catalogue[i].maxLengthDays = i % 3 == 0 ? 120 + i : nil
        }
        let week = IsoWeek(containing: today)
        for reader in [WeekList.Reader.team(demo.team[0]), .mine(demo.team[1]), .team(nil)] {
            let data = try store.weekData(
                week: week, today: today, reader: reader.member?.id, catalogue: catalogue, onlyMine: reader.onlyMine,
                wholeTeam: reader.wholeTeam)
            func list(_ records: [ParticipantRecord], _ state: WeekCaseloadState?) -> WeekList {
                WeekList(
                    week: week, today: today, team: data.team, catalogue: catalogue, reader: reader, records: records,
                    protectedPolicy: .onlyForResponsible, state: state)
            }
            let truth = list(all, nil)
            #expect(list(data.records, data.state) == truth)
            #expect(!truth.nearMaxLength.isEmpty || !truth.gaps.isEmpty)
        }
    }

    @Test func eachRangeIsServedByItsIndex() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        _ = try store.weekData(week: IsoWeek(year: 2026, week: 49)!, today: today, reader: Fixture.anna.id, catalogue: DefaultInsatsCatalogue.all)
        let c = CaseloadStore.weekEpisodeConditions
        let cases: [(String, String, StatementArguments)] = [
            ("meeting_date", "\(MeetingTable.selectSQL) WHERE \(CaseloadStore.weekMeetingCondition)", ["2026-11-23", "2026-12-06"]),
            ("insats_episode_expected_start", "\(EpisodeTable.selectSQL) WHERE \(c.starting)", ["2026-11-30", "2026-12-06"]),
            ("insats_episode_expected_end", "\(EpisodeTable.selectSQL) WHERE \(c.ending)", ["2026-11-30", "2026-12-06"]),
            ("insats_episode_next_follow_up", "\(EpisodeTable.selectSQL) WHERE \(c.followUp)", ["2026-12-06"]),
            ("exit_record_follow_up_6_months", "\(ExitTable.selectSQL) WHERE \(CaseloadStore.weekExitCondition)", ["2026-11-30", "2026-12-06"]),
            ("exit_record_date", "\(ExitTable.selectSQL) WHERE \(CaseloadStore.weekExitCondition)", ["2026-11-30", "2026-12-06"]),
            ("responsible_assignment_member", "\(AssignmentTable.selectSQL) WHERE \(CaseloadStore.weekAssignmentCondition)", ["m", "2026-05-01"]),
        ]
        for (index, sql, arguments) in cases {
            let plan = try DatabaseQueue(path: dir.database.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("INDEX \(index)") }, "\(index): \(plan)")
        }
    }

    /// Min vecka keeps the week's meetings the reader takes part in by what the `meeting_date` index holds
    /// (participant and members), and gallring's count finds the closed participants through their own index.
    @Test func theReaderFiltersAndTheGallringCountUseTheirIndexes() throws {
        let dir = try TemporaryDirectory()
        _ = try Fixture.store(in: dir)
        try DatabaseQueue(path: dir.database.path).read { db in
            let columns = try Row.fetchAll(db, sql: "PRAGMA index_info(meeting_date)").map { $0["name"] as String }
            #expect(columns == ["date", "start_minute", "participant_id", "members"])
            let plan = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN \(CaseloadStore.gallringDueScopeSQL)", arguments: ["2026-01-01"]
            ).map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("INDEX participant_closed") }, "\(plan)")
        }
    }

    /// The three scans about every open participant each read one covering index in participant order:
    /// no table rows, no sort.
    @Test func theOpenParticipantScansReadCoveringIndexesInOrder() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        _ = try store.weekData(
            week: IsoWeek(year: 2026, week: 49)!, today: today, reader: Fixture.anna.id, catalogue: DefaultInsatsCatalogue.all)
        let ongoing = CaseloadStore.weekOngoingSQL(catalogue: DefaultInsatsCatalogue.all, day: today)
        let cases: [(String, String, StatementArguments)] = [
            ("participant_open", CaseloadStore.weekOpenParticipantsSQL(restricted: false), []),
            ("insats_episode_participant_live", ongoing.sql, StatementArguments(ongoing.arguments)),
            ("consent_participant_valid", CaseloadStore.weekValidConsentsSQL(restricted: false), ["2026-11-23"]),
        ]
        for (index, sql, arguments) in cases {
            let plan = try DatabaseQueue(path: dir.database.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.first { $0.hasPrefix("SCAN") }?.contains("COVERING INDEX \(index)") == true, "\(index): \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(index): \(plan)")
            #expect(!plan.contains { $0.contains("AUTOMATIC") }, "\(index): \(plan)")
        }
    }

    /// Min vecka reads only the reader's participants, but a meeting the reader takes part in about someone
    /// else's participant is in it too (the demo's members are always responsible staff, so one is made here).
    @Test func minVeckaHasTheMeetingsTheReaderTakesPartInAboutOthersParticipants() throws {
        let dir = try TemporaryDirectory()
        var demo = DemoCaseload.generate(participants: 300, seed: 7, today: today)
        let reader = demo.team[0]
        let week = IsoWeek(containing: today)
        let (r, m) = try #require(
            demo.records.indices.lazy.compactMap { r -> (Int, Int)? in
                let record = demo.records[r]
                guard !record.assignments.contains(where: { $0.memberID == reader.id }), record.participant.status.isOpen,
                    !record.participant.protectedIdentity,
                    let m = record.meetings.firstIndex(where: { week.contains($0.date) && !$0.members.contains(reader.id) })
                else { return nil }
                return (r, m)
            }.first)
        demo.records[r].meetings[m].members.append(reader.id)
        let store = try CaseloadStore.open(at: dir.database)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        let all = try store.loadCaseload()
        let data = try store.weekData(week: week, today: today, reader: reader.id, catalogue: DefaultInsatsCatalogue.all, onlyMine: true)
        func list(_ records: [ParticipantRecord], _ state: WeekCaseloadState?) -> WeekList {
            WeekList(
                week: week, today: today, team: data.team, catalogue: DefaultInsatsCatalogue.all, reader: .mine(reader),
                records: records, protectedPolicy: .onlyForResponsible, state: state)
        }
        let fromWeek = list(data.records, data.state)
        #expect(fromWeek == list(all, nil))
        let meeting = demo.records[r].meetings[m].id
        #expect(fromWeek.days.contains { day in day.meetings.contains { $0.meeting.id == meeting } }, "the reader takes part: shown")
        #expect(data.records.contains { $0.id == demo.records[r].id })
        #expect(data.covered.contains(demo.records[r].id), "a participant shown is logged")
    }

    /// Min vecka: the same three reads, for the reader's participants only, are a lookup per participant on the
    /// same covering index, still in participant order (no sort).
    @Test func minVeckasScansLookUpTheReadersParticipants() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        _ = try store.weekData(
            week: IsoWeek(year: 2026, week: 49)!, today: today, reader: Fixture.anna.id, catalogue: DefaultInsatsCatalogue.all,
            onlyMine: true)
        let ids = "[\"a\",\"b\"]"
        let ongoing = CaseloadStore.weekOngoingSQL(catalogue: DefaultInsatsCatalogue.all, day: today, restricted: true)
        let cases: [(String, String, StatementArguments)] = [
            ("participant_open", CaseloadStore.weekOpenParticipantsSQL(restricted: true), [ids]),
            ("insats_episode_participant_live", ongoing.sql, StatementArguments(ongoing.arguments + [ids])),
            ("consent_participant_valid", CaseloadStore.weekValidConsentsSQL(restricted: true), ["2026-11-23", ids]),
        ]
        for (index, sql, arguments) in cases {
            let plan = try DatabaseQueue(path: dir.database.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.first { $0.hasPrefix("SEARCH") }?.contains("COVERING INDEX \(index)") == true, "\(index): \(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") && $0.contains(index) }, "\(index): \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(index): \(plan)")
        }
    }

    /// The scans about every open participant are read on a second connection beside the week's own rows. A
    /// colleague's commit between the two transactions must not give a list made of two moments: the week is
    /// then read again in one transaction, and equals a fresh read.
    @Test func aCommitBetweenTheTwoReadsGivesOneMoment() throws {
        let dir = try TemporaryDirectory()
        let demo = DemoCaseload.generate(participants: 120, seed: 3, today: today)
        let store = try CaseloadStore.open(at: dir.database)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        let week = IsoWeek(containing: today)
        // A new open participant with nothing ongoing: in the scans' rows and in what the export logs.
        var newcomer = Fixture.participant(9_001)
        newcomer.status = .aktiv
        let read = try store.weekData(
            week: week, today: today, reader: nil, catalogue: DefaultInsatsCatalogue.all, parallel: true,
            afterFirstRead: {
                let colleague = try CaseloadStore.open(at: dir.database)
                try colleague.addParticipant(newcomer, by: "kollega", at: Date())
            })
        let fresh = try store.weekData(week: week, today: today, reader: nil, catalogue: DefaultInsatsCatalogue.all, parallel: false)
        #expect(read.covered.contains(newcomer.id))
        #expect(read.state.rows.contains { $0.id == newcomer.id })
        #expect(read.covered == fresh.covered)
        #expect(read.state == fresh.state)
        #expect(read.records.map(\.id) == fresh.records.map(\.id))

        // Without a commit the two connections' reads are used as they are: the same list as one transaction.
        let parallel = try store.weekData(week: week, today: today, reader: demo.team[0].id, catalogue: DefaultInsatsCatalogue.all)
        let single = try store.weekData(
            week: week, today: today, reader: demo.team[0].id, catalogue: DefaultInsatsCatalogue.all, parallel: false)
        #expect(parallel.covered == single.covered)
        #expect(parallel.state == single.state)
        #expect(parallel.records == single.records)
    }
}
