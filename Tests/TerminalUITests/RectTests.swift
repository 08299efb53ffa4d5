import TerminalUI
import Testing

@Suite struct RectTests {
    let screen = Rect(size: Size(width: 80, height: 24))

    @Test func splittingTopAndBottomKeepsEveryRow() {
        let (title, rest) = screen.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        #expect(title == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(middle == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(hints == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func splitsAndInsetsClampOnTinyScreens() {
        let tiny = Rect(x: 0, y: 0, width: 3, height: 1)
        #expect(tiny.splitTop(5).rest.isEmpty)
        #expect(tiny.splitBottom(5).bottom == tiny)
        #expect(tiny.inset(by: 2).isEmpty)
        #expect(tiny.row(1).isEmpty)
        #expect(screen.row(3) == Rect(x: 0, y: 3, width: 80, height: 1))
    }

    @Test func centeredBoxesStayInside() {
        #expect(screen.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(screen.centered(width: 200, height: 50) == screen)
        #expect(screen.maxX == 80 && screen.maxY == 24)
    }

    @Test func splittingLeftAndRight() {
        let (left, rest) = screen.splitLeft(30)
        #expect(left.width == 30 && rest.x == 30 && rest.width == 50)
        let (_, right) = screen.splitRight(20)
        #expect(right == Rect(x: 60, y: 0, width: 20, height: 24))
    }
}
