import SamordnaCore

/// The caseload as the UI holds it: what the runtime loaded from the store, plus the catalogue and team
/// needed to describe it. Read-only for the UI; changes go out as effects.
public struct Caseload: Equatable, Sendable {
    public var records: [ParticipantRecord]
    public var team: [TeamMember.ID: TeamMember]
    public var catalogue: [String: InsatsType]
    /// Initials per team member ("AL"), for the list's Ansvariga column.
    public var initials: [TeamMember.ID: String]

    public init(records: [ParticipantRecord], team: [TeamMember], catalogue: [InsatsType]) {
        self.records = records
        self.team = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.catalogue = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.initials = self.team.mapValues { CaseloadRow.initials($0.name) }
    }

    public static let empty = Caseload(records: [], team: [], catalogue: [])
}
