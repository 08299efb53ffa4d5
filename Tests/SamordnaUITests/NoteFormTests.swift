import Foundation
import SamordnaCore
import TerminalUI
import Testing

@testable import SamordnaUI

@Suite struct NoteFormTests {
    func noteForm(_ s: AppState) -> FormScreen<NoteFormContent>? {
        if case .noteForm(let f) = s.stack.last { return f }
        return nil
    }

    @Test func nOnTheNotesTabOpensTheNoteEditor() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        #expect(!isAvailable(.newItem, in: s), "n does nothing on the overview yet")
        s.press("5")
        #expect(s.openParticipant?.tab == .anteckningar)
        s.press("n")
        #expect(noteForm(s)?.content.participantID == Participant.ID("p1"))
    }

    @Test func aNoteIsSavedAsTypedWithLineBreaksAndÅäö() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "5", "n")
        s.type("Möte på Jobbtorg.")
        s.press("<Enter>")
        s.type("Åsa vill börja på SFI.")
        let effects = s.press("<C-s>")
        #expect(
            effects == [
                .note(
                    .add(
                        NoteDraft(
                            participantID: .init("p1"), text: "Möte på Jobbtorg.\nÅsa vill börja på SFI.",
                            category: .afPlanering, corrects: nil)))
            ])
        let after = update(&s, .note(.saved(.init("p1"))))
        #expect(after == [.participant(.loadRecord(.init("p1")))])
        #expect(s.openParticipant?.tab == .anteckningar)
    }

    @Test func anEmptyNoteIsRefusedWithTheReason() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "5", "n")
        s.type("   ")
        #expect(s.press("<C-s>").isEmpty)
        #expect(noteForm(s)?.form["text"]?.error == "anteckningen är tom")
    }

    @Test func leavingAWrittenNoteAsksAndKeepsTheText() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "5", "n")
        s.type("Utkast")
        s.press("<Esc>")
        #expect(noteForm(s)?.question != nil)
        s.press("<Esc>")
        #expect(noteForm(s)?.form.value(of: "text")?.string == "Utkast")
        _ = update(&s, .interrupt)
        #expect(!s.shouldQuit)
        #expect(noteForm(s)?.question != nil)
    }

    @Test func anUnknownLoginIsAskedOnceWhoTheyAre() {
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "okand.login")
        _ = update(&s, .caseload(.loaded(Fixture.caseload)))
        s.press("G", "<Enter>", "5", "n")
        guard case .whoAmI(let who)? = s.stack.last else {
            Issue.record("not asked")
            return
        }
        #expect(who.picker.title.contains("okand.login"))
        // Pick "Kim Sund" by typing part of the name, then Enter. Kim has a login already: taking it over
        // is asked, defaulting to No.
        s.type("Kim")
        #expect(s.press("<Enter>").isEmpty)
        #expect(s.screenText.contains("Kim Sund har inloggningen kim"))
        let effects = s.press("y")
        #expect(effects == [.login(.claim(Fixture.kim.id, then: .newNote(.init("p1"))))])
        // The store records it; the reloaded caseload knows the login and the editor opens.
        _ = update(&s, .login(.claimed(then: .newNote(.init("p1")))))
        var caseload = Fixture.caseload
        var kim = Fixture.kim
        kim.login = "okand.login"
        caseload.replaceTeam(caseload.team.values.map { $0.id == kim.id ? kim : $0 })
        _ = update(&s, .caseload(.loaded(caseload)))
        #expect(s.me?.id == Fixture.kim.id)
        #expect(noteForm(s) != nil)
    }

    @Test func notesShowAsAThreadWithAuthorAndTime() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "5")
        let first = Note(
            id: .init("n1"), participantID: .init("p1"), authorID: Fixture.mats.id, profession: .socialsekreterare,
            owner: .kommunSoc, category: .utbildningArbete, writtenAt: Date(timeIntervalSince1970: 1_795_437_000),
            text: "Första raden\nandra raden")
        let fix = Note(
            id: .init("n2"), participantID: .init("p1"), authorID: Fixture.anna.id, profession: .arbetsformedlare,
            owner: .af, writtenAt: Date(timeIntervalSince1970: 1_795_440_600), text: "Rättat datum", corrects: .init("n1"))
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], notes: [first, fix]))))
        let text = view(s).buffer.text
        #expect(text.contains("2026-11-23 13:30  Mats Nord, socialsekreterare (Kommun-soc,"))
        #expect(text.contains("    utbildning/arbete)"), "the header wraps instead of being cut")
        #expect(text.contains("    Första raden"))
        #expect(text.contains("↳ rättelse: 2026-11-23 14:30  Anna Lind, arbetsförmedlare (AF,"))
    }

    @Test func theNoteSaysWhatItIsAboutAndTheAuthorCanChooseAnother() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "5", "n")
        #expect(s.screenText.contains("(•) inskrivning & planering AF"), "the author's organisation's own kind by default")
        s.type("Hyresskuld, kontakt med budgetrådgivning.")
        s.press("<S-Tab>", "<Right>")
        #expect(s.screenText.contains("(•) ekonomiskt bistånd"))
        guard case .note(.add(let draft))? = s.press("<C-s>").first else {
            Issue.record("no save")
            return
        }
        #expect(draft.category == .ekonomisktBistand)
    }
}
