import TerminalUI
import TerminalUITesting
import Testing

/// A participant form with one field of every kind.
func participantForm() -> FormState {
    FormState(fields: [
        FormField(
            id: "fornamn", label: "Förnamn", kind: .text(TextFieldState()), required: true,
            help: "Som i folkbokföringen"),
        FormField(id: "efternamn", label: "Efternamn", kind: .text(TextFieldState(text: "Öberg")), required: true),
        FormField(id: "pnr", label: "Personnummer", kind: .readOnly("19850101-1234")),
        FormField(id: "start", label: "Startdatum", kind: .date(TextFieldState())),
        FormField(id: "samtycke", label: "Samtycke", kind: .choice(options: ["Ja", "Nej"], selected: nil)),
        FormField(
            id: "intresse", label: "Intresse",
            kind: .multiChoice(options: ["Arbete", "Studier", "Praktik"], selected: [])),
        FormField(id: "tolk", label: "Behöver tolk", kind: .toggle(false)),
        FormField(id: "notering", label: "Notering", kind: .multiline(TextAreaState(maxLength: 20)), rows: 3),
    ])
}

@Suite struct FormStateTests {
    func press(_ keys: [String], on form: inout FormState) -> [FormEvent] {
        keys.map { notation in
            guard let chord = KeyChord(parsing: notation) else {
                Issue.record("cannot parse key \(notation)")
                return .unhandled
            }
            return form.handle(chord)
        }
    }

    @Test func focusStartsOnTheFirstFieldAndNextFieldSkipsReadOnlyFields() {
        var form = participantForm()
        #expect(form.focusedID == "fornamn")
        #expect([form.moveFocus(forward: true), form.moveFocus(forward: true)] == [.focusMoved, .focusMoved])
        #expect(form.focusedID == "start")
        _ = form.moveFocus(forward: false)
        #expect(form.focusedID == "efternamn")
    }

    @Test func nextAndPreviousFieldWrapAroundTheEnds() {
        var form = participantForm()
        _ = form.moveFocus(forward: false)
        #expect(form.focusedID == "notering")
        _ = form.moveFocus(forward: true)
        #expect(form.focusedID == "fornamn")
    }

    @Test func arrowsAndEnterMoveFocusButStopAtTheEnds() {
        var form = participantForm()
        #expect(press(["<Up>"], on: &form) == [.unhandled])
        #expect(press(["<Down>", "<Enter>", "<Down>"], on: &form) == [.focusMoved, .focusMoved, .focusMoved])
        #expect(form.focusedID == "samtycke")
        _ = press(["<Up>"], on: &form)
        #expect(form.focusedID == "start")
        form.focus("notering")
        #expect(press(["<Down>"], on: &form) == [.unhandled])
    }

    @Test func enterMakesANewLineInAMultiLineField() {
        var form = participantForm()
        form.focus("notering")
        #expect(press(["a", "<Enter>", "b"], on: &form) == Array(repeating: .edited("notering"), count: 3))
        #expect(form.value(of: "notering")?.string == "a\nb")
        #expect(form.focusedID == "notering")
    }

    @Test func upAndDownLeaveAMultiLineFieldOnlyFromItsFirstAndLastRows() {
        var form = participantForm()
        form.focus("notering")
        _ = press(["a", "<Enter>", "b"], on: &form)
        #expect(press(["<Up>"], on: &form) == [.handled])
        #expect(form.focusedID == "notering")
        #expect(press(["<Up>"], on: &form) == [.focusMoved])
        #expect(form.focusedID == "tolk")
    }

    @Test func ctrlSAndEscAreLeftToTheScreensKeymap() {
        var form = participantForm()
        #expect(press(["<C-s>", "<Esc>"], on: &form) == [.unhandled, .unhandled])
        form.focus("notering")
        #expect(press(["<C-s>", "<Esc>"], on: &form) == [.unhandled, .unhandled])
        #expect(!form.isDirty)
    }

    @Test func focusedFieldNamesItsOwnEditingKeys() {
        var form = participantForm()
        form.focus("notering")
        #expect(form.focusedFieldKeys?.label == "Ny rad")
    }

