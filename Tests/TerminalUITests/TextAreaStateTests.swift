import TerminalUI
import TerminalUITesting
import Testing

@Suite struct TextAreaStateTests {
    typealias Position = TextAreaState.Position

    func edited(_ edits: [TextAreaState.Edit], into start: TextAreaState = TextAreaState()) -> TextAreaState {
        var area = start
        for edit in edits { area.apply(edit) }
        return area
    }

    @Test func typingSwedishLettersAndEnterMakesLines() {
        let area = edited([.insert("å"), .insert("ä"), .insert("ö"), .insert("\n"), .insert("x")])
        #expect(area.lines == ["åäö", "x"])
        #expect(area.text == "åäö\nx")
        #expect(area.cursor == Position(line: 1, column: 1))
        #expect(area.length == 5)
    }

    @Test func pastedTextSplitsAtEveryKindOfLineBreakAndDropsControls() {
        let area = edited([.insert("Rad 1\r\nRad 2\nRad 3\rRad\t4\u{1B}[31m\u{7}")])
        #expect(area.lines == ["Rad 1", "Rad 2", "Rad 3", "Rad 4[31m"])
        #expect(area.cursor == Position(line: 3, column: 9))
    }

    @Test func pastingIntoTheMiddleKeepsTheRestAfterTheCursor() {
        var area = TextAreaState(text: "Åsa Öberg")
        area.apply(.home)
        for _ in 0..<4 { area.apply(.right) }
        #expect(area.apply(.insert("X\nY")) == .edited)
        #expect(area.lines == ["Åsa X", "YÖberg"])
        #expect(area.cursor == Position(line: 1, column: 1))
    }

    @Test func aNewAreaHasItsCursorAtTheEndOfTheLastLine() {
        #expect(TextAreaState(text: "作者\nRené").cursor == Position(line: 1, column: 4))
        #expect(TextAreaState().cursor == Position(line: 0, column: 0))
        #expect(TextAreaState().lines == [""])
    }

    @Test func backspaceRemovesALetterWithItsCombiningAccent() {
        var area = TextAreaState(text: reneCombining)
        #expect(area.apply(.backspace) == .edited)
        #expect(area.text == "Ren")
    }

    @Test func aCombiningAccentTypedAfterALetterJoinsIt() {
        let area = edited([.insert("\u{301}")], into: TextAreaState(text: "Rene"))
        #expect(area.text == reneCombining)
        #expect(area.cursor == Position(line: 0, column: 4))
    }

    @Test func backspaceAtTheStartOfALineJoinsItToTheOneAbove() {
        var area = TextAreaState(text: "Åsa\nÖberg")
        area.apply(.home)
        #expect(area.apply(.backspace) == .edited)
        #expect(area.lines == ["ÅsaÖberg"])
        #expect(area.cursor == Position(line: 0, column: 3))
        area.apply(.textStart)
        #expect(area.apply(.backspace) == .unchanged)
    }

    @Test func deleteAtTheEndOfALineJoinsTheNextOne() {
        var area = TextAreaState(text: "作者\nLi")
        area.apply(.textStart)
        area.apply(.end)
        #expect(area.apply(.delete) == .edited)
        #expect(area.lines == ["作者Li"])
        area.apply(.textEnd)
        #expect(area.apply(.delete) == .unchanged)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        let area = edited([.deleteWordBackward], into: TextAreaState(text: "Möte med Åsa  "))
        #expect(area.text == "Möte med ")
    }

    @Test func anInsertionPastTheLimitIsRefusedWholeWithTheLimit() {
        var area = TextAreaState(text: "Åsa Öberg", maxLength: 10)
        #expect(area.apply(.insert("ab")) == .refused(limit: 10))
        #expect(area.text == "Åsa Öberg")
        #expect(area.apply(.insert("\n")) == .edited)
        #expect(area.apply(.insert("x")) == .refused(limit: 10))
        #expect(area.text == "Åsa Öberg\n")
        #expect(area.length == 10)
    }

    @Test func aCombiningAccentAtTheLimitAddsNoGraphemeAndIsAccepted() {
        var area = TextAreaState(text: "Rene", maxLength: 4)
        #expect(area.apply(.insert("\u{301}")) == .edited)
        #expect(area.text == reneCombining)
    }

    @Test func aTextLongerThanTheLimitIsKeptAndCanBeShortened() {
        var area = TextAreaState(text: "Åsa Öberg", maxLength: 3)
        #expect(area.text == "Åsa Öberg")
        #expect(area.apply(.backspace) == .edited)
        #expect(area.apply(.insert("g")) == .refused(limit: 3))
    }

    @Test func upAndDownKeepTheDisplayColumnThroughWideAndCombiningCharacters() {
        var area = TextAreaState(text: "åäöabc\n作者作者\n\(reneCombining) x")
        area.apply(.textStart)
        for _ in 0..<3 { area.apply(.right) }
        #expect(area.apply(.down) == .moved)
        #expect(area.cursor == Position(line: 1, column: 1))  // column 2: 作 is two wide, column 3 is inside 者
        area.apply(.down)
        #expect(area.cursor == Position(line: 2, column: 3))  // before é (e + U+0301)
        area.apply(.up)
        area.apply(.up)
        #expect(area.cursor == Position(line: 0, column: 3))
    }

    @Test func upOnTheFirstRowAndDownOnTheLastAreUnchanged() {
        var area = TextAreaState(text: "ett\ntvå")
        #expect(area.apply(.down) == .unchanged)
        area.apply(.up)
        #expect(area.apply(.up) == .unchanged)
    }

