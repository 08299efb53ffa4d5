/// The organisations that sit together in the team or join it as complementary resources.
public enum Organisation: String, CaseIterable, Codable, Sendable {
    case af = "AF"
    case kommunSoc = "Kommun-soc"
    case kommunJobbtorg = "Kommun-Jobbtorg"
    case fk = "FK"
    case region = "Region"
    case samordningsforbund = "Samordningsförbund"

    public var label: String {
        switch self {
        case .af: return "Arbetsförmedlingen"
        case .kommunSoc: return "Kommunen, socialtjänst"
        case .kommunJobbtorg: return "Kommunen, Jobbtorg"
        case .fk: return "Försäkringskassan"
        case .region: return "Regionen"
        case .samordningsforbund: return "Samordningsförbundet"
        }
    }
}

/// A profession in the multi-competent team. The first three form the core team; the others join when needed.
public enum Profession: String, CaseIterable, Codable, Sendable {
    case arbetsformedlare
    case socialsekreterare
    case jobbcoach
    case rehabiliteringskoordinator
    case forsakringsradgivare
    case studieOchYrkesvagledare = "syv"

    /// The three professions the team always has, in the order the UI shows them.
    public static let core: [Profession] = [.arbetsformedlare, .socialsekreterare, .jobbcoach]

    public var label: String {
        switch self {
        case .arbetsformedlare: return "arbetsförmedlare"
        case .socialsekreterare: return "socialsekreterare"
        case .jobbcoach: return "jobbcoach"
        case .rehabiliteringskoordinator: return "rehabiliteringskoordinator"
        case .forsakringsradgivare: return "försäkringsrådgivare"
        case .studieOchYrkesvagledare: return "studie- och yrkesvägledare"
        }
    }

    /// Two or three letters for narrow columns: AF, Soc, JC.
    public var short: String {
        switch self {
        case .arbetsformedlare: return "AF"
        case .socialsekreterare: return "Soc"
        case .jobbcoach: return "JC"
        case .rehabiliteringskoordinator: return "RK"
        case .forsakringsradgivare: return "FR"
        case .studieOchYrkesvagledare: return "SYV"
        }
    }

    public var organisation: Organisation {
        switch self {
        case .arbetsformedlare: return .af
        case .socialsekreterare: return .kommunSoc
        case .jobbcoach, .studieOchYrkesvagledare: return .kommunJobbtorg
        case .rehabiliteringskoordinator: return .region
        case .forsakringsradgivare: return .samordningsforbund
        }
    }
}

/// A member of the team. `login` is the operating-system login name, so the change log and notes know
/// who is who.
public struct TeamMember: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<TeamMember>
    public var id: ID
    public var name: String
    public var profession: Profession
    public var organisation: Organisation
    public var login: String
    public var active: Bool
    /// The arbetslag the member works in when one caseload holds several teams (a city's: `Lag 3`), nil when
    /// the caseload is one team. Teamets vecka of a member with a lag is the lag's (docs/week-list.md).
    public var unit: String?

    public init(
        id: ID, name: String, profession: Profession, organisation: Organisation? = nil, login: String,
        active: Bool = true, unit: String? = nil
    ) {
        self.id = id
        self.name = name
        self.profession = profession
        self.organisation = organisation ?? profession.organisation
        self.login = login
        self.active = active
        self.unit = unit
    }
}

/// One period during which a team member was responsible for a participant in one profession. History is
/// kept: BIP found that changing caseworker sets people back, so a change is shown as a continuity warning.
public struct ResponsibleAssignment: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<ResponsibleAssignment>
    public var id: ID
    public var participantID: Participant.ID
    public var profession: Profession
    public var memberID: TeamMember.ID
    public var from: LocalDate
    public var to: LocalDate?

    public init(
        id: ID, participantID: Participant.ID, profession: Profession, memberID: TeamMember.ID,
        from: LocalDate, to: LocalDate? = nil
    ) {
        self.id = id
        self.participantID = participantID
        self.profession = profession
        self.memberID = memberID
        self.from = from
        self.to = to
    }

    public func isCurrent(on day: LocalDate) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
}
