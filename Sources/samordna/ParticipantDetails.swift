import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaStore
import TerminalUI

/// One participant's whole record for `participant show`, as text for the screen or as JSON. Contact details
/// of someone with skyddade personuppgifter are never shown, in history lines neither; stored text is made
/// inert (the text through `Sanitize`, JSON by its own escaping).
struct ParticipantDetails {
    /// Only what the reader may see (docs/privacy.md): the rest is in `withheld`.
    let record: ParticipantRecord
    let notes: [Note]
    let withheld: Withheld
    let team: [TeamMember]
    let history: [HistoryEntry]
    let today: LocalDate
    let timeZone: TimeZone
    let reveal: Bool
    /// The insats catalogue by code, for the insatser's names.
    let catalogue: [String: InsatsType]

    var participant: Participant { record.participant }
    var members: [TeamMember.ID: TeamMember] { Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
    var identityText: String { reveal ? participant.identity.full : participant.identity.masked }

    func member(_ id: TeamMember.ID?) -> String {
        guard let id else { return "–" }
        guard let m = members[id] else { return id.rawValue }
        return "\(m.name) (\(m.login))"
    }

    func historyLines(_ entry: HistoryEntry) -> [String] {
        if withheld.records.contains(entry.recordID) { return ["nr \(entry.sequence) \(entry.summary) (\(Disclosure.withheldMark))"] }
        return ["nr \(entry.sequence) \(entry.summary)"]
            + entry.changes.map { "  " + shownChange($0, protectedIdentity: participant.protectedIdentity, reveal: reveal) }
    }

    // MARK: Text

    func text() -> String {
        let p = participant
        var out: [String] = []
        func line(_ s: String, indent: Int = 0) { out.append(String(repeating: " ", count: indent) + Sanitize.line(s)) }
        func field(_ label: String, _ value: String?) {
            line(DisplayWidth.pad(label + ":", to: 26, alignRight: false) + (value.flatMap { $0.isEmpty ? nil : $0 } ?? "–"))
        }
        func lines(_ text: String, indent: Int) {
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l), indent: indent) }
        }

        line(p.fullName + (p.protectedIdentity ? "  [skyddade personuppgifter]" : ""))
        field("Id", p.id.rawValue)
        field("Identitet", "\(p.identity.kindLabel) \(identityText)")
        field("Status", p.status.label)
        field("Aktualiserad", p.enrolledOn.description)
        field("Tilltalsnamn", p.preferredName)
        field("Kön", p.gender.label)
        if p.protectedIdentity {
            field("Kontaktuppgifter", "dolda (skyddade personuppgifter)")
        } else {
            field("Telefon", p.phone)
            field("E-post", p.email)
            let address = (p.address ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            field("Adress", address.first)
            for more in address.dropFirst() { line(more, indent: 26) }
        }
        field("Språk", p.language)
        field("Tolk", p.interpreterNeeded ? "ja, \(p.interpreterLanguage ?? "–")" : "nej")
        field("Inskriven på AF sedan", p.afRegisteredSince?.description)
        field("Försörjningsstöd sedan", p.forsorjningsstodSince?.description)
        field("Version", String(p.version))

        out.append("")
        line("Ansvariga")
        let current = record.responsible(on: today)
        for profession in Profession.core { line("\(profession.short): \(member(current[profession]))", indent: 2) }
        let earlier = record.assignments.filter { !$0.isCurrent(on: today) }.sorted { $0.from > $1.from }
        for a in earlier {
            line("tidigare \(a.profession.short): \(member(a.memberID)) \(a.from) – \(a.to?.description ?? "")", indent: 2)
        }

        out.append("")
        let badge = ConsentBadge(consents: record.consents, on: today)
        line("Samtycke: \(badge.text)" + (badge.expiringSoon ? "  (upphör inom 30 dagar)" : ""))
        for c in record.consents {
            var s = "\(c.id.short) \(c.discloser.map(\.rawValue).sorted().joined(separator: ", ")) → "
                + "\(c.recipient.map(\.rawValue).sorted().joined(separator: ", ")); "
                + "\(c.categories.map(\.label).sorted().joined(separator: ", ")); \(c.validFrom) – \(c.validTo)"
            if let withdrawn = c.withdrawnOn { s += "; återkallat \(withdrawn)" }
            line(s, indent: 2)
        }

        out.append("")
        line("Insatser")
        for w in withheld.insatsLines { line(w, indent: 2) }
        if record.episodes.isEmpty && withheld.insatser.isEmpty { line("inga", indent: 2) }
        for e in record.episodes {
            let name = catalogue[e.typeCode]?.name ?? e.typeCode
            let from = (e.start ?? e.plannedStart)?.description ?? "?"
            let to = (e.end ?? e.plannedEnd)?.description ?? ""
            line("\(e.typeCode) \(name) (\(e.status.rawValue)) \(from) – \(to)", indent: 2)
        }

        out.append("")
        line("Möten")
        for w in withheld.meetingLines { line(w, indent: 2) }
        if record.meetings.isEmpty && withheld.meetings.isEmpty { line("inga", indent: 2) }
        for m in record.meetings.sorted(by: { ($0.date, $0.time) < ($1.date, $1.time) }) {
            line("\(m.date) \(m.time) \(m.kind.rawValue) (\(m.outcome.rawValue))" + (m.interpreter ? ", tolk" : ""), indent: 2)
        }

        out.append("")
        line("Anteckningar")
        for w in withheld.noteLines { line(w, indent: 2) }
        if notes.isEmpty && withheld.notes.isEmpty { line("inga", indent: 2) }
        for threaded in NoteRules.threadOrder(notes) {
            let n = threaded.note
            let indent = threaded.isCorrection ? 4 : 2
            let label = n.corrects.map { " rättar \($0.short)" } ?? ""
            line(
                "\(time(n.writtenAt)) \(member(n.authorID)), \(n.profession.label) (\(n.owner.rawValue), \(n.category.label))\(label):",
                indent: indent)
            lines(n.text, indent: indent + 2)
        }

        out.append("")
        if let exit = record.exit {
            line("Avslut")
            line("\(exit.date) \(exit.outcome.rawValue) \(exit.outcome.label)" + (exit.outcomeText.map { ": \($0)" } ?? ""), indent: 2)
            line("uppföljning \(exit.followUp4Weeks) och \(exit.followUp6Months)", indent: 2)
        } else {
            line("Avslut: –")
        }

        out.append("")
        line("Historik (senaste \(history.count))")
        for entry in history {
            for (i, l) in historyLines(entry).enumerated() { line(l, indent: i == 0 ? 2 : 4) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func time(_ date: Date) -> String { isoMinute(date, in: timeZone) }

    // MARK: JSON

    struct Output: Encodable {
        struct Contact: Encodable { let telefon, epost, adress: String? }
        /// `null` for someone with skyddade personuppgifter: the key is always there, so a reader sees that
        /// the contact details were withheld rather than missing.
        enum ContactField: Encodable {
            case withheld
            case shown(Contact)

            func encode(to encoder: Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .withheld: try c.encodeNil()
                case .shown(let contact): try c.encode(contact)
                }
            }
        }
        struct Responsible: Encodable { let yrke, inloggning, namn, fran: String; let till: String? }
        struct ConsentOut: Encodable {
            let id: String
            let lamnar, tarEmot, uppgifter, syften: [String]
            let giltigtFran, giltigtTill: String
            let aterkallat: String?
        }
        struct InsatsOut: Encodable { let id, typ, status: String; let start, slut: String? }
        struct MeetingOut: Encodable { let id, datum, tid, typ, utfall: String; let tolk: Bool }
        struct NoteOut: Encodable { let id, skriven, forfattare, yrke, agare, kategori, text: String; let rattar: String? }
        struct ExitOut: Encodable {
            let datum, avslutsorsak: String
            let beskrivning: String?
            let uppfoljning4Veckor, uppfoljning6Manader: String
        }
        struct HistoryOut: Encodable {
            let nr: Int64
            let tid, inloggning, handling, post: String
            let namn: String?
            let andringar: [String]
        }

        let id, fornamn, efternamn: String
        let tilltalsnamn: String?
        let identitetstyp, identitet: String
        let skyddadePersonuppgifter: Bool
        let kon: String
        let kontakt: ContactField
        let sprak: String?
        let tolk: Bool
        let tolksprak: String?
        let afInskrivenSedan, forsorjningsstodSedan: String?
        let status, aktualiserad: String
        let version: Int
        let ansvariga: [Responsible]
        let samtycke: String
        let samtycken: [ConsentOut]
        let insatser: [InsatsOut]
        let moten: [MeetingOut]
        let anteckningar: [NoteOut]
        /// What the reader may not see, said without saying what ("2 anteckningar från socialtjänsten – samtycke saknas").
        let undanhallet: [String]
        let avslut: ExitOut?
        let historik: [HistoryOut]
    }

    func json() throws -> String {
        let p = participant
        let output = Output(
            id: p.id.rawValue, fornamn: p.firstName, efternamn: p.lastName, tilltalsnamn: p.preferredName,
            identitetstyp: p.identity.kindLabel, identitet: identityText, skyddadePersonuppgifter: p.protectedIdentity,
            kon: p.gender.rawValue,
            kontakt: p.protectedIdentity
                ? .withheld : .shown(Output.Contact(telefon: p.phone, epost: p.email, adress: p.address)),
            sprak: p.language, tolk: p.interpreterNeeded, tolksprak: p.interpreterLanguage,
            afInskrivenSedan: p.afRegisteredSince?.description,
            forsorjningsstodSedan: p.forsorjningsstodSince?.description, status: p.status.rawValue,
            aktualiserad: p.enrolledOn.description, version: p.version,
            ansvariga: record.assignments.map { a in
                Output.Responsible(
                    yrke: a.profession.rawValue, inloggning: members[a.memberID]?.login ?? a.memberID.rawValue,
                    namn: members[a.memberID]?.name ?? "", fran: a.from.description, till: a.to?.description)
            },
            samtycke: ConsentBadge(consents: record.consents, on: today).text,
            samtycken: record.consents.map { c in
                Output.ConsentOut(
                    id: c.id.rawValue, lamnar: c.discloser.map(\.rawValue).sorted(),
                    tarEmot: c.recipient.map(\.rawValue).sorted(), uppgifter: c.categories.map(\.rawValue).sorted(),
                    syften: c.purposes.map(\.rawValue).sorted(), giltigtFran: c.validFrom.description,
                    giltigtTill: c.validTo.description, aterkallat: c.withdrawnOn?.description)
            },
            insatser: record.episodes.map { e in
                Output.InsatsOut(
                    id: e.id.rawValue, typ: e.typeCode, status: e.status.rawValue,
                    start: (e.start ?? e.plannedStart)?.description, slut: (e.end ?? e.plannedEnd)?.description)
            },
            moten: record.meetings.map { m in
                Output.MeetingOut(
                    id: m.id.rawValue, datum: m.date.description, tid: m.time.description, typ: m.kind.rawValue,
                    utfall: m.outcome.rawValue, tolk: m.interpreter)
            },
            anteckningar: NoteRules.threadOrder(notes).map { t in
                Output.NoteOut(
                    id: t.note.id.rawValue, skriven: time(t.note.writtenAt), forfattare: member(t.note.authorID),
                    yrke: t.note.profession.rawValue, agare: t.note.owner.rawValue, kategori: t.note.category.rawValue,
                    text: t.note.text, rattar: t.note.corrects?.rawValue)
            },
            undanhallet: withheld.allLines,
            avslut: record.exit.map { e in
                Output.ExitOut(
                    datum: e.date.description, avslutsorsak: e.outcome.rawValue, beskrivning: e.outcomeText,
                    uppfoljning4Veckor: e.followUp4Weeks.description, uppfoljning6Manader: e.followUp6Months.description)
            },
            historik: history.map { h in
                Output.HistoryOut(
                    nr: h.sequence, tid: h.time, inloggning: h.login, handling: h.what, post: h.record,
                    namn: h.memberName,
                    andringar: withheld.records.contains(h.recordID)
                        ? [] : h.changes.map { shownChange($0, protectedIdentity: p.protectedIdentity, reveal: reveal) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return InertText.json(String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}

/// `2026-03-02 10:30` in `timeZone`.
func isoMinute(_ date: Date, in timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
        format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
}
