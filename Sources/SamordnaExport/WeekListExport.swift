import Foundation
import SamordnaCore

/// The veckolista as files that leave the tool (`samordna export week`): CSV for Swedish Excel, Markdown,
/// a printable HTML page, an iCalendar file of the meetings and JSON (docs/week-list.md).
///
/// Pseudonymised unless `names`: a participant is their initials and a short code that holds only within
/// this export (`A.B. k7q2`), never a birth date or a personnummer, and a meeting's place is left out.
/// Participants with skyddade personuppgifter are never in the `WeekList` an export is given
/// (`ProtectedPolicy.leaveOut`); items the reader may not see are only counted ("1 möte (sekretess)").
public struct WeekListExport: Sendable {
    public var list: WeekList
    public var names: Bool
    /// Mixed into the per-export codes: a new one for every export, so codes cannot be matched across files.
    public var codeSalt: UInt64
    /// When the export was made (the calendar's DTSTAMP).
    public var generated: Date

    /// Marks every file this writer makes, so `--force` replaces only an earlier export.
    public static let formatMark = "samordna-veckolista/1"

    public init(list: WeekList, names: Bool, codeSalt: UInt64, generated: Date) {
        self.list = list
        self.names = names
        self.codeSalt = codeSalt
        self.generated = generated
    }

    // MARK: Shared wording

    /// The participant as this export names them.
    public func label(_ p: WeekList.Person) -> String {
        names ? p.name : "\(p.initials) \(code(p.id))"
    }

    /// The participant's code in this export (`ExportCode`: six letters from the id and this export's salt).
    public func code(_ id: Participant.ID) -> String {
        ExportCode(salt: codeSalt).code(id)
    }

