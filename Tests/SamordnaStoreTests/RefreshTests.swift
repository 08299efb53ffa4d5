import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// After a save or a colleague's commit, the open window reads again only the participants the change log
/// names after its mark.
@Suite struct RefreshTests {
    func store(_ dir: TemporaryDirectory, participants n: Int) throws -> CaseloadStore {
        let store = try CaseloadStore.open(at: dir.database)
        for member in Fixture.team { try store.addTeamMember(member, by: "anna", at: Fixture.at) }
        for i in 0..<n { try store.addParticipant(Fixture.participant(i), by: "anna", at: Fixture.at) }
        return store
    }

    @Test func nothingChangedIsAnEmptyRefreshAtTheSameMark() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 3)
        let mark = try store.changeMark()
        let refresh = try #require(try store.refresh(since: mark, meetingsSince: nil))
        #expect(refresh.isEmpty)
        #expect(refresh.mark == mark)
    }

    @Test func aColleaguesCommitReadsOnlyTheParticipantItTouched() throws {
        let dir = try TemporaryDirectory()
        let mine = try store(dir, participants: 5)
        let mark = try mine.changeMark()
        // Another connection, as another process would be.
        let colleague = try CaseloadStore.open(at: dir.database)
        var changed = try #require(try colleague.participant(.init("p-3")))
        changed.firstName = "Åsa"
        _ = try colleague.updateParticipant(changed, expectedVersion: changed.version, by: "sven", at: Fixture.later)
        let refresh = try #require(try mine.refresh(since: mark, meetingsSince: nil))
        #expect(refresh.records.map(\.id) == [.init("p-3")])
        #expect(refresh.records.first?.participant.firstName == "Åsa")
        #expect(refresh.removed.isEmpty)
        #expect(refresh.team == nil)
        #expect(refresh.mark > mark)
        // From the new mark nothing is left to read.
        #expect(try mine.refresh(since: refresh.mark, meetingsSince: nil)?.isEmpty == true)
    }

    @Test func aChangedTeamMemberBringsTheTeam() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 1)
        let mark = try store.changeMark()
        var anna = Fixture.anna
        anna.name = "Anna Åberg-Lind"
        try store.updateTeamMember(anna, replacing: Fixture.anna, by: "anna", at: Fixture.later)
        let refresh = try #require(try store.refresh(since: mark, meetingsSince: nil))
        #expect(refresh.records.isEmpty)
        #expect(refresh.team?.first { $0.id == anna.id }?.name == "Anna Åberg-Lind")
    }

    @Test func aNewParticipantAndAChildRecordAreRead() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 2)
        let mark = try store.changeMark()
        try store.addParticipant(Fixture.participant(7), by: "jonna", at: Fixture.later)
        let note = Note(
            id: .init("n-1"), participantID: .init("p-0"), authorID: Fixture.jonna.id, profession: .jobbcoach,
            owner: .kommunJobbtorg, writtenAt: Fixture.later, text: "Ringde.")
        try store.addNote(note, by: "jonna", at: Fixture.later)
        let refresh = try #require(try store.refresh(since: mark, meetingsSince: nil))
        #expect(Set(refresh.records.map(\.id)) == [.init("p-7"), .init("p-0")])
    }

    @Test func tooManyChangesAskForAWholeLoad() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 0)
        let mark = try store.changeMark()
        for i in 0...CaseloadStore.refreshLimit { try store.addParticipant(Fixture.participant(i), by: "anna", at: Fixture.at) }
        #expect(try store.refresh(since: mark, meetingsSince: nil) == nil)
    }

    @Test func aMarkFromAnotherDatabaseAsksForAWholeLoad() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 1)
        #expect(try store.refresh(since: try store.changeMark() + 1000, meetingsSince: nil) == nil)
    }

    @Test func oldMeetingsAreLeftOutAsInTheListLoad() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir, participants: 1)
        let mark = try store.changeMark()
        for (i, day) in ["2026-01-05", "2026-03-09"].enumerated() {
            try store.addMeeting(
                Meeting(
                    id: .init("mt-\(i)"), participantID: .init("p-0"), date: LocalDate(iso: day)!,
                    time: TimeOfDay(hour: 10, minute: 0)!, kind: .uppfoljning, professions: [.jobbcoach]),
                by: "jonna", at: Fixture.later)
        }
        let refresh = try #require(try store.refresh(since: mark, meetingsSince: LocalDate(iso: "2026-03-01")))
        #expect(refresh.records.first?.meetings.map(\.id) == [.init("mt-1")])
    }
}
