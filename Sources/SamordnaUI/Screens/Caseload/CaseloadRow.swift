import SamordnaCore

/// One participant as the caseload list shows it, computed once when the data or the day changes (never
/// in `view`), so drawing and searching 10 000 rows stays cheap.
public struct CaseloadRow: Equatable, Sendable {
    public var id: Participant.ID
    /// Index into `Caseload.records`.
    public var recordIndex: Int
    public var sortKey: String
    public var name: String
    public var maskedIdentity: String
    public var fullIdentity: String
    public var status: ParticipantStatus
    public var responsible: String
    public var nextMeeting: String
    public var nextMeetingTime: String
    public var ongoingCount: Int
    public var flags: [ParticipantFlag]
    /// Lower-cased name and identity in all accepted forms, for incremental search.
    public var haystack: String

    public var flagText: String { String(flags.map(\.letter)) }

    static func make(_ record: ParticipantRecord, index: Int, caseload: Caseload, today: LocalDate) -> CaseloadRow {
        let p = record.participant
        let responsible = record.responsible(on: today)
        let initials = Profession.core.map { prof -> String in
            guard let id = responsible[prof], let m = caseload.team[id] else { return "–" }
            return Self.initials(m.name)
        }.joined(separator: " ")
        let meeting = record.nextMeeting(from: today)
        let identity = p.identity
        var hay = "\(p.firstName) \(p.lastName) \(p.preferredName ?? "")".lowercased()
        hay += " " + identity.storedValue.lowercased()
        if case .personnummer(let pn) = identity {
            hay += " " + pn.formatted + " " + pn.formatted10(today: today)
            hay += " " + String(pn.digits.dropFirst(2))
        }
        return CaseloadRow(
            id: p.id, recordIndex: index,
            sortKey: SwedishCollation.key("\(p.lastName) \(p.firstName)"),
            name: p.sortName, maskedIdentity: identity.masked,
            fullIdentity: identity.full,
            status: p.status, responsible: initials,
            nextMeeting: meeting.map { $0.date.description } ?? "",
            nextMeetingTime: meeting.map { $0.time.description } ?? "",
            ongoingCount: record.ongoingEpisodes(on: today).count,
            flags: CaseloadRules.flags(for: record, catalogue: caseload.catalogue, on: today),
            haystack: hay)
    }

    /// "Anna Lind" → "AL"; "Jörgen Ängström" → "JÄ".
    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").prefix(2).compactMap(\.first)).uppercased()
    }
}

/// Builds the sorted rows for a caseload (Swedish order by surname, then first name).
public func caseloadRows(_ caseload: Caseload, today: LocalDate) -> [CaseloadRow] {
    var rows = caseload.records.enumerated().map { i, r in
        CaseloadRow.make(r, index: i, caseload: caseload, today: today)
    }
    rows.sort { ($0.sortKey, $0.id.rawValue) < ($1.sortKey, $1.id.rawValue) }
    return rows
}
