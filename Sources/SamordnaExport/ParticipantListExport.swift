import Foundation
import SamordnaCore

/// The caseload as a list that leaves the tool (`samordna participant list --format csv|json`).
/// Pseudonymised unless names are asked for: initials and a code made for this export only, no stored id and
/// no birth date. Participants with protected identity are never included.
public struct ParticipantListExport: Sendable {
    public struct Row: Equatable, Sendable {
        public var id: String
        public var name: String
        public var identity: String
        public var status: String
        public var responsible: String
        public var nextMeeting: String
        public var ongoingInsatser: Int
        public var flags: [String]
    }

    public var rows: [Row]
    /// How many participants with protected identity were left out.
    public var leftOutProtected: Int

    /// - Parameter codeSalt: chosen anew for every export (`UInt64.random`), so the codes of two files
    ///   cannot be matched.
    public init(
        records: [ParticipantRecord], team: [TeamMember], catalogue: [InsatsType], today: LocalDate,
        names: Bool, revealIdentity: Bool, codeSalt: UInt64 = UInt64.random(in: .min ... .max)
    ) {
        let codes = names ? [:] : ExportCode(salt: codeSalt).codes(records.filter { !$0.participant.protectedIdentity }.map(\.id))
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let types = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [(key: String, row: Row)] = []
        var protected = 0
        for record in records {
            let p = record.participant
            if p.protectedIdentity {
                protected += 1
                continue
            }
            let responsible = record.responsible(on: today)
            let staff = Profession.core.compactMap { prof -> String? in
                guard let id = responsible[prof], let m = members[id] else { return nil }
                return "\(prof.short): \(names ? m.name : m.login)"
            }.joined(separator: "; ")
            let meeting = record.nextMeeting(from: today).map { "\($0.date) \($0.time)" } ?? ""
            let flags = CaseloadRules.flags(for: record, catalogue: types, on: today).map(\.rawValue)
            let code = codes[p.id] ?? ""
            let row = Row(
                id: names ? p.id.rawValue : code,
                name: names ? p.sortName : ExportCode.label(firstName: p.firstName, lastName: p.lastName, code: code),
                // A pseudonymised list has no birth date: the masked identity would give it away.
                identity: revealIdentity ? p.identity.full : (names ? p.identity.masked : ""),
                status: p.status.rawValue, responsible: staff, nextMeeting: meeting,
                ongoingInsatser: record.ongoingEpisodes(on: today).count, flags: flags)
            rows.append((SwedishCollation.key("\(p.lastName) \(p.firstName)"), row))
        }
        rows.sort { ($0.key, $0.row.id) < ($1.key, $1.row.id) }
        self.rows = rows.map(\.row)
        self.leftOutProtected = protected
    }

    public static let header = ["id", "namn", "identitet", "status", "ansvariga", "nasta_mote", "pagaende_insatser", "flaggor"]

    public func csv(delimiter: Character = ",") -> String {
        CSVWriter(delimiter: delimiter).write(
            header: Self.header,
            rows: rows.map {
                [$0.id, $0.name, $0.identity, $0.status, $0.responsible, $0.nextMeeting, String($0.ongoingInsatser),
                 $0.flags.joined(separator: " ")]
            })
    }

    public func json() -> String {
        let objects: [[String: Any]] = rows.map {
            [
                "id": $0.id, "namn": $0.name, "identitet": $0.identity, "status": $0.status,
                "ansvariga": $0.responsible, "nasta_mote": $0.nextMeeting,
                "pagaende_insatser": $0.ongoingInsatser, "flaggor": $0.flags,
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return InertText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
