import Foundation
import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// On the participant screen: `x` avslut and reopening, `e` on a note (correction) and on a consent
/// (withdrawal), the history on the overview, and `u`.
@Suite struct ParticipantActionsTests {
    func recordForm(_ s: AppState) -> FormScreen<RecordFormContent>? {
        if case .recordForm(let f) = s.stack.last { return f }
        return nil
    }

    func participant(_ s: AppState) -> ParticipantScreenState? { s.openParticipant }

    /// Opens Öberg (the last row) with her whole record loaded: two notes and a correction.
    func openOberg(history: [HistoryItem] = []) -> AppState {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        var record = Fixture.records[0]
        // The Jobbtorg's own consent lets Anna (AF) read Kim's notes about work and studies.
        record.consents.append(
            Consent(
                id: .init("c-p1-jt"), participantID: record.id, discloser: [.jobbtorg], recipient: [.af],
                categories: [.utbildningArbete], purposes: [.samordnadPlanering], validFrom: Fixture.date("2026-09-01"),
                validTo: Fixture.date("2027-09-30"), registeredBy: Fixture.kim.id))
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [record]))))
        let t = Date(timeIntervalSince1970: 1_795_000_000)
        let first = Note(
            id: .init("n1"), participantID: record.id, authorID: Fixture.anna.id, profession: .arbetsformedlare,
            owner: .af, writtenAt: t, text: "Första mötet.")
        let second = Note(
            id: .init("n2"), participantID: record.id, authorID: Fixture.kim.id, profession: .jobbcoach,
            owner: .kommunJobbtorg, writtenAt: t.addingTimeInterval(3600), text: "Praktik på Ica.")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: record, notes: [first, second], history: history))))
        return s
    }

    // MARK: Avslut

    @Test func xOpensTheExitFormAndAnEmptyOneIsRefusedWithTheReason() {
        var s = Fixture.state()
        s.press("<Enter>", "x")
        let f = try! #require(recordForm(s))
        #expect(f.content.purpose == .exit(.init("p2"), version: 1))
        #expect(f.form.value(of: "date")?.string == "2026-11-23")
        #expect(s.press("<C-s>").isEmpty)
        #expect(recordForm(s)!.form["outcome"]?.error?.contains("välj en avslutsorsak") == true)
        #expect(s.screenText.contains("✗ välj en avslutsorsak"))
    }

    @Test func aFilledExitIsSavedWithFollowUpsAndTypedWorkSurvivesAFailure() {
        var s = Fixture.state()
        s.press("<Enter>", "x", "<Right>")  // A1
        s.press("<Tab>", "<Tab>", "<Tab>", "<Space>", "<Tab>")  // försörjningsstöd upphört: ja
        s.type("2026-11-20")
        let effects = s.press("<C-s>")
        guard case .change(.close(let exit, let version))? = effects.first else {
            Issue.record("no save: \(effects) \(recordForm(s)!.form.fields.compactMap(\.error))")
            return
        }
        #expect(version == 1)
        #expect(exit.outcome == .a1)
        #expect(exit.forsorjningsstodEndedOn == Fixture.date("2026-11-20"))
        #expect(exit.followUp4Weeks == Fixture.date("2026-12-21"))
        // The save fails: the form stays with what was typed, and the reason shows.
        _ = update(&s, .change(.failed(.conflict)))
        let f = try! #require(recordForm(s))
        #expect(!f.isSaving)
        #expect(f.form.value(of: "forsorjningsstodEndedOn")?.string == "2026-11-20")
        #expect(f.content.purpose == .exit(.init("p2"), version: nil))
        // Saved: the form closes and the caseload reloads.
        #expect(update(&s, .change(.saved(.closed(exit)))) == [.caseload(.refresh)])
        #expect(s.status?.hasPrefix("Avslutad (A1)") == true)
        #expect(recordForm(s) == nil)
    }

    @Test func xOnAClosedParticipantAsksToReopenDefaultingToNo() {
        var s = Fixture.state()
        var records = Fixture.records
        records[1].participant.status = .avslutad
        records[1].exit = ExitRecord(participantID: .init("p2"), date: Fixture.date("2026-11-01"), outcome: .s1)
        _ = update(&s, .caseload(.loaded(Caseload(records: records, team: [Fixture.anna], catalogue: []))))
        s.press("<Enter>", "x")
        #expect(s.screenText.contains("Återöppna Erik Andersson?"))
        #expect(s.screenText.contains("2026-11-01 (S1)"))
        #expect(s.press("<Enter>").isEmpty)
        s.press("x")
        #expect(s.press("y") == [.change(.reopen(.init("p2"), version: 1))])
    }


    // MARK: Notes

    @Test func jkSelectTheNotesAndEOpensACorrectionOfTheSelected() {
        var s = openOberg()
        s.press("5")
        let screen = try! #require(participant(s))
        #expect(screen.itemIDs == [.note(.init("n2")), .note(.init("n1"))])
        #expect(screen.selectedItemID == .note(.init("n2")))
        s.press("j")
        #expect(participant(s)?.selectedItemID == .note(.init("n1")))
        // The selected note's first line is highlighted.
        let buffer = view(s).buffer
        let row = buffer.lines().firstIndex { $0.contains("Anna Lind, arbetsförmedlare") }!
        #expect(roleRuns(buffer, row: row).hasPrefix("0..") && roleRuns(buffer, row: row).contains("selection"))
        s.press("e")
        guard case .noteForm(let form) = s.stack.last else {
            Issue.record("no note form")
            return
        }
        #expect(form.content.corrects == Note.ID("n1"))
        #expect(s.screenText.contains("Rättelse (ny anteckning, den gamla står kvar)"))
        s.type("Rätt datum: 2026-11-20.")
        guard case .note(.add(let draft))? = s.press("<C-s>").first else {
            Issue.record("no save")
            return
        }
        #expect(draft.corrects == Note.ID("n1"))
        #expect(draft.text == "Rätt datum: 2026-11-20.")
    }

    @Test func aNoteOfAnotherOrganisationIsNotCorrectedHere() {
        var s = openOberg()
        s.press("5")  // n2, by Kim of Kommun-Jobbtorg, is selected; the user is Anna of AF
        #expect(s.press("e").isEmpty)
        #expect(s.openParticipant != nil, "no form opened")
        #expect(s.status?.hasPrefix("Anteckningen ägs av Kommunen, Jobbtorg") == true, "\(s.status ?? "")")
    }

    @Test func theCorrectionShowsTheNoteItCorrects() {
        var s = openOberg()
        s.press("5", "j", "e")
        #expect(s.screenText.contains("Rättar"))
        #expect(s.screenText.contains("Första mötet."))
    }

    @Test func eIsNotOfferedWhereThereIsNothingToSelect() {
        var s = openOberg()
        #expect(!isAvailable(.editItem, in: s))
        #expect(s.press("e").isEmpty)
        #expect(s.stack.count == 1)
        s.press("3")
        #expect(isAvailable(.editItem, in: s), "the Insatser tab selects an episode")
        s.press("e")
        #expect(s.screenText.contains("Ändra insats"))
    }

    // MARK: Consent

    @Test func eOnAConsentOpensTheWithdrawalAndCoreChecksTheDate() {
        var s = openOberg()
        s.press("6", "e")
        let f = try! #require(recordForm(s))
        #expect(f.content.purpose == .withdrawConsent(.init("p1"), .init("c-p1")))
        // A date before the consent began is refused with the reason.
        for _ in 0..<10 { s.press("<BS>") }
        s.type("2026-09-01")
        #expect(s.press("<C-s>").isEmpty)
        #expect(recordForm(s)!.form["withdrawnOn"]?.error?.contains("före giltigt från") == true)
        for _ in 0..<10 { s.press("<BS>") }
        s.type("2026-11-20")
        s.press("<Tab>")
        s.type("muntligt vid möte")
        #expect(
            s.press("<C-s>") == [
                .change(
                    .withdrawConsent(
                        .init("c-p1"), participant: .init("p1"), on: Fixture.date("2026-11-20"), how: "muntligt vid möte"))
            ])
    }

    @Test func aWithdrawnConsentIsNotWithdrawnTwice() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        var record = Fixture.records[0]
        record.consents[0].withdrawnOn = Fixture.date("2026-11-01")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: record))))
        s.press("6", "e")
        #expect(recordForm(s) == nil)
        #expect(s.status == "Samtycket är redan återkallat (2026-11-01)")
    }

    @Test func anUnknownLoginIsAskedWhoTheyAreBeforeWithdrawing() {
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "vikarie")
        _ = update(&s, .caseload(.loaded(Fixture.caseload)))
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("6", "e")
        guard case .whoAmI(let who) = s.stack.last else {
            Issue.record("not asked")
            return
        }
        #expect(who.then == .withdrawConsent(.init("p1"), .init("c-p1")))
        #expect(s.screenText.contains("Vem är du?"))
    }

    @Test func ctrlCOnAChangedConsentFormAsksInsteadOfQuitting() {
        var s = openOberg()
        s.press("6", "n", "<Space>")
        _ = update(&s, .interrupt)
        #expect(!s.shouldQuit)
        guard case .consentForm(let f) = s.stack.last else {
            Issue.record("form gone")
            return
        }
        #expect(f.question != nil)
    }

    // MARK: History and undo

    @Test func theOverviewShowsHistoryAndHidesIdentityUntilRevealed() {
        let history = [
            HistoryItem(
                summary: "2026-11-20 10:30 Anna Lind (anna): ändrade deltagaren",
                changes: [
                    .init(field: "telefon", old: "070-1", new: "070-2", sensitivity: .contact),
                    .init(field: "identitet", old: "198001019804", new: "198001019812", sensitivity: .identity),
                ])
        ]
        var s = openOberg(history: history)
        let text = participant(s)!.lines.map(\.text)
        #expect(text.contains("Historik (u ångrar din senaste ändring)"))
        #expect(text.contains("  2026-11-20 10:30 Anna Lind (anna): ändrade deltagaren"))
        #expect(text.contains("      telefon: 070-1 → 070-2"))
        #expect(text.contains("      identitet: ändrat (r visar)"))
        s.press("r")
        #expect(participant(s)!.lines.map(\.text).contains("      identitet: 198001019804 → 198001019812"))
    }

    @Test func contactChangesOfAProtectedParticipantAreNotShown() {
        var s = Fixture.state()
        s.press("j", "<Enter>")  // Nguyen: skyddade personuppgifter
        let history = [
            HistoryItem(
                summary: "2026-11-20 10:30 Anna Lind (anna): ändrade deltagaren",
                changes: [.init(field: "adress", old: "–", new: "Hemliga gatan 1", sensitivity: .contact)])
        ]
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[4], history: history))))
        let text = participant(s)!.lines.map(\.text).joined(separator: "\n")
        #expect(!text.contains("Hemliga gatan"))
        #expect(text.contains("adress: ändrad (skyddade personuppgifter)"))
    }

    @Test func uOnTheParticipantAsksToUndoAndTheRecordReloads() {
        var s = openOberg()
        #expect(s.press("u") == [.change(.undo)])
        #expect(
            update(&s, .change(.saved(.undone(UndoSummary(participant: .init("p1"), participants: 1, record: "deltagaren")))))
                == [.caseload(.refresh)])
        #expect(s.status == "Ångrat: deltagaren")
        // The caseload reload asks for the open participant's record again.
        #expect(update(&s, .caseload(.loaded(Fixture.caseload))) == [.participant(.loadRecord(.init("p1")))])
    }
}

