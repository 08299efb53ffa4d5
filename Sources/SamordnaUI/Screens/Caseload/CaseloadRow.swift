import SamordnaCore

/// One participant as the caseload list shows it, computed once when the data or the day changes (never
/// in `view`), so drawing and searching 10 000 rows stays cheap. Text that only visible rows need (the
/// identity and the meeting as text) is formatted in `view`.
public struct CaseloadRow: Equatable, Sendable {
    public var id: Participant.ID
    /// Index into `Caseload.records`.
    public var recordIndex: Int
    public var sortKey: String
    public var name: String
    public var identity: Identity
    public var status: ParticipantStatus
    public var responsible: String
    /// Who is responsible today, per profession (for filtering).
    public var responsibleIDs: [Profession: TeamMember.ID]
    /// The last meeting held, for sorting by days since last contact.
    public var lastContact: LocalDate?
    public var nextMeeting: Meeting?
    public var ongoingCount: Int
    public var flags: [ParticipantFlag]
    /// Lower-cased names and the identity's digits (12 and 10), for incremental search.
    public var haystack: String
    /// Someone with skyddade personuppgifter the reader is not responsible for: no name, no number, not
    /// found by either, and not opened (docs/privacy.md).
    public var identityHidden: Bool = false

    public var flagText: String { String(flags.map(\.letter)) }

    static func make(
        _ record: ParticipantRecord, index: Int, caseload: Caseload, today: LocalDate, reader: TeamMember.ID?
    ) -> CaseloadRow {
        let p = record.participant
        let responsible = record.responsible(on: today)
        let initials = Profession.core.map { responsible[$0].flatMap { caseload.initials[$0] } ?? "–" }
            .joined(separator: " ")
        if !Disclosure.mayIdentify(record, reader: reader, on: today) {
            return CaseloadRow(
                id: p.id, recordIndex: index, sortKey: SwedishCollation.key(Self.hiddenName) + p.id.rawValue,
                name: Self.hiddenName, identity: .other(kind: "skyddad", value: ""), status: p.status,
                responsible: initials, responsibleIDs: responsible, lastContact: nil, nextMeeting: nil, ongoingCount: 0,
                flags: [], haystack: "skyddad identitet", identityHidden: true)
        }
        var hay = p.firstName.lowercased() + " " + p.lastName.lowercased()
        if let preferred = p.preferredName { hay += " " + preferred.lowercased() }
        switch p.identity {
        case .personnummer(let pn):
            hay += " " + pn.digits + " " + pn.digits.dropFirst(2)
        case .other(_, let value):
            hay += " " + value.lowercased() + " " + value.filter(\.isNumber)
        }
        return CaseloadRow(
            id: p.id, recordIndex: index,
            sortKey: SwedishCollation.key(p.lastName + " " + p.firstName),
            name: p.sortName, identity: p.identity,
            status: p.status, responsible: initials, responsibleIDs: responsible,
            lastContact: record.lastContact(before: today),
            nextMeeting: record.nextMeeting(from: today),
            ongoingCount: record.ongoingEpisodes(on: today).count,
            flags: CaseloadRules.flags(for: record, catalogue: caseload.catalogue, on: today),
            haystack: hay)
    }

    static let hiddenName = "Skyddad identitet"

    /// "Anna Lind" → "AL"; "Jörgen Ängström" → "JÄ".
    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").prefix(2).compactMap(\.first)).uppercased()
    }
}

/// Builds the sorted rows for a caseload (Swedish order by surname, then first name).
public func caseloadRows(_ caseload: Caseload, today: LocalDate, reader: TeamMember.ID?) -> [CaseloadRow] {
    var rows = caseload.records.enumerated().map { i, r in
        CaseloadRow.make(r, index: i, caseload: caseload, today: today, reader: reader)
    }
    rows.sort(by: CaseloadRow.precedes)
    return rows
}

extension CaseloadRow {
    /// The list's own order: Swedish order by surname and first name, then id.
    static func precedes(_ a: CaseloadRow, _ b: CaseloadRow) -> Bool {
        a.sortKey != b.sortKey ? a.sortKey < b.sortKey : a.id.rawValue < b.id.rawValue
    }
}
