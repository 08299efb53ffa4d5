import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// A participant's change log in words: who, when, what record, per field old → new; never raw JSON.
@Suite struct HistoryTests {
    let stockholm = TimeZone(identifier: "Europe/Stockholm")!

    @Test func aFieldChangeReadsOldToNewWithWhoAndWhen() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        p.phone = "070-1"
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.phone = "070-2"
        p.email = "ny@exempel.se"
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "sven", at: Fixture.later)
        let history = try store.history(for: p.id, limit: 20, timeZone: stockholm)
        #expect(history.count == 2)
        let latest = try #require(history.first)
        // 2026-03-02 10:30 UTC is 11:30 in Stockholm (CET).
        #expect(latest.summary == "2026-03-02 11:30 Sven Öst (sven): ändrade deltagaren")
        #expect(latest.changes.map(\.text) == ["telefon: 070-1 → 070-2", "e-post: – → ny@exempel.se"])
        #expect(latest.changes.map(\.sensitivity) == [.contact, .contact])
        #expect(history[1].what == "lade till deltagaren")
        #expect(history[1].changes.contains { $0.text == "förnamn: – → Deltagare" })
        for line in history.flatMap(\.lines) { #expect(!line.contains("{") && !line.contains("\"")) }
    }

    @Test func theTimeFollowsTheTimeZoneAskedFor() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let utc = try store.history(for: .init("p-1"), timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.first?.time == "2026-03-02 09:30")
    }

    @Test func anUnknownLoginIsShownAsItIs() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "vikarie", at: Fixture.at)
        #expect(try store.history(for: .init("p-1"), timeZone: stockholm).first?.who == "vikarie")
    }

    @Test func controlCharactersAreMadeVisible() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        p.address = "Gatan 1\nlgh 2\u{1B}[31m"
        _ = try store.updateParticipant(p, expectedVersion: 1, by: "anna", at: Fixture.at)
        let change = try #require(try store.history(for: p.id, timeZone: stockholm).first?.changes.first)
        #expect(change.text == "adress: – → Gatan 1\\nlgh 2\\u{1B}[31m")
        #expect(!change.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func childRecordsReadInTheTeamsWords() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        try store.changeResponsible(
            participant: p.id, profession: .arbetsformedlare, to: Fixture.anna.id, on: Fixture.day, by: "anna",
            at: Fixture.later)
        _ = try store.closeParticipant(
            ExitRecord(participantID: p.id, date: Fixture.day, outcome: .a1), participantVersion: 2, by: "anna",
            at: Fixture.later)
        let history = try store.history(for: p.id, timeZone: stockholm)
        // The version bump with the change of responsible staff is not shown.
        #expect(history.map(\.what) == ["ändrade deltagaren", "lade till avslutet", "lade till ansvar som arbetsförmedlare", "lade till deltagaren"])
        #expect(history[0].changes.map(\.text) == ["status: aktualiserad → avslutad"])
        #expect(history[1].changes.contains { $0.text == "avslutsorsak: – → A1 Arbete, osubventionerat" })
        #expect(history[2].changes.first?.text == "ansvarig: – → Anna Åberg (anna)")
    }

    @Test func theLimitCountsVisibleEntries() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        var p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        for n in 1...30 {
            p.phone = "070-\(100 + n)"
            p = try store.updateParticipant(p, expectedVersion: p.version, by: "anna", at: Fixture.at)
        }
        let history = try store.history(for: p.id, limit: 20, timeZone: stockholm)
        #expect(history.count == 20)
        #expect(history.first?.changes.first?.text == "telefon: 070-129 → 070-130")
        #expect(try store.history(for: p.id, limit: 0, timeZone: stockholm).isEmpty)
    }
}
