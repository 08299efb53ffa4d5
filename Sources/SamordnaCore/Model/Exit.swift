/// Avslutsorsak: why a participant left the team (docs/domain-rules.md, Avslut), with its ESF+ outcome group.
public enum OutcomeCode: String, CaseIterable, Codable, Sendable {
    case a1 = "A1", a2 = "A2", a3 = "A3"
    case s1 = "S1", s2 = "S2"
    case o1 = "Ö1", o2 = "Ö2"
    case f1 = "F1"
    case n1 = "N1", n2 = "N2", n3 = "N3", n4 = "N4"
    case a_annat = "Ä1"

    public var label: String {
        switch self {
        case .a1: return "Arbete, osubventionerat"
        case .a2: return "Arbete, subventionerat"
        case .a3: return "Eget företag"
        case .s1: return "Reguljära studier"
        case .s2: return "SFI som huvudsaklig aktivitet"
        case .o1: return "Övergång till annan aktör / ersättning"
        case .o2: return "Föräldraledighet"
        case .f1: return "Flytt från kommunen"
        case .n1: return "Avbrott, deltagarens eget val"
        case .n2: return "Avbrott, ingen kontakt"
        case .n3: return "Avskriven hos AF / utskriven"
        case .n4: return "Avliden"
        case .a_annat: return "Annat"
        }
    }

    public enum Group: String, Sendable { case arbete, studier, ovrigt = "övrigt" }

    /// Work, studies or other: how results are followed and reported.
    public var group: Group {
        switch self {
        case .a1, .a2, .a3: return .arbete
        case .s1, .s2: return .studier
        default: return .ovrigt
        }
    }

    /// Ä1 (Annat) needs a text saying what happened.
    public var requiresText: Bool { self == .a_annat }
}

/// Avslut: the exit record with outcome, progression and the scheduled follow-ups after exit.
public struct ExitRecord: Hashable, Codable, Sendable {
    public var participantID: Participant.ID
    public var date: LocalDate
    public var outcome: OutcomeCode
    public var outcomeText: String?
    public var forsorjningsstodEnded: Bool
    public var forsorjningsstodEndedOn: LocalDate?
    public var stepAtStart: Step?
    public var stepAtExit: Step?
    public var closerToWorkOrStudies: Bool
    public var followUp4Weeks: LocalDate
    public var followUp6Months: LocalDate

    public init(
        participantID: Participant.ID, date: LocalDate, outcome: OutcomeCode, outcomeText: String? = nil,
        forsorjningsstodEnded: Bool = false, forsorjningsstodEndedOn: LocalDate? = nil,
        stepAtStart: Step? = nil, stepAtExit: Step? = nil, closerToWorkOrStudies: Bool = false
    ) {
        self.participantID = participantID
        self.date = date
        self.outcome = outcome
        self.outcomeText = outcomeText
        self.forsorjningsstodEnded = forsorjningsstodEnded
        self.forsorjningsstodEndedOn = forsorjningsstodEndedOn
        self.stepAtStart = stepAtStart
        self.stepAtExit = stepAtExit
        self.closerToWorkOrStudies = closerToWorkOrStudies
        // ESF+: follow up at 4 weeks and 6 months after exit.
        self.followUp4Weeks = date.adding(days: 28)
        self.followUp6Months = date.adding(months: 6)
    }
}

/// The stegförflyttning ladder (docs/domain-rules.md, The stegförflyttning ladder): measures position only, never a sequence to follow.
public enum Step: Int, CaseIterable, Codable, Sendable, Comparable {
    case ingenAktivitet = 0
    case kartlaggning = 1
    case forberedande = 2
    case kompetenshojande = 3
    case arbetsplatsforlagd = 4
    case subventioneradAnstallning = 5
    case osubventioneratArbeteEllerStudier = 6
    case egenForsorjning = 7

    public var label: String {
        switch self {
        case .ingenAktivitet: return "Ingen aktivitet"
        case .kartlaggning: return "Kartläggning / stabilisering"
        case .forberedande: return "Förberedande insats"
        case .kompetenshojande: return "Kompetenshöjande / arbetsförberedande"
        case .arbetsplatsforlagd: return "Arbetsplatsförlagd insats"
        case .subventioneradAnstallning: return "Subventionerad anställning"
        case .osubventioneratArbeteEllerStudier: return "Osubventionerat arbete eller reguljära studier"
        case .egenForsorjning: return "Egen försörjning"
        }
    }

    public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
}
