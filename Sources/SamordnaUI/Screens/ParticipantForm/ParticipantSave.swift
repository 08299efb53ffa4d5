import SamordnaCore

/// What the participant form asks the runtime to save: validated fields, and the responsible member per
/// profession (nil = nobody). The runtime adds the id and the time.
public struct ParticipantSave: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case add
        /// `expectedVersion` is the version the form was opened on; a newer one in the store is a conflict.
        case update(Participant.ID, expectedVersion: Int)
    }

    public var kind: Kind
    public var fields: ValidParticipantFields
    /// Only the professions whose responsible member the form changed.
    public var responsible: [Profession: TeamMember.ID?]
    /// For an edit: the participant as the form was opened. The runtime applies only the fields that differ
    /// from it, on top of what is stored (after "keep mine", a colleague's other changes stay).
    public var base: Participant?

    public init(
        kind: Kind, fields: ValidParticipantFields, responsible: [Profession: TeamMember.ID?], base: Participant? = nil
    ) {
        self.kind = kind
        self.fields = fields
        self.responsible = responsible
        self.base = base
    }
}

/// Why a save did not happen.
public enum SaveFailure: Equatable, Sendable {
    /// A colleague saved the same record first; `current` is what the store holds now.
    case conflict(current: Participant)
    /// The identity already belongs to another participant.
    case duplicateIdentity(Participant.ID)
    /// Anything else, in words (disk full, database locked …). The form keeps what was typed.
    case other(String)
}
