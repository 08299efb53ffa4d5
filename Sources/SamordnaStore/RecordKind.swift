/// The kinds of record the store keeps. The raw value is what the change log's `record_kind` column holds,
/// so it never changes once shipped.
public enum RecordKind: String, CaseIterable, Sendable {
    case teamMember = "team-member"
    case participant
    case assignment
    case consent
    case insats
    case meeting
    case note
    case exit
    case kartlaggning
    case assessment

    /// Swedish name used in messages ("samtycket 3f9c1a finns inte").
    public var label: String {
        switch self {
        case .teamMember: return "medarbetaren"
        case .participant: return "deltagaren"
        case .assignment: return "ansvarsperioden"
        case .consent: return "samtycket"
        case .insats: return "insatsen"
        case .meeting: return "mötet"
        case .note: return "anteckningen"
        case .exit: return "avslutet"
        case .kartlaggning: return "kartläggningen"
        case .assessment: return "bedömningen"
        }
    }
}
