import Foundation
import SamordnaCore

/// Insats episodes as a list that leaves the tool (`samordna insats list --format csv|json`). Pseudonymised
/// like the participant list: the participant as initials and a code made for this export (never the stored
/// id) unless names are asked for, and
/// participants with protected identity never included. Notes are not in the list (they are the team's own
/// words about a person; `participant show` has them).
public struct InsatsListExport: Sendable {
    public struct Row: Equatable, Sendable {
        public var id: String
        public var participantID: String
        public var participant: String
        public var code: String
        public var name: String
        public var jobFocused: Bool
        public var status: String
        public var plannedStart: String
        public var start: String
        public var plannedEnd: String
        public var end: String
        public var extentPercent: Int?
        public var provider: String
        public var contactPerson: String
        public var decidedBy: String
        public var decisionDate: String
        public var nextFollowUp: String
        public var endReason: String
    }

    public var rows: [Row]
    public var leftOutProtected: Int

    /// - Parameter episodes: each with its participant, in the order to list them.
    /// - Parameter codeSalt: chosen anew for every export, so the participant codes of two files cannot be matched.
    public init(
        episodes: [(InsatsEpisode, Participant)], catalogue: [InsatsType], names: Bool,
        codeSalt: UInt64 = UInt64.random(in: .min ... .max)
    ) {
        let types = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = names ? [:] : ExportCode(salt: codeSalt).codes(episodes.map(\.1.id))
        var rows: [Row] = []
        var protected = Set<Participant.ID>()
        for (e, p) in episodes {
            if p.protectedIdentity {
                protected.insert(p.id)
                continue
            }
            rows.append(
                Row(
                    id: e.id.rawValue, participantID: names ? p.id.rawValue : codes[p.id] ?? "",
                    participant: names ? p.sortName : ExportCode.label(firstName: p.firstName, lastName: p.lastName, code: codes[p.id] ?? ""),
                    code: e.typeCode, name: types[e.typeCode]?.name ?? "", jobFocused: types[e.typeCode]?.jobFocused ?? false,
                    status: e.status.rawValue, plannedStart: e.plannedStart?.description ?? "",
                    start: e.start?.description ?? "", plannedEnd: e.plannedEnd?.description ?? "",
                    end: e.end?.description ?? "", extentPercent: e.extentPercent, provider: e.provider ?? "",
                    contactPerson: e.contactPerson ?? "", decidedBy: e.decidedBy?.rawValue ?? "",
                    decisionDate: e.decisionDate?.description ?? "", nextFollowUp: e.nextFollowUp?.description ?? "",
                    endReason: e.endReason?.rawValue ?? ""))
        }
        self.rows = rows
        self.leftOutProtected = protected.count
    }

    public static let header = [
        "id", "deltagare_id", "deltagare", "kod", "insats", "jobbinriktad", "status", "planerad_start", "start",
        "planerat_slut", "slut", "omfattning", "anordnare", "kontaktperson", "beslutad_av", "beslutsdatum",
        "nasta_uppfoljning", "avslutsorsak",
    ]

    public func csv() -> String {
        CSVWriter().write(
            header: Self.header,
            rows: rows.map {
                [
                    $0.id, $0.participantID, $0.participant, $0.code, $0.name, $0.jobFocused ? "ja" : "nej", $0.status,
                    $0.plannedStart, $0.start, $0.plannedEnd, $0.end, $0.extentPercent.map(String.init) ?? "",
                    $0.provider, $0.contactPerson, $0.decidedBy, $0.decisionDate, $0.nextFollowUp, $0.endReason,
                ]
            })
    }

