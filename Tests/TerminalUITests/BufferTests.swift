import TerminalUI
import TerminalUITesting
import Testing

@Suite struct BufferTests {
    @Test func writeReturnsTheColumnsUsed() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        #expect(buffer.write("作者 åäö", at: Point(x: 0, y: 0)) == 8)
        #expect(buffer.write(reneCombining, at: Point(x: 10, y: 0)) == 4)
        assertScreen(buffer, "作者 åäö  \(reneCombining)")
    }

    @Test func writeClipsAtMaxWidth() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        #expect(buffer.write("Åsa Öberg", at: Point(x: 2, y: 0), maxWidth: 3) == 3)
        assertScreen(buffer, "  Åsa")
    }

    @Test func writeClipsAtTheRightEdge() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        #expect(buffer.write("Ångström", at: Point(x: 2, y: 0)) == 4)
        assertScreen(buffer, "  Ångs")
    }

    @Test func aWideCharacterThatDoesNotFitAtTheEdgeBecomesASpace() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        #expect(buffer.write("abcd作", at: Point(x: 0, y: 0)) == 5)
        #expect(buffer[4, 0] == Cell(grapheme: " ", width: 1))
        assertScreen(buffer, "abcd")
    }

    @Test func aWideCharacterThatDoesNotFitInMaxWidthBecomesASpace() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.fill(Rect(x: 0, y: 0, width: 10, height: 1), role: .muted)
        buffer.write("xxxxxxxxxx", at: Point(x: 0, y: 0))
        #expect(buffer.write("作者", at: Point(x: 0, y: 0), maxWidth: 3) == 3)
        #expect(buffer.lines()[0] == "作 xxxxxxx")
    }

    @Test func aWideCharacterTakesACellAndAContinuationCell() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("作", at: Point(x: 1, y: 0), role: .title)
        #expect(buffer[1, 0] == Cell(grapheme: "作", width: 2, role: .title))
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[2, 0].role == .title)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("作者", at: Point(x: 0, y: 0))
        buffer.write("x", at: Point(x: 1, y: 0))
        assertScreen(buffer, " x者")
        buffer.write("y", at: Point(x: 2, y: 0))
        assertScreen(buffer, " xy")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func writingOutsideTheBufferIsIgnored() {
        var buffer = Buffer(size: Size(width: 4, height: 2))
        #expect(buffer.write("åäö", at: Point(x: 0, y: 2)) == 0)
        #expect(buffer.write("åäö", at: Point(x: 0, y: -1)) == 0)
        buffer.write("åäö", at: Point(x: -2, y: 0))
        buffer[9, 9] = Cell("x")
        assertScreen(buffer, "ö")
    }

    @Test func linesSkipContinuationCellsAndTrimTrailingSpaces() {
        var buffer = Buffer(size: Size(width: 10, height: 3))
        buffer.write("作者 ", at: Point(x: 0, y: 0))
        buffer.write("ÅÄÖ", at: Point(x: 3, y: 2))
        #expect(buffer.lines() == ["作者", "", "   ÅÄÖ"])
        #expect(buffer.text == "作者\n\n   ÅÄÖ")
    }

    @Test func fillBlanksCellsInTheRole() {
        var buffer = Buffer(size: Size(width: 6, height: 2))
        buffer.write("abcdef", at: Point(x: 0, y: 0))
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 2), role: .selection)
        assertScreen(buffer, "a  def")
        #expect(roleRuns(buffer, row: 0) == "0..0 normal, 1..2 selection, 3..5 normal")
        #expect(roleRuns(buffer, row: 1) == "0..0 normal, 1..2 selection, 3..5 normal")
    }

    @Test func restyleKeepsTheTextAndRestylesCutWideCharactersWhole() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.write("作者 åäö", at: Point(x: 0, y: 0))
        buffer.restyle(Rect(x: 1, y: 0, width: 2, height: 1), role: .warning)
        assertScreen(buffer, "作者 åäö")
        #expect(roleRuns(buffer, row: 0) == "0..3 warning, 4..7 normal")
    }

    @Test func aBoxHasCornersEdgesAndATitleInTheTopEdge() {
        var buffer = Buffer(size: Size(width: 20, height: 4))
        buffer.drawBox(Rect(x: 0, y: 0, width: 20, height: 4), title: "Sök deltagare")
        assertScreen(
            buffer,
            """
            ┌─ Sök deltagare ──┐
            │                  │
            │                  │
            └──────────────────┘
            """)
        #expect(roleRuns(buffer, row: 0) == "0..2 border, 3..15 title, 16..19 border")
    }

    @Test func aLongBoxTitleIsTruncated() {
        var buffer = Buffer(size: Size(width: 12, height: 3))
        buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), title: "Kartläggning")
        assertScreen(
            buffer,
            """
            ┌─ Kartl… ─┐
            │          │
            └──────────┘
            """)
    }
}
