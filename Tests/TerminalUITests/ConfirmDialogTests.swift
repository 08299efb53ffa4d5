import TerminalUI
import TerminalUITesting
import Testing

@Suite struct ConfirmDialogTests {
    let question = ConfirmDialog(
        title: "Ta bort", lines: ["Ta bort anteckningen från 2024-05-02", "för Åsa Öberg?"])

    @Test func noHasFocusAtFirstSoABareEnterDoesNotConfirm() {
        var dialog = question
        #expect(dialog.focus == .no)
        #expect(dialog.handle(KeyChord(.enter)) == .cancelled)
    }

    @Test func enterConfirmsOnlyAfterFocusWasMovedToYes() {
        var dialog = question
        #expect(dialog.handle(KeyChord(.right)) == nil)
        #expect(dialog.focus == .yes)
        #expect(dialog.handle(KeyChord(.enter)) == .confirmed)
        var back = question
        _ = back.handle(KeyChord(.tab))
        _ = back.handle(KeyChord(.backTab))
        #expect(back.handle(KeyChord(.enter)) == .cancelled)
    }

    @Test func yAndJConfirmNAndEscCancel() {
        for key in ["y", "j", "J", "Y"] {
            var dialog = question
            #expect(dialog.handle(.char(Character(key))) == .confirmed)
        }
        for chord in [KeyChord.char("n"), .char("N"), KeyChord(.escape)] {
            var dialog = question
            #expect(dialog.handle(chord) == .cancelled)
        }
        var dialog = question
        #expect(dialog.handle(.char("x")) == nil)
        #expect(dialog.handle(.ctrl("j")) == nil)
    }

    @Test func aHarmlessQuestionMayStartOnYes() {
        var dialog = ConfirmDialog(title: "Spara", lines: ["Spara ändringarna?"], destructive: false)
        #expect(dialog.handle(KeyChord(.enter)) == .confirmed)
    }

    @Test func drawsTheQuestionWithNoFirstAndFocused() {
        var buffer = Buffer(size: Size(width: 50, height: 8))
        question.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """

                 ┌─ Ta bort ────────────────────────────┐
                 │ Ta bort anteckningen från 2024-05-02 │
                 │ för Åsa Öberg?                       │
                 │                                      │
                 │             [Nej]  [Ja]              │
                 └──────────────────────────────────────┘
            """)
        #expect(roleRuns(buffer, row: 5) == "0..4 normal, 5..18 dialog, 19..23 selection, 24..44 dialog, 45..49 normal")
    }

    @Test func onATinyScreenTheButtonsStayVisible() {
        var buffer = Buffer(size: Size(width: 24, height: 4))
        question.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
            ┌─ Ta bort ────────────┐
            │ Ta bort anteckninge… │
            │     [Nej]  [Ja]      │
            └──────────────────────┘
            """)
        var nothing = Buffer(size: Size(width: 1, height: 1))
        question.render(in: Rect(size: nothing.size), into: &nothing)
        assertScreen(nothing, "")
    }
}

@Suite struct ChoiceDialogTests {
    enum Conflict: Hashable, Sendable {
        case reload, keepMine
    }

    let conflict = ChoiceDialog<Conflict>(
        title: "Ändrad av någon annan",
        lines: ["Christina ändrade deltagaren 14:02.", "Läs om eller behåll dina ändringar?"],
        options: [.init(.reload, key: "l", label: "Läs om"), .init(.keepMine, key: "b", label: "Behåll mina")])

    @Test func aHotKeyChoosesAtOnceInEitherCase() {
        var dialog = conflict
        #expect(dialog.handle(.char("b")) == .keepMine)
        #expect(dialog.handle(.char("L")) == .reload)
        #expect(dialog.handle(.char("x")) == nil)
    }

    @Test func enterChoosesTheFocusedOption() {
        var dialog = conflict
        #expect(dialog.handle(KeyChord(.right)) == nil)
        #expect(dialog.handle(KeyChord(.enter)) == .keepMine)
    }

    @Test func escChoosesTheCancelOptionOnlyWhenThereIsOne() {
        var dialog = conflict
        #expect(dialog.handle(KeyChord(.escape)) == nil)
        dialog.cancel = .keepMine
        #expect(dialog.handle(KeyChord(.escape)) == .keepMine)
    }

    @Test func drawsOptionsWithTheirKeysInBrackets() {
        var buffer = Buffer(size: Size(width: 50, height: 7))
        conflict.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
                 ┌─ Ändrad av någon annan ─────────────┐
                 │ Christina ändrade deltagaren 14:02. │
                 │ Läs om eller behåll dina ändringar? │
                 │                                     │
                 │       [L]äs om  [B]ehåll mina       │
                 └─────────────────────────────────────┘
            """)
        #expect(roleRuns(buffer, row: 4) == "0..4 normal, 5..12 dialog, 13..20 selection, 21..43 dialog, 44..49 normal")
    }

    @Test func aKeyThatIsNotTheLabelsFirstLetterIsShownBeforeIt() {
        var buffer = Buffer(size: Size(width: 30, height: 5))
        let options: [ChoiceDialog<Int>.Option] = [.init(1, key: "1", label: "Arbete"), .init(2, key: "2", label: "Studier")]
        ChoiceDialog(title: "Välj", lines: [], options: options).render(in: Rect(size: buffer.size), into: &buffer)
        #expect(buffer.lines()[2] == " │ [1] Arbete  [2] Studier │")
    }
}
