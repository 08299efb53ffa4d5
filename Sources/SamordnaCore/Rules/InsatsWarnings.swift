/// A planning problem with a participant's insatser: shown when an episode is saved and on the Insatser tab,
/// never refused (the team may have reasons).
public enum InsatsWarning: Hashable, Sendable, CustomStringConvertible {
    /// The episodes running in `week` add up to more than full time.
    case overFullTime(week: IsoWeek, percent: Int)
    /// Two episodes of the same type cover the same days.
    case overlapsSameType(code: String, from: LocalDate)
    /// The episode runs (or is planned to run) longer than its type's maximum.
    case pastMaxLength(code: String, days: Int, max: Int)

    public var description: String {
        switch self {
        case .overFullTime(let week, let percent):
            return "omfattning \(percent) % vecka \(week.week) (\(week)): mer än heltid"
        case .overlapsSameType(let code, let from):
            return "\(code) två gånger samtidigt från \(from)"
        case .pastMaxLength(let code, let days, let max):
            return "\(code) \(days) dagar, längre än högst \(max) dagar"
        }
    }
}

/// A BIP finding about one participant's insatser right now, for the list's flags, the team timeline and
/// the veckolista.
public enum BipWarning: Hashable, Sendable, CustomStringConvertible {
    /// No insats runs today (BIP: periods without an insats set people back).
    case noOngoing
    /// None of the running insatser is job-focused (BIP: the others help only together with one).
    case noJobFocused
    /// An insats ends within four weeks with nothing to follow it.
    case gapAhead(code: String, ends: LocalDate)
    /// A follow-up date has passed.
    case followUpOverdue(code: String, due: LocalDate)
    /// An insats reaches its type's maximum length within 30 days.
    case maxLengthNear(code: String, reaches: LocalDate)

    public var description: String {
        switch self {
        case .noOngoing: return "ingen pågående insats"
        case .noJobFocused: return "ingen jobbinriktad insats"
        case .gapAhead(let code, let ends): return "glapp: \(code) slutar \(ends) utan fortsättning"
        case .followUpOverdue(let code, let due): return "uppföljning av \(code) försenad (\(due))"
        case .maxLengthNear(let code, let reaches): return "\(code) når sin längsta tid \(reaches)"
        }
    }
}

/// The insats rules over a participant's episodes: planning warnings and the BIP warnings. The list's
/// flags, the timelines and the veckolista ask here and never recompute them.
public enum InsatsPlanning {
    /// Warn this many days before an insats reaches its maximum length.
    public static let maxLengthWarningDays = 30

    /// The planning warnings for `episodes` (one participant's), for the weeks they cover, ending by
    /// `horizon` for open-ended ones.
    public static func warnings(
        _ episodes: [InsatsEpisode], catalogue: [String: InsatsType], today: LocalDate
    ) -> [InsatsWarning] {
        let live = episodes.filter { !($0.status == .avbruten && $0.start == nil) && $0.span != nil }
        var warnings: [InsatsWarning] = []
        // Same type twice at once.
        for (i, a) in live.enumerated() {
            for b in live[(i + 1)...] where a.typeCode == b.typeCode {
                guard let sa = a.span, let sb = b.span else { continue }
                let from = max(sa.start, sb.start)
                let aEnd = sa.end ?? LocalDate.distantFuture
                let bEnd = sb.end ?? LocalDate.distantFuture
                if from <= min(aEnd, bEnd) { warnings.append(.overlapsSameType(code: a.typeCode, from: from)) }
            }
        }
        // Omfattning on the same days: a sweep over the days episodes start and end (a handover within a
        // week is not double time). The first day over full time names its ISO week.
        var changes: [(day: LocalDate, delta: Int)] = []
        for e in live {
            guard let span = e.span, let percent = e.extentPercent else { continue }
            changes.append((span.start, percent))
            if let end = span.end { changes.append((end.adding(days: 1), -percent)) }
        }
        changes.sort { ($0.day, $0.delta) < ($1.day, $1.delta) }
        var total = 0
        var index = 0
        while index < changes.count {
            let day = changes[index].day
            while index < changes.count, changes[index].day == day {
                total += changes[index].delta
                index += 1
            }
            if total > 100 {
                warnings.append(.overFullTime(week: IsoWeek(containing: day), percent: total))
                break
            }
        }
        for e in live {
            guard let max = catalogue[e.typeCode]?.maxLengthDays, let days = e.lengthDays(through: today), days > max
            else { continue }
            warnings.append(.pastMaxLength(code: e.typeCode, days: days, max: max))
        }
        return warnings
    }

