import SamordnaCore
import TerminalUI
import Testing

@testable import SamordnaUI

@Suite struct ParticipantFormTests {
    /// The form on top of the stack.
    func form(_ s: AppState) -> FormScreen<ParticipantFormContent>? {
        if case .participantForm(let f) = s.stack.last { return f }
        return nil
    }

    func fillValid(_ s: inout AppState, pnr: String = "19900101-9802", first: String = "Örjan", last: String = "Åkesson") {
        s.type(pnr)
        s.press("<Tab>")
        s.type(first)
        s.press("<Tab>")
        s.type(last)
    }

    @Test func nOpensAnEmptyFormWithTodayAsEnrolment() {
        var s = Fixture.state()
        s.press("n")
        let f = try! #require(form(s))
        #expect(f.content.mode == .new)
        #expect(f.form.value(of: "enrolledOn")?.string == "2026-11-23")
        #expect(f.form.focusedID == "identity")
    }

    @Test func anInvalidPersonnummerShowsTheReasonAsYouType() {
        var s = Fixture.state()
        s.press("n")
        s.type("19800101-9802")
        let f = form(s)!
        #expect(f.form["identity"]?.error?.contains("kontrollsiffran stämmer inte") == true)
        #expect(f.form["firstName"]?.error == nil, "untouched fields are not nagged")
    }

    @Test func savingAnIncompleteFormMarksEveryFieldAndSavesNothing() {
        var s = Fixture.state()
        s.press("n")
        s.type("19900101-9802")
        let effects = s.press("<C-s>")
        #expect(effects.isEmpty)
        let f = form(s)!
        #expect(f.form["firstName"]?.error != nil)
        #expect(f.form["lastName"]?.error != nil)
        #expect(f.form.value(of: "identity")?.string == "19900101-9802", "typed work is kept")
        #expect(f.form.focusedID == "firstName")
    }

    @Test func aValidFormSavesWithSwedishNames() {
        var s = Fixture.state()
        s.press("n")
        fillValid(&s)
        let effects = s.press("<C-s>")
        guard case .participant(.save(let save))? = effects.first else {
            Issue.record("no save effect: \(effects)")
            return
        }
        #expect(save.kind == .add)
        #expect(save.fields.firstName == "Örjan")
        #expect(save.fields.lastName == "Åkesson")
        #expect(form(s)?.isSaving == true)
        // The store answers; the form closes, the list reloads and selects the new participant.
        let after = update(&s, .participant(.saved(.init("new-1"))))
        #expect(after == [.caseload(.refresh)])
        #expect(s.stack.isEmpty)
        #expect(s.pendingSelection == Participant.ID("new-1"))
    }

    @Test func theSamePersonnummerTwiceIsBlocked() {
        var s = Fixture.state()
        s.press("n")
        fillValid(&s, pnr: "800101-9804")
        let effects = s.press("<C-s>")
        #expect(effects.isEmpty)
        #expect(form(s)?.form["identity"]?.error == "finns redan i ärendelistan: Åsa Öberg")
    }

    @Test func aSimilarNameAndBirthDateAsksFirstAndDefaultsToNo() {
        var s = Fixture.state()
        s.press("n")
        // Same birth date as Åsa Öberg (800101), another birth number, a near-identical name.
        fillValid(&s, pnr: "19800101-9812", first: "Åsa", last: "Öberg")
        #expect(s.press("<C-s>").isEmpty)
        guard case .own(.similar)? = form(s)?.question else {
            Issue.record("no question")
            return
        }
        #expect(s.press("<Enter>").isEmpty, "a bare Enter does not confirm")
        #expect(form(s)?.question == nil)
        s.press("<C-s>")
        let effects = s.press("j")
        guard case .participant(.save)? = effects.first else {
            Issue.record("confirming with j did not save: \(effects)")
            return
        }
    }

