/// The sections of the veckolista that are about every open participant ("utan pågående insats", "utan
/// jobbinriktad insats", "samtycke saknas/går ut"), as the store computes them in SQL so that only the
/// participants with something to show come back, never the whole caseload. `WeekList` applies its rules
/// (protected identity, Min vecka, the team's consent groups) to these rows exactly as to records.
///
/// With a state, `WeekList` takes those three sections from `rows` only, and judges "glapp" and "nära längsta
/// tid" only for the records in `insatsCandidates` (whose records carry all their live episodes).
public struct WeekCaseloadState: Hashable, Sendable {
    /// An open participant with no ongoing job-focused insats, or a consent group with no valid consent or
    /// only ones ending within `WeekList.consentWarningDays`, on the reference day (a superset is allowed:
    /// the rules are applied again).
    public struct Row: Hashable, Sendable {
        public var id: Participant.ID
        public var firstName: String
        public var lastName: String
        public var status: ParticipantStatus
        public var protectedIdentity: Bool
        /// An insats is ongoing on the reference day (`InsatsEpisode.isOngoing`).
        public var hasOngoing: Bool
        /// One of the ongoing insatser is of a job-focused type in the catalogue.
        public var hasJobFocused: Bool
        /// Per consent group, in `ConsentBadge.Group.allCases` order: the last `validTo` of the consents valid
        /// on the reference day that let one of the group's authorities share (disclose or receive); nil when
        /// there is none.
        public var lastConsents: [LocalDate?]

        public init(
            id: Participant.ID, firstName: String, lastName: String, status: ParticipantStatus,
            protectedIdentity: Bool, hasOngoing: Bool, hasJobFocused: Bool,
            lastConsents: [LocalDate?] = Array(repeating: nil, count: ConsentBadge.Group.allCases.count)
        ) {
            self.id = id
            self.firstName = firstName
            self.lastName = lastName
            self.status = status
            self.protectedIdentity = protectedIdentity
            self.hasOngoing = hasOngoing
            self.hasJobFocused = hasJobFocused
            self.lastConsents = lastConsents
        }

        public func lastConsent(_ group: ConsentBadge.Group) -> LocalDate? {
            ConsentBadge.Group.allCases.firstIndex(of: group).flatMap { lastConsents.indices.contains($0) ? lastConsents[$0] : nil }
        }
    }

    public var rows: [Row]
    /// Open participants with an ongoing insats that ends within the gap horizon or reaches its type's
    /// maximum length within the warning days: the only ones that can be in "glapp" or "nära längsta tid".
    public var insatsCandidates: Set<Participant.ID>
    /// The responsibilities of the reader and, in a lag's week, of the lag's members (`Reader.circle`; the
    /// same as the records carry), by participant: who is in Min vecka or the lag's week, and who with
    /// skyddade personuppgifter the reader may see.
    public var circleAssignments: [Participant.ID: [ResponsibleAssignment]]

    public init(
        rows: [Row], insatsCandidates: Set<Participant.ID>, circleAssignments: [Participant.ID: [ResponsibleAssignment]]
    ) {
        self.rows = rows
        self.insatsCandidates = insatsCandidates
        self.circleAssignments = circleAssignments
    }
}