    /// The BIP warnings for one open participant on `day`.
    public static func bipWarnings(
        _ episodes: [InsatsEpisode], catalogue: [String: InsatsType], on day: LocalDate
    ) -> [BipWarning] {
        var warnings: [BipWarning] = []
        let ongoing = episodes.filter { $0.isOngoing(on: day) }
        if ongoing.isEmpty { warnings.append(.noOngoing) }
        if !ongoing.contains(where: { catalogue[$0.typeCode]?.jobFocused ?? false }) { warnings.append(.noJobFocused) }
        if let gap = gapAhead(episodes, ongoing: ongoing, on: day) {
            warnings.append(.gapAhead(code: gap.typeCode, ends: gap.expectedEnd ?? day))
        }
        for e in episodes where !e.status.isEnded {
            if let due = e.nextFollowUp, due < day { warnings.append(.followUpOverdue(code: e.typeCode, due: due)) }
        }
        for e in ongoing {
            guard let max = catalogue[e.typeCode]?.maxLengthDays, let start = e.expectedStart else { continue }
            let reaches = start.adding(days: max - 1)
            if day.days(until: reaches) <= maxLengthWarningDays {
                warnings.append(.maxLengthNear(code: e.typeCode, reaches: reaches))
            }
        }
        return warnings
    }

    /// An ongoing insats that ends within the gap horizon with no other insats covering the days after it
    /// (one starting within two weeks counts as following on).
    static func gapAhead(_ episodes: [InsatsEpisode], ongoing: [InsatsEpisode], on day: LocalDate) -> InsatsEpisode? {
        let live = episodes.filter { $0.status == .pagar || $0.status == .planerad }
        for e in ongoing {
            guard let end = e.expectedEnd, day.days(until: end) <= CaseloadRules.gapHorizonDays else { continue }
            let after = end.adding(days: 1)
            let covered = live.contains { other in
                other.id != e.id && (other.expectedStart.map { $0 <= after.adding(days: 14) } ?? false)
                    && (other.expectedEnd.map { $0 >= after } ?? true)
            }
            if !covered { return e }
        }
        return nil
    }
}

/// A person booked twice: the other meeting at an overlapping time, and who.
public struct DoubleBooking: Hashable, Sendable, CustomStringConvertible {
    public enum Who: Hashable, Sendable {
        case participant
        case member(TeamMember.ID)
    }

    public var who: Who
    public var other: Meeting

    public var description: String {
        "\(other.date) \(other.time)–\(TimeOfDay(minutes: other.endMinute)) (\(other.kind.rawValue))"
    }
}

/// A meeting as a person filled it in.
public struct MeetingDraft: Hashable, Sendable {
    public var date: String
    public var time: String
    public var lengthMinutes: String
    public var kind: MeetingKind?
    public var professions: [Profession]
    public var members: [TeamMember.ID]
    public var location: String
    public var interpreter: Bool
    public var interpreterLanguage: String

    public init(
        date: String = "", time: String = "", lengthMinutes: String = "60", kind: MeetingKind? = nil,
        professions: [Profession] = [], members: [TeamMember.ID] = [], location: String = "", interpreter: Bool = false,
        interpreterLanguage: String = ""
    ) {
        self.date = date
        self.time = time
        self.lengthMinutes = lengthMinutes
        self.kind = kind
        self.professions = professions
        self.members = members
        self.location = location
        self.interpreter = interpreter
        self.interpreterLanguage = interpreterLanguage
    }

    public init(_ m: Meeting) {
        self.init(
            date: m.date.description, time: m.time.description, lengthMinutes: String(m.durationMinutes), kind: m.kind,
            professions: m.professions, members: m.members, location: m.location ?? "", interpreter: m.interpreter,
            interpreterLanguage: m.interpreterLanguage ?? "")
    }
}

public enum MeetingField: String, ValidatedField, Codable {
    case date, time, lengthMinutes, kind, professions, members, location, interpreterLanguage, outcome, outcomeNote

    public var label: String {
        switch self {
        case .date: return "datum"
        case .time: return "tid"
        case .lengthMinutes: return "längd"
        case .kind: return "typ"
        case .professions: return "yrken"
        case .members: return "medarbetare"
        case .location: return "plats"
        case .interpreterLanguage: return "tolkspråk"
        case .outcome: return "utfall"
        case .outcomeNote: return "anteckning"
        }
    }
}

/// The rules for a meeting: a real date and time, a length of 1–480 minutes, a kind, and an interpreter's
/// language when one is booked. Double bookings are warned, not refused.
public enum MeetingRules {
    public static let maxLengthMinutes = 8 * 60
    public static let textLimit = 200

