/// BIP categories of an insats: J jobbinriktad, K kompetenshöjande, H hälsa, S social, Ko kartläggning/samordning.
public enum InsatsCategory: String, CaseIterable, Codable, Sendable {
    case jobb = "J"
    case kompetens = "K"
    case halsa = "H"
    case social = "S"
    case kartlaggning = "Ko"
}

/// One offer in the team's insats catalogue: the ordinary offers of AF, the city, FK, health care and
/// schools. The catalogue is data the team edits (offers end: Extratjänster has had no new decisions since
/// 2022), so each entry has an active period.
public struct InsatsType: Hashable, Codable, Sendable, Identifiable {
    public var id: String { code }
    public var code: String
    public var name: String
    public var organisation: String
    public var categories: [InsatsCategory]
    /// Counts as job-focused in the BIP sense: at least one such insats should run for every participant.
    public var jobFocused: Bool
    public var typicalLengthDays: Int?
    public var maxLengthDays: Int?
    public var activeFrom: LocalDate?
    public var activeTo: LocalDate?
    public var notes: String?

    public init(
        code: String, name: String, organisation: String, categories: [InsatsCategory], jobFocused: Bool,
        typicalLengthDays: Int? = nil, maxLengthDays: Int? = nil, activeFrom: LocalDate? = nil,
        activeTo: LocalDate? = nil, notes: String? = nil
    ) {
        self.code = code
        self.name = name
        self.organisation = organisation
        self.categories = categories
        self.jobFocused = jobFocused
        self.typicalLengthDays = typicalLengthDays
        self.maxLengthDays = maxLengthDays
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.notes = notes
    }

    /// Whether new episodes of this offer can start on `day`.
    public func isOffered(on day: LocalDate) -> Bool {
        (activeFrom.map { $0 <= day } ?? true) && (activeTo.map { day <= $0 } ?? true)
    }
}

/// Where an episode is: planerad → pågår → avslutad, or avbruten from planerad or pågår.
public enum InsatsStatus: String, CaseIterable, Codable, Sendable {
    case planerad
    case pagar = "pågår"
    case avbruten
    case avslutad

    /// Ended one way or the other: an end date and a reason are known.
    public var isEnded: Bool { self == .avbruten || self == .avslutad }

    /// The moves a team member may make from here.
    public var allowedNext: [InsatsStatus] {
        switch self {
        case .planerad: return [.pagar, .avbruten]
        case .pagar: return [.avslutad, .avbruten]
        case .avbruten, .avslutad: return []
        }
    }
}

/// Why an episode ended. The first three end it as avslutad; the rest as avbruten.
public enum InsatsEndReason: String, CaseIterable, Codable, Sendable {
    case genomford = "genomförd"
    case arbete
    case studier
    case ohalsa = "ohälsa"
    case deltagarenAvbrot = "deltagaren avbröt"
    case anordnarenAvbrot = "anordnaren avbröt"
    case annanInsats = "byte till annan insats"
    case flytt
    case annat

    /// The status an episode ends in for this reason.
    public var endsAs: InsatsStatus {
        switch self {
        case .genomford, .arbete, .studier: return .avslutad
        case .ohalsa, .deltagarenAvbrot, .anordnarenAvbrot, .annanInsats, .flytt, .annat: return .avbruten
        }
    }
}

/// One participant's episode of an insats: an interval with a start, an end and a next follow-up.
/// Several run in parallel; the team never deletes one, a mistake is closed (avbruten).
public struct InsatsEpisode: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<InsatsEpisode>
    public var id: ID
    public var participantID: Participant.ID
    public var typeCode: String
    public var status: InsatsStatus
    public var plannedStart: LocalDate?
    public var start: LocalDate?
    public var plannedEnd: LocalDate?
    public var end: LocalDate?
    /// Omfattning in percent of full time.
    public var extentPercent: Int?
    public var provider: String?
    public var contactPerson: String?
    public var nextFollowUp: LocalDate?
    public var owner: Organisation
    /// The organisation that decided the insats, and when.
    public var decidedBy: Organisation?
    public var decisionDate: LocalDate?
    /// Why it ended (avslutad or avbruten).
    public var endReason: InsatsEndReason?
    public var note: String?
    public var version: Int

    public init(
        id: ID, participantID: Participant.ID, typeCode: String, status: InsatsStatus,
        plannedStart: LocalDate? = nil, start: LocalDate? = nil, plannedEnd: LocalDate? = nil,
        end: LocalDate? = nil, extentPercent: Int? = nil, provider: String? = nil,
        contactPerson: String? = nil, nextFollowUp: LocalDate? = nil, owner: Organisation,
        decidedBy: Organisation? = nil, decisionDate: LocalDate? = nil, endReason: InsatsEndReason? = nil,
        note: String? = nil, version: Int = 1
    ) {
        self.decidedBy = decidedBy
        self.decisionDate = decisionDate
        self.endReason = endReason
        self.note = note
        self.id = id
        self.participantID = participantID
        self.typeCode = typeCode
        self.status = status
        self.plannedStart = plannedStart
        self.start = start
        self.plannedEnd = plannedEnd
        self.end = end
        self.extentPercent = extentPercent
        self.provider = provider
        self.contactPerson = contactPerson
        self.nextFollowUp = nextFollowUp
        self.owner = owner
        self.version = version
    }

    /// Runs on `day`: started, not ended, not cancelled.
    public func isOngoing(on day: LocalDate) -> Bool {
        guard status == .pagar || status == .planerad else { return false }
        guard let s = start ?? (status == .pagar ? plannedStart : nil), s <= day else { return false }
        let e = end ?? plannedEnd
        return e.map { day <= $0 } ?? true
    }

    /// The day it is expected to end: the actual end if known, else the planned one.
    public var expectedEnd: LocalDate? { end ?? plannedEnd }
    /// The day it starts or started.
    public var expectedStart: LocalDate? { start ?? plannedStart }

    /// The days it covers as planned or run: from its start to its end (open-ended: nil end). Nil when it
    /// has no start at all.
    public var span: (start: LocalDate, end: LocalDate?)? {
        guard let s = expectedStart else { return nil }
        return (s, expectedEnd)
    }

    /// Whether it covers any day of `from...to`. A cancelled episode that never started covers nothing.
    public func covers(from: LocalDate, to: LocalDate) -> Bool {
        guard let span else { return false }
        if status == .avbruten && start == nil { return false }
        return span.start <= to && (span.end.map { $0 >= from } ?? true)
    }

    /// Its length in days as planned or run (open-ended: up to `day`).
    public func lengthDays(through day: LocalDate) -> Int? {
        guard let span else { return nil }
        return span.start.days(until: span.end ?? day) + 1
    }
}
