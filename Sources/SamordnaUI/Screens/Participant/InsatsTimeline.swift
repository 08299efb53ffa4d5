import SamordnaCore
import TerminalUI

/// Insats episodes drawn as bars over ISO weeks, for the Insatser tab and the team timeline. Each week is
/// three columns; what a bar shows is told by its glyph, never by colour alone:
///
///     █ pågår   ░ planerad   ▒ avslutad   × avbruten   · ingen insats (glapp)
///
/// The week with today is marked `▼` above the week numbers.
public enum InsatsTimeline {
    /// Columns per week.
    public static let weekWidth = 3
    /// How many weeks before today's a timeline starts.
    public static let weeksBefore = 4

    /// The glyph of an episode's status.
    public static func glyph(_ status: InsatsStatus) -> Character {
        switch status {
        case .pagar: return "█"
        case .planerad: return "░"
        case .avslutad: return "▒"
        case .avbruten: return "×"
        }
    }

    /// The first week shown: `weeksBefore` before today's, moved by `shift` weeks.
    public static func firstWeek(today: LocalDate, shift: Int) -> IsoWeek {
        IsoWeek(containing: today.adding(days: 7 * (shift - weeksBefore)))
    }

    /// How many weeks fit in `width` columns after a label of `labelWidth`.
    public static func weekCount(width: Int, labelWidth: Int) -> Int {
        max(4, (width - labelWidth) / weekWidth)
    }

    /// The weeks shown, in order.
    public static func weeks(from first: IsoWeek, count: Int) -> [IsoWeek] {
        var weeks: [IsoWeek] = []
        var w = first
        for _ in 0..<count {
            weeks.append(w)
            w = w.next
        }
        return weeks
    }

    /// `v. 45 46 47 …` under a `▼` on today's week.
    public static func header(weeks: [IsoWeek], today: LocalDate, label: String, labelWidth: Int) -> [String] {
        let current = IsoWeek(containing: today)
        var marks = String(repeating: " ", count: labelWidth)
        var numbers = DisplayWidth.pad(label, to: labelWidth)
        for w in weeks {
            marks += w == current ? " ▼ " : "   "
            numbers += (w.week < 10 ? "0" : "") + String(w.week) + " "
        }
        return [marks, numbers]
    }

    /// One episode's bar: its glyph in the weeks it covers, blank elsewhere.
    public static func bar(_ e: InsatsEpisode, weeks: [IsoWeek]) -> String {
        let g = String(repeating: String(glyph(e.status)), count: weekWidth - 1) + " "
        return weeks.map { e.covers(from: $0.monday, to: $0.sunday) ? g : String(repeating: " ", count: weekWidth) }.joined()
    }

    /// A participant's weeks in one line: the glyph of the best episode covering each week (pågår before
    /// planerad before ended), `·` where nothing covers a week from today on (a gap), and `J` where a
    /// job-focused one runs.
    public static func summary(
        _ episodes: [InsatsEpisode], catalogue: [String: InsatsType], weeks: [IsoWeek], today: LocalDate
    ) -> String {
        let currentMonday = IsoWeek(containing: today).monday
        func rank(_ s: InsatsStatus) -> Int {
            switch s {
            case .pagar: return 0
            case .planerad: return 1
            case .avslutad: return 2
            case .avbruten: return 3
            }
        }
        return weeks.map { week -> String in
            let covering = episodes.filter { $0.covers(from: week.monday, to: week.sunday) }
            guard let best = covering.min(by: { rank($0.status) < rank($1.status) }) else {
                return week.monday >= currentMonday ? "·· " : "   "
            }
            let job = covering.contains { ($0.status == .pagar || $0.status == .planerad) && (catalogue[$0.typeCode]?.jobFocused ?? false) }
            return String(glyph(best.status)) + (job ? "J" : String(glyph(best.status))) + " "
        }.joined()
    }

    /// The legend under a timeline.
    public static let legend = "█ pågår  ░ planerad  ▒ avslutad  × avbruten  · glapp  J jobbinriktad  ▼ idag"
}
