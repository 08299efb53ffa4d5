import Foundation
import SamordnaCore
import TerminalUI

/// The participant's tabs, numbered as the keys 1–6 choose them (docs/user-guide.md, Tabs).
public enum ParticipantTab: Int, CaseIterable, Equatable, Sendable {
    case oversikt = 0, kartlaggning, insatser, moten, anteckningar, samtycke

    public var title: String {
        switch self {
        case .oversikt: return "Översikt"
        case .kartlaggning: return "Kartläggning"
        case .insatser: return "Insatser"
        case .moten: return "Möten"
        case .anteckningar: return "Anteckningar"
        case .samtycke: return "Samtycke"
        }
    }
}

/// What the store holds about one participant beyond the caseload's summary: the whole record, the notes
/// and the kartläggningar. Loaded when the participant is opened.
public struct ParticipantDetails: Equatable, Sendable {
    public var record: ParticipantRecord
    public var notes: [Note]
    public var kartlaggningar: [Kartlaggning]
    /// The newest changes to the participant's records, newest first.
    public var history: [HistoryItem]
    /// Set when the template file has errors and the last valid version is used.
    public var templateNotice: String?
    /// The latest lines of the access log naming this participant, newest first (nil: not read).
    public var access: [AccessLogEntry]?

    public init(
        record: ParticipantRecord, notes: [Note] = [], kartlaggningar: [Kartlaggning] = [], history: [HistoryItem] = []
    ) {
        self.record = record
        self.notes = notes
        self.kartlaggningar = kartlaggningar
        self.history = history
    }

    /// The details with only what `disclosure` lets the reader see: insatser, meetings and notes filtered,
    /// and the answers of each kartläggning counted in `withheld` when they are hidden (the kartläggning
    /// itself opens with those questions shown as sekretess).
    public func visible(to disclosure: Disclosure) -> (details: ParticipantDetails, withheld: Withheld) {
        var shown = self
        let withheld: Withheld
        (shown.record, shown.notes, withheld) = disclosure.visible(record, notes: notes)
        // The history says that a hidden record changed, not what it holds.
        if !withheld.records.isEmpty {
            shown.history = history.map { item in
                guard let id = item.recordID, withheld.records.contains(id) else { return item }
                return HistoryItem(summary: item.summary + " (\(Disclosure.withheldMark))", recordID: id)
            }
        }
        return (shown, withheld)
    }
}

/// One change from the change log as the overview shows it: who changed what, when, old → new. Values are
/// as stored with control characters spelled out (the store does that); the view hides identity values
/// unless revealed and contact values of someone with skyddade personuppgifter.
public struct HistoryItem: Equatable, Sendable {
    public enum Sensitivity: Equatable, Sendable { case ordinary, identity, contact }

    public struct Change: Equatable, Sendable {
        public var field: String
        public var old: String
        public var new: String
        public var sensitivity: Sensitivity

        public init(field: String, old: String, new: String, sensitivity: Sensitivity = .ordinary) {
            self.field = field
            self.old = old
            self.new = new
            self.sensitivity = sensitivity
        }
    }

    /// `2026-03-02 10:30 Anna Åberg (anna): ändrade deltagaren`.
    public var summary: String
    public var changes: [Change]
    /// The id of the record changed (a note's, an insats's …), so the values of one the reader may not see
    /// are left out.
    public var recordID: String?

    public init(summary: String, changes: [Change] = [], recordID: String? = nil) {
        self.summary = summary
        self.changes = changes
        self.recordID = recordID
    }
}

