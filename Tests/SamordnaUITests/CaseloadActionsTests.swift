import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// `f` filter, `s` sort, `Space` tag and `a` act on the tagged, on the hand-made caseload.
@Suite struct CaseloadActionsTests {
    func picker(_ s: AppState) -> PickerScreen? {
        if case .picker(let p) = s.stack.last { return p }
        return nil
    }

    func confirm(_ s: AppState) -> ConfirmScreen? {
        if case .confirm(let c) = s.stack.last { return c }
        return nil
    }

    @Test func filterByStatusShowsOnlyThatStatusAndEscClearsIt() {
        var s = Fixture.state()
        s.press("f")
        #expect(picker(s) != nil)
        s.type("vilande")
        s.press("<Enter>")
        #expect(picker(s) == nil)
        #expect(s.visibleNames == ["Ängström, Jörgen"])
        let screen = s.screenText
        #expect(screen.contains("Filter: status vilande"))
        #expect(screen.contains("1 av 1 (av 5)"))
        s.press("<Esc>")
        #expect(s.list.filters.isEmpty)
        #expect(s.visibleNames.count == 5)
    }

    @Test func filtersOfDifferentKindsCombineAndTheSameKindReplaces() {
        var s = Fixture.state()
        s.press("f")
        s.type("ansvarig anna")
        s.press("<Enter>")
        #expect(s.visibleNames == ["Nguyen 作者, Lan", "Yılmaz, Zeynep", "Ängström, Jörgen", "Öberg, Åsa"])
        s.press("f")
        s.type("status aktiv")
        s.press("<Down>", "<Enter>")  // "aktualiserad" matches "aktiv"? no: the first match is aktiv
        #expect(s.list.filters.count == 2)
        s.press("f")
        s.type("status vilande")
        s.press("<Enter>")
        #expect(s.list.filters.count == 2)
        #expect(s.list.filters.contains(.status(.vilande)))
        #expect(s.visibleNames == ["Ängström, Jörgen"])
    }

    @Test func participantsWithoutAJobbcoachAndWithAFlag() {
        var s = Fixture.state()
        s.press("f")
        s.type("saknar jobbcoach")
        s.press("<Enter>")
        #expect(s.visibleNames == ["Andersson, Erik", "Nguyen 作者, Lan"])
        s.press("f")
        s.type("flagga P")
        s.press("<Enter>")
        #expect(s.visibleNames == ["Nguyen 作者, Lan"])
    }

    @Test func sortByNextMeetingPutsTheBookedFirstAndTiesKeepNameOrder() {
        var s = Fixture.state()
        s.press("s")
        s.type("nästa möte")
        s.press("<Enter>")
        #expect(s.list.sort == .nextMeeting)
        #expect(s.visibleNames.first == "Öberg, Åsa")
        #expect(Array(s.visibleNames.dropFirst()) == ["Andersson, Erik", "Nguyen 作者, Lan", "Yılmaz, Zeynep", "Ängström, Jörgen"])
        #expect(s.screenText.contains("Sort: nästa möte"))
    }

    @Test func sortByLastContactPutsTheNeverMetFirst() {
        var s = Fixture.state()
        var records = Fixture.records
        var held = Fixture.meeting("p2", "2026-11-02", "09:00")
        held.outcome = .genomfort
        records[1].meetings = [held]
        _ = update(&s, .caseload(.loaded(Caseload(records: records, team: [Fixture.anna, Fixture.mats, Fixture.kim], catalogue: []))))
        s.press("s")
        s.type("kontakt")
        s.press("<Enter>")
        #expect(s.visibleNames.last == "Andersson, Erik")
    }

    @Test func spaceTagsAndMovesDownAndTaggedRowsAreMarked() {
        var s = Fixture.state()
        s.press("<Space>", "<Space>")
        #expect(s.list.tagged == [Participant.ID("p2"), Participant.ID("p5")])
        #expect(s.list.selection == 2)
        let screen = s.screenText
        #expect(screen.contains("● Andersson, Erik"))
        #expect(screen.contains("● 2 markerade"))
        s.press("k", "<Space>")
        #expect(s.list.tagged == [Participant.ID("p2")])
    }

    @Test func actingOnTaggedAsksNamingHowManyAndDefaultsToNo() {
        var s = Fixture.state()
        s.press("j", "j", "<Space>", "<Space>", "<Space>")  // Yılmaz, Ängström, Öberg
        s.press("a")
        s.type("jobbcoach")
        s.press("<Enter>")
        let c = try! #require(confirm(s))
        #expect(c.dialog.title == "Gör Kim Sund ansvarig jobbcoach för 3 deltagare?")
        #expect(s.screenText.contains("Ängström, Jörgen"))
        // Enter on the default button answers No: nothing is sent.
        #expect(s.press("<Enter>").isEmpty)
        #expect(confirm(s) == nil)
        #expect(s.list.tagged.count == 3)

        s.press("a")
        s.type("jobbcoach")
        s.press("<Enter>")
        let effects = s.press("y")
        #expect(effects == [.change(.bulk([.init("p3"), .init("p4"), .init("p1")], .assign(.jobbcoach, Fixture.kim.id)))])
        #expect(update(&s, .change(.saved(.bulkApplied(changed: 3, unchanged: 0)))) == [.caseload(.refresh)])
        #expect(s.status == "Ändrat för 3 deltagare")
        #expect(s.list.tagged.isEmpty)
    }

    @Test func aStatusNotAllTaggedCanTakeIsRefusedBeforeAsking() {
        var s = Fixture.state()
        s.press("j", "j", "<Space>")  // Yılmaz is aktualiserad: cannot become vilande
        s.press("a")
        s.type("vilande")
        s.press("<Enter>")
        #expect(confirm(s) == nil)
        #expect(s.status?.contains("1 av de markerade kan inte bli vilande") == true)
    }

    @Test func actWithNothingTaggedIsNotOffered() {
        let s = Fixture.state()
        #expect(!isAvailable(.actOnTagged, in: s))
        #expect(!s.screenText.contains("a Åtgärd"))
    }

    @Test func uAsksTheRuntimeToUndo() {
        var s = Fixture.state()
        #expect(s.press("u") == [.change(.undo)])
        #expect(update(&s, .change(.failed(.nothingToUndo))) == [.caseload(.refresh)])
        #expect(s.screenText.contains("Du har inga egna ändringar att ångra"))
    }
}
