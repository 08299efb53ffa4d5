/// What a meeting is for.
public enum MeetingKind: String, CaseIterable, Codable, Sendable {
    case kartlaggning = "kartläggning"
    case uppfoljning = "uppföljning"
    case trepartssamtal
    case sip = "SIP"
    case arbetsgivarbesok = "arbetsgivarbesök"
    case ovrigt = "övrigt"
}

/// What happened: planerat until recorded, then genomfört, uteblev (a no-show) or inställt.
public enum MeetingOutcome: String, CaseIterable, Codable, Sendable {
    case planerat
    case genomfort = "genomfört"
    case uteblev
    case installt = "inställt"
}

/// A meeting with a participant: when, who from the team, whether an interpreter is booked, what happened.
public struct Meeting: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<Meeting>
    public var id: ID
    public var participantID: Participant.ID
    public var date: LocalDate
    public var time: TimeOfDay
    public var durationMinutes: Int
    public var kind: MeetingKind
    public var professions: [Profession]
    public var interpreter: Bool
    public var location: String?
    public var outcome: MeetingOutcome
    /// The team members taking part, by id (the professions say which roles; members say who).
    public var members: [TeamMember.ID]
    /// The interpreter's language, when one is booked.
    public var interpreterLanguage: String?
    /// A short note recorded with the outcome.
    public var outcomeNote: String?
    public var version: Int

    public init(
        id: ID, participantID: Participant.ID, date: LocalDate, time: TimeOfDay, durationMinutes: Int = 60,
        kind: MeetingKind, professions: [Profession], interpreter: Bool = false, location: String? = nil,
        outcome: MeetingOutcome = .planerat, members: [TeamMember.ID] = [], interpreterLanguage: String? = nil,
        outcomeNote: String? = nil, version: Int = 1
    ) {
        self.members = members
        self.interpreterLanguage = interpreterLanguage
        self.outcomeNote = outcomeNote
        self.id = id
        self.participantID = participantID
        self.date = date
        self.time = time
        self.durationMinutes = durationMinutes
        self.kind = kind
        self.professions = professions
        self.interpreter = interpreter
        self.location = location
        self.outcome = outcome
        self.version = version
    }

    /// The minute of the day it ends (may pass midnight for a long late meeting: not split).
    public var endMinute: Int { time.minutes + durationMinutes }

    /// Whether it takes place at some minute `other` also does, on the same day. Cancelled meetings take
    /// no time.
    public func overlaps(_ other: Meeting) -> Bool {
        guard date == other.date, outcome != .installt, other.outcome != .installt else { return false }
        return time.minutes < other.endMinute && other.time.minutes < endMinute
    }
}

extension Meeting {
    /// Reads a meeting as encoded by this or an earlier version: `members` came later, so a change-log row
    /// written before it reads as no members named (the professions still say who took part).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id), participantID: try c.decode(Participant.ID.self, forKey: .participantID),
            date: try c.decode(LocalDate.self, forKey: .date), time: try c.decode(TimeOfDay.self, forKey: .time),
            durationMinutes: try c.decode(Int.self, forKey: .durationMinutes), kind: try c.decode(MeetingKind.self, forKey: .kind),
            professions: try c.decode([Profession].self, forKey: .professions),
            interpreter: try c.decode(Bool.self, forKey: .interpreter),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            outcome: try c.decode(MeetingOutcome.self, forKey: .outcome),
            members: try c.decodeIfPresent([TeamMember.ID].self, forKey: .members) ?? [],
            interpreterLanguage: try c.decodeIfPresent(String.self, forKey: .interpreterLanguage),
            outcomeNote: try c.decodeIfPresent(String.self, forKey: .outcomeNote),
            version: try c.decode(Int.self, forKey: .version))
    }
}
