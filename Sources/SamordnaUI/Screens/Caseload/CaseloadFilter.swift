import SamordnaCore

/// One condition on the caseload list (`f`). Conditions of different kinds combine (all must hold); a new
/// condition of the same kind replaces the old one, so "status aktiv" then "status vilande" shows vilande.
public enum CaseloadFilter: Hashable, Sendable {
    case status(ParticipantStatus)
    /// The member is responsible for the participant today, in any profession.
    case responsible(TeamMember.ID)
    /// Nobody of this profession is responsible today: who still needs a jobbcoach?
    case missingProfession(Profession)
    case flag(ParticipantFlag)

    enum Kind: Hashable { case status, responsible, profession, flag }

    var kind: Kind {
        switch self {
        case .status: return .status
        case .responsible: return .responsible
        case .missingProfession: return .profession
        case .flag: return .flag
        }
    }

    func matches(_ row: CaseloadRow) -> Bool {
        switch self {
        case .status(let s): return row.status == s
        case .responsible(let member): return row.responsibleIDs.values.contains(member)
        case .missingProfession(let p): return row.responsibleIDs[p] == nil
        case .flag(let f): return row.flags.contains(f)
        }
    }

    /// "status aktiv", "ansvarig Anna Åberg", "utan jobbcoach", "flagga J".
    func label(team: [TeamMember.ID: TeamMember]) -> String {
        switch self {
        case .status(let s): return "status \(s.label)"
        case .responsible(let member): return "ansvarig \(team[member]?.name ?? "okänd")"
        case .missingProfession(let p): return "utan \(p.label)"
        case .flag(let f): return "flagga \(f.letter)"
        }
    }
}

/// The order of the caseload list (`s`). Ties keep Swedish name order.
public enum CaseloadSort: String, CaseIterable, Sendable {
    case name
    case nextMeeting
    case lastContact

    public var label: String {
        switch self {
        case .name: return "namn (å, ä, ö efter z)"
        case .nextMeeting: return "nästa möte, närmast först"
        case .lastContact: return "dagar sedan senaste kontakt, längst först"
        }
    }

    /// Short form for the status line.
    var shortLabel: String {
        switch self {
        case .name: return "namn"
        case .nextMeeting: return "nästa möte"
        case .lastContact: return "senaste kontakt"
        }
    }

    /// Whether row `a` comes before row `b`, or nil when they tie on this key.
    func precedes(_ a: CaseloadRow, _ b: CaseloadRow) -> Bool? {
        switch self {
        case .name:
            return nil
        case .nextMeeting:
            // Participants with no meeting booked come last.
            switch (a.nextMeeting, b.nextMeeting) {
            case (nil, nil): return nil
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if (x.date, x.time) == (y.date, y.time) { return nil }
                return (x.date, x.time) < (y.date, y.time)
            }
        case .lastContact:
            // Never met comes first: they have waited longest.
            switch (a.lastContact, b.lastContact) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x == y ? nil : x < y
            }
        }
    }
}
