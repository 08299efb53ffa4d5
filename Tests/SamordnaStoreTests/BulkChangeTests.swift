import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Tag-then-act: one change for many participants, all of them or none.
@Suite struct BulkChangeTests {
    func caseload(_ dir: TemporaryDirectory, count: Int = 3) throws -> CaseloadStore {
        let store = try Fixture.store(in: dir)
        for n in 1...count { try store.addParticipant(Fixture.participant(n), by: "anna", at: Fixture.at) }
        return store
    }

    var ids: [Participant.ID] { [.init("p-1"), .init("p-2"), .init("p-3")] }

    @Test func aStatusForEveryoneBumpsAndLogsEach() throws {
        let dir = try TemporaryDirectory()
        let store = try caseload(dir)
        let logged = try store.changeLogCount()
        let changed = try store.applyToMany(ids + [.init("p-1")], change: .status(.aktiv), by: "anna", at: Fixture.later)
        #expect(changed == 3)
        for id in ids {
            let p = try #require(try store.participant(id))
            #expect(p.status == .aktiv && p.version == 2)
        }
        #expect(try store.changeLogCount() == logged + 3)
    }

    @Test func oneParticipantThatCannotMoveStopsThemAll() throws {
        let dir = try TemporaryDirectory()
        let store = try caseload(dir)
        _ = try store.changeStatus(.init("p-2"), to: .aktiv, expectedVersion: 1, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        // aktualiserad cannot become vilande: p-1 and p-3 stop the whole change.
        #expect(throws: StoreError.self) {
            try store.applyToMany(ids, change: .status(.vilande), by: "anna", at: Fixture.later)
        }
        #expect(try store.changeLogCount() == logged)
        #expect(try store.participant(.init("p-2"))?.status == .aktiv)
    }

    @Test func anUnknownParticipantStopsThemAll() throws {
        let dir = try TemporaryDirectory()
        let store = try caseload(dir)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.notFound(kind: .participant, id: "p-9")) {
            try store.applyToMany(ids + [.init("p-9")], change: .status(.aktiv), by: "anna", at: Fixture.later)
        }
        #expect(try store.changeLogCount() == logged)
        #expect(try store.participant(.init("p-1"))?.status == .aktualiserad)
    }

    @Test func assigningManyEndsEachCurrentPeriod() throws {
        let dir = try TemporaryDirectory()
        let store = try caseload(dir)
        try store.changeResponsible(
            participant: .init("p-1"), profession: .jobbcoach, to: Fixture.jonna.id, on: Fixture.day.adding(days: -10),
            by: "anna", at: Fixture.at)
        let jonas = TeamMember(id: .init("m-jonas"), name: "Jonas Ek", profession: .jobbcoach, login: "jonas")
        try store.addTeamMember(jonas, by: "anna", at: Fixture.at)
        var n = 0
        let changed = try store.applyToMany(
            ids, change: .assign(.jobbcoach, jonas.id, on: Fixture.day),
            newID: {
                n += 1
                return .init("bulk-\(n)")
            }, by: "anna", at: Fixture.later)
        #expect(changed == 3)
        let records = try store.loadCaseload()
        for r in records { #expect(r.responsible(on: Fixture.day)[.jobbcoach] == jonas.id) }
        let first = try #require(records.first { $0.id == .init("p-1") })
        #expect(first.assignments.first { $0.memberID == Fixture.jonna.id }?.to == Fixture.day.adding(days: -1))
        #expect(first.participant.version == 3)
    }

    @Test func assigningSomeoneOfAnotherProfessionChangesNobody() throws {
        let dir = try TemporaryDirectory()
        let store = try caseload(dir)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.self) {
            try store.applyToMany(ids, change: .assign(.jobbcoach, Fixture.anna.id, on: Fixture.day), by: "anna", at: Fixture.at)
        }
        #expect(try store.changeLogCount() == logged)
    }
}
