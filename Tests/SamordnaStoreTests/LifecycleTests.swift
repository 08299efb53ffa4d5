import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Status moves, closing with an exit record, reopening and withdrawing a consent, each checked with Core's
/// rule against what is stored, with a version check and its change-log rows in the same transaction.
@Suite struct LifecycleTests {
    func exit(for id: Participant.ID, outcome: OutcomeCode = .a1) -> ExitRecord {
        ExitRecord(participantID: id, date: Fixture.day, outcome: outcome)
    }

    @Test func aStatusMoveIsSavedWithTheNextVersionAndLogged() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let saved = try store.changeStatus(.init("p-1"), to: .aktiv, expectedVersion: 1, by: "anna", at: Fixture.later)
        #expect(saved.status == .aktiv && saved.version == 2)
        #expect(try store.participant(.init("p-1")) == saved)
        #expect(try store.changeLog(for: .init("p-1"), limit: 1).first?.action == .update)
    }

    @Test func aMoveTheLifecycleDoesNotAllowIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.invalid(field: "status", reason: "från aktualiserad kan en deltagare bara bli aktiv eller avslutad, inte vilande")) {
            try store.changeStatus(.init("p-1"), to: .vilande, expectedVersion: 1, by: "anna", at: Fixture.at)
        }
        // Closing needs an exit record.
        #expect(throws: StoreError.self) {
            try store.changeStatus(.init("p-1"), to: .avslutad, expectedVersion: 1, by: "anna", at: Fixture.at)
        }
        #expect(try store.changeLogCount() == logged)
        #expect(try store.participant(.init("p-1"))?.status == .aktualiserad)
    }

    @Test func aStaleVersionIsAConflictForAStatusMove() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let moved = try store.changeStatus(.init("p-1"), to: .aktiv, expectedVersion: 1, by: "anna", at: Fixture.at)
        #expect(throws: StoreError.conflict(current: moved)) {
            try store.changeStatus(.init("p-1"), to: .aktiv, expectedVersion: 1, by: "sven", at: Fixture.later)
        }
    }

    @Test func closingWritesTheExitAndTheStatusTogether() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let closed = try store.closeParticipant(exit(for: .init("p-1")), participantVersion: 1, by: "anna", at: Fixture.later)
        #expect(closed.status == .avslutad && closed.version == 2)
        let record = try #require(try store.record(.init("p-1")))
        #expect(record.exit == exit(for: .init("p-1")))
        #expect(record.participant == closed)
        let log = try store.changeLog(for: .init("p-1"), limit: 10)
        #expect(log.map(\.recordKind) == ["participant", "exit", "participant"])
    }

    @Test func closingWithAStaleVersionWritesNeitherTheExitNorTheStatus() throws {
        let dir = try TemporaryDirectory()
        let first = try Fixture.store(in: dir)
        let second = try CaseloadStore.open(at: dir.database)
        try first.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        var p = try #require(try second.participant(.init("p-1")))
        p.phone = "070-123 45 67"
        let saved = try second.updateParticipant(p, expectedVersion: 1, by: "sven", at: Fixture.at)
        let logged = try first.changeLogCount()
        #expect(throws: StoreError.conflict(current: saved)) {
            try first.closeParticipant(exit(for: p.id), participantVersion: 1, by: "anna", at: Fixture.later)
        }
        #expect(try first.record(p.id)?.exit == nil)
        #expect(try first.participant(p.id) == saved)
        #expect(try first.changeLogCount() == logged)
    }

    @Test func aClosedParticipantIsNotClosedTwice() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let closed = try store.closeParticipant(exit(for: .init("p-1")), participantVersion: 1, by: "anna", at: Fixture.at)
        #expect(throws: StoreError.self) {
            try store.closeParticipant(exit(for: .init("p-1"), outcome: .s1), participantVersion: closed.version, by: "anna", at: Fixture.at)
        }
        #expect(try store.record(.init("p-1"))?.exit?.outcome == .a1)
    }

    @Test func reopeningKeepsTheExitAndAClosingAfterItReplacesIt() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let closed = try store.closeParticipant(exit(for: .init("p-1")), participantVersion: 1, by: "anna", at: Fixture.at)
        let reopened = try store.reopenParticipant(.init("p-1"), expectedVersion: closed.version, by: "sven", at: Fixture.later)
        #expect(reopened.status == .aktiv && reopened.version == 3)
        #expect(try store.record(.init("p-1"))?.exit?.outcome == .a1)
        let again = try store.closeParticipant(exit(for: .init("p-1"), outcome: .s1), participantVersion: 3, by: "sven", at: Fixture.later)
        #expect(again.status == .avslutad)
        #expect(try store.record(.init("p-1"))?.exit?.outcome == .s1)
        let exitRows = try store.changeLog(for: .init("p-1"), limit: 10).filter { $0.recordKind == "exit" }
        #expect(exitRows.map(\.action) == [.update, .create])
        #expect(try #require(exitRows.first?.oldValue).contains("\"A1\""))
    }

    @Test func onlyAClosedParticipantIsReopened() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        #expect(throws: StoreError.invalid(field: "status", reason: "deltagaren är aktualiserad, inte avslutad")) {
            try store.reopenParticipant(.init("p-1"), expectedVersion: 1, by: "anna", at: Fixture.at)
        }
    }

    @Test func aConsentWithdrawalIsCheckedAndLogged() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        let consent = Fixture.unwithdrawnConsent(record)
        try store.addConsent(consent, by: "anna", at: Fixture.at)
        let withdrawn = try store.withdrawConsent(
            consent.id, on: Fixture.day, how: "Ringde och återkallade", registeredBy: Fixture.sven.id,
            today: Fixture.day, by: "sven", at: Fixture.later)
        #expect(withdrawn.withdrawnOn == Fixture.day)
        #expect(withdrawn.withdrawalRegisteredBy == Fixture.sven.id)
        #expect(try store.record(record.participant.id)?.consents == [withdrawn])
        let last = try #require(try store.changeLog(for: record.participant.id, limit: 1).first)
        #expect(last.recordKind == "consent" && last.action == .update && last.login == "sven")
        // Not twice, and not in the future.
        #expect(throws: StoreError.invalid(field: "återkallat", reason: "samtycket är redan återkallat (2026-03-02)")) {
            try store.withdrawConsent(
                consent.id, on: Fixture.day, how: "", registeredBy: Fixture.sven.id, today: Fixture.day, by: "sven",
                at: Fixture.later)
        }
    }

    @Test func aWithdrawalInTheFutureIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        let consent = Fixture.unwithdrawnConsent(record)
        try store.addConsent(consent, by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.self) {
            try store.withdrawConsent(
                consent.id, on: Fixture.day.adding(days: 1), how: "", registeredBy: Fixture.sven.id,
                today: Fixture.day, by: "sven", at: Fixture.later)
        }
        #expect(try store.changeLogCount() == logged)
    }
}
