/// Gallring (retention and erasure, docs/privacy.md): how long each organisation's entries about a closed
/// participant are kept, and whether a participant is due to be erased on a given day.
///
/// The database is a coordination aid (arbetsmaterial): each authority's own record is kept in its own
/// system. So the default is short: `afterFollowUp(months: 24)` keeps a closed participant until two years
/// after the last follow-up (the 6-month follow-up after exit, or a later entry), long enough for the
/// project's result follow-up and yearly reporting and to recognise someone who comes back. Socialtjänsten
/// may choose the personakt rule instead.
public enum RetentionRule: Hashable, Codable, Sendable {
    /// Kept until `months` after the last follow-up (or the last entry, when later) of a closed participant.
    case afterFollowUp(months: Int)
    /// Socialtjänst personakt (SoL): five years after the last entry, erased by the end of the following year.
    case personakt

    public static let defaultMonths = 24
    public static let `default` = RetentionRule.afterFollowUp(months: defaultMonths)
    /// The months a team may choose for `afterFollowUp`.
    public static let monthsRange = 1...120
    /// The personakt's five years.
    public static let personaktMonths = 60

    /// What the database's `retention_policy.kind` holds.
    public var code: String {
        switch self {
        case .afterFollowUp: return "efter-uppfoljning"
        case .personakt: return "personakt"
        }
    }

    /// "24 månader efter sista uppföljningen", "personakt: 5 år efter sista anteckningen".
    public var label: String {
        switch self {
        case .afterFollowUp(let months): return "\(months) månader efter sista uppföljningen"
        case .personakt: return "personakt: 5 år efter sista anteckningen, gallras senast vid utgången av året därpå"
        }
    }

    /// The rule as stored, or nil for a kind or month count the database should not hold.
    public init?(code: String, months: Int?) {
        switch (code, months) {
        case ("efter-uppfoljning", let m?) where Self.monthsRange.contains(m): self = .afterFollowUp(months: m)
        case ("personakt", nil): self = .personakt
        default: return nil
        }
    }
}

/// The rule of every organisation: what the team set, else `RetentionRule.default`.
public struct RetentionPolicies: Hashable, Sendable {
    public var rules: [Organisation: RetentionRule]

    public init(_ rules: [Organisation: RetentionRule] = [:]) { self.rules = rules }

    public func rule(for organisation: Organisation) -> RetentionRule { rules[organisation] ?? .default }

    /// The latest exit day of anyone who can be due on `today`: every rule reckons from a day no earlier than
    /// the exit and keeps at least `shortestMonths`, so nobody who left later can be due. A few days' margin:
    /// a month added to the 29th–31st lands on the month's last day. (The week list's gallring count reads
    /// only those who left by then.)
    public func latestExitPossiblyDue(on today: LocalDate) -> LocalDate {
        today.adding(months: -shortestMonths).adding(days: 4)
    }

    /// The fewest months any rule keeps a participant.
    public var shortestMonths: Int {
        rules.values.reduce(RetentionRule.defaultMonths) { shortest, rule in
            switch rule {
            case .afterFollowUp(let months): return min(shortest, months)
            case .personakt: return min(shortest, RetentionRule.personaktMonths)
            }
        }
    }
}

/// What the rules need to know about one participant: read by the store, nothing else.
public struct RetentionFacts: Hashable, Sendable {
    public var participantID: Participant.ID
    /// Status avslutad. An open participant is never due.
    public var closed: Bool
    public var exitDate: LocalDate?
    /// The exit's last scheduled follow-up (6 months after exit).
    public var lastFollowUp: LocalDate?
    /// The latest day anything about the participant was written or dated: notes, insatser, meetings,
    /// kartläggningar, consents, responsibility, the exit, and the change log.
    public var lastEntry: LocalDate?
    /// The organisations with entries about the participant (owners of notes and insatser, the organisations
    /// of the responsible staff's and the meetings' professions). Empty: the default rule applies.
    public var organisations: Set<Organisation>

    public init(
        participantID: Participant.ID, closed: Bool, exitDate: LocalDate? = nil, lastFollowUp: LocalDate? = nil,
        lastEntry: LocalDate? = nil, organisations: Set<Organisation> = []
    ) {
        self.participantID = participantID
        self.closed = closed
        self.exitDate = exitDate
        self.lastFollowUp = lastFollowUp
        self.lastEntry = lastEntry
        self.organisations = organisations
    }
}

