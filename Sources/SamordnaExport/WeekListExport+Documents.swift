import Foundation
import SamordnaCore

// JSON, Markdown and HTML of the veckolista. The JSON schema is documented in docs/week-list.md.
extension WeekListExport {
    // MARK: JSON

    public func json() -> String {
        func person(_ p: WeekList.Person) -> [String: Any] {
            var o: [String: Any] = ["deltagare": label(p), "status": p.status.rawValue]
            if names { o["deltagare_id"] = p.id.rawValue }
            return o
        }
        func meeting(_ m: WeekList.MeetingItem) -> [String: Any] {
            var o = person(m.person)
            o["id"] = m.meeting.id.rawValue
            o["datum"] = m.meeting.date.description
            o["tid"] = m.meeting.time.description
            o["langd_min"] = m.meeting.durationMinutes
            o["typ"] = m.meeting.kind.rawValue
            o["yrken"] = m.meeting.professions.map(\.rawValue)
            o["medarbetare"] = m.memberNames
            o["plats"] = names ? (m.meeting.location ?? NSNull()) as Any : NSNull()
            o["tolk"] = m.meeting.interpreter
            o["tolksprak"] = m.meeting.interpreterLanguage ?? NSNull()
            o["utfall"] = m.meeting.outcome.rawValue
            o["version"] = m.meeting.version
            return o
        }
        func section<T>(_ s: WeekList.Section<T>, _ body: (T) -> [String: Any]) -> [String: Any] {
            ["poster": s.items.map(body), "sekretess": s.restricted]
        }
        func insats(_ i: WeekList.InsatsItem) -> [String: Any] {
            var o = person(i.person)
            o["datum"] = i.date.description
            o["kod"] = i.episode.typeCode
            o["namn"] = i.typeName
            o["insatsstatus"] = i.episode.status.rawValue
            o["ansvarig_organisation"] = i.episode.owner.rawValue
            return o
        }
        var root: [String: Any] = [
            "_format": Self.formatMark,
            "vecka": list.week.description,
            "fran": list.week.monday.description,
            "till": list.week.sunday.description,
            "idag": list.today.description,
            "referensdag": list.referenceDay.description,
            "urval": list.reader.onlyMine ? "min-vecka" : list.reader.unit == nil ? "teamet" : "laget",
            "lag": list.reader.unit ?? NSNull(),
            "lasare": list.reader.member?.login ?? NSNull(),
            "namn": names,
        ]
        root["dagar"] = list.days.map { d -> [String: Any] in
            ["datum": d.date.description, "veckodag": Self.weekdays[d.date.isoWeekday - 1], "moten": d.meetings.map(meeting), "sekretess": d.restricted]
        }
        root["uteblev_forra_veckan"] = list.noShowsLastWeek.map { section($0, meeting) } ?? NSNull()
        root["insatser_startar"] = section(list.starting, insats)
        root["insatser_slutar"] = section(list.ending, insats)
        root["glapp"] = section(list.gaps, insats)
        root["utan_pagaende_insats"] = section(list.withoutOngoing, person)
        root["utan_jobbinriktad_insats"] = section(list.withoutJobFocused, person)
        root["nara_langsta_tid"] = section(list.nearMaxLength, insats)
        root["uppfoljningar"] = section(list.followUps) { f in
            var o = person(f.person)
            o["datum"] = f.due.description
            o["forsenad"] = f.overdue
            switch f.kind {
            case .insats(let code, _):
                o["typ"] = "insats"
                o["kod"] = code
            case .exit4Weeks: o["typ"] = "avslut-4-veckor"
            case .exit6Months: o["typ"] = "avslut-6-manader"
            }
            return o
        }
        root["samtycken"] = section(list.consents) { c in
            var o = person(c.person)
            o["myndighet"] = c.group.rawValue
            switch c.problem {
            case .missing: o["problem"] = "saknas"
            case .ending(let d):
                o["problem"] = "gar-ut"
                o["datum"] = d.description
            }
            return o
        }
        root["avslut"] = section(list.exits) { e in
            var o = person(e.person)
            o["datum"] = e.exit.date.description
            o["avslutskod"] = e.exit.outcome.rawValue
            o["uppfoljning_4_veckor"] = e.exit.followUp4Weeks.description
            o["uppfoljning_6_manader"] = e.exit.followUp6Months.description
            return o
        }
        if list.gallringDue > 0 { root["gallring"] = ["att_gallra": list.gallringDue] }
        let data =
            (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return InertText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }

    // MARK: Markdown

    /// Markdown for the team's notes: headings per section, one list item per line.
    public func markdown() -> String {
        func md(_ s: String) -> String { Self.markdownEscaped(s) }
        var out = "<!-- \(Self.formatMark) -->\n# Veckolista \(title)\n\n"
        out += "**Arbetsmaterial – sekretess.** \(md(scopeText)) · \(names ? "med namn" : "pseudonymiserad") · idag \(list.today)\n"
        out += "\n## Möten\n"
        for day in list.days {
            out += "\n### \(Self.dayTitle(day.date))\n\n"
            if day.meetings.isEmpty && day.restricted == 0 { out += "Inga möten.\n" }
            for m in day.meetings { out += "- " + md(meetingText(m, withDate: false)) + "\n" }
            if day.restricted > 0 { out += "- " + Self.restricted(day.restricted, "möte", "möten") + "\n" }
        }
        for (title, items) in sectionTexts() {
            out += "\n## \(title)\n\n"
            if items.isEmpty { out += "Inga.\n" }
            for i in items { out += "- " + md(i) + "\n" }
        }
        return out
    }

    /// "10:00–11:00 A.B. k7q2 · trepartssamtal · Anna Lind, Bo Sund · tolk: arabiska · Hornsgatan 1"
    func meetingText(_ m: WeekList.MeetingItem, withDate: Bool) -> String {
        let mt = m.meeting
        var parts = [
            (withDate ? "\(mt.date.swedishWeekdayShort) \(mt.date) " : "") + "\(mt.time)–\(TimeOfDay(minutes: mt.endMinute % 1440))"
                + " " + label(m.person),
            mt.kind.rawValue,
        ]
        if !m.memberNames.isEmpty { parts.append(memberText(m)) }
        if !interpreterText(mt).isEmpty { parts.append(interpreterText(mt)) }
        if !place(mt).isEmpty { parts.append(place(mt)) }
        if mt.outcome != .planerat { parts.append(mt.outcome.rawValue) }
        return parts.joined(separator: " · ")
    }

    /// The sections after the meetings, each as its title and its lines (counts of restricted items last).
    func sectionTexts() -> [(String, [String])] {
        var result: [(String, [String])] = []
        if let noShows = list.noShowsLastWeek {
            var lines = noShows.items.map { meetingText($0, withDate: true) }
            if noShows.restricted > 0 { lines.append(Self.restricted(noShows.restricted, "möte", "möten")) }
            result.append(("Uteblev förra veckan", lines))
        }
        func insatser(_ title: String, _ s: WeekList.Section<WeekList.InsatsItem>, _ verb: String) {
            var lines = s.items.map { "\($0.date) \(label($0.person)) · \($0.episode.typeCode) \($0.typeName) · \(verb)" }
            if s.restricted > 0 { lines.append(Self.restricted(s.restricted, "insats", "insatser")) }
            result.append((title, lines))
        }
        insatser("Insatser som startar", list.starting, "startar")
        insatser("Insatser som slutar", list.ending, "slutar")
        insatser("Glapp (slutar inom 4 veckor utan fortsättning)", list.gaps, "slutar")
        result.append(("Utan pågående insats", list.withoutOngoing.items.map(label)))
        result.append(("Utan jobbinriktad insats", list.withoutJobFocused.items.map(label)))
        insatser("Nära längsta tid", list.nearMaxLength, "når längsta tid")
        var follow = list.followUps.items.map { "\($0.due) \(label($0.person)) · \($0.kind.label)\($0.overdue ? " · försenad" : "")" }
        if list.followUps.restricted > 0 {
            follow.append(Self.restricted(list.followUps.restricted, "uppföljning", "uppföljningar"))
        }
        result.append(("Uppföljningar", follow))
        result.append(("Samtycken (saknas eller går ut inom 30 dagar)", list.consents.items.map { "\(label($0.person)) · \(Self.consentText($0))" }))
        result.append(("Avslut", list.exits.items.map { "\($0.exit.date) \(label($0.person)) · \($0.exit.outcome.rawValue) \($0.exit.outcome.label)" }))
        if list.gallringDue > 0 { result.append(("Gallring", ["Gallring: \(list.gallringDue) deltagare att gallra"])) }
        return result
    }

    /// Text as literal Markdown: control characters replaced, line breaks made spaces, and the characters
    /// Markdown or HTML would act on escaped with a backslash.
    static func markdownEscaped(_ s: String) -> String {
        let cell = InertText.cell(s)
        // Most lines (pseudonyms, kinds, dates) have nothing to escape and are used as they are.
        guard cell.utf8.contains(where: { markdownActs[Int($0)] }) else { return cell }
        var out = ""
        out.unicodeScalars.reserveCapacity(cell.utf8.count + 8)
        var afterCR = false
        for scalar in cell.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue  // CR LF is one line break, so one space
            case "\n", "\r", "\t": out.unicodeScalars.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&":
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The ASCII bytes `markdownEscaped` changes; no byte of a multi-byte UTF-8 sequence is among them.
    private static let markdownActs: [Bool] = (0..<256).map { Array("\n\r\t\\`*_[]<>#|~&".utf8).contains(UInt8($0)) }

    // MARK: HTML

    /// One printable A4 page: marked as confidential working material, meetings grouped by day.
    public func html() -> String {
        func h(_ s: String) -> String { Self.htmlEscaped(s) }
        var out = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="\(Self.formatMark)">
            <title>Veckolista \(h(title))</title>
            <style>
            @page { size: A4; margin: 15mm 14mm; }
            body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; margin: 0 auto; max-width: 182mm; color: #000; }
            .sekretess { border: 2px solid #000; padding: 2mm 3mm; font-weight: bold; text-transform: uppercase; letter-spacing: .04em; }
            h1 { font-size: 16pt; margin: 4mm 0 1mm; }
            h2 { font-size: 12.5pt; margin: 5mm 0 1mm; border-bottom: 1px solid #000; }
            h3 { font-size: 11pt; margin: 3mm 0 1mm; }
            ul { margin: 0; padding-left: 5mm; }
            li, section { break-inside: avoid; page-break-inside: avoid; }
            h2, h3 { break-after: avoid; page-break-after: avoid; }
            .tom, .meta { color: #444; }
            @media print { a { color: #000; text-decoration: none; } }
            </style>
            </head>
            <body>
            <p class="sekretess">Arbetsmaterial – sekretess</p>
            <h1>Veckolista \(h(title))</h1>

            """
        out += "<p class=\"meta\">\(h(scopeText)) · \(names ? "med namn" : "pseudonymiserad") · idag \(list.today)</p>\n"
        out += "<h2>Möten</h2>\n"
        for day in list.days {
            out += "<section>\n<h3>\(h(Self.dayTitle(day.date)))</h3>\n"
            if day.meetings.isEmpty && day.restricted == 0 {
                out += "<p class=\"tom\">Inga möten.</p>\n"
            } else {
                out += "<ul>\n"
                for m in day.meetings { out += "<li>\(h(meetingText(m, withDate: false)))</li>\n" }
                if day.restricted > 0 { out += "<li>\(h(Self.restricted(day.restricted, "möte", "möten")))</li>\n" }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        for (title, items) in sectionTexts() {
            out += "<section>\n<h2>\(h(title))</h2>\n"
            if items.isEmpty {
                out += "<p class=\"tom\">Inga.</p>\n"
            } else {
                out += "<ul>\n" + items.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// Everything a browser would read as markup escaped; control and invisible characters replaced.
    static func htmlEscaped(_ s: String) -> String {
        var out = ""
        for ch in InertText.cell(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
