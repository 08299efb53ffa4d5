import SamordnaCore

/// The caseload as the UI holds it: what the runtime loaded from the store, plus the catalogue and team
/// needed to describe it. Read-only for the UI; changes go out as effects.
public struct Caseload: Equatable, Sendable {
    public private(set) var records: [ParticipantRecord]
    public private(set) var team: [TeamMember.ID: TeamMember]
    public var catalogue: [String: InsatsType]
    /// Set when the catalogue file has errors and the last valid catalogue (or the default) is used.
    public var catalogueNotice: String?
    /// Initials per team member ("AL"), for the list's Ansvariga column.
    public private(set) var initials: [TeamMember.ID: String]
    /// Where each participant is in `records`: every lookup by id goes through here, never a scan.
    private var positions: [Participant.ID: Int]

    public init(records: [ParticipantRecord], team: [TeamMember], catalogue: [InsatsType]) {
        self.records = records
        self.team = [:]
        self.initials = [:]
        self.catalogue = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.positions = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        replaceTeam(team)
    }

    public static let empty = Caseload(records: [], team: [], catalogue: [])

    /// The participant's record as loaded, if it is in the caseload.
    public func record(_ id: Participant.ID) -> ParticipantRecord? {
        positions[id].map { records[$0] }
    }

    /// Where the participant's record is in `records`.
    public func position(of id: Participant.ID) -> Int? { positions[id] }

    public mutating func replaceTeam(_ members: [TeamMember]) {
        team = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        initials = team.mapValues { CaseloadRow.initials($0.name) }
    }

    /// Puts a reloaded record in place of the stored one (or adds a new participant at the end, so the
    /// positions of the others stay as they were). Returns its position.
    @discardableResult
    public mutating func replace(_ record: ParticipantRecord) -> Int {
        if let i = positions[record.id] {
            records[i] = record
            return i
        }
        records.append(record)
        positions[record.id] = records.count - 1
        return records.count - 1
    }

    /// Takes participants that are no longer stored out of the caseload. Positions after them move.
    public mutating func remove(_ ids: Set<Participant.ID>) {
        guard !ids.isEmpty else { return }
        records.removeAll { ids.contains($0.id) }
        positions = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
