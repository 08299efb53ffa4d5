import TerminalUI
import TerminalUITesting
import Testing

/// The footer the app builds from its keymap.
private let footer: [(keys: String, label: String)] = [("Esc/q", "stäng"), ("j/k", "rulla")]

@Suite struct HelpOverlayTests {
    let groups = [
        HelpGroup(
            title: "Flytta",
            entries: [
                HelpEntry(keys: ["j", "↓"], title: "Ned", help: "nästa rad"),
                HelpEntry(keys: ["k", "↑"], title: "Upp", help: "föregående rad"),
                HelpEntry(keys: ["PgDn", "Ctrl-d"], title: "Sida ned", help: ""),
            ]),
        HelpGroup(
            title: "Lista",
            entries: [
                HelpEntry(keys: ["/"], title: "Sök", help: "filtrera på namn"),
                HelpEntry(keys: ["Space"], title: "Markera", help: "markera deltagaren"),
            ]),
    ]

    @Test func countsGroupTitlesEntriesAndBlankLinesBetweenGroups() {
        #expect(HelpOverlay.lineCount(groups: groups) == 2 + 5 + 1)
        #expect(HelpOverlay.lineCount(groups: []) == 0)
    }

    @Test func drawsGroupsInABoxWithAFooter() {
        var buffer = Buffer(size: Size(width: 44, height: 14))
        HelpOverlay(title: "Hjälp", groups: groups, scrollOffset: 0, footer: footer).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """

             ┌─ Hjälp ────────────────────────────────┐
             │ Flytta                                 │
             │   j ↓          Ned – nästa rad         │
             │   k ↑          Upp – föregående rad    │
             │   PgDn Ctrl-d  Sida ned                │
             │                                        │
             │ Lista                                  │
             │   /            Sök – filtrera på namn  │
             │   Space        Markera – markera delt… │
             │                                        │
             │ Esc/q stäng  j/k rulla                 │
             └────────────────────────────────────────┘
            """)
        #expect(
            roleRuns(buffer, row: 3)
                == "0..0 normal, 1..1 border, 2..4 normal, 5..7 key, 8..41 normal, 42..42 border, 43..43 normal")
    }

    @Test func arrowsInTheMarginShowThatMoreLinesAreHidden() {
        var top = Buffer(size: Size(width: 44, height: 12))
        HelpOverlay(title: "Hjälp", groups: groups, scrollOffset: 0, footer: footer).render(in: Rect(size: top.size), into: &top)
        assertScreen(
            top,
            """

             ┌─ Hjälp ────────────────────────────────┐
             │ Flytta                                 │
             │   j ↓          Ned – nästa rad         │
             │   k ↑          Upp – föregående rad    │
             │   PgDn Ctrl-d  Sida ned                │
             │                                        │
             │ Lista                                  │
             │   /            Sök – filtrera på namn ↓│
             │ Esc/q stäng  j/k rulla                 │
             └────────────────────────────────────────┘
            """)
    }

    @Test func scrollingShowsLaterLines() {
        var buffer = Buffer(size: Size(width: 44, height: 12))
        HelpOverlay(title: "Hjälp", groups: groups, scrollOffset: 1, footer: footer).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(
            buffer,
            """

             ┌─ Hjälp ────────────────────────────────┐
             │   j ↓          Ned – nästa rad        ↑│
             │   k ↑          Upp – föregående rad    │
             │   PgDn Ctrl-d  Sida ned                │
             │                                        │
             │ Lista                                  │
             │   /            Sök – filtrera på namn  │
             │   Space        Markera – markera delt… │
             │ Esc/q stäng  j/k rulla                 │
             └────────────────────────────────────────┘
            """)
    }

    @Test func scrollingStopsWhenTheLastLineIsVisible() {
        let rect = Rect(x: 0, y: 0, width: 44, height: 12)
        #expect(HelpOverlay.visibleLineCount(in: rect) == 7)
        #expect(HelpOverlay.maxScrollOffset(groups: groups, in: rect) == 1)
        var scrolledFar = Buffer(size: rect.size)
        HelpOverlay(title: "Hjälp", groups: groups, scrollOffset: 50, footer: footer).render(in: rect, into: &scrolledFar)
        var scrolledToEnd = Buffer(size: rect.size)
        HelpOverlay(title: "Hjälp", groups: groups, scrollOffset: 1, footer: footer).render(in: rect, into: &scrolledToEnd)
        #expect(scrolledFar == scrolledToEnd)
        #expect(scrolledToEnd.lines()[8] == " │   Space        Markera – markera delt… │")
    }
}