/// Lines of the tabs other than the overview.
enum ParticipantTabLines {
    /// - Parameter width: the columns the lines are drawn in; notes wrap at it instead of being cut.
    static func lines(
        _ tab: ParticipantTab, details: ParticipantDetails, caseload: Caseload, today: LocalDate, timeZone: TimeZone,
        width: Int = 78, timelineShift: Int = 0, withheld: Withheld = Withheld()
    ) -> [OverviewLine] {
        let record = details.record
        var lines: [OverviewLine] = []
        var item: Int?
        func add(_ text: String, _ role: Role = .normal) { lines.append(OverviewLine(text, role, item: item)) }
        func addWithheld(_ texts: [String]) { for t in texts { add("  " + t, .muted) } }
        switch tab {
        case .oversikt:
            return []
        case .kartlaggning:
            add("Kartläggningar (n ny/fortsätt, e öppna, c jämför, p skriv ut)", .header)
            if let notice = details.templateNotice {
                for row in TextWrap.rows(notice, width: width - 2) { add("  " + row, .warning) }
            }
            if details.kartlaggningar.isEmpty { add("  Inga kartläggningar ännu. n startar den första.", .muted) }
            for (index, k) in kartlaggningOrder(details.kartlaggningar).enumerated() {
                item = index
                let who = k.professionsPresent.map(\.short).joined(separator: ", ")
                let answered = k.answers.values.filter { AnswerRules.isAnswered($0) }.count
                let state = k.status == .klar ? "klar   " : "utkast "
                add(
                    "  \(k.date)  \(state) mall v\(k.templateVersion)  \(answered) svar  \(who)  \(k.id.short)",
                    k.status == .klar ? .normal : .warning)
                item = nil
            }
        case .insatser:
            add("Insatser (n ny, e ändra, a starta/avsluta; [ ] flyttar tidslinjen, . idag)", .header)
            if let notice = caseload.catalogueNotice {
                for row in TextWrap.rows(notice, width: width - 2) { add("  " + row, .warning) }
            }
            addWithheld(withheld.insatsLines)
            let episodes = insatsOrder(record.episodes)
            if record.participant.status.isOpen {
                for w in InsatsPlanning.bipWarnings(record.episodes, catalogue: caseload.catalogue, on: today) {
                    add("  ! " + w.description, .warning)
                }
            }
            for w in InsatsPlanning.warnings(record.episodes, catalogue: caseload.catalogue, today: today) {
                add("  ! " + w.description, .warning)
            }
            if episodes.isEmpty {
                add("  Inga insatser registrerade. n lägger till den första.", .muted)
                break
            }
            // The timeline: one bar per episode over ISO weeks.
            let labelWidth = 10
            let weeks = InsatsTimeline.weeks(
                from: InsatsTimeline.firstWeek(today: today, shift: timelineShift),
                count: InsatsTimeline.weekCount(width: width - 2, labelWidth: labelWidth))
            add("")
            for row in InsatsTimeline.header(weeks: weeks, today: today, label: "  v.", labelWidth: labelWidth) {
                add(row, .muted)
            }
            for (index, e) in episodes.enumerated() {
                item = index
                let job = (caseload.catalogue[e.typeCode]?.jobFocused ?? false) ? "J" : " "
                add("  " + DisplayWidth.pad("\(job) \(e.typeCode)", to: labelWidth - 2) + InsatsTimeline.bar(e, weeks: weeks))
                item = nil
            }
            add(
                "  " + DisplayWidth.pad("  alla", to: labelWidth - 2)
                    + InsatsTimeline.summary(record.episodes, catalogue: caseload.catalogue, weeks: weeks, today: today),
                .muted)
            add("  " + InsatsTimeline.legend, .muted)
            add("")
            for (index, e) in episodes.enumerated() {
                item = index
                let type = caseload.catalogue[e.typeCode]
                let job = (type?.jobFocused ?? false) ? "J" : " "
                let from = e.expectedStart.map(\.description) ?? "?"
                let to = e.expectedEnd.map(\.description) ?? "tills vidare"
                add(
                    "  \(job) \(DisplayWidth.pad(e.status.rawValue, to: 9)) \(from) – \(DisplayWidth.pad(to, to: 12)) "
                        + "\(type?.name ?? e.typeCode)", e.status.isEnded ? .muted : .normal)
                var details: [String] = []
                if let x = e.extentPercent { details.append("\(x) %") }
                if let p = e.provider { details.append("anordnare \(p)") }
                if let c = e.contactPerson { details.append("kontakt \(c)") }
                if let f = e.nextFollowUp { details.append("uppföljning \(f)") }
                if let d = e.decidedBy { details.append("beslut \(d.rawValue)" + (e.decisionDate.map { " \($0)" } ?? "")) }
                if let r = e.endReason { details.append("orsak: \(r.rawValue)") }
                if !details.isEmpty { add("      " + details.joined(separator: " · "), .muted) }
                if let note = e.note {
                    for row in TextWrap.rows(note, width: width - 8) { add("      " + row, .muted) }
                }
                item = nil
            }
        case .moten:
            add("Möten (n boka, e ändra, a registrera utfall)", .header)
            addWithheld(withheld.meetingLines)
            if record.meetings.isEmpty && withheld.meetings.isEmpty { add("  Inga möten registrerade.", .muted) }
            for (index, m) in meetingOrder(record.meetings).enumerated() {
                item = index
                add("  " + ParticipantOverview.meetingLine(m), m.date >= today ? .normal : .muted)
                var more: [String] = []
                let names = m.members.compactMap { caseload.team[$0]?.name }
                if !names.isEmpty { more.append(names.joined(separator: ", ")) }
                if let place = m.location { more.append(place) }
                if let language = m.interpreterLanguage { more.append("tolk: \(language)") }
                if let note = m.outcomeNote { more.append(note) }
                if !more.isEmpty { add("      " + more.joined(separator: " · "), .muted) }
                item = nil
            }
        case .anteckningar:
            add("Anteckningar (n ny, e rättar den valda; rättelser läggs till, inget skrivs över)", .header)
            addWithheld(withheld.noteLines)
            if details.notes.isEmpty && withheld.notes.isEmpty { add("  Inga anteckningar ännu.", .muted) }
            for (index, thread) in NoteRules.threadOrder(details.notes).enumerated() {
                item = index
                let n = thread.note
                let author = caseload.team[n.authorID]?.name ?? "okänd"
                let stamp = timestamp(n.writtenAt, timeZone)
                let indent = thread.isCorrection ? "    ↳ rättelse: " : "  "
                let textIndent = thread.isCorrection ? "      " : "    "
                let header = "\(stamp)  \(author), \(n.profession.label) (\(n.owner.rawValue), \(n.category.label))"
                for (i, row) in TextWrap.rows(header, width: width - indent.count).enumerated() {
                    add((i == 0 ? indent : textIndent) + row, .title)
                }
                for row in TextWrap.rows(n.text, width: width - textIndent.count) { add(textIndent + row) }
                item = nil
                add("")
            }
        case .samtycke:
            let badge = ConsentBadge(consents: record.consents, on: today)
            add("Samtycke: \(badge.text)   (n nytt, e återkallar det valda)", .header)
            if record.consents.isEmpty { add("  Inga samtycken registrerade.", .warning) }
            for (index, c) in consentOrder(record).enumerated() {
                item = index
                let state = c.isValid(on: today) ? "giltigt" : (c.isWithdrawn(on: today) ? "återkallat" : "ej giltigt")
                add("  \(c.validFrom)–\(c.validTo)  \(state)", c.isValid(on: today) ? .normal : .muted)
                add("    lämnar: " + c.discloser.map(\.rawValue).sorted().joined(separator: ", "))
                add("    tar emot: " + c.recipient.map(\.rawValue).sorted().joined(separator: ", "))
                let categories = "uppgifter: " + c.categories.map(\.label).sorted().joined(separator: ", ")
                for (i, row) in TextWrap.rows(categories, width: width - 6).enumerated() { add((i == 0 ? "    " : "      ") + row) }
                // Each authority registers its own consent: it lifts the registrar's organisation's secrecy only.
                if let registrar = caseload.team[c.registeredBy] {
                    let own = registrar.organisation.consentAuthorities
                    add("    registrerat av \(registrar.name) (\(registrar.organisation.rawValue))", .muted)
                    let others = c.discloser.subtracting(own)
                    if !others.isEmpty {
                        add(
                            "    ! lämnar inte ut för " + others.map(\.rawValue).sorted().joined(separator: ", ")
                                + ": varje myndighet registrerar sitt eget samtycke", .warning)
                    }
                }
                if let w = c.withdrawnOn {
                    let by = c.withdrawalRegisteredBy.flatMap { caseload.team[$0]?.name }.map { " (registrerat av \($0))" } ?? ""
                    add("    återkallat \(w)" + (c.withdrawnHow.map { ": \($0)" } ?? "") + by, .warning)
                }
                if let d = c.documentReference { add("    dokument: \(d)", .muted) }
                item = nil
            }
        }
        return lines
    }

