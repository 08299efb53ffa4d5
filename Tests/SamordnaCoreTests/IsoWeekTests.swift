import Foundation
import Testing

@testable import SamordnaCore

private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
private func week(_ y: Int, _ w: Int) -> IsoWeek { IsoWeek(year: y, week: w)! }

@Suite struct IsoWeekTests {
    @Test func year2026HasFiftyThreeWeeks() {
        #expect(IsoWeek.weeksIn(year: 2026) == 53)
        #expect(IsoWeek(year: 2026, week: 53) != nil)
    }

    @Test func year2025HasNoWeekFiftyThree() {
        #expect(IsoWeek.weeksIn(year: 2025) == 52)
        #expect(IsoWeek(year: 2025, week: 53) == nil)
    }

    @Test func weekZeroDoesNotExist() {
        #expect(IsoWeek(year: 2026, week: 0) == nil)
    }

    @Test func leapYearStartingOnWednesdayHasFiftyThreeWeeks() {
        #expect(IsoWeek.weeksIn(year: 2020) == 53)
        #expect(IsoWeek.weeksIn(year: 2032) == 53)
    }

    @Test func newYearsDay2027BelongsToWeek53Of2026() {
        #expect(date(2027, 1, 1).isoWeek == week(2026, 53))
    }

    @Test func newYearsEve2024BelongsToWeek1Of2025() {
        #expect(date(2024, 12, 31).isoWeek == week(2025, 1))
    }

    @Test func sunday3January2021BelongsToWeek53Of2020() {
        #expect(date(2021, 1, 3).isoWeek == week(2020, 53))
        #expect(date(2021, 1, 4).isoWeek == week(2021, 1))
    }

    @Test func weekNumbersAgreeWithFoundationsIsoCalendar() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = date(1995, 1, 1).dayNumber
        for n in stride(from: first, through: date(2045, 12, 31).dayNumber, by: 3) {
            let day = LocalDate(dayNumber: n)
            let instant = Date(timeIntervalSince1970: TimeInterval(n * 86_400))
            let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: instant)
            #expect(day.isoWeek == IsoWeek(year: c.yearForWeekOfYear!, week: c.weekOfYear!), "\(day)")
        }
    }

    @Test func mondayAndDaysRunMondayToSunday() {
        let w = week(2026, 53)
        #expect(w.monday == date(2026, 12, 28))
        #expect(
            w.days.map(\.description) == [
                "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03",
            ])
        #expect(w.days.map(\.isoWeekday) == [1, 2, 3, 4, 5, 6, 7])
        #expect(week(2026, 1).monday == date(2025, 12, 29))
    }

    @Test func everyDayOfAWeekIsInThatWeek() {
        var w = week(2019, 50)
        for _ in 0..<400 {
            #expect(w.days.allSatisfy { $0.isoWeek == w && w.contains($0) })
            w = w.next
        }
    }

    @Test func nextCrossesIntoAFiftyThreeWeekYearsLastWeekAndOn() {
        #expect(week(2026, 52).next == week(2026, 53))
        #expect(week(2026, 53).next == week(2027, 1))
        #expect(week(2025, 52).next == week(2026, 1))
    }

    @Test func previousCrossesYearEnds() {
        #expect(week(2027, 1).previous == week(2026, 53))
        #expect(week(2026, 1).previous == week(2025, 52))
    }

    @Test func parsesOnlyTheIsoForm() {
        #expect(IsoWeek(parsing: "2026-W53") == week(2026, 53))
        #expect(IsoWeek(parsing: "2026-W08") == week(2026, 8))
        for bad in ["2026W53", "2026-w53", "2026-W8", "2025-W53", "2026-W00", " 2026-W01", "26-W01", "2026-W1a"] {
            #expect(IsoWeek(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func descriptionAndShortLabel() {
        #expect(week(2026, 53).description == "2026-W53")
        #expect(week(2026, 5).description == "2026-W05")
        #expect(week(2026, 5).shortLabel == "v. 5")
        #expect(week(2026, 48).shortLabel == "v. 48")
    }

    @Test func weeksOrderByYearThenWeek() {
        #expect(week(2025, 52) < week(2026, 1))
        #expect(week(2026, 2) < week(2026, 10))
    }

    @Test func codableUsesTheIsoForm() throws {
        let data = try JSONEncoder().encode([week(2026, 53)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-W53"]"#)
        #expect(try JSONDecoder().decode([IsoWeek].self, from: data) == [week(2026, 53)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IsoWeek].self, from: Data(#"["2025-W53"]"#.utf8))
        }
    }
}
