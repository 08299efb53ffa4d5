import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// `u`: the user's own last change is taken back through the same write path, with a version check, and the
/// undo is logged.
@Suite struct UndoTests {
    let utc = TimeZone(identifier: "UTC")!

    func undone(_ result: UndoResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> UndoneChange {
        guard case .undone(let change) = result else {
            Issue.record("expected an undo, got \(result)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return change
    }

    @Test func aFieldChangeIsUndoneAndTheUndoIsLogged() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        p.phone = "070-1"
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-2"
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        let updateSequence = try #require(try store.changeLog(for: p.id, limit: 1).first?.sequence)

        let change = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(change.undoneSequences == [updateSequence])
        #expect(change.participantID == p.id)
        #expect(change.entries.map(\.what) == ["ångrade ändring nr \(updateSequence) (deltagaren)"])
        #expect(change.entries.first?.changes.map(\.text) == ["telefon: 070-2 → 070-1"])

        let restored = try #require(try store.participant(p.id))
        #expect(restored.phone == "070-1" && restored.version == 3)
        let last = try #require(try store.changeLog(for: p.id, limit: 1).first)
        #expect(last.action == .undo && last.login == "anna" && last.at == Fixture.later)
    }

    @Test func undoingTwiceUndoesThePreviousChange() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        p.phone = "070-1"
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-2"
        p = try store.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        p.phone = "070-3"
        p = try store.updateParticipant(p, expectedVersion: 2, by: "anna", at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.participant(p.id)?.phone == "070-2")
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.participant(p.id)?.phone == "070-1")
        // The next is the participant's creation, which undo does not remove.
        guard case .notUndoable(_, let reason) = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        else {
            Issue.record("expected notUndoable")
            return
        }
        #expect(reason.contains("deltagare"))
        #expect(try store.participantCount() == 1)
    }

