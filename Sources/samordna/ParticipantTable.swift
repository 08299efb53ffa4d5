import SamordnaCore
import TerminalUI

/// The plain-text table of `participant list`: the same columns as the terminal UI, width-aware so åäö and
/// wide characters line up, with stored text made inert.
enum ParticipantTable {
    static func render(
        records: [ParticipantRecord], team: [TeamMember], catalogue: [String: InsatsType], today: LocalDate, reveal: Bool,
        reader: TeamMember.ID?
    ) -> String {
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = records.sorted {
            (SwedishCollation.key("\($0.participant.lastName) \($0.participant.firstName)"), $0.id.rawValue)
                < (SwedishCollation.key("\($1.participant.lastName) \($1.participant.firstName)"), $1.id.rawValue)
        }
        let header = ["Id", "Namn", "Personnr", "Status", "Ansvariga", "Nästa möte", "Ins", "Flaggor"]
        let widths = [6, 28, 13, 12, 9, 16, 3, 8]
        var out = line(header, widths)
        for record in sorted {
            let p = record.participant
            let resp = record.responsible(on: today)
            // Skyddade personuppgifter: who it is only for the responsible staff (docs/privacy.md).
            guard Disclosure.mayIdentify(record, reader: reader, on: today) else {
                out += line([p.id.short, "Skyddad identitet", "skyddad", p.status.label, "", "", "", ""], widths)
                continue
            }
            let staff = Profession.core.map { prof -> String in
                guard let id = resp[prof], let m = members[id] else { return "–" }
                return String(m.name.split(separator: " ").prefix(2).compactMap(\.first)).uppercased()
            }.joined(separator: " ")
            let meeting = record.nextMeeting(from: today).map { "\($0.date) \($0.time)" } ?? ""
            let flags = String(CaseloadRules.flags(for: record, catalogue: catalogue, on: today).map(\.letter))
            out += line(
                // Skyddade personuppgifter: never the full number, whatever --reveal says.
                [p.id.short, p.sortName, reveal && !p.protectedIdentity ? p.identity.full : p.identity.masked, p.status.label,
                 staff, meeting,
                 String(record.ongoingEpisodes(on: today).count), flags], widths)
        }
        out += "\(records.count) deltagare\n"
        return out
    }

    static func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            parts.append(DisplayWidth.pad(Sanitize.line(cell), to: widths[i], alignRight: i == 6))
        }
        var s = parts.joined(separator: " ")
        while s.hasSuffix(" ") { s.removeLast() }
        return s + "\n"
    }
}
