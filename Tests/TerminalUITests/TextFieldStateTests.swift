import TerminalUI
import TerminalUITesting
import Testing

@Suite struct TextFieldStateTests {
    func typed(_ edits: [TextFieldState.Edit], into start: TextFieldState = TextFieldState()) -> TextFieldState {
        var field = start
        for edit in edits { field.apply(edit) }
        return field
    }

    @Test func typingSwedishLettersMovesTheCursorOneStepEach() {
        let field = typed([.insert("å"), .insert("ä"), .insert("ö")])
        #expect(field.text == "åäö")
        #expect(field.cursor == 3)
    }

    @Test func aNewFieldHasItsCursorAtTheEnd() {
        #expect(TextFieldState(text: "作者").cursor == 2)
        #expect(TextFieldState().cursor == 0)
    }

    @Test func backspaceRemovesALetterWithItsCombiningAccent() {
        let field = typed([.backspace], into: TextFieldState(text: reneCombining))
        #expect(field.text == "Ren")
        #expect(field.cursor == 3)
    }

    @Test func aCombiningAccentTypedAfterALetterJoinsIt() {
        let field = typed([.insert("e"), .insert("\u{301}")], into: TextFieldState(text: "Ren"))
        #expect(field.text == reneCombining)
        #expect(field.cursor == 4)
    }

    @Test func theCursorMovesByGraphemes() {
        var field = TextFieldState(text: reneCombining + " 作者")
        field.apply(.left)
        field.apply(.left)
        field.apply(.left)
        #expect(field.cursor == 4)
        field.apply(.insert("!"))
        #expect(field.text == reneCombining + "! 作者")
        field.apply(.home)
        field.apply(.left)
        #expect(field.cursor == 0)
        field.apply(.right)
        field.apply(.delete)
        #expect(field.text == "Rn\u{65}\u{301}! 作者")
        field.apply(.end)
        field.apply(.right)
        #expect(field.cursor == field.text.count)
    }

    @Test func deleteAtTheEndAndBackspaceAtTheStartDoNothing() {
        #expect(typed([.delete], into: TextFieldState(text: "Åsa")).text == "Åsa")
        #expect(typed([.home, .backspace], into: TextFieldState(text: "Åsa")).text == "Åsa")
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        let field = typed([.deleteWordBackward], into: TextFieldState(text: "Åsa Öberg  "))
        #expect(field.text == "Åsa ")
        #expect(field.cursor == 4)
        #expect(typed([.deleteWordBackward, .deleteWordBackward], into: TextFieldState(text: "Åsa Öberg")).text == "")
    }

    @Test func clearEmptiesTheField() {
        #expect(typed([.clear], into: TextFieldState(text: "Åsa")) == TextFieldState())
    }

    @Test func pastedControlCharactersAreDroppedAndLineBreaksBecomeSpaces() {
        let field = typed([.insert("Åsa\u{1B}[31m\nÖberg\t1")])
        #expect(field.text == "Åsa[31m Öberg 1")
    }

    @Test func rendersTheTextAndReturnsTheCursorPosition() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        let cursor = TextFieldState(text: "作者 åäö").render(in: Rect(x: 2, y: 0, width: 10, height: 1), into: &buffer)
        assertScreen(buffer, "  作者 åäö")
        #expect(cursor == Point(x: 10, y: 0))
        #expect(roleRuns(buffer, row: 0) == "0..1 normal, 2..11 search, 12..19 normal")
    }

    @Test func longTextScrollsSoTheCursorStaysVisible() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let field = TextFieldState(text: "Örjan Åkesson")
        let cursor = field.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "Åkesson")
        #expect(cursor == Point(x: 7, y: 0))
        var atStart = field
        atStart.apply(.home)
        var start = Buffer(size: Size(width: 8, height: 1))
        #expect(atStart.render(in: Rect(size: start.size), into: &start) == Point(x: 0, y: 0))
        assertScreen(start, "Örjan Åk")
    }
}