    public func json() -> String {
        ListJSON.encode(
            rows.map {
                [
                    "id": $0.id, "deltagare_id": $0.participantID, "deltagare": $0.participant, "kod": $0.code,
                    "insats": $0.name, "jobbinriktad": $0.jobFocused, "status": $0.status,
                    "planerad_start": ListJSON.value($0.plannedStart), "start": ListJSON.value($0.start),
                    "planerat_slut": ListJSON.value($0.plannedEnd), "slut": ListJSON.value($0.end),
                    "omfattning": $0.extentPercent.map { $0 as Any } ?? NSNull(),
                    "anordnare": ListJSON.value($0.provider), "kontaktperson": ListJSON.value($0.contactPerson),
                    "beslutad_av": ListJSON.value($0.decidedBy), "beslutsdatum": ListJSON.value($0.decisionDate),
                    "nasta_uppfoljning": ListJSON.value($0.nextFollowUp), "avslutsorsak": ListJSON.value($0.endReason),
                ]
            })
    }
}

/// Meetings as a list that leaves the tool (`samordna meeting list --format csv|json`): pseudonymised as
/// above, staff by login unless names are asked for; the outcome note stays in the tool.
public struct MeetingListExport: Sendable {
    public struct Row: Equatable, Sendable {
        public var id: String
        public var participantID: String
        public var participant: String
        public var date: String
        public var week: String
        public var time: String
        public var end: String
        public var lengthMinutes: Int
        public var kind: String
        public var professions: [String]
        public var members: [String]
        public var location: String
        public var interpreterLanguage: String
        public var outcome: String
    }

    public var rows: [Row]
    public var leftOutProtected: Int

    public init(
        meetings: [(Meeting, Participant)], team: [TeamMember], names: Bool, codeSalt: UInt64 = UInt64.random(in: .min ... .max)
    ) {
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = names ? [:] : ExportCode(salt: codeSalt).codes(meetings.map(\.1.id))
        var rows: [Row] = []
        var protected = Set<Participant.ID>()
        for (m, p) in meetings {
            if p.protectedIdentity {
                protected.insert(p.id)
                continue
            }
            rows.append(
                Row(
                    id: m.id.rawValue, participantID: names ? p.id.rawValue : codes[p.id] ?? "",
                    participant: names ? p.sortName : ExportCode.label(firstName: p.firstName, lastName: p.lastName, code: codes[p.id] ?? ""),
                    date: m.date.description, week: IsoWeek(containing: m.date).description, time: m.time.description,
                    end: TimeOfDay(minutes: m.endMinute % (24 * 60)).description, lengthMinutes: m.durationMinutes,
                    kind: m.kind.rawValue, professions: m.professions.map(\.short),
                    members: m.members.map { id in members[id].map { names ? $0.name : $0.login } ?? id.rawValue },
                    location: m.location ?? "", interpreterLanguage: m.interpreter ? (m.interpreterLanguage ?? "ja") : "",
                    outcome: m.outcome.rawValue))
        }
        self.rows = rows
        self.leftOutProtected = protected.count
    }

    public static let header = [
        "id", "deltagare_id", "deltagare", "datum", "vecka", "tid", "slut", "langd", "typ", "yrken", "medarbetare",
        "plats", "tolk", "utfall",
    ]

    public func csv() -> String {
        CSVWriter().write(
            header: Self.header,
            rows: rows.map {
                [
                    $0.id, $0.participantID, $0.participant, $0.date, $0.week, $0.time, $0.end, String($0.lengthMinutes),
                    $0.kind, $0.professions.joined(separator: " "), $0.members.joined(separator: " "), $0.location,
                    $0.interpreterLanguage, $0.outcome,
                ]
            })
    }

    public func json() -> String {
        ListJSON.encode(
            rows.map {
                [
                    "id": $0.id, "deltagare_id": $0.participantID, "deltagare": $0.participant, "datum": $0.date,
                    "vecka": $0.week, "tid": $0.time, "slut": $0.end, "langd": $0.lengthMinutes, "typ": $0.kind,
                    "yrken": $0.professions, "medarbetare": $0.members, "plats": ListJSON.value($0.location),
                    "tolk": ListJSON.value($0.interpreterLanguage), "utfall": $0.outcome,
                ]
            })
    }
}

/// The JSON of the lists: an array of objects with sorted keys, empty text as null, C1 controls escaped.
enum ListJSON {
    static func value(_ text: String) -> Any { text.isEmpty ? NSNull() : text }

    static func encode(_ objects: [[String: Any]]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return InertText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
