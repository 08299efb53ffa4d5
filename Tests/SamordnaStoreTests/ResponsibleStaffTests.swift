import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Changing who is responsible: the old period ends and the new one starts in one transaction.
@Suite struct ResponsibleStaffTests {
    static let anders = TeamMember(id: .init("m-anders"), name: "Anders Ödman", profession: .arbetsformedlare, login: "anders")

    func store(_ dir: TemporaryDirectory) throws -> CaseloadStore {
        try Fixture.store(in: dir, team: Fixture.team + [Self.anders])
    }

    @Test func aChangeEndsTheCurrentPeriodAndStartsANewOne() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir)
        let p = Fixture.participant(1)
        let start = Fixture.day.adding(days: -30)
        try store.addParticipant(
            p,
            responsible: [
                ResponsibleAssignment(
                    id: .init("a-1"), participantID: p.id, profession: .arbetsformedlare, memberID: Fixture.anna.id,
                    from: start)
            ], by: "anna", at: Fixture.at)
        let change = try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Self.anders.id, on: Fixture.day, newID: .init("a-2"),
            by: "anna", at: Fixture.later)
        #expect(change.isContinuityChange)
        let record = try #require(try store.record(p.id))
        #expect(
            record.assignments == [
                ResponsibleAssignment(
                    id: .init("a-1"), participantID: p.id, profession: .arbetsformedlare, memberID: Fixture.anna.id,
                    from: start, to: Fixture.day.adding(days: -1)),
                ResponsibleAssignment(
                    id: .init("a-2"), participantID: p.id, profession: .arbetsformedlare, memberID: Self.anders.id,
                    from: Fixture.day),
            ])
        #expect(record.responsible(on: Fixture.day)[.arbetsformedlare] == Self.anders.id)
        // The participant's version moved, so an open form gets a conflict.
        #expect(record.participant.version == 2)
        let log = try store.changeLog(for: p.id, limit: 3)
        #expect(log.map(\.recordKind) == ["participant", "assignment", "assignment"])
        #expect(Set(log.map(\.at)) == [Fixture.later])
    }

    @Test func theSameMemberAgainChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        let again = try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day, by: "anna", at: Fixture.at)
        #expect(again.isNoOp)
        #expect(try store.changeLogCount() == logged)
    }

    @Test func aMemberOfAnotherProfessionOrWhoLeftIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        #expect(throws: StoreError.invalid(field: "ansvarig arbetsförmedlare", reason: "Sven Öst (sven) är socialsekreterare, inte arbetsförmedlare")) {
            try store.changeResponsible(
                participant: p.id, profession: .arbetsformedlare, to: Fixture.sven.id, on: Fixture.day, by: "anna",
                at: Fixture.at)
        }
        try store.deactivateTeamMember(Self.anders.id, by: "anna", at: Fixture.at)
        #expect(throws: StoreError.invalid(field: "ansvarig arbetsförmedlare", reason: "Anders Ödman (anders) är inte längre aktiv i teamet")) {
            try store.changeResponsible(
                participant: p.id, profession: .arbetsformedlare, to: Self.anders.id, on: Fixture.day, by: "anna",
                at: Fixture.at)
        }
        #expect(try store.record(p.id)?.assignments == [])
    }

    @Test func aChangeBeforeALaterPeriodIsRefusedAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.self) {
            try store.changeResponsible(
                participant: p.id, profession: .arbetsformedlare, to: Self.anders.id, on: Fixture.day.adding(days: -5),
                by: "anna", at: Fixture.at)
        }
        #expect(try store.changeLogCount() == logged)
    }

    @Test func aChangeFromAnotherConnectionMakesAStaleVersionAConflict() throws {
        let dir = try TemporaryDirectory()
        let mine = try store(dir)
        let theirs = try CaseloadStore.open(at: dir.database)
        let p = Fixture.participant(1)
        try mine.addParticipant(p, by: "anna", at: Fixture.at)
        try theirs.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Self.anders.id, on: Fixture.day, by: "anders",
            at: Fixture.at)
        let current = try #require(try mine.participant(p.id))
        #expect(throws: StoreError.conflict(current: current)) {
            try mine.changeResponsible(
                participant: p.id, profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day,
                expectedVersion: 1, by: "anna", at: Fixture.later)
        }
        var edited = p
        edited.phone = "070-000 00 00"
        #expect(throws: StoreError.conflict(current: current)) {
            try mine.updateParticipant(edited, expectedVersion: 1, by: "anna", at: Fixture.later)
        }
    }

    @Test func aNewParticipantWithAnIneligibleResponsibleIsNotAdded() throws {
        let dir = try TemporaryDirectory()
        let store = try store(dir)
        let p = Fixture.participant(1)
        #expect(throws: StoreError.self) {
            try store.addParticipant(
                p,
                responsible: [
                    ResponsibleAssignment(
                        id: .init("a-1"), participantID: p.id, profession: .jobbcoach, memberID: Fixture.anna.id,
                        from: Fixture.day)
                ], by: "anna", at: Fixture.at)
        }
        #expect(try store.participantCount() == 0)
    }
}

/// Saving the edit form: the participant and the responsible staff it changed, all or nothing.
@Suite struct ParticipantAndStaffTogetherTests {
    @Test func fieldsAndANewResponsibleAreOneWrite() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir, team: Fixture.team + [ResponsibleStaffTests.anders])
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        var edited = p
        edited.phone = "070-123 45 67"
        let saved = try store.updateParticipant(
            edited, expectedVersion: 1, responsible: [.arbetsformedlare: ResponsibleStaffTests.anders.id],
            on: Fixture.day, by: "anna", at: Fixture.later)
        let record = try #require(try store.record(p.id))
        #expect(record.participant.phone == "070-123 45 67")
        #expect(record.responsible(on: Fixture.day)[.arbetsformedlare] == ResponsibleStaffTests.anders.id)
        #expect(saved.version == record.participant.version)
    }

    @Test func aRefusedResponsibleLeavesTheParticipantUnchanged() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir, team: Fixture.team + [ResponsibleStaffTests.anders])
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        var edited = p
        edited.phone = "070-123 45 67"
        // Anders is an arbetsförmedlare: he cannot be the responsible jobbcoach.
        #expect(throws: StoreError.self) {
            try store.updateParticipant(
                edited, expectedVersion: 1, responsible: [.jobbcoach: ResponsibleStaffTests.anders.id], on: Fixture.day,
                by: "anna", at: Fixture.later)
        }
        let stored = try #require(try store.participant(p.id))
        #expect(stored.phone == p.phone)
        #expect(stored.version == 1)
    }

    @Test func nobodyEndsTheCurrentPeriod() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(
            p,
            responsible: [
                ResponsibleAssignment(
                    id: .init("a-1"), participantID: p.id, profession: .jobbcoach, memberID: Fixture.team[2].id,
                    from: Fixture.day.adding(days: -10))
            ], by: "anna", at: Fixture.at)
        let nobody: [Profession: TeamMember.ID?] = [.jobbcoach: nil as TeamMember.ID?]
        try store.updateParticipant(p, expectedVersion: 1, responsible: nobody, on: Fixture.day, by: "anna", at: Fixture.later)
        let record = try #require(try store.record(p.id))
        #expect(record.responsible(on: Fixture.day)[.jobbcoach] == nil)
        #expect(record.assignments.first?.to == Fixture.day.adding(days: -1))
    }
}
