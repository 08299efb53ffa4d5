import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `weekData` reads only what the week needs, with range queries on the indexes, and gives the same
/// veckolista as the whole caseload.
@Suite struct WeekDataTests {
    let today = LocalDate(iso: "2026-11-23")!

    @Test func theWeeksReadsGiveTheSameListAsTheWholeCaseload() throws {
        let dir = try TemporaryDirectory()
        let demo = DemoCaseload.generate(participants: 300, seed: 7, today: today)
        let store = try CaseloadStore.open(at: dir.database)
        try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        let all = try store.loadCaseload()
        let weeks = [47, 48, 49, 50, 53].compactMap { IsoWeek(year: 2026, week: $0) } + [IsoWeek(year: 2026, week: 21)!]
        let readers: [WeekList.Reader] = [.team(demo.team[0]), .mine(demo.team[0]), .mine(demo.team[1]), .team(nil)]
        var nonEmpty = 0
        for week in weeks {
            for reader in readers {
                let data = try store.weekData(week: week, today: today, reader: reader.member?.id)
                #expect(data.records.count < all.count)
                for policy in [WeekList.ProtectedPolicy.leaveOut, .onlyForResponsible] {
                    func list(_ records: [ParticipantRecord]) -> WeekList {
                        WeekList(
                            week: week, today: today, team: data.team, catalogue: DefaultInsatsCatalogue.all, reader: reader,
                            records: records, protectedPolicy: policy)
                    }
                    let fromWeek = list(data.records)
                    #expect(fromWeek == list(all), "\(week) \(reader.member?.login ?? "-") \(reader.onlyMine)")
                    if !fromWeek.meetings.isEmpty && !fromWeek.followUps.items.isEmpty { nonEmpty += 1 }
                }
            }
        }
        #expect(nonEmpty > 0, "the demo's weeks should have meetings and follow-ups")
    }

    @Test func eachRangeIsServedByItsIndex() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        _ = try store.weekData(week: IsoWeek(year: 2026, week: 49)!, today: today, reader: Fixture.anna.id)
        let c = CaseloadStore.weekEpisodeConditions
        let cases: [(String, String, StatementArguments)] = [
            ("meeting_date", "\(MeetingTable.selectSQL) WHERE \(CaseloadStore.weekMeetingCondition)", ["2026-11-23", "2026-12-06"]),
            ("insats_episode_expected_start", "\(EpisodeTable.selectSQL) WHERE \(c.starting)", ["2026-11-30", "2026-12-06"]),
            ("insats_episode_expected_end", "\(EpisodeTable.selectSQL) WHERE \(c.ending)", ["2026-11-30", "2026-12-06"]),
            ("insats_episode_next_follow_up", "\(EpisodeTable.selectSQL) WHERE \(c.followUp)", ["2026-12-06"]),
            ("exit_record_follow_up_6_months", "\(ExitTable.selectSQL) WHERE \(CaseloadStore.weekExitCondition)", ["2026-11-30", "2026-12-06"]),
            ("exit_record_date", "\(ExitTable.selectSQL) WHERE \(CaseloadStore.weekExitCondition)", ["2026-11-30", "2026-12-06"]),
            ("responsible_assignment_member", "\(AssignmentTable.selectSQL) WHERE \(CaseloadStore.weekAssignmentCondition)", ["m", "2026-05-01"]),
            ("consent_valid_to", "\(ConsentTable.selectSQL) WHERE \(CaseloadStore.weekConsentCondition)", ["2026-12-01"]),
        ]
        for (index, sql, arguments) in cases {
            let plan = try DatabaseQueue(path: dir.database.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("INDEX \(index)") }, "\(index): \(plan)")
        }
    }
}
