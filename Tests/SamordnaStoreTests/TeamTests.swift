import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct TeamTests {
    @Test func aMemberWhoLeavesIsKeptButNotListedAsActive() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let left = try store.deactivateTeamMember(Fixture.sven.id, by: "anna", at: Fixture.later)
        #expect(!left.active)
        #expect(try store.teamMembers(includeInactive: false).map(\.login) == ["anna", "jonna"])
        #expect(try store.teamMembers(includeInactive: true).map(\.login) == ["anna", "sven", "jonna"])
        #expect(try store.teamMember(login: "sven")?.active == false)
    }

    /// A member's arbetslag is set and taken away as any change of the team: logged with the field named, and
    /// undoable by the one who made it.
    @Test func aMembersLagIsLoggedAndCanBeUndone() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let moved = try store.setTeamMemberUnit(Fixture.sven.id, unit: "Lag 2", by: "anna", at: Fixture.later)
        #expect(moved.unit == "Lag 2")
        #expect(try store.teamMember(login: "sven")?.unit == "Lag 2")
        guard case .undone(let undone) = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: .gmt) else {
            Issue.record("the change of lag could not be undone")
            return
        }
        #expect(undone.entries.flatMap(\.changes).map(\.text) == ["arbetslag: Lag 2 → –"])
        #expect(try store.teamMember(login: "sven")?.unit == nil)
    }

    @Test func aSecondMemberWithTheSameLoginIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let twin = TeamMember(id: .init("m-anna-2"), name: "Anna Berg", profession: .jobbcoach, login: "anna")
        #expect(throws: StoreError.invalid(field: "inloggning", reason: "används redan av en annan medarbetare")) {
            try store.addTeamMember(twin, by: "anna", at: Fixture.at)
        }
    }

    @Test func currentAssignmentsAreCountedPerMember() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        try store.changeResponsible(
            participant: .init("p-1"), profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day, by: "anna",
            at: Fixture.at)
        #expect(try store.currentAssignmentCount(of: Fixture.anna.id, on: Fixture.day) == 1)
        #expect(try store.currentAssignmentCount(of: Fixture.sven.id, on: Fixture.day) == 0)
    }
}
