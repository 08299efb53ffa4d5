import SamordnaCore
import TerminalUI

/// Builds the read-only overview of one participant: identity, contact, responsible staff (with the
/// continuity history), consent, insatser, meetings, exit and warnings.
enum ParticipantOverview {
    static func screen(
        for record: ParticipantRecord, caseload: Caseload, today: LocalDate, reveal: Bool
    ) -> ParticipantScreenState {
        let p = record.participant
        var lines: [OverviewLine] = []
        func add(_ text: String, _ role: Role = .normal) { lines.append(OverviewLine(text, role)) }
        /// A labelled value; labels share one column so the values line up.
        func field(_ label: String, _ value: String, _ role: Role = .normal) {
            add("  " + pad(label, 17) + value, role)
        }
        func section(_ title: String) {
            if !lines.isEmpty { add("") }
            add(title, .header)
        }

        section("Deltagare")
        let identity = reveal ? p.identity.full : p.identity.masked
        field("Namn", p.fullName + (p.preferredName.map { " (tilltal: \($0))" } ?? ""))
        field(p.identity.kindLabel.capitalizedFirst, identity)
        if let born = p.identity.birthDate {
            field("Född", "\(born)  (\(age(born, on: today)) år)")
        }
        field("Kön", p.gender.label)
        field("Status", "\(p.status.label) · aktualiserad \(p.enrolledOn)")
        if let af = p.afRegisteredSince {
            let months = monthsBetween(af, today)
            field("Inskriven AF", "\(af)  (\(months) mån)", months > 24 ? .normal : .muted)
        }
        if let fs = p.forsorjningsstodSince { field("Försörjningsstöd", fs.description) }
        var lang = p.language ?? "–"
        if p.interpreterNeeded { lang += ", behöver tolk" + (p.interpreterLanguage.map { " (\($0))" } ?? "") }
        field("Språk", lang)

        section("Kontakt")
        if p.protectedIdentity {
            add("  Skyddade personuppgifter: kontaktuppgifter visas inte.", .warning)
        } else {
            field("Telefon", p.phone ?? "–")
            field("E-post", p.email ?? "–")
            field("Adress", p.address ?? "–")
        }

        section("Ansvariga")
        let current = record.responsible(on: today)
        for prof in Profession.allCases {
            let history = record.assignments.filter { $0.profession == prof }.sorted { $0.from < $1.from }
            guard !history.isEmpty || Profession.core.contains(prof) else { continue }
            let name = current[prof].flatMap { caseload.team[$0]?.name } ?? "ingen"
            var line = "  " + pad(prof.label.capitalizedFirst, 20) + name
            if history.count > 1, let last = history.last {
                line += "  ⚠ byte \(last.from) (\(history.count - 1) tidigare)"
                add(line, .warning)
            } else {
                add(line)
            }
        }

        section("Samtycke")
        let badge = ConsentBadge(consents: record.consents, on: today)
        add("  Samtycke: \(badge.text)", badge.hasAnyValid ? .normal : .warning)
        for c in record.consents.sorted(by: { $0.validFrom < $1.validFrom }) {
            let parties = c.discloser.union(c.recipient).map(\.rawValue).sorted().joined(separator: ", ")
            var state = c.isValid(on: today) ? "giltigt" : (c.isWithdrawn(on: today) ? "återkallat" : "ej giltigt")
            if let w = c.withdrawnOn { state += " \(w)" }
            let role: Role = c.isValid(on: today) ? (c.expires(within: 30, from: today) ? .warning : .normal) : .muted
            add("  \(c.validFrom)–\(c.validTo)  \(state)  \(parties)", role)
        }

        section("Insatser")
        let sorted = record.episodes.sorted { ($0.expectedStart ?? today) > ($1.expectedStart ?? today) }
        if sorted.isEmpty { add("  Inga insatser registrerade", .muted) }
        for e in sorted {
            let type = caseload.catalogue[e.typeCode]
            let job = (type?.jobFocused ?? false) ? "J" : " "
            let from = e.expectedStart.map(\.description) ?? "?"
            let to = e.expectedEnd.map(\.description) ?? "tills vidare"
            let name = type?.name ?? e.typeCode
            let role: Role = e.isOngoing(on: today) ? .normal : .muted
            add("  \(job) \(pad(e.status.rawValue, 9)) \(from) – \(pad(to, 12)) \(name)", role)
        }

        section("Möten")
        let upcoming = record.meetings.filter { $0.date >= today && $0.outcome == .planerat }
            .sorted { ($0.date, $0.time) < ($1.date, $1.time) }
        let past = record.meetings.filter { $0.date < today }.sorted { ($0.date, $0.time) > ($1.date, $1.time) }
        if upcoming.isEmpty { add("  Inga planerade möten", .muted) }
        for m in upcoming { add("  \(meetingLine(m))") }
        if let last = past.first { add("  Senast: \(meetingLine(last))", .muted) }

        if let exit = record.exit {
            section("Avslut")
            add("  \(exit.date)  \(exit.outcome.rawValue) \(exit.outcome.label)")
            add("  Uppföljning 4 veckor \(exit.followUp4Weeks), 6 månader \(exit.followUp6Months)")
        }

        let flags = CaseloadRules.flags(for: record, catalogue: caseload.catalogue, on: today)
        section("Varningar")
        if flags.isEmpty { add("  Inga", .muted) }
        for f in flags { add("  ! \(f.letter)  \(f.label)", .warning) }

        return ParticipantScreenState(id: p.id, title: "\(p.fullName) · \(identity)", lines: lines)
    }

    static func meetingLine(_ m: Meeting) -> String {
        var s = "\(m.date.swedishWeekdayShort) \(m.date) \(m.time)  \(m.kind.rawValue)"
        s += "  (" + m.professions.map(\.short).joined(separator: ", ") + ")"
        if m.interpreter { s += " tolk" }
        if m.outcome != .planerat { s += " – \(m.outcome.rawValue)" }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String { DisplayWidth.pad(s, to: width) }

    static func age(_ born: LocalDate, on day: LocalDate) -> Int {
        var years = day.year - born.year
        if (day.month, day.day) < (born.month, born.day) { years -= 1 }
        return years
    }

    static func monthsBetween(_ a: LocalDate, _ b: LocalDate) -> Int {
        (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