/// Q on the too-small screen, also over a form.
@Suite struct TooSmallQuitTests {
    @Test func qOverAChangedFormAsksInsteadOfDroppingTheTypedWork() {
        var s = Fixture.state()
        s.press("n")
        s.type("1980")
        _ = update(&s, .resized(Size(width: 60, height: 20)))
        #expect(s.screenText.contains("Ett formulär är öppet"))
        s.press("Q")
        #expect(!s.shouldQuit)
        guard case .participantForm(let f) = s.stack.last else {
            Issue.record("form gone")
            return
        }
        #expect(f.question != nil, "the leave question waits for a larger window")
    }

    @Test func qOverAnUntouchedFormQuits() {
        var s = Fixture.state()
        s.press("n")
        _ = update(&s, .resized(Size(width: 60, height: 20)))
        s.press("Q")
        #expect(s.shouldQuit)
    }
}

@Suite struct WrappingTests {
    @Test func aLongNoteWrapsInsteadOfBeingCutAndFollowsAResize() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        let text = "Samtal om praktik på lagret i Västerås; deltagaren vill börja i januari och behöver tolk till trepartssamtalet med arbetsgivaren."
        let note = Note(
            id: .init("n1"), participantID: .init("p1"), authorID: Fixture.anna.id, profession: .arbetsformedlare, owner: .af,
            writtenAt: Date(timeIntervalSince1970: 1_795_000_000), text: text)
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], notes: [note]))))
        s.press("5")
        let rows = s.openParticipant!.lines.filter { $0.item == 0 && $0.role != .title }.map(\.text)
        #expect(rows.count >= 2)
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 78 })
        #expect(rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
        _ = update(&s, .resized(Size(width: 140, height: 30)))
        #expect(s.openParticipant!.lines.filter { $0.item == 0 }.count < rows.count + 1, "wider: fewer rows")
    }
}