    static let weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    static let months = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]

    /// "Måndag 30 november"
    static func dayTitle(_ d: LocalDate) -> String {
        let w = weekdays[d.isoWeekday - 1]
        return w.prefix(1).uppercased() + w.dropFirst() + " \(d.day) \(months[d.month - 1])"
    }

    /// "v. 49 · 2026-11-30 – 2026-12-06"
    public var title: String { "\(list.week.shortLabel) · \(list.week.monday) – \(list.week.sunday)" }

    var scopeText: String {
        let who = list.reader.member.map { "\($0.name) (\($0.login))" }
        if list.reader.onlyMine, let who { return "Min vecka: \(who)" }
        return "Teamets vecka" + (list.reader.unit.map { ": \($0)" } ?? "") + (who.map { ", läst som \($0)" } ?? "")
    }

    /// "1 möte (sekretess)", "3 insatser (sekretess)"
    static func restricted(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many) (sekretess)"
    }

    func memberText(_ m: WeekList.MeetingItem) -> String { m.memberNames.joined(separator: ", ") }

    func interpreterText(_ m: Meeting) -> String {
        guard m.interpreter else { return "" }
        return m.interpreterLanguage.map { "tolk: \($0)" } ?? "tolk"
    }

    func place(_ m: Meeting) -> String { names ? (m.location ?? "") : "" }

    static func consentText(_ c: WeekList.ConsentItem) -> String {
        switch c.problem {
        case .missing: return "\(c.group.rawValue): samtycke saknas"
        case .ending(let d): return "\(c.group.rawValue): samtycke går ut \(d)"
        }
    }

    // MARK: Rows (CSV, and the order of every format)

    /// One line of the week: the CSV's rows, in the order every format lists them.
    public struct Line: Hashable, Sendable {
        public var section: String
        public var date: String
        public var time: String
        public var participant: String
        public var what: String
        public var members: String
        public var place: String
        public var interpreter: String
        public var status: String
        public var note: String
    }

    /// The CSV's columns, in Swedish.
    public static let header = [
        "vecka", "avsnitt", "datum", "tid", "deltagare", "vad", "medarbetare", "plats", "tolk", "status", "anmärkning",
    ]

    /// Section names as the CSV and JSON write them.
    public enum SectionName {
        public static let meeting = "Möte"
        public static let noShow = "Uteblev förra veckan"
        public static let starting = "Insats startar"
        public static let ending = "Insats slutar"
        public static let gap = "Glapp"
        public static let withoutOngoing = "Utan pågående insats"
        public static let withoutJobFocused = "Utan jobbinriktad insats"
        public static let nearMax = "Nära längsta tid"
        public static let followUp = "Uppföljning"
        public static let consent = "Samtycke"
        public static let exit = "Avslut"
        public static let gallring = "Gallring"
    }

    public var lines: [Line] {
        var out: [Line] = []
        func blank(_ section: String) -> Line {
            Line(section: section, date: "", time: "", participant: "", what: "", members: "", place: "", interpreter: "", status: "", note: "")
        }
        func meetingLine(_ section: String, _ m: WeekList.MeetingItem) -> Line {
            Line(
                section: section, date: m.meeting.date.description, time: m.meeting.time.description,
                participant: label(m.person), what: "\(m.meeting.kind.rawValue), \(m.meeting.durationMinutes) min",
                members: memberText(m), place: place(m.meeting), interpreter: interpreterText(m.meeting),
                status: m.meeting.outcome.rawValue, note: "")
        }
        for day in list.days {
            for m in day.meetings { out.append(meetingLine(SectionName.meeting, m)) }
            if day.restricted > 0 {
                var l = blank(SectionName.meeting)
                l.date = day.date.description
                l.note = Self.restricted(day.restricted, "möte", "möten")
                out.append(l)
            }
        }
        if let noShows = list.noShowsLastWeek {
            for m in noShows.items { out.append(meetingLine(SectionName.noShow, m)) }
            if noShows.restricted > 0 {
                var l = blank(SectionName.noShow)
                l.note = Self.restricted(noShows.restricted, "möte", "möten")
                out.append(l)
            }
        }
        func insatser(_ name: String, _ s: WeekList.Section<WeekList.InsatsItem>) {
            for i in s.items {
                var l = blank(name)
                l.date = i.date.description
                l.participant = label(i.person)
                l.what = "\(i.episode.typeCode) \(i.typeName)"
                l.status = i.episode.status.rawValue
                out.append(l)
            }
            if s.restricted > 0 {
                var l = blank(name)
                l.note = Self.restricted(s.restricted, "insats", "insatser")
                out.append(l)
            }
        }
        insatser(SectionName.starting, list.starting)
        insatser(SectionName.ending, list.ending)
        insatser(SectionName.gap, list.gaps)
        for p in list.withoutOngoing.items {
            var l = blank(SectionName.withoutOngoing)
            l.participant = label(p)
            l.status = p.status.rawValue
            out.append(l)
        }
        for p in list.withoutJobFocused.items {
            var l = blank(SectionName.withoutJobFocused)
            l.participant = label(p)
            l.status = p.status.rawValue
            out.append(l)
        }
        insatser(SectionName.nearMax, list.nearMaxLength)
        for f in list.followUps.items {
            var l = blank(SectionName.followUp)
            l.date = f.due.description
            l.participant = label(f.person)
            l.what = f.kind.label
            l.status = f.overdue ? "försenad" : "denna vecka"
            out.append(l)
        }
        if list.followUps.restricted > 0 {
            var l = blank(SectionName.followUp)
            l.note = Self.restricted(list.followUps.restricted, "uppföljning", "uppföljningar")
            out.append(l)
        }
        for c in list.consents.items {
            var l = blank(SectionName.consent)
            if case .ending(let d) = c.problem { l.date = d.description }
            l.participant = label(c.person)
            l.what = Self.consentText(c)
            l.status = c.problem == .missing ? "saknas" : "går ut"
            out.append(l)
        }
        for e in list.exits.items {
            var l = blank(SectionName.exit)
            l.date = e.exit.date.description
            l.participant = label(e.person)
            l.what = "\(e.exit.outcome.rawValue) \(e.exit.outcome.label)"
            out.append(l)
        }
        if list.gallringDue > 0 {
            var l = blank(SectionName.gallring)
            l.what = "\(list.gallringDue) deltagare att gallra"
            out.append(l)
        }
        return out
    }

    /// UTF-8 with a byte order mark (so Excel reads åäö), `;` by default as Swedish Excel expects, formula-safe.
    public func csv(delimiter: Character = ";") -> String {
        let week = list.week.description
        return "\u{FEFF}"
            + CSVWriter(delimiter: delimiter).write(
                header: Self.header,
                rows: lines.map {
                    [week, $0.section, $0.date, $0.time, $0.participant, $0.what, $0.members, $0.place, $0.interpreter, $0.status, $0.note]
                })
    }

    /// Whether the start of an existing file shows it is an earlier export of this writer (any format).
    public static func isEarlierExport(_ prefix: [UInt8]) -> Bool {
        let text = String(decoding: prefix, as: UTF8.self)
        if text.contains(formatMark) { return true }
        // CSV has no room for a mark: its byte order mark and first two column names (any delimiter) are it.
        let start = "\u{FEFF}" + header[0]
        guard text.hasPrefix(start) else { return false }
        return text.dropFirst(start.count).dropFirst().hasPrefix(header[1])
    }
}
