import TerminalUI
import TerminalUITesting
import Testing

@Suite struct TabBarTests {
    let titles = ["Översikt", "Kartläggning", "Insatser", "Möten", "Anteckningar", "Samtycke"]

    @Test func digitsPickTabsByNumberAndTabStepsThroughThem() {
        let tabs = TabBarState(titles: titles, selected: 5)
        #expect(tabs.tab(for: .char("1")) == 0)
        #expect(tabs.tab(for: .char("6")) == 5)
        #expect(tabs.tab(for: .char("7")) == nil)
        #expect(tabs.tab(for: .char("0")) == nil)
        #expect(tabs.tab(for: KeyChord(.tab)) == 0)
        #expect(tabs.tab(for: KeyChord(.backTab)) == 4)
        #expect(tabs.tab(for: .char("j")) == nil)
        #expect(tabs.tab(for: KeyChord(.character("2"), alt: true)) == nil)
    }

    @Test func selectNextAndPreviousWrapAround() {
        var tabs = TabBarState(titles: titles)
        tabs.previous()
        #expect(tabs.selected == 5)
        tabs.next()
        #expect(tabs.selected == 0)
        let moved = tabs.select(3)
        let refused = tabs.select(6)
        #expect(moved && !refused)
        #expect(tabs.selected == 3)
        let handled = tabs.handle(.char("2"))
        #expect(handled)
        #expect(tabs.selected == 1)
    }

    @Test func drawsNumberedTabsWithTheShowingOneSelected() {
        var buffer = Buffer(size: Size(width: 50, height: 1))
        TabBar(TabBarState(titles: ["Översikt", "Kartläggning", "作者"], selected: 1))
            .render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, " 1 Översikt │ 2 Kartläggning │ 3 作者")
        #expect(
            roleRuns(buffer, row: 0)
                == "0..11 normal, 12..12 border, 13..28 selection, 29..29 border, 30..49 normal")
    }

    @Test func atEightyColumnsOtherTitlesAreCutJustEnough() {
        var buffer = Buffer(size: Size(width: 80, height: 1))
        TabBar(titles: titles, selected: 1).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, " 1 Översikt │ 2 Kartläggning │ 3 Insatser │ 4 Möten │ 5 Antecknin… │ 6 Samtycke")
    }

    @Test func onANarrowScreenOtherTabsShrinkToTheirNumbers() {
        var buffer = Buffer(size: Size(width: 40, height: 1))
        TabBar(titles: titles, selected: 1).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, " 1 │ 2 Kartläggning │ 3 │ 4 │ 5 │ 6")
        var tiny = Buffer(size: Size(width: 5, height: 1))
        TabBar(titles: titles, selected: 1).render(in: Rect(size: tiny.size), into: &tiny)
        assertScreen(tiny, " 1 │")
    }
}
