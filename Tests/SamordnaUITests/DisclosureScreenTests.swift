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

    // MARK: Kartläggning

    static let template = KartlaggningTemplate(
        version: 1, title: "Kartläggning",
        sections: [
            TemplateSection(
                id: "A", title: "A. Ekonomi",
                questions: [
                    TemplateQuestion(id: "mal", label: "Vad vill du arbeta med?", type: .text),
                    TemplateQuestion(
                        id: "skuld", label: "Har du skulder?", type: .text, owner: .socialsekreterare,
                        category: .ekonomisktBistand),
                ])
        ])

    func kartlaggning(status: KartlaggningStatus) -> Kartlaggning {
        Kartlaggning(
            id: .init("k1"), participantID: .init("p1"), templateVersion: 1, date: Fixture.today, status: status,
            answers: ["mal": .text("Lager"), "skuld": .text("Hyresskuld 12 000 kr")])
    }

    @Test func anAnswerOwnedByTheSocialtjanstIsSekretessInTheFormAndASaveKeepsIt() {
        var s = Fixture.state(width: 100)
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("2")
        _ = update(&s, .kartlaggning(.opened(KartlaggningSession(kartlaggning: kartlaggning(status: .utkast), template: Self.template))))
        let text = view(s).buffer.text
        #expect(text.contains("Lager"))
        #expect(!text.contains("Hyresskuld"))
        #expect(text.contains("besvarad · sekretess: Kommunen, socialtjänst, ekonomiskt bistånd"))
        #expect(text.contains("samtycke saknas"))
        // Anna changes her own answer; the socialtjänst's stays as it was in what is saved.
        s.type(" i Västerås")
        let effects = s.press("<C-s>")
        guard case .kartlaggning(.saveDraft(let saved, _))? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(saved.answers["mal"] == .text("Lager i Västerås"))
        #expect(saved.answers["skuld"] == .text("Hyresskuld 12 000 kr"))
    }

    @Test func aCompletedKartlaggningReadsTheSameAndTheSocialtjanstSeesItsOwn() {
        for (user, shows) in [("anna", false), ("mats", true)] {
            var s = Fixture.state(width: 100)
            s.user = user
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            _ = update(&s, .kartlaggning(.opened(KartlaggningSession(kartlaggning: kartlaggning(status: .klar), template: Self.template))))
            let text = view(s).buffer.text
            #expect(text.contains("Hyresskuld") == shows, "\(user)")
            #expect(text.contains("samtycke saknas") == !shows, "\(user)")
        }
    }

    @Test func aComparisonLeavesOutWhatTheReaderMayNotSee() {
        var s = Fixture.state(width: 100)
        s.press("G", "<Enter>")
        var older = kartlaggning(status: .klar)
        older.id = .init("k0")
        older.date = Fixture.date("2026-05-04")
        older.answers["skuld"] = .text("Skuld 30 000 kr")
        let a = KartlaggningSession(kartlaggning: older, template: Self.template)
        let b = KartlaggningSession(kartlaggning: kartlaggning(status: .klar), template: Self.template)
        _ = update(&s, .kartlaggning(.compared(a, b)))
        let text = view(s).buffer.text
        #expect(!text.contains("Skuld 30 000"))
        #expect(!text.contains("Hyresskuld"))
        #expect(text.contains("2 svar och bedömningar jämförs inte (sekretess – samtycke saknas)"))
    }

    // MARK: Skyddade personuppgifter

    @Test func aProtectedIdentityIsHiddenFromThoseNotResponsible() {
        var s = Fixture.state()
        s.user = "kim"
        s.rederive()
        let text = view(s).buffer.text
        #expect(!text.contains("Nguyen"))
        #expect(!text.contains("99-123"))
        #expect(text.contains("Skyddad identitet"))
        s.press("/")
        s.type("nguyen")
        #expect(s.visibleNames.isEmpty, "not found by name either")
        s.press("<Esc>")
        let row = s.rows.firstIndex { $0.identityHidden }!
        s.list.selection = s.list.visible.firstIndex(of: row)!
        #expect(s.press("<Enter>").isEmpty)
        #expect(s.openParticipant == nil)
        #expect(s.status == "Skyddad identitet: bara ansvariga")
        // Nor on the team's timeline.
        s.press("t")
        #expect(!view(s).buffer.text.contains("Nguyen"))
        #expect(view(s).buffer.text.contains("Skyddad identitet"))
        s.press("q")
        // Anna is responsible: she sees her.
        s.user = "anna"
        s.rederive()
        #expect(view(s).buffer.text.contains("Nguyen 作者, Lan"))
    }
}
