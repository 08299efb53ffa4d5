/// Everything the team keeps about one participant that the caseload and the overview need at once.
public struct ParticipantRecord: Hashable, Sendable {
    public var participant: Participant
    public var assignments: [ResponsibleAssignment]
    public var consents: [Consent]
    public var episodes: [InsatsEpisode]
    public var meetings: [Meeting]
    public var exit: ExitRecord?

    public init(
        participant: Participant, assignments: [ResponsibleAssignment] = [], consents: [Consent] = [],
        episodes: [InsatsEpisode] = [], meetings: [Meeting] = [], exit: ExitRecord? = nil
    ) {
        self.participant = participant
        self.assignments = assignments
        self.consents = consents
        self.episodes = episodes
        self.meetings = meetings
        self.exit = exit
    }

    public var id: Participant.ID { participant.id }

    /// The member responsible per profession on `day` (the newest current assignment wins).
    public func responsible(on day: LocalDate) -> [Profession: TeamMember.ID] {
        var result: [Profession: TeamMember.ID] = [:]
        var since: [Profession: LocalDate] = [:]
        for a in assignments where a.isCurrent(on: day) {
            if let s = since[a.profession], s > a.from { continue }
            result[a.profession] = a.memberID
            since[a.profession] = a.from
        }
        return result
    }

    /// The next planned meeting on or after `day`.
    public func nextMeeting(from day: LocalDate) -> Meeting? {
        meetings.filter { $0.outcome == .planerat && $0.date >= day }
            .min { ($0.date, $0.time) < ($1.date, $1.time) }
    }

    /// The last meeting that was held before or on `day`.
    public func lastContact(before day: LocalDate) -> LocalDate? {
        var last: LocalDate?
        for m in meetings where m.outcome == .genomfort && m.date <= day {
            if last.map({ m.date > $0 }) ?? true { last = m.date }
        }
        return last
    }

    public func ongoingEpisodes(on day: LocalDate) -> [InsatsEpisode] {
        episodes.filter { $0.isOngoing(on: day) }
    }
}