    @Test func linesWrapAtSpacesAndTheCursorMovesAcrossWrappedRows() {
        var area = TextAreaState(text: "Åsa Öberg har möte på tisdag")
        area.viewport = Size(width: 10, height: 5)
        #expect(area.wrappedLines(width: 10) == ["Åsa Öberg ", "har möte ", "på tisdag"])
        #expect(area.cursorLocation(wrapWidth: 10) == Point(x: 9, y: 2))
        area.apply(.up)
        #expect(area.cursorLocation(wrapWidth: 10) == Point(x: 8, y: 1))
        area.apply(.up)
        #expect(area.cursor == Position(line: 0, column: 9))
        area.apply(.down)
        area.apply(.down)
        #expect(area.cursor == Position(line: 0, column: 28))
    }

    @Test func aLongWordIsCutAndAFullRowLeavesRoomForTheCursor() {
        let area = TextAreaState(text: "abcdefg")
        #expect(area.wrappedLines(width: 4) == ["abcd", "efg"])
        #expect(TextAreaState(text: "abcd").wrappedLines(width: 4) == ["abcd", ""])
        #expect(TextAreaState(text: "abcd").cursorLocation(wrapWidth: 4) == Point(x: 0, y: 1))
        #expect(TextAreaState(text: "作者作").wrappedLines(width: 5) == ["作者", "作"])
    }

    @Test func homeEndAndWordMoves() {
        var area = TextAreaState(text: "Möte\nÅsa  Öberg \(reneCombining)")
        area.apply(.wordLeft)
        #expect(area.cursor == Position(line: 1, column: 11))
        area.apply(.wordLeft)
        #expect(area.cursor == Position(line: 1, column: 5))
        area.apply(.wordRight)
        #expect(area.cursor == Position(line: 1, column: 11))
        area.apply(.home)
        #expect(area.cursor == Position(line: 1, column: 0))
        area.apply(.wordLeft)
        #expect(area.cursor == Position(line: 0, column: 4))
        area.apply(.wordRight)
        #expect(area.cursor == Position(line: 1, column: 0))
        area.apply(.end)
        #expect(area.cursor == Position(line: 1, column: 15))
    }

    @Test func leftAndRightCrossLineBreaks() {
        var area = TextAreaState(text: "ab\ncd")
        area.apply(.home)
        area.apply(.left)
        #expect(area.cursor == Position(line: 0, column: 2))
        area.apply(.right)
        #expect(area.cursor == Position(line: 1, column: 0))
        area.apply(.textStart)
        #expect(area.apply(.left) == .unchanged)
    }

    @Test func pageDownMovesAViewportAndScrollsJustEnough() {
        var area = TextAreaState(text: (1...30).map { "rad \($0)" }.joined(separator: "\n"))
        area.viewport = Size(width: 20, height: 5)
        #expect(area.scrollOffset == 25)
        area.apply(.textStart)
        #expect(area.scrollOffset == 0)
        area.apply(.pageDown)
        #expect(area.cursor == Position(line: 5, column: 0))
        #expect(area.scrollOffset == 1)
        area.apply(.pageUp)
        #expect(area.cursor == Position(line: 0, column: 0))
        #expect(area.scrollOffset == 0)
    }

    @Test func rendersTheRowsAroundTheCursorAndReturnsItsPlace() {
        var buffer = Buffer(size: Size(width: 14, height: 5))
        let area = TextAreaState(text: "ett\ntvå\ntre\nfyra\n作者 \(reneCombining)")
        let cursor = area.render(in: Rect(x: 2, y: 1, width: 10, height: 3), into: &buffer)
        assertScreen(
            buffer,
            """

              tre
              fyra
              作者 René
            """)
        #expect(cursor == Point(x: 11, y: 3))
        #expect(roleRuns(buffer, row: 1) == "0..1 normal, 2..11 search, 12..13 normal")
    }

    @Test func renderingWrapsAtTheRectWidth() {
        var buffer = Buffer(size: Size(width: 6, height: 4))
        var area = TextAreaState(text: "作者 Åsa Öberg")
        area.apply(.textStart)
        let cursor = area.render(in: Rect(size: buffer.size), into: &buffer, role: .normal)
        assertScreen(
            buffer,
            """
            作者
            Åsa
            Öberg
            """)
        #expect(cursor == Point(x: 0, y: 0))
        #expect(area.render(in: Rect(x: 0, y: 0, width: 0, height: 3), into: &buffer) == nil)
    }

    @Test func keysMapToEdits() {
        #expect(TextAreaState.edit(for: KeyChord(.enter)) == .insert("\n"))
        #expect(TextAreaState.edit(for: .char("ö")) == .insert("ö"))
        #expect(TextAreaState.edit(for: .ctrl("w")) == .deleteWordBackward)
        #expect(TextAreaState.edit(for: KeyChord(.left, control: true)) == .wordLeft)
        #expect(TextAreaState.edit(for: KeyChord(.home, control: true)) == .textStart)
        #expect(TextAreaState.edit(for: KeyChord(.tab)) == nil)
        #expect(TextAreaState.edit(for: .ctrl("s")) == nil)
        #expect(TextAreaState.edit(for: KeyChord(.escape)) == nil)
    }
}

@Suite struct TextWrapTests {
    @Test func longLinesWrapAtWordsAndLineBreaksStay() {
        #expect(TextWrap.rows("Åsa ringde om praktiken på lagret", width: 12) == ["Åsa ringde", "om praktiken", "på lagret"])
        #expect(TextWrap.rows("rad ett\n\nrad tre", width: 20) == ["rad ett", "", "rad tre"])
        #expect(TextWrap.rows("作者作者作者", width: 4) == ["作者", "作者", "作者"])
        #expect(TextWrap.rows("", width: 10) == [""])
    }
}
