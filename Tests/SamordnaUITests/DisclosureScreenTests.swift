import Foundation
import SamordnaCore
import SamordnaUI
import TerminalUI
import Testing

/// Consent decides what the participant screen shows (docs/privacy.md, "Vem ser vad"): Anna (AF) opens Åsa,
/// whose socialsekreterare Mats wrote a note about her housing. Without the socialtjänst's consent for
/// "social situation/boende" Anna sees that the note exists, not what it says; a consent registered in a
/// colleague's window shows it at once and a withdrawal hides it again.
@Suite struct DisclosureScreenTests {
    let note = Note(
        id: .init("soc-1"), participantID: .init("p1"), authorID: Fixture.mats.id, profession: .socialsekreterare,
        owner: .kommunSoc, category: .socialSituation, writtenAt: Date(timeIntervalSince1970: 1_795_437_000),
        text: "Hyresskuld; kontakt med bostadssocialt stöd.")

    func housingConsent(withdrawn: String? = nil) -> Consent {
        Consent(
            id: .init("c-soc-bo"), participantID: .init("p1"), discloser: [.socialtjanst], recipient: [.af],
            categories: [.socialSituation], purposes: [.samordnadPlanering], validFrom: Fixture.date("2026-11-01"),
            validTo: Fixture.date("2027-10-31"), registeredBy: Fixture.mats.id, withdrawnOn: withdrawn.map(Fixture.date))
    }

    func openNotes() -> AppState {
        var s = Fixture.state(width: 100)
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], notes: [note]))))
        s.press("5")
        return s
    }

    func colleagueChanged(_ s: inout AppState, consents: [Consent]) {
        var record = Fixture.records[0]
        record.consents = consents
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [record]))))
    }

    @Test func withoutConsentTheNoteIsCountedNotShown() {
        let s = openNotes()
        let text = view(s).buffer.text
        #expect(text.contains("1 anteckning från socialtjänsten – samtycke saknas"))
        #expect(!text.contains("Hyresskuld"))
        #expect(!text.contains("Mats Nord"), "not even who wrote it")
        #expect(s.openParticipant?.itemIDs == [], "a hidden note cannot be selected, opened or corrected")
    }

    @Test func aConsentRegisteredElsewhereShowsItAndAWithdrawalHidesItAgain() {
        var s = openNotes()
        colleagueChanged(&s, consents: Fixture.records[0].consents + [housingConsent()])
        var text = view(s).buffer.text
        #expect(text.contains("Hyresskuld; kontakt med bostadssocialt stöd."))
        #expect(!text.contains("samtycke saknas"))
        colleagueChanged(&s, consents: Fixture.records[0].consents + [housingConsent(withdrawn: "2026-11-23")])
        text = view(s).buffer.text
        #expect(!text.contains("Hyresskuld"))
        #expect(text.contains("1 anteckning från socialtjänsten – samtycke saknas"))
    }

    @Test func aConsentForAnotherCategoryOrFromAnotherRegistrarDoesNotOpenIt() {
        var s = openNotes()
        var money = housingConsent()
        money.categories = [.ekonomisktBistand]
        colleagueChanged(&s, consents: [money])
        #expect(!view(s).buffer.text.contains("Hyresskuld"))
        var annasOwn = housingConsent()
        annasOwn.registeredBy = Fixture.anna.id  // AF cannot lift the socialtjänst's secrecy
        colleagueChanged(&s, consents: [annasOwn])
        #expect(!view(s).buffer.text.contains("Hyresskuld"))
    }

    @Test func theAuthorsOwnOrganisationAlwaysSeesIt() {
        var s = Fixture.state(width: 100)
        s.user = "mats"
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], notes: [note]))))
        s.press("5")
        #expect(view(s).buffer.text.contains("Hyresskuld"))
    }

    @Test func hiddenMeetingsAndInsatserAreCountedOnTheirTabs() {
        var s = Fixture.state(width: 100)
        s.press("G", "<Enter>")
        var record = Fixture.records[0]
        record.meetings.append(
            Meeting(
                id: .init("soc-m"), participantID: record.id, date: Fixture.date("2026-11-26"), time: TimeOfDay(text: "13:00")!,
                kind: .uppfoljning, professions: [.socialsekreterare], location: "Socialkontoret, rum 4",
                members: [Fixture.mats.id]))
        record.episodes.append(
            InsatsEpisode(
                id: .init("soc-e"), participantID: record.id, typeCode: "BOS", status: .pagar, start: Fixture.date("2026-10-01"),
                owner: .kommunSoc))
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: record))))
        s.press("4")
        var text = view(s).buffer.text
        #expect(text.contains("1 möte från socialtjänsten – samtycke saknas"))
        #expect(!text.contains("Socialkontoret"))
        s.press("3")
        text = view(s).buffer.text
        #expect(text.contains("1 insats från socialtjänsten – samtycke saknas"))
        #expect(!text.contains("BOS"))
    }
}