    @Test func typingEditsTheFocusedFieldAndMakesTheFormDirty() {
        var form = participantForm()
        #expect(press(["Å", "s", "a", "j", "q", "?"], on: &form).allSatisfy { $0 == .edited("fornamn") })
        #expect(form.value(of: "fornamn")?.string == "Åsajq?")
        #expect(form.isDirty)
        form.markClean()
        #expect(!form.isDirty)
        #expect(press(["<Left>", "<Home>"], on: &form) == [.handled, .handled])
        #expect(!form.isDirty)
        #expect(press(["<BS>"], on: &form) == [.handled])
        #expect(press(["<Del>"], on: &form) == [.edited("fornamn")])
        #expect(form.isDirty)
    }

    @Test func aChoiceCyclesWithArrowsAndSpaceAndPicksByFirstLetter() {
        var form = participantForm()
        form.focus("samtycke")
        #expect(press(["<Space>"], on: &form) == [.edited("samtycke")])
        #expect(form.value(of: "samtycke")?.selectedIndex == 0)
        _ = press(["<Right>"], on: &form)
        #expect(form.value(of: "samtycke")?.selectedIndex == 1)
        _ = press(["<Right>"], on: &form)
        #expect(form.value(of: "samtycke")?.selectedIndex == 0)
        _ = press(["<Left>"], on: &form)
        #expect(form.value(of: "samtycke")?.selectedIndex == 1)
        #expect(press(["j"], on: &form) == [.edited("samtycke")])
        #expect(form.value(of: "samtycke")?.selectedIndex == 0)
        #expect(press(["x"], on: &form) == [.unhandled])
    }

    @Test func aMultiChoiceMovesWithArrowsAndTicksWithSpace() {
        var form = participantForm()
        form.focus("intresse")
        #expect(press(["<Right>", "<Right>", "<Right>"], on: &form) == [.handled, .handled, .handled])
        #expect(press(["<Space>", "<Left>", "<Left>", "<Space>"], on: &form).last == .edited("intresse"))
        #expect(form.value(of: "intresse")?.selectedIndices == [0, 2])
        _ = press(["<Space>"], on: &form)
        #expect(form.value(of: "intresse")?.selectedIndices == [2])
    }

    @Test func aToggleFlipsWithSpace() {
        var form = participantForm()
        form.focus("tolk")
        #expect(press(["<Space>"], on: &form) == [.edited("tolk")])
        #expect(form.value(of: "tolk")?.bool == true)
    }

    @Test func aDateFieldTakesDigitsAndDashesOnly() {
        var form = participantForm()
        form.focus("start")
        #expect(press(["2", "0", "2", "4", "-"], on: &form).allSatisfy { $0 == .edited("start") })
        #expect(press(["x"], on: &form) == [.refused(.notADate(fieldID: "start"))])
        _ = press(["0", "5", "-", "3", "2"], on: &form)
        #expect(form.value(of: "start")?.string == "2024-05-32")  // whether it is a real date is for the caller
        #expect(press(["1"], on: &form) == [.refused(.notADate(fieldID: "start"))])
        #expect(FormRefusal.notADate(fieldID: "start").message == "Datum skrivs ÅÅÅÅ-MM-DD")
    }

    @Test func aMultiLineFieldRefusesTextPastItsLimitAndSaysWhy() {
        var form = participantForm()
        form.focus("notering")
        form.setValue(.text(String(repeating: "ö", count: 20)), of: "notering")
        let events = press(["x"], on: &form)
        #expect(events == [.refused(.tooLong(fieldID: "notering", limit: 20))])
        #expect(FormRefusal.tooLong(fieldID: "notering", limit: 20).message == "Texten får vara högst 20 tecken")
        #expect(form.value(of: "notering")?.string?.count == 20)
    }

    @Test func setValuePutsAPickedOptionIntoTheFieldAndMakesTheFormDirty() {
        var form = participantForm()
        let picked = form.setValue(.choice(1), of: "samtycke")
        #expect(picked)
        #expect(form.value(of: "samtycke") == .choice(1))
        #expect(form.isDirty)
        let misfits = [
            form.setValue(.choice(5), of: "samtycke"), form.setValue(.toggle(true), of: "samtycke"),
            form.setValue(.text("x"), of: "saknas"),
        ]
        #expect(misfits == [false, false, false])
        #expect(form.value(of: "pnr")?.string == "19850101-1234")
    }

    @Test func errorsAreSetByTheCallerAndFocusCanJumpToTheFirst() {
        var form = participantForm()
        form.setErrors(["start": "Datumet finns inte", "efternamn": "Efternamn saknas"])
        #expect(form.hasErrors)
        let jumped = form.focusFirstError()
        #expect(jumped)
        #expect(form.focusedID == "efternamn")
        form.setErrors([:])
        #expect(!form.hasErrors)
        let jumpedAgain = form.focusFirstError()
        #expect(!jumpedAgain)
    }