/// Whether a participant is due for gallring on a day, from when, and why in the team's words.
public struct RetentionDecision: Hashable, Sendable {
    public var due: Bool
    /// The first day the participant may be erased: the latest of every organisation's day. Nil when open.
    public var from: LocalDate?
    /// For a personakt rule: the last day by which it must be done (31 December of the year after `from`).
    public var deadline: LocalDate?
    /// One Swedish sentence: what was reckoned from and each organisation's rule.
    public var reason: String

    public init(due: Bool, from: LocalDate?, deadline: LocalDate?, reason: String) {
        self.due = due
        self.from = from
        self.deadline = deadline
        self.reason = reason
    }
}

/// The shared record cannot be split by authority: a participant is erased as a whole, once every
/// organisation with entries about them has reached its day. Protected identities follow the same rule.
public enum RetentionRules {
    public static func decide(_ facts: RetentionFacts, policies: RetentionPolicies, today: LocalDate)
        -> RetentionDecision
    {
        guard facts.closed else {
            return RetentionDecision(
                due: false, from: nil, deadline: nil, reason: "Inte avslutad: en pågående deltagare gallras inte.")
        }
        let organisations = facts.organisations.sorted { $0.rawValue < $1.rawValue }
        // Organisations with the same rule share one clause: "AF, Kommun-soc: 24 mån efter … (2028-11-23)".
        var parts: [(label: String, from: LocalDate, deadline: LocalDate?)] = []
        if organisations.isEmpty {
            let (from, deadline) = day(for: RetentionRule.default, facts)
            parts.append(("inga organisationers poster: standardregeln \(shortLabel(.default))", from, deadline))
        }
        var groups: [(rule: RetentionRule, names: [String])] = []
        for organisation in organisations {
            let rule = policies.rule(for: organisation)
            if let i = groups.firstIndex(where: { $0.rule == rule }) {
                groups[i].names.append(organisation.rawValue)
            } else {
                groups.append((rule, [organisation.rawValue]))
            }
        }
        for group in groups {
            let (from, deadline) = day(for: group.rule, facts)
            parts.append(("\(group.names.joined(separator: ", ")): \(shortLabel(group.rule))", from, deadline))
        }
        let from = parts.map(\.from).max()!
        let deadline = parts.compactMap(\.deadline).max()
        var reckoned: [String] = []
        if let exit = facts.exitDate { reckoned.append("avslutad \(exit)") }
        if let f = facts.lastFollowUp { reckoned.append("sista uppföljning \(f)") }
        if let e = facts.lastEntry { reckoned.append("sista post \(e)") }
        let rules = parts.map { p in
            "\(p.label) (\(p.from)" + (p.deadline.map { ", senast \($0)" } ?? "") + ")"
        }
        let due = from <= today
        let head = due ? "Gallras från \(from)" : "Gallras tidigast \(from)"
        let reason =
            "\(head)" + (deadline.map { ", senast \($0)" } ?? "") + ": "
            + (reckoned.isEmpty ? "" : reckoned.joined(separator: ", ") + "; ") + rules.joined(separator: "; ") + "."
        return RetentionDecision(due: due, from: from, deadline: deadline, reason: reason)
    }

    /// The first day one organisation's rule allows erasing, and for personakt the day it must be done by.
    static func day(for rule: RetentionRule, _ facts: RetentionFacts) -> (LocalDate, LocalDate?) {
        let entries = [facts.exitDate, facts.lastEntry].compactMap { $0 }
        switch rule {
        case .afterFollowUp(let months):
            let reference = (entries + [facts.lastFollowUp].compactMap { $0 }).max() ?? .distantFuture
            return (reference == .distantFuture ? reference : reference.adding(months: months), nil)
        case .personakt:
            guard let reference = entries.max() else { return (.distantFuture, nil) }
            let from = reference.adding(months: RetentionRule.personaktMonths)
            return (from, LocalDate(year: from.year + 1, month: 12, day: 31))
        }
    }

    static func shortLabel(_ rule: RetentionRule) -> String {
        switch rule {
        case .afterFollowUp(let months): return "\(months) mån efter sista uppföljningen"
        case .personakt: return "personakt 5 år efter sista anteckningen"
        }
    }
}
