import Foundation
import SamordnaCore

// The week's meetings as an iCalendar file (RFC 5545) that Outlook and Thunderbird import and update.
extension WeekListExport {
    /// Europe/Stockholm with its summer-time rules (last Sunday of March 02:00 → 03:00, last Sunday of
    /// October 03:00 → 02:00), so local times stay local whatever the reader's calendar zone.
    static let stockholm = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Stockholm",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// One VEVENT per meeting shown in full: `UID` `<meeting id>@samordna` (a moved meeting updates the same
    /// event), `SEQUENCE` from the meeting's version, `STATUS:CANCELLED` for inställt, local times in
    /// Europe/Stockholm. The summary is pseudonymised and the place left out unless `names`. Meetings the
    /// reader may not see are not in the file. CRLF line endings, lines folded at 75 octets.
    public func ics() -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Samordna//\(Self.formatMark)//SV",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.icsText("Veckolista \(list.week)"),
            "X-WR-TIMEZONE:Europe/Stockholm",
        ]
        lines += Self.stockholm
        let stamp = Self.utcStamp(generated)
        for m in list.meetings {
            let mt = m.meeting
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(Self.icsText(mt.id.rawValue))@samordna")
            lines.append("DTSTAMP:\(stamp)")
            lines.append("DTSTART;TZID=Europe/Stockholm:\(Self.localStamp(mt.date, mt.time))")
            lines.append("DURATION:PT\(mt.durationMinutes)M")
            lines.append("SEQUENCE:\(max(0, mt.version - 1))")
            lines.append("STATUS:\(mt.outcome == .installt ? "CANCELLED" : "CONFIRMED")")
            lines.append("SUMMARY:" + Self.icsText("\(mt.kind.rawValue): \(label(m.person))"))
            var description: [String] = []
            if !m.memberNames.isEmpty { description.append("Medarbetare: \(memberText(m))") }
            if mt.interpreter { description.append("Tolk: \(mt.interpreterLanguage ?? "ja")") }
            if mt.outcome != .planerat { description.append("Utfall: \(mt.outcome.rawValue)") }
            description.append("Arbetsmaterial – sekretess")
            lines.append("DESCRIPTION:" + Self.icsText(description.joined(separator: "\n")))
            if names, let place = mt.location { lines.append("LOCATION:" + Self.icsText(place)) }
            lines.append("CLASS:CONFIDENTIAL")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.foldContentLine).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; control and
    /// invisible characters replaced as everywhere else.
    static func icsText(_ s: String) -> String {
        var out = ""
        for ch in InertText.cell(s) {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            case "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (§3.1): continuation lines start with one space, and a UTF-8
    /// character is never split.
    public static func foldContentLine(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var width = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > limit {
                out += "\r\n "
                width = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out
    }

    static func localStamp(_ d: LocalDate, _ t: TimeOfDay) -> String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2) + "T" + pad(t.hour, 2) + pad(t.minute, 2) + "00"
    }

    static func utcStamp(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let d = LocalDate(year: c.year!, month: c.month!, day: c.day!)!
        let s = localStamp(d, TimeOfDay(minutes: c.hour! * 60 + c.minute!))
        return String(s.dropLast(2)) + (c.second! < 10 ? "0" : "") + String(c.second!) + "Z"
    }
}
