/// An ISO 8601 week (`2026-W53`, shown as `v. 53`): the unit of the team's Monday veckolista.
///
/// Weeks start on Monday; week 1 is the week with the year's first Thursday, so a week-year has 52 or 53
/// weeks and its first and last days may lie in the neighbouring calendar years. Only valid weeks exist.
public struct IsoWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The ISO week-year, which can differ from the calendar year of some of the week's days.
    public let year: Int
    public let week: Int

    /// Returns nil for a week the year does not have (2025-W53, week 0).
    public init?(year: Int, week: Int) {
        guard (1...9999).contains(year), (1...IsoWeek.weeksIn(year: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses exactly `YYYY-Www`, e.g. `2026-W08`.
    public init?(parsing text: String) {
        let u = Array(text.utf8)
        guard u.count == 8, u[4] == UInt8(ascii: "-"), u[5] == UInt8(ascii: "W"),
            u.indices.allSatisfy({ i in i == 4 || i == 5 || (48...57).contains(u[i]) })
        else { return nil }
        let n = u.map { Int($0) - 48 }
        self.init(year: n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3], week: n[6] * 10 + n[7])
    }

    /// The week `date` falls in: the week-year is the calendar year of that week's Thursday.
    public init(containing date: LocalDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        year = thursday.year
        week = thursday.dayOfYearIndex / 7 + 1
    }

    /// 53 when the year starts on a Thursday, or on a Wednesday in a leap year; otherwise 52.
    public static func weeksIn(year: Int) -> Int {
        guard let jan1 = LocalDate(year: year, month: 1, day: 1) else { return 52 }
        let weekday = jan1.isoWeekday
        return weekday == 4 || (weekday == 3 && LocalDate.isLeapYear(year)) ? 53 : 52
    }

    /// The Monday the week starts on.
    public var monday: LocalDate {
        // 4 January is always in week 1.
        let jan4 = LocalDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.isoWeekday + 7 * (week - 1))
    }

    /// The seven days, måndag to söndag.
    public var days: [LocalDate] {
        let start = monday.dayNumber
        return (0..<7).map { LocalDate(dayNumber: start + $0) }
    }

    /// The Sunday the week ends on.
    public var sunday: LocalDate { monday.adding(days: 6) }

    public func contains(_ date: LocalDate) -> Bool { monday <= date && date <= sunday }

    public var next: IsoWeek { IsoWeek(containing: monday.adding(days: 7)) }
    public var previous: IsoWeek { IsoWeek(containing: monday.adding(days: -7)) }

    /// `2026-W53`
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (week < 10 ? "0" : "") + String(week)
    }

    /// `v. 53`, as Swedish calendars and the week view label it.
    public var shortLabel: String { "v. \(week)" }

    public static func < (a: IsoWeek, b: IsoWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let w = IsoWeek(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "ogiltig vecka '\(text)'"))
        }
        self = w
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension LocalDate {
    /// The ISO week this date falls in.
    public var isoWeek: IsoWeek { IsoWeek(containing: self) }

    /// Days since 1 January of the same year (0 on New Year's Day).
    var dayOfYearIndex: Int {
        // Days before this month plus the day; February's length is the only irregular one.
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leapDay = month > 2 && LocalDate.isLeapYear(year) ? 1 : 0
        return cumulative[month - 1] + leapDay + day - 1
    }
}