    @Test func escOnAChangedFormAsksBeforeThrowingAwayWork() {
        var s = Fixture.state()
        s.press("n")
        s.type("Å")
        s.press("<Esc>")
        guard case .leave? = form(s)?.question else {
            Issue.record("did not ask")
            return
        }
        s.press("n")
        #expect(form(s)?.form.value(of: "identity")?.string == "Å")
        s.press("<Esc>", "j")
        #expect(s.stack.isEmpty)
    }

    @Test func ctrlCInAChangedFormAsksInsteadOfQuitting() {
        var s = Fixture.state()
        s.press("n")
        s.type("1")
        _ = update(&s, .interrupt)
        #expect(!s.shouldQuit)
        guard case .leave? = form(s)?.question else {
            Issue.record("did not ask")
            return
        }
    }

    @Test func lettersAreTextInTheFormNotCommands() {
        var s = Fixture.state()
        s.press("n", "<Tab>")
        s.type("qQjk?")
        #expect(!s.shouldQuit)
        #expect(form(s)?.form.value(of: "firstName")?.string == "qQjk?")
    }

    @Test func editStartsFromTheStoredValuesAndSavesWithTheVersion() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "E")
        let f = try! #require(form(s))
        #expect(f.content.mode == .edit(.init("p1"), version: 1))
        #expect(f.form.value(of: "firstName")?.string == "Åsa")
        #expect(f.form.value(of: "identity")?.string == "800101-9804")
        s.press("<Tab>", "<End>")
        s.type("-Li")
        let effects = s.press("<C-s>")
        guard case .participant(.save(let save))? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(save.kind == .update(.init("p1"), expectedVersion: 1))
        #expect(save.fields.firstName == "Åsa-Li")
        #expect(save.responsible.isEmpty, "responsible staff the form did not change is not rewritten")
        #expect(save.base?.firstName == "Åsa", "the save says what the form was opened on")
    }

    @Test func aColleaguesSaveGivesAConflictDialogAndNothingIsOverwritten() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "E", "<Tab>", "<Tab>")
        s.type("x")
        s.press("<C-s>")
        var theirs = Fixture.records[0].participant
        theirs.phone = "070-999 99 99"
        theirs.version = 2
        _ = update(&s, .participant(.saveFailed(.conflict(current: theirs))))
        guard case .own(.conflict)? = form(s)?.question else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(view(s).buffer.text.contains("En kollega har ändrat deltagaren"))
        // Keep mine: saves again, now against the colleague's version.
        let effects = s.press("b")
        guard case .participant(.save(let save))? = effects.first else {
            Issue.record("keep mine did not save: \(effects)")
            return
        }
        #expect(save.kind == .update(.init("p1"), expectedVersion: 2))
    }

    @Test func reloadAfterAConflictShowsTheColleaguesVersion() {
        var s = Fixture.state()
        s.press("G", "<Enter>", "E", "<Tab>", "<Tab>")
        s.type("x")
        s.press("<C-s>")
        var theirs = Fixture.records[0].participant
        theirs.firstName = "Åsa-Maria"
        theirs.version = 3
        _ = update(&s, .participant(.saveFailed(.conflict(current: theirs))))
        s.press("l")
        #expect(form(s)?.form.value(of: "firstName")?.string == "Åsa-Maria")
        #expect(form(s)?.content.mode == .edit(.init("p1"), version: 3))
    }

    @Test func aFailedSaveKeepsTheTypedWork() {
        var s = Fixture.state()
        s.press("n")
        fillValid(&s)
        s.press("<C-s>")
        _ = update(&s, .participant(.saveFailed(.other("disken är full"))))
        #expect(form(s)?.isSaving == false)
        #expect(form(s)?.form.value(of: "lastName")?.string == "Åkesson")
        #expect(s.status?.contains("disken är full") == true)
    }

    @Test func formScreenAt80x24() {
        var s = Fixture.state()
        s.press("n")
        let lines = view(s).buffer.lines()
        #expect(lines[0].hasPrefix(" Ny deltagare"))
        #expect(lines[3].hasPrefix("▸ Identitet (nummer) *"))
        #expect(lines[23] == "Ctrl-s Spara  Esc Avbryt  Tab Fält  F1 Hjälp")
    }
}
