import TerminalUI
import TerminalUITesting
import Testing

@Suite struct HintBarTests {
    let items: [(keys: String, label: String)] = [
        ("j/k", "Flytta"), ("/", "Sök"), ("Enter", "Öppna"), ("?", "Hjälp"),
    ]

    @Test func showsKeysAndLabelsSeparatedByTwoSpaces() {
        var buffer = Buffer(size: Size(width: 40, height: 1))
        HintBar(items: items).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "j/k Flytta  / Sök  Enter Öppna  ? Hjälp")
        #expect(
            roleRuns(buffer, row: 0)
                == "0..2 key, 3..11 hint, 12..12 key, 13..18 hint, 19..23 key, 24..31 hint, 32..32 key, 33..39 hint")
    }

    @Test func dropsItemsThatDoNotFitInsteadOfCuttingThemButKeepsTheWayToHelp() {
        var buffer = Buffer(size: Size(width: 37, height: 1))
        HintBar(items: items).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "j/k Flytta  / Sök  ? Hjälp")
        var narrow = Buffer(size: Size(width: 12, height: 1))
        HintBar(items: items).render(in: Rect(size: narrow.size), into: &narrow)
        assertScreen(narrow, "? Hjälp")
        var tiny = Buffer(size: Size(width: 6, height: 1))
        HintBar(items: items).render(in: Rect(size: tiny.size), into: &tiny)
        assertScreen(tiny, "")
    }

    @Test func anItemThatFitsExactlyIsShown() {
        var buffer = Buffer(size: Size(width: 39, height: 1))
        HintBar(items: items).render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "j/k Flytta  / Sök  Enter Öppna  ? Hjälp")
    }
}

@Suite struct StatusLineTests {
    @Test func theRightPartIsRightAligned() {
        var buffer = Buffer(size: Size(width: 30, height: 1))
        StatusLine(left: "12 deltagare", right: "v. 48").render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "12 deltagare             v. 48")
        #expect(roleRuns(buffer, row: 0) == "0..29 status")
    }

    @Test func theLeftPartIsCutFirst() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        StatusLine(left: "Filter: aktiva, Åsa Öberg", right: "v. 48").render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "Filter: aktiv… v. 48")
    }

    @Test func aRightPartWiderThanTheLineIsCutToo() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        StatusLine(left: "vänster", right: "Sparat 作者").render(in: Rect(size: buffer.size), into: &buffer)
        assertScreen(buffer, "Spara…")
    }
}