    @Test func drawsLabelsInAColumnWithMarksForRequiredFocusAndErrors() {
        var form = participantForm()
        _ = press(["Å", "s", "a"], on: &form)
        form.setError("Datumet finns inte", for: "start")
        _ = form.setValue(.choice(0), of: "samtycke")
        _ = form.setValue(.choices([1]), of: "intresse")
        _ = form.setValue(.text("Tolk: arabiska"), of: "notering")
        var buffer = Buffer(size: Size(width: 60, height: 14))
        let cursor = form.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            ▸ Förnamn *     Åsa
              Efternamn *   Öberg
              Personnummer  19850101-1234
              Startdatum    ÅÅÅÅ-MM-DD
                            ✗ Datumet finns inte
              Samtycke      (•) Ja  ( ) Nej
              Intresse      [ ] Arbete  [x] Studier  [ ] Praktik
              Behöver tolk  [ ] Nej
              Notering      Tolk: arabiska




            Som i folkbokföringen
            """)
        #expect(cursor == Point(x: 19, y: 0))
        #expect(roleRuns(buffer, row: 0) == "0..13 selection, 14..15 normal, 16..59 search")
        #expect(roleRuns(buffer, row: 2) == "0..15 normal, 16..28 muted, 29..59 normal")
        #expect(roleRuns(buffer, row: 4) == "0..15 normal, 16..35 error, 36..59 normal")
        #expect(roleRuns(buffer, row: 13) == "0..20 muted, 21..59 normal")
    }

    @Test func theFocusedOptionIsDrawnAsInputAndHoldsTheCursor() {
        var form = participantForm()
        form.focus("intresse")
        _ = press(["<Right>"], on: &form)
        var buffer = Buffer(size: Size(width: 60, height: 14))
        let cursor = form.render(in: Rect(size: buffer.size), into: &buffer)
        #expect(cursor == Point(x: 29, y: 5))
        #expect(roleRuns(buffer, row: 5) == "0..13 selection, 14..27 normal, 28..38 search, 39..59 normal")
    }

    @Test func optionsThatDoNotFitFlowOntoMoreRows() {
        let form = FormState(fields: [
            FormField(
                id: "utfall", label: "Utfall",
                kind: .choice(options: ["Arbete", "Studier", "Arbetssökande", "Annat"], selected: 2))
        ])
        var buffer = Buffer(size: Size(width: 36, height: 3))
        form.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            ▸ Utfall  ( ) Arbete  ( ) Studier
                      (•) Arbetssökande
                      ( ) Annat
            """)
    }

    @Test func theFormScrollsToKeepTheFocusedFieldVisible() {
        var form = participantForm()
        form.viewport = Size(width: 50, height: 6)
        form.focus("notering")
        #expect(form.scrollOffset == 6)
        var buffer = Buffer(size: Size(width: 50, height: 6))
        let cursor = form.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
                            [ ] Praktik                      ↑
              Behöver tolk  [ ] Nej
            ▸ Notering
            """)
        #expect(cursor == Point(x: 16, y: 2))
        #expect(roleRuns(buffer, row: 3) == "0..15 normal, 16..49 search")
        _ = press(["<Up>"], on: &form)
        #expect(form.focusedID == "tolk")
        #expect(form.scrollOffset == 6)
        _ = press(["<Up>"], on: &form)
        #expect(form.scrollOffset == 5)
        _ = press(["<Up>"], on: &form)
        #expect(form.scrollOffset == 4)
    }

    @Test func renderKeepsTheFocusVisibleEvenWithoutAViewport() {
        var form = participantForm()
        form.focus("tolk")
        var buffer = Buffer(size: Size(width: 50, height: 4))
        form.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
              Intresse      [ ] Arbete  [ ] Studier          ↑
                            [ ] Praktik
            ▸ Behöver tolk  [ ] Nej                          ↓
            """)
    }

    @Test func longLabelsAreCutSoValuesKeepTheirRoom() {
        let form = FormState(fields: [
            FormField(
                id: "fraga", label: "Hur ser deltagarens nätverk ut i dag?", kind: .text(TextFieldState(text: "Gott")),
                required: true)
        ])
        var buffer = Buffer(size: Size(width: 30, height: 1))
        form.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "▸ Hur ser… *  Gott")
    }

    @Test func anExitFormReadsWellAtEightyByTwentyFour() {
        var form = FormState(fields: [
            FormField(id: "deltagare", label: "Deltagare", kind: .readOnly("Åsa Öberg, 19850101-XXXX")),
            FormField(
                id: "datum", label: "Avslutsdatum", kind: .date(TextFieldState(text: "2024-05-31")), required: true,
                help: "Sista dagen i insatsen, ÅÅÅÅ-MM-DD"),
            FormField(
                id: "utfall", label: "Utfall", kind: .choice(
                    options: ["Arbete", "Studier", "Arbetssökande", "Sjukskrivning", "Annat"], selected: nil),
                required: true, help: "←/→ eller Space väljer"),
            FormField(id: "uppfoljning", label: "Följs upp efter 3 mån", kind: .toggle(true)),
            FormField(
                id: "kommentar", label: "Kommentar",
                kind: .multiline(TextAreaState(text: "Fick jobb på 作者 AB.\nRené ringer i juni.", maxLength: 2000)),
                rows: 6),
        ])
        form.viewport = Size(width: 80, height: 22)
        form.setErrors(["utfall": "Välj ett utfall"])
        form.focus("datum")
        var buffer = Buffer(size: Size(width: 80, height: 24))
        let cursor = form.render(in: Rect(x: 0, y: 1, width: 80, height: 22), into: &buffer)
        assertScreen(
            buffer,
            """

              Deltagare              Åsa Öberg, 19850101-XXXX
            ▸ Avslutsdatum *         2024-05-31
              Utfall *               ( ) Arbete  ( ) Studier  ( ) Arbetssökande
                                     ( ) Sjukskrivning  ( ) Annat
                                     ✗ Välj ett utfall
              Följs upp efter 3 mån  [x] Ja
              Kommentar              Fick jobb på 作者 AB.
                                     René ringer i juni.













            Sista dagen i insatsen, ÅÅÅÅ-MM-DD
            """)
        #expect(cursor == Point(x: 35, y: 2))
    }

    @Test func aChoiceWhoseSelectionIsOutOfRangeStillDraws() {
        var form = FormState(fields: [
            FormField(id: "val", label: "Val", kind: .choice(options: ["Ja", "Nej"], selected: 7))
        ])
        var buffer = Buffer(size: Size(width: 30, height: 1))
        #expect(form.render(in: Rect(size: buffer.size), into: &buffer) == Point(x: 8, y: 0))
        assertScreen(buffer, "▸ Val  ( ) Ja  ( ) Nej")
        #expect(form.handle(KeyChord(.right)) == .edited("val"))
        #expect(form.value(of: "val")?.selectedIndex == 0)
    }

    @Test func rendersAtEverySizeDownToNothingWithoutCrashing() {
        var form = participantForm()
        form.setError("Datumet finns inte", for: "start")
        form.focus("notering")
        _ = press(["作", "者", "<Enter>", "å"], on: &form)
        for width in 0...24 {
            for height in 0...8 {
                var buffer = Buffer(size: Size(width: width, height: height))
                if let cursor = form.render(in: Rect(size: buffer.size), into: &buffer) {
                    #expect(Rect(size: buffer.size).contains(cursor))
                }
            }
        }
    }
}

@Suite struct FormWrappingTests {
    @Test func aLongReasonAndAReadOnlyTextWrapUnderTheirField() {
        var form = FormState(fields: [
            FormField(id: "info", label: "Om", kind: .readOnly("Vilka samtycken som finns syns på fliken Samtycke.")),
            FormField(id: "datum", label: "Datum", kind: .date(TextFieldState(text: "2026-02-30"))),
        ])
        form.setError("\"2026-02-30\" är inget datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-02)", for: "datum")
        var buffer = Buffer(size: Size(width: 40, height: 10))
        _ = form.render(in: Rect(size: buffer.size), into: &buffer)
        let lines = buffer.lines()
        #expect(lines.contains { $0.contains("Vilka samtycken som finns") })
        #expect(lines.contains { $0.contains("fliken Samtycke.") })
        #expect(lines.contains { $0.contains("✗ \"2026-02-30\" är inget") })
        #expect(lines.contains { $0.contains("2026-03-02)") }, "\(lines)")
        #expect(!lines.joined().contains("…"))
    }
}
