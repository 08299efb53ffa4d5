import TerminalUI
import TerminalUITesting
import Testing

@Suite struct ListPickerTests {
    let team = ["Åsa Öberg", "Örjan Ek", "作者 Li", reneCombining + " Ångström", "Christina Ek", "Bo Berg"]

    func picker(selected: Int? = nil) -> ListPicker {
        ListPicker(title: "Handläggare", items: team, selected: selected)
    }

    @Test func startsOnTheGivenItemAndMovesWithArrows() {
        var list = picker(selected: 1)
        #expect(list.selectedItem == 1)
        #expect(list.handle(KeyChord(.down)) == nil)
        #expect(list.selectedItem == 2)
        _ = list.handle(KeyChord(.end))
        #expect(list.selectedItem == 5)
        _ = list.handle(KeyChord(.down))
        #expect(list.selectedItem == 5)
        _ = list.handle(KeyChord(.home))
        #expect(list.handle(KeyChord(.enter)) == .picked(0))
    }

    @Test func typingFiltersByEveryWordIgnoringCase() {
        var list = picker()
        for c in "EK" { _ = list.handle(.char(c)) }
        #expect(list.matches == [1, 4])
        _ = list.handle(.char(" "))
        _ = list.handle(.char("c"))
        #expect(list.matches == [4])
        #expect(list.handle(KeyChord(.enter)) == .picked(4))
    }

    @Test func filteringKeepsTheHighlightedItemWhileItStillMatches() {
        var list = picker(selected: 4)
        _ = list.handle(.char("e"))
        _ = list.handle(.char("k"))
        #expect(list.matches == [1, 4])
        #expect(list.selectedItem == 4)
        _ = list.handle(.ctrl("u"))
        _ = list.handle(.char("b"))
        #expect(list.matches == [0, 5])
        #expect(list.selectedItem == 0)
    }

    @Test func swedishLettersAndCombiningAccentsFilterToo() {
        var list = picker()
        for c in "ång" { _ = list.handle(.char(c)) }
        #expect(list.matches == [3])
        list = picker()
        _ = list.handle(.char("作"))
        #expect(list.matches == [2])
    }

    @Test func escClearsTheFilterFirstAndThenCancels() {
        var list = picker()
        _ = list.handle(.char("x"))
        #expect(list.matches == [])
        #expect(list.selectedItem == nil)
        #expect(list.handle(KeyChord(.enter)) == nil)
        #expect(list.handle(KeyChord(.escape)) == nil)
        #expect(list.filter.text == "")
        #expect(list.matches.count == team.count)
        #expect(list.handle(KeyChord(.escape)) == .cancelled)
    }

    @Test func drawsTheFilterAndTheItemsInACentredBox() {
        var list = picker(selected: 1)
        var buffer = Buffer(size: Size(width: 40, height: 10))
        #expect(list.render(in: Rect(size: buffer.size), into: &buffer) == Point(x: 12, y: 1))
        assertScreen(
            buffer,
            """
                 ┌─ Handläggare ──────────────┐
                 │ Sök:                       │
                 │ Åsa Öberg                  │
                 │ Örjan Ek                   │
                 │ 作者 Li                    │
                 │ René Ångström              │
                 │ Christina Ek               │
                 │ Bo Berg                    │
                 └────────────────────────────┘
            """)
        #expect(roleRuns(buffer, row: 3) == "0..4 normal, 5..5 border, 6..33 selection, 34..34 border, 35..39 normal")
        _ = list.handle(.char("e"))
        _ = list.handle(.char("k"))
        var filtered = Buffer(size: Size(width: 40, height: 10))
        #expect(list.render(in: Rect(size: filtered.size), into: &filtered) == Point(x: 14, y: 1))
        #expect(
            filtered.lines()[1...3] == [
                "     │ Sök: ek                    │", "     │ Örjan Ek                   │",
                "     │ Christina Ek               │",
            ])
        _ = list.handle(.char("x"))
        var empty = Buffer(size: Size(width: 40, height: 10))
        list.render(in: Rect(size: empty.size), into: &empty)
        #expect(empty.lines()[2] == "     │ Inga träffar               │")
    }

    @Test func aLongListScrollsWithTheSelectionAndShowsArrows() {
        var list = ListPicker(title: "Utfall", items: (1...30).map { "Kod \($0)" })
        list.viewport = Size(width: 40, height: 8)
        _ = list.handle(KeyChord(.pageDown))
        #expect(list.selectedItem == 5)
        for _ in 0..<3 { _ = list.handle(KeyChord(.down)) }
        #expect(list.scrollOffset == 4)
        var buffer = Buffer(size: Size(width: 40, height: 8))
        list.render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """
                 ┌─ Utfall ───────────────────┐
                 │ Sök:                       │
                 │ Kod 5                     ↑│
                 │ Kod 6                      │
                 │ Kod 7                      │
                 │ Kod 8                      │
                 │ Kod 9                     ↓│
                 └────────────────────────────┘
            """)
    }

    @Test func rendersAtEverySizeWithoutCrashing() {
        let list = picker(selected: 2)
        for width in 0...20 {
            for height in 0...6 {
                var buffer = Buffer(size: Size(width: width, height: height))
                list.render(in: Rect(size: buffer.size), into: &buffer)
            }
        }
    }
}