    @Test func aColleaguesChangeSinceIsAConflictAndNothingIsOverwritten() throws {
        let dir = try TemporaryDirectory()
        let mine = try Fixture.store(in: dir)
        let theirs = try CaseloadStore.open(at: dir.database)
        var p = Fixture.participant(1)
        try mine.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-anna"
        p = try mine.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        var colleague = try #require(try theirs.participant(p.id))
        colleague.email = "sven@exempel.se"
        let current = try theirs.updateParticipant(colleague, expectedVersion: 2, by: "sven", at: Fixture.at)
        let logged = try mine.changeLogCount()
        #expect(throws: StoreError.conflict(current: current)) {
            try mine.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        }
        #expect(try mine.participant(p.id) == current)
        #expect(try mine.changeLogCount() == logged)
    }

    @Test func onlyTheUsersOwnChangesAreUndone() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-sven"
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "sven", at: Fixture.at)
        #expect(try store.undoLastChange(by: "jonna", at: Fixture.later, timeZone: utc) == .nothingToUndo)
        // Anna's last own change is the creation; Sven's edit stays.
        guard case .notUndoable = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc) else {
            Issue.record("expected notUndoable")
            return
        }
        #expect(try store.participant(p.id)?.phone == "070-sven")
    }

    @Test func aNoteIsNeverUndoneAndTheUserIsTold() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, notes) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "jonna", at: Fixture.at)
        try store.addNote(notes[0], by: "jonna", at: Fixture.at)
        guard case .notUndoable(_, let reason) = try store.undoLastChange(by: "jonna", at: Fixture.later, timeZone: utc)
        else {
            Issue.record("expected notUndoable")
            return
        }
        #expect(reason.contains("anteckningar tas aldrig bort"))
        #expect(try store.notes(for: record.participant.id).count == 1)
    }

    @Test func aChangeOfResponsibleStaffIsUndoneAsAWhole() throws {
        let dir = try TemporaryDirectory()
        let anders = TeamMember(id: .init("m-anders"), name: "Anders Ödman", profession: .arbetsformedlare, login: "anders")
        let store = try Fixture.store(in: dir, team: Fixture.team + [anders])
        let p = Fixture.participant(1)
        let before = ResponsibleAssignment(
            id: .init("a-1"), participantID: p.id, profession: .arbetsformedlare, memberID: Fixture.anna.id,
            from: Fixture.day.adding(days: -30))
        try store.addParticipant(p, responsible: [before], by: "admin", at: Fixture.at)
        try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: anders.id, on: Fixture.day, by: "anna", at: Fixture.at)
        // A colleague edits the participant meanwhile: the version bump holds no data, so this is no conflict.
        var edited = try #require(try store.participant(p.id))
        edited.language = "arabiska"
        _ = try store.updateParticipant(edited, expectedVersion: edited.version, by: "sven", at: Fixture.at)

        let change = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(change.undoneSequences.count == 3)
        let record = try #require(try store.record(p.id))
        #expect(record.assignments == [before])
        #expect(record.participant.language == "arabiska")
    }

    @Test func closingIsUndoneToTheStatusAndNoExit() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "admin", at: Fixture.at)
        let active = try store.changeStatus(.init("p-1"), to: .aktiv, expectedVersion: 1, by: "admin", at: Fixture.at)
        let closed = try store.closeParticipant(
            ExitRecord(participantID: active.id, date: Fixture.day, outcome: .n2), participantVersion: active.version,
            by: "anna", at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        let record = try #require(try store.record(active.id))
        #expect(record.exit == nil)
        #expect(record.participant.status == .aktiv)
        #expect(record.participant.version == closed.version + 1)
    }

    @Test func aConsentAddedOrWithdrawnIsUndone() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "admin", at: Fixture.at)
        let consent = Fixture.unwithdrawnConsent(record)
        try store.addConsent(consent, by: "anna", at: Fixture.at)
        _ = try store.withdrawConsent(
            consent.id, on: Fixture.day, how: "muntligt", registeredBy: Fixture.anna.id, today: Fixture.day, by: "anna",
            at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.record(record.participant.id)?.consents == [consent])
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.record(record.participant.id)?.consents == [])
        #expect(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc) == .nothingToUndo)
    }

    @Test func aConsentChangedByAColleagueIsAConflict() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "admin", at: Fixture.at)
        let consent = Fixture.unwithdrawnConsent(record)
        try store.addConsent(consent, by: "anna", at: Fixture.at)
        var corrected = consent
        corrected.documentReference = "Dnr 2026/1"
        try store.updateConsent(corrected, replacing: consent, by: "sven", at: Fixture.at)
        #expect(throws: StoreError.recordConflict(kind: .consent, id: consent.id.rawValue)) {
            try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        }
        #expect(try store.record(record.participant.id)?.consents == [corrected])
    }

    @Test func aBulkChangeIsUndoneForEveryone() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        for n in 1...3 { try store.addParticipant(Fixture.participant(n), by: "admin", at: Fixture.at) }
        let ids: [Participant.ID] = [.init("p-1"), .init("p-2"), .init("p-3")]
        try store.applyToMany(ids, change: .status(.aktiv), by: "anna", at: Fixture.at)
        let change = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(change.undoneSequences.count == 3)
        for id in ids { #expect(try store.participant(id)?.status == .aktualiserad) }
    }

    @Test func restoringAnIdentitySomeoneElseNowHasIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.identity = .other(kind: "test", value: "ny")
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        try store.addParticipant(Fixture.participant(2, identity: .other(kind: "test", value: "t-1")), by: "sven", at: Fixture.at)
        #expect(throws: StoreError.duplicateIdentity(existing: .init("p-2"))) {
            try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc)
        }
    }

    @Test func theUndoShowsInTheHistory() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.language = "tigrinja"
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        let history = try store.history(for: p.id, timeZone: utc)
        #expect(history.first?.action == .undo)
        #expect(history.first?.changes.map(\.text) == ["språk: tigrinja → –"])
        #expect(history.first?.undoes == history[1].sequence)
    }

    @Test func aMemberMarkedAsLeftIsActiveAgainButANewMemberIsNotRemoved() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.deactivateTeamMember(Fixture.sven.id, by: "anna", at: Fixture.at)
        _ = try undone(try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: utc))
        #expect(try store.teamMember(login: "sven")?.active == true)
        // The members themselves were added by "admin" (Fixture.store).
        guard case .notUndoable(_, let reason) = try store.undoLastChange(by: "admin", at: Fixture.later, timeZone: utc)
        else {
            Issue.record("expected notUndoable")
            return
        }
        #expect(reason.contains("medarbetaren"))
        #expect(try store.teamMembers().count == 3)
    }
}
