/// A change of the team member responsible for a participant in one profession: the assignments to save
/// and whether the participant gets a new caseworker (BIP: a change of caseworker sets people back, so the
/// UI says so before saving and the caseload shows a continuity warning afterwards).
public struct ResponsibleChange: Hashable, Sendable {
    /// The assignments to save: the current one ended the day before (or corrected, when it started the same
    /// day) and the new one. Empty when the member is already responsible.
    public let writes: [ResponsibleAssignment]
    /// A different person now holds the profession than before.
    public let isContinuityChange: Bool

    public var isNoOp: Bool { writes.isEmpty }

    /// Makes `member` responsible for `participant` in `profession` from `day`.
    ///
    /// History is kept: the current assignment gets `to` = the day before and a new one starts on `day`.
    /// An assignment that started on `day` itself is corrected in place instead, so no period ends before it
    /// begins. A change before an assignment that starts later is refused: history is not rewritten.
    public static func assign(
        _ member: TeamMember.ID, as profession: Profession, to participant: Participant.ID, on day: LocalDate,
        current assignments: [ResponsibleAssignment], newID: ResponsibleAssignment.ID
    ) -> Result<ResponsibleChange, RuleViolation> {
        let own = assignments.filter { $0.participantID == participant && $0.profession == profession }
        if let later = own.filter({ $0.from > day }).min(by: { $0.from < $1.from }) {
            return .failure(
                RuleViolation(
                    "det finns redan en ansvarig \(profession.label) från \(later.from); en ändring kan inte börja före den"
                ))
        }
        let current = own.filter { $0.isCurrent(on: day) }.max { $0.from < $1.from }
        if let current, current.memberID == member {
            return .success(ResponsibleChange(writes: [], isContinuityChange: false))
        }
        // Who held the profession before `day`: what decides whether this is a change of caseworker.
        let before = own.filter { $0.from < day }.max { $0.from < $1.from }

        if var current, current.from == day {
            current.memberID = member
            let changed = before.map { $0.memberID != member } ?? false
            return .success(ResponsibleChange(writes: [current], isContinuityChange: changed))
        }
        let started = ResponsibleAssignment(
            id: newID, participantID: participant, profession: profession, memberID: member, from: day)
        if var current {
            current.to = day.adding(days: -1)
            return .success(ResponsibleChange(writes: [current, started], isContinuityChange: true))
        }
        let changed = before.map { $0.memberID != member } ?? false
        return .success(ResponsibleChange(writes: [started], isContinuityChange: changed))
    }
}

/// A change of caseworker: in `profession`, `next` took over from `previous` on `date`.
public struct ResponsibleHandover: Hashable, Sendable {
    public let profession: Profession
    public let previous: TeamMember.ID
    public let next: TeamMember.ID
    public let date: LocalDate
}

/// BIP: a change of caseworker sets people back. A participant whose responsible person in any profession
/// changed within the last 90 days is shown with a continuity warning, so the team can give the new
/// contact extra attention.
public enum ContinuityWarning {
    public static let windowDays = 90

    /// The handovers in one participant's `assignments` that took effect within the last `windowDays` days
    /// up to and including `day`, newest first. A first assignment in a profession is no handover, nor is the
    /// same member again after a gap.
    public static func handovers(in assignments: [ResponsibleAssignment], on day: LocalDate) -> [ResponsibleHandover] {
        var result: [ResponsibleHandover] = []
        let byProfession = Dictionary(grouping: assignments, by: \.profession)
        for profession in Profession.allCases {
            let ordered = (byProfession[profession] ?? []).sorted { $0.from < $1.from }
            for (previous, next) in zip(ordered, ordered.dropFirst()) where previous.memberID != next.memberID {
                let age = next.from.days(until: day)
                if (0...windowDays).contains(age) {
                    result.append(
                        ResponsibleHandover(
                            profession: profession, previous: previous.memberID, next: next.memberID, date: next.from))
                }
            }
        }
        return result.sorted { ($0.date, $1.profession.rawValue) > ($1.date, $0.profession.rawValue) }
    }

    public static func applies(to record: ParticipantRecord, on day: LocalDate) -> Bool {
        !handovers(in: record.assignments, on: day).isEmpty
    }
}
