public enum MeetingKind: String, CaseIterable, Codable, Sendable {
    case kartlaggning = "kartläggning"
    case uppfoljning = "uppföljning"
    case trepartssamtal
    case sip = "SIP"
    case arbetsgivarbesok = "arbetsgivarbesök"
    case ovrigt = "övrigt"
}

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
    public var version: Int

    public init(
        id: ID, participantID: Participant.ID, date: LocalDate, time: TimeOfDay, durationMinutes: Int = 60,
        kind: MeetingKind, professions: [Profession], interpreter: Bool = false, location: String? = nil,
        outcome: MeetingOutcome = .planerat, version: Int = 1
    ) {
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
}
