import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Two people editing the same thing get a clear conflict, never a silent overwrite.
@Suite struct ConflictTests {
    @Test func aSecondParticipantWithTheSameIdentityIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let identity = try Fixture.personnummer("19800101", serial: 980)
        try store.addParticipant(Fixture.participant(1, identity: identity), by: "anna", at: Fixture.at)
        let logged = try store.changeLogCount()
        #expect(throws: StoreError.duplicateIdentity(existing: .init("p-1"))) {
            try store.addParticipant(Fixture.participant(2, identity: identity), by: "sven", at: Fixture.at)
        }
        #expect(try store.participantCount() == 1)
        #expect(try store.changeLogCount() == logged)
        #expect(StoreError.duplicateIdentity(existing: .init("p-1")).exitCode == 65)
    }

    @Test func changingToSomeoneElsesIdentityIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        try store.addParticipant(Fixture.participant(2), by: "anna", at: Fixture.at)
        var two = Fixture.participant(2, identity: .other(kind: "test", value: "t-1"))
        two.version = 1
        #expect(throws: StoreError.duplicateIdentity(existing: .init("p-1"))) {
            try store.updateParticipant(two, expectedVersion: 1, by: "anna", at: Fixture.at)
        }
        #expect(try store.participant(.init("p-2")) == Fixture.participant(2))
    }

    @Test func aStaleVersionIsAConflictAndNothingIsOverwritten() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        var annasCopy = try #require(try store.participant(.init("p-1")))
        var svensCopy = annasCopy
        annasCopy.phone = "anna"
        let saved = try store.updateParticipant(annasCopy, expectedVersion: annasCopy.version, by: "anna", at: Fixture.at)
        svensCopy.phone = "sven"
        #expect(throws: StoreError.conflict(current: saved)) {
            try store.updateParticipant(svensCopy, expectedVersion: svensCopy.version, by: "sven", at: Fixture.later)
        }
        #expect(try store.participant(.init("p-1")) == saved)
        #expect(saved.phone == "anna" && saved.version == 2)
        #expect(try store.changeLog(for: .init("p-1"), limit: 10).map(\.login) == ["anna", "anna"])
        #expect(StoreError.conflict(current: saved).exitCode == 65)
    }

    @Test func updatingSomeoneWhoDoesNotExistIsNotFound() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        #expect(throws: StoreError.notFound(kind: .participant, id: .init("p-9"))) {
            try store.updateParticipant(Fixture.participant(9), expectedVersion: 1, by: "anna", at: Fixture.at)
        }
    }

    @Test func childRecordsHaveVersionChecksToo() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        var meeting = record.meetings[0]
        try store.addMeeting(meeting, by: "anna", at: Fixture.at)
        meeting.outcome = .uteblev
        let saved = try store.updateMeeting(meeting, expectedVersion: 2, by: "anna", at: Fixture.at)
        #expect(saved.version == 3)
        #expect(throws: StoreError.recordConflict(kind: .meeting, id: meeting.id.rawValue)) {
            try store.updateMeeting(meeting, expectedVersion: 2, by: "sven", at: Fixture.at)
        }
        var episode = record.episodes[0]
        try store.addEpisode(episode, by: "anna", at: Fixture.at)
        episode.status = .avslutad
        #expect(throws: StoreError.recordConflict(kind: .insats, id: episode.id.rawValue)) {
            try store.updateEpisode(episode, expectedVersion: 1, by: "anna", at: Fixture.at)
        }
        #expect(try store.updateEpisode(episode, expectedVersion: 3, by: "anna", at: Fixture.at).version == 4)
    }

    @Test func aConsentIsOnlyChangedFromWhatTheUserSaw() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        let original = record.consents[0]
        try store.addConsent(original, by: "anna", at: Fixture.at)
        var first = original
        first.documentReference = "Dnr 2025/18"
        try store.updateConsent(first, replacing: original, by: "anna", at: Fixture.at)
        var second = original
        second.withdrawnHow = "Skriftligt"
        #expect(throws: StoreError.recordConflict(kind: .consent, id: original.id.rawValue)) {
            try store.updateConsent(second, replacing: original, by: "sven", at: Fixture.at)
        }
        #expect(try store.record(record.participant.id)?.consents == [first])
    }

    @Test func aSecondExitIsAConflictUnlessItReplacesTheFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let (record, _) = try Fixture.fullRecord(1)
        try store.addParticipant(record.participant, by: "anna", at: Fixture.at)
        let exit = try #require(record.exit)
        try store.saveExit(exit, by: "anna", at: Fixture.at)
        var changed = exit
        changed.outcome = .a1
        #expect(throws: StoreError.recordConflict(kind: .exit, id: exit.participantID.rawValue)) {
            try store.saveExit(changed, by: "sven", at: Fixture.at)
        }
        try store.saveExit(changed, replacing: exit, by: "sven", at: Fixture.at)
        #expect(try store.record(record.participant.id)?.exit == changed)
    }

    @Test func aCompletedKartlaggningIsNeverChanged() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        var k = try store.saveKartlaggning(Fixture.kartlaggning(for: p.id), expectedVersion: nil, by: "anna", at: Fixture.at)
        let assessment = ProfessionAssessment(
            kartlaggningID: k.id, profession: .arbetsformedlare, belief: 4, step: .forberedande,
            suggestedStep: .forberedande)
        try store.saveAssessment(assessment, by: "anna", at: Fixture.at)
        k.status = .klar
        k.completedAt = Fixture.later
        k.completedBy = Fixture.anna.id
        k = try store.saveKartlaggning(k, expectedVersion: 1, by: "anna", at: Fixture.later)
        #expect(k.version == 2)
        var edit = k
        edit.answers["mal"] = .text("Något annat")
        #expect(throws: CaseloadStore.completedKartlaggning) {
            try store.saveKartlaggning(edit, expectedVersion: 2, by: "anna", at: Fixture.later)
        }
        var late = assessment
        late.belief = 1
        #expect(throws: CaseloadStore.completedKartlaggning) {
            try store.saveAssessment(late, replacing: assessment, by: "anna", at: Fixture.later)
        }
        #expect(try store.kartlaggningar(for: p.id) == [k])
        #expect(try store.assessments(for: k.id) == [assessment])
    }

    @Test func aReadOnlyStoreRefusesEveryWrite() throws {
        let dir = try TemporaryDirectory()
        do { _ = try Fixture.store(in: dir) }
        let store = try CaseloadStore.openReadOnly(at: dir.database)
        #expect(try store.teamMembers().count == 3)
        #expect(throws: StoreError.readOnly(path: dir.database.path)) {
            try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        }
    }
}
