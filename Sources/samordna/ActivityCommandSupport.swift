import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// What `insats` and `meeting` share: the catalogue, finding a participant or record by the first characters
/// of its id, choices typed with or without Swedish letters, and dates.
enum ActivityText {
    static let badDate = "ogiltigt datum (skriv ÅÅÅÅ-MM-DD, ett datum som finns, t.ex. 2026-03-01)"

    /// A date option: 65 naming the option when it is not a real ISO date.
    static func date(_ typed: String, option: String) throws -> LocalDate {
        guard let day = LocalDate(iso: typed.trimmingCharacters(in: .whitespaces)) else {
            throw CLIFailure(message: invalidOption(option, typed, badDate) + "; inget sparades", code: 65)
        }
        return day
    }

    /// `typed` folded so `pagar`, `Pågår` and `PÅGÅR` are the same choice: lower case, å ä → a, ö → o, é → e,
    /// `-` and `_` as spaces.
    static func folded(_ typed: String) -> String {
        var out = ""
        for ch in typed.trimmingCharacters(in: .whitespaces).lowercased() {
            switch ch {
            case "å", "ä": out.append("a")
            case "ö": out.append("o")
            case "é": out.append("e")
            case "-", "_": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }

    static func choice<C: RawRepresentable>(_ typed: String, among all: [C]) -> C? where C.RawValue == String {
        let f = folded(typed)
        return all.first { folded($0.rawValue) == f }
    }

    /// The participant `typed` names (id, its first characters, or a personnummer), as `participant show`.
    static func participant(_ typed: String, store: CaseloadStore, today: LocalDate) throws -> Participant {
        let all = try store.participants()
        let id = try ParticipantCommand.Show.find(typed, in: all, today: today)
        guard let p = all.first(where: { $0.id == id }) else {
            throw CLIFailure(message: "samordna: ingen deltagare med id \(quotedValue(typed))", code: 65)
        }
        return p
    }

    static func episode(_ typed: String, store: CaseloadStore) throws -> InsatsEpisode {
        try unique(typed, none: "ingen insats", try lookup(typed, id: \.id.rawValue) { try store.episodes(idPrefix: $0) }, id: \.id.rawValue)
    }

    static func meeting(_ typed: String, store: CaseloadStore) throws -> Meeting {
        try unique(typed, none: "inget möte", try lookup(typed, id: \.id.rawValue) { try store.meetings(idPrefix: $0) }, id: \.id.rawValue)
    }

    /// The whole id, or its first characters (at least four).
    private static func lookup<V>(_ typed: String, id: KeyPath<V, String>, _ find: (String) throws -> [V]) throws -> [V] {
        let t = typed.trimmingCharacters(in: .whitespaces)
        // The store gives the record with exactly this id alone, else every id starting with it.
        let found = try find(t)
        if t.count < 4 { return found.filter { $0[keyPath: id] == t } }
        if found.isEmpty, t != t.lowercased() { return try find(t.lowercased()) }
        return found
    }

    private static func unique<V>(_ typed: String, none: String, _ found: [V], id: KeyPath<V, String>) throws -> V {
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw CLIFailure(
                message: "samordna: \(none) med id \(quotedValue(typed)) (ange id:t eller minst 4 tecken av det); inget sparades",
                code: 65)
        }
        let ids = found.prefix(5).map { String($0[keyPath: id].prefix(8)) }.joined(separator: ", ")
        throw CLIFailure(message: "samordna: \(quotedValue(typed)) passar flera (\(ids)); ange fler tecken av id:t", code: 65)
    }

    /// Rows by participant (Swedish order of the name), then by `key`.
    static func sorted<V, K: Comparable>(_ rows: [(V, Participant)], by key: ((V, Participant)) -> K) -> [(V, Participant)] {
        let keyed = rows.map { (row: $0, name: SwedishCollation.key("\($0.1.lastName) \($0.1.firstName)") + "\u{0}" + $0.1.id.rawValue) }
        return keyed.sorted { a, b in a.name != b.name ? a.name < b.name : key(a.row) < key(b.row) }.map(\.row)
    }
}

/// The plain-text tables of `insats list` and `meeting list`: width-aware, stored text made inert.
enum ActivityTable {
    static func insatser(_ rows: [(InsatsEpisode, Participant)], catalogue: [String: InsatsType]) -> String {
        let widths = [6, 22, 6, 9, 11, 11, 4, 1, 20]
        var out = line(["Id", "Deltagare", "Kod", "Status", "Start", "Slut", "Omf", "J", "Anordnare"], widths, right: [6])
        for (e, p) in rows {
            func day(_ actual: LocalDate?, _ planned: LocalDate?) -> String {
                if let actual { return actual.description }
                return planned.map { "\($0)*" } ?? ""
            }
            out += line(
                [
                    e.id.short, p.sortName, e.typeCode, e.status.rawValue, day(e.start, e.plannedStart),
                    day(e.end, e.plannedEnd), e.extentPercent.map { "\($0)%" } ?? "",
                    catalogue[e.typeCode]?.jobFocused == true ? "J" : "", e.provider ?? "",
                ], widths, right: [6])
        }
        out += "\(rows.count) insatser (* planerat datum, J jobbinriktad)\n"
        return out
    }

    static func meetings(_ rows: [(Meeting, Participant)], team: [TeamMember]) -> String {
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let widths = [6, 10, 2, 11, 3, 23, 22, 14, 9]
        var out = line(["Id", "Datum", "V", "Tid", "Min", "Typ", "Deltagare", "Medarbetare", "Utfall"], widths, right: [2, 4])
        for (m, p) in rows {
            let end = TimeOfDay(minutes: m.endMinute % (24 * 60))
            out += line(
                [
                    m.id.short, m.date.description, String(IsoWeek(containing: m.date).week), "\(m.time)–\(end)",
                    String(m.durationMinutes), m.kind.rawValue + (m.interpreter ? " (tolk)" : ""), p.sortName,
                    m.members.map { members[$0]?.login ?? $0.short }.joined(separator: " "), m.outcome.rawValue,
                ], widths, right: [2, 4])
        }
        out += "\(rows.count) möten\n"
        return out
    }

    /// One row: each cell made inert and padded (or cut with …) to its column's display width.
    static func line(_ cells: [String], _ widths: [Int], right: Set<Int> = []) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            parts.append(DisplayWidth.pad(Sanitize.line(cell), to: widths[i], alignRight: right.contains(i)))
        }
        var s = parts.joined(separator: " ")
        while s.hasSuffix(" ") { s.removeLast() }
        return s + "\n"
    }
}