    /// The ids of the items a tab lists, in the order it lists them (empty for tabs without items).
    static func itemIDs(_ tab: ParticipantTab, details: ParticipantDetails) -> [TabItem] {
        switch tab {
        case .anteckningar: return NoteRules.threadOrder(details.notes).map { .note($0.note.id) }
        case .samtycke: return consentOrder(details.record).map { .consent($0.id) }
        case .kartlaggning: return kartlaggningOrder(details.kartlaggningar).map { .kartlaggning($0.id) }
        case .insatser: return insatsOrder(details.record.episodes).map { .insats($0.id) }
        case .moten: return meetingOrder(details.record.meetings).map { .meeting($0.id) }
        case .oversikt: return []
        }
    }

    /// Running and planned first, by start; then the ended ones, newest first.
    static func insatsOrder(_ all: [InsatsEpisode]) -> [InsatsEpisode] {
        let far = LocalDate.distantFuture
        let live = all.filter { !$0.status.isEnded }.sorted { ($0.expectedStart ?? far, $0.id.rawValue) < ($1.expectedStart ?? far, $1.id.rawValue) }
        let ended = all.filter(\.status.isEnded).sorted { ($0.expectedEnd ?? far, $0.id.rawValue) > ($1.expectedEnd ?? far, $1.id.rawValue) }
        return live + ended
    }

    /// Newest first.
    static func meetingOrder(_ all: [Meeting]) -> [Meeting] {
        all.sorted { ($0.date, $0.time, $0.id.rawValue) > ($1.date, $1.time, $1.id.rawValue) }
    }

    /// Newest kartläggning first.
    static func kartlaggningOrder(_ all: [Kartlaggning]) -> [Kartlaggning] {
        all.sorted { ($0.date, $0.id.rawValue) > ($1.date, $1.id.rawValue) }
    }

    /// Newest consent first.
    static func consentOrder(_ record: ParticipantRecord) -> [Consent] {
        record.consents.sorted { ($0.validFrom, $0.id.rawValue) > ($1.validFrom, $1.id.rawValue) }
    }

    /// "2026-11-23 14:05" in the user's time zone.
    static func timestamp(_ date: Date, _ zone: TimeZone) -> String {
        let day = LocalDate(date, in: zone)
        let seconds = Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return "\(day) \(TimeOfDay(hour: minutes / 60, minute: minutes % 60)!)"
    }
}
