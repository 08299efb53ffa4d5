import SamordnaCore
import Testing

@testable import SamordnaUI

/// The week view's gallring line: shown with the count the store computed, absent when none are due.
@Suite struct WeekViewGallringTests {
    func lines(due: Int) -> [String] {
        var list = WeekViewTests.list(IsoWeek(year: 2026, week: 48)!)
        list.gallringDue = due
        var view = WeekViewState(week: list.week, mine: false)
        view.build(list, today: Fixture.today)
        return view.lines.map(\.text)
    }

    @Test func dueParticipantsAreCountedUnderGallring() throws {
        let text = lines(due: 3)
        let at = try #require(text.firstIndex(of: "Gallring"))
        #expect(text[at + 1] == "  Gallring: 3 deltagare att gallra (samordna gallring list)")
    }

    @Test func noneDueShowsNoGallringSection() {
        #expect(!lines(due: 0).contains { $0.contains("Gallring") })
    }
}