    public static func validate(_ d: MeetingDraft, team: [TeamMember.ID: TeamMember]) -> Result<ValidMeeting, FieldErrors<MeetingField>> {
        var errors = FieldErrors<MeetingField>()
        let date: LocalDate?
        switch TextRules.date(d.date) {
        case .success(let value):
            date = value
            if value == nil { errors.add(.date, "ange mötets datum") }
        case .failure(let v):
            date = nil
            errors.add(.date, v.reason)
        }
        let typedTime = d.time.trimmingWhitespace()
        let time = TimeOfDay(text: typedTime)
        if typedTime.isEmpty {
            errors.add(.time, "ange när mötet börjar (TT:MM)")
        } else if time == nil {
            errors.add(.time, "ogiltig tid \(TextRules.quoted(typedTime)) (skriv TT:MM, 00:00–23:59)")
        }
        let typedLength = d.lengthMinutes.trimmingWhitespace()
        let length = Int(typedLength)
        if let length, (1...maxLengthMinutes).contains(length) {
        } else if let length {
            errors.add(.lengthMinutes, "längden måste vara 1–\(maxLengthMinutes) minuter (högst 8 timmar; fick \(length))")
        } else {
            errors.add(.lengthMinutes, "längden skrivs i minuter, t.ex. 60 (fick \(TextRules.quoted(typedLength)))")
        }
        if d.kind == nil { errors.add(.kind, "välj typ av möte") }
        for id in d.members where team[id] == nil { errors.add(.members, "okänd medarbetare \(TextRules.quoted(id.rawValue))") }
        let location: String?
        switch TextRules.optionalLine(d.location, limit: textLimit) {
        case .success(let value): location = value
        case .failure(let v):
            location = nil
            errors.add(.location, v.reason)
        }
        var language: String?
        switch TextRules.optionalLine(d.interpreterLanguage, limit: 60) {
        case .success(let value): language = value
        case .failure(let v): errors.add(.interpreterLanguage, v.reason)
        }
        if d.interpreter, language == nil { errors.add(.interpreterLanguage, "ange tolkspråk när tolk är bokad") }
        if !d.interpreter { language = nil }
        guard errors.isEmpty, let date, let time, let length, let kind = d.kind else { return .failure(errors) }
        // The roles of the members taking part count as present, with any named only by role.
        var professions = d.professions
        for id in d.members { if let p = team[id]?.profession, !professions.contains(p) { professions.append(p) } }
        return .success(
            ValidMeeting(
                date: date, time: time, lengthMinutes: length, kind: kind, professions: professions, members: d.members,
                location: location, interpreter: d.interpreter, interpreterLanguage: language))
    }

    /// Who of the meeting's participant and members is already booked at an overlapping time.
    public static func doubleBookings(_ meeting: Meeting, among others: [Meeting]) -> [DoubleBooking] {
        var found: [DoubleBooking] = []
        for other in others where other.id != meeting.id && meeting.overlaps(other) {
            if other.participantID == meeting.participantID { found.append(DoubleBooking(who: .participant, other: other)) }
            for member in meeting.members where other.members.contains(member) {
                found.append(DoubleBooking(who: .member(member), other: other))
            }
        }
        return found
    }

    /// Records what happened. A planned meeting only; a note of at most 500 characters.
    public static func record(
        _ m: Meeting, outcome: MeetingOutcome, note: String, today: LocalDate
    ) -> Result<Meeting, RuleViolation> {
        guard outcome != .planerat else { return .failure(RuleViolation("välj genomfört, uteblev eller inställt")) }
        if outcome != .installt, m.date > today {
            return .failure(RuleViolation("mötet \(m.date) har inte ägt rum än (idag är \(today)); bara inställt går att registrera"))
        }
        var recorded = m
        recorded.outcome = outcome
        switch InsatsRules.optionalText(note, limit: 500) {
        case .success(let text): recorded.outcomeNote = text
        case .failure(let v): return .failure(v)
        }
        return .success(recorded)
    }
}

/// A meeting's fields as Core accepted them.
public struct ValidMeeting: Hashable, Sendable {
    public var date: LocalDate
    public var time: TimeOfDay
    public var lengthMinutes: Int
    public var kind: MeetingKind
    public var professions: [Profession]
    public var members: [TeamMember.ID]
    public var location: String?
    public var interpreter: Bool
    public var interpreterLanguage: String?

    public func meeting(id: Meeting.ID, participant: Participant.ID) -> Meeting {
        applied(to: Meeting(id: id, participantID: participant, date: date, time: time, kind: kind, professions: []))
    }

    public func applied(to m: Meeting) -> Meeting {
        var m = m
        m.date = date
        m.time = time
        m.durationMinutes = lengthMinutes
        m.kind = kind
        m.professions = professions
        m.members = members
        m.location = location
        m.interpreter = interpreter
        m.interpreterLanguage = interpreterLanguage
        return m
    }
}
