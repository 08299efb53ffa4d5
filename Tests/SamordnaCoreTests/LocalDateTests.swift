import Foundation
import Testing

@testable import SamordnaCore

private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

@Suite struct LocalDateTests {
    @Test func dayNumberCountsFromTheUnixEpoch() {
        #expect(date(1970, 1, 1).dayNumber == 0)
        #expect(date(1969, 12, 31).dayNumber == -1)
        #expect(date(2000, 3, 1).dayNumber == 11_017)
    }

    @Test func dayNumberRoundTripsOverTenThousandYears() {
        let first = date(1, 1, 1).dayNumber
        let last = date(9999, 12, 31).dayNumber
        var previous: LocalDate?
        for n in stride(from: first, through: last, by: 13) {
            let d = LocalDate(dayNumber: n)
            #expect(LocalDate(year: d.year, month: d.month, day: d.day) == d)
            #expect(d.dayNumber == n)
            if let previous { #expect(previous < d) }
            previous = d
        }
    }

    @Test func consecutiveDaysAreConsecutiveDayNumbers() {
        var d = date(1899, 12, 1)
        for _ in 0..<(366 * 5) {
            let next = d.adding(days: 1)
            #expect(next.dayNumber == d.dayNumber + 1)
            #expect(d.days(until: next) == 1)
            d = next
        }
    }

    @Test func addingMonthsClampsToTheLastDayOfTheMonth() {
        #expect(date(2026, 1, 31).adding(months: 1) == date(2026, 2, 28))
        #expect(date(2024, 1, 31).adding(months: 1) == date(2024, 2, 29))
        #expect(date(2026, 3, 31).adding(months: -1) == date(2026, 2, 28))
        #expect(date(2026, 5, 31).adding(months: 1) == date(2026, 6, 30))
    }

    @Test func addingMonthsCrossesYearEnds() {
        #expect(date(2026, 12, 15).adding(months: 1) == date(2027, 1, 15))
        #expect(date(2026, 1, 15).adding(months: -1) == date(2025, 12, 15))
        #expect(date(2026, 6, 15).adding(months: -65 * 12) == date(1961, 6, 15))
    }

    @Test func isoWeekdayRunsMondayOneToSundaySeven() {
        #expect(date(1970, 1, 1).isoWeekday == 4)
        #expect(date(2000, 1, 1).isoWeekday == 6)
        #expect(date(2026, 6, 15).isoWeekday == 1)
        #expect(date(2026, 6, 21).isoWeekday == 7)
        #expect(date(1969, 12, 29).isoWeekday == 1)
        #expect(date(2026, 6, 17).swedishWeekdayShort == "ons")
    }

    @Test func onlyRealDatesExist() {
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func parsesAndPrintsIsoDates() {
        #expect(LocalDate(iso: "2026-02-28") == date(2026, 2, 28))
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-2-28") == nil)
        #expect(date(987, 3, 4).description == "0987-03-04")
    }
}

@Suite struct MovingToADayTests {
    @Test func anInstantMovesToTheDayKeepingItsTimeOfDay() {
        let zone = TimeZone(identifier: "Europe/Stockholm")!
        let instant = Date(timeIntervalSince1970: 1_796_143_500)  // 2026-12-01 20:25 in Stockholm
        let day = LocalDate(year: 2026, month: 11, day: 23)!
        let moved = day.moving(instant, in: zone)
        #expect(LocalDate(moved, in: zone) == day)
        #expect(instant.timeIntervalSince(moved) == 8 * 86_400)
    }
}
