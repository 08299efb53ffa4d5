/// The authorities a consent can let disclose or receive information (docs/domain-rules.md, Consent).
public enum Authority: String, CaseIterable, Codable, Sendable {
    case af = "AF"
    case socialtjanst = "Soc"
    case jobbtorg = "Jobbtorg"
    case fk = "FK"
    case primarvard = "Primärvård"
    case psykiatri = "Psykiatri"
    case samordningsforbund = "Samordningsförbund"

    public var label: String {
        switch self {
        case .af: return "Arbetsförmedlingen"
        case .socialtjanst: return "Kommunen, socialtjänst"
        case .jobbtorg: return "Kommunen, arbetsmarknad/Jobbtorg"
        case .fk: return "Försäkringskassan"
        case .primarvard: return "Region, primärvård"
        case .psykiatri: return "Region, psykiatri"
        case .samordningsforbund: return "Samordningsförbund"
        }
    }

    /// The groups shown in the compact badge `Samtycke: AF✓ Soc✓ JT– FK– Reg✗ SF–`. The Jobbtorg (the
    /// municipality's labour-market unit) and the samordningsförbund are parties of their own: a consent to
    /// the socialtjänst says nothing about them.
    public var badgeGroup: ConsentBadge.Group {
        switch self {
        case .af: return .af
        case .socialtjanst: return .soc
        case .jobbtorg: return .jobbtorg
        case .fk: return .fk
        case .primarvard, .psykiatri: return .reg
        case .samordningsforbund: return .sf
        }
    }
}

/// Information categories: a consent must be specific, never "all information".
public enum InformationCategory: String, CaseIterable, Codable, Sendable {
    case identitetKontakt = "identitet-kontakt"
    case afPlanering = "af-planering"
    case ekonomisktBistand = "ekonomiskt-bistand"
    case utbildningArbete = "utbildning-arbete"
    case halsa = "halsa"
    case sjukskrivning = "sjukskrivning"
    case missbruk = "missbruk"
    case socialSituation = "social-situation"

    public var label: String {
        switch self {
        case .identitetKontakt: return "identitet/kontakt"
        case .afPlanering: return "inskrivning & planering AF"
        case .ekonomisktBistand: return "ekonomiskt bistånd"
        case .utbildningArbete: return "utbildning/arbete"
        case .halsa: return "hälsa/vårdkontakt"
        case .sjukskrivning: return "sjukskrivning/FK-ärende"
        case .missbruk: return "missbruk"
        case .socialSituation: return "social situation/boende"
        }
    }
}

public enum ConsentPurpose: String, CaseIterable, Codable, Sendable {
    case gemensamKartlaggning = "gemensam-kartlaggning"
    case samordnadPlanering = "samordnad-planering"
    case sip = "sip"
    case susRegistrering = "sus-registrering"
    case esfRapportering = "esf-rapportering"
    case arbetsgivarkontakt = "arbetsgivarkontakt"
}

public enum ConsentForm: String, CaseIterable, Codable, Sendable {
    case skriftligt
    case muntligtDokumenterat = "muntligt-dokumenterat"
}

/// A samtycke: which authorities may disclose and receive which information, for what, and for how long.
/// Breaks sekretess between the team's authorities; it is not the legal basis for processing.
public struct Consent: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<Consent>
    public var id: ID
    public var participantID: Participant.ID
    public var discloser: Set<Authority>
    public var recipient: Set<Authority>
    public var categories: Set<InformationCategory>
    public var purposes: Set<ConsentPurpose>
    public var purposeText: String?
    public var form: ConsentForm
    public var validFrom: LocalDate
    public var validTo: LocalDate
    public var documentReference: String?
    public var registeredBy: TeamMember.ID
    public var withdrawnOn: LocalDate?
    public var withdrawnHow: String?
    public var withdrawalRegisteredBy: TeamMember.ID?

    public init(
        id: ID, participantID: Participant.ID, discloser: Set<Authority>, recipient: Set<Authority>,
        categories: Set<InformationCategory>, purposes: Set<ConsentPurpose>, purposeText: String? = nil,
        form: ConsentForm = .skriftligt, validFrom: LocalDate, validTo: LocalDate,
        documentReference: String? = nil, registeredBy: TeamMember.ID, withdrawnOn: LocalDate? = nil,
        withdrawnHow: String? = nil, withdrawalRegisteredBy: TeamMember.ID? = nil
    ) {
        self.id = id
        self.participantID = participantID
        self.discloser = discloser
        self.recipient = recipient
        self.categories = categories
        self.purposes = purposes
        self.purposeText = purposeText
        self.form = form
        self.validFrom = validFrom
        self.validTo = validTo
        self.documentReference = documentReference
        self.registeredBy = registeredBy
        self.withdrawnOn = withdrawnOn
        self.withdrawnHow = withdrawnHow
        self.withdrawalRegisteredBy = withdrawalRegisteredBy
    }

    public func isWithdrawn(on day: LocalDate) -> Bool { withdrawnOn.map { $0 <= day } ?? false }

    public func isValid(on day: LocalDate) -> Bool {
        !isWithdrawn(on: day) && validFrom <= day && day <= validTo
    }

    /// Valid today and ending within `days` days (the veckolista shows those expiring within 30).
    public func expires(within days: Int, from day: LocalDate) -> Bool {
        isValid(on: day) && day.days(until: validTo) <= days
    }

    /// Whether this consent lets `authority` share (disclose or receive) on `day`.
    public func covers(_ authority: Authority, on day: LocalDate) -> Bool {
        isValid(on: day) && (discloser.contains(authority) || recipient.contains(authority))
    }
}

/// The compact consent status per authority group shown on a participant and in the list.
public struct ConsentBadge: Hashable, Sendable {
    public enum Group: String, CaseIterable, Sendable {
        case af = "AF", soc = "Soc", jobbtorg = "JT", fk = "FK", reg = "Reg", sf = "SF"
    }
    public enum Mark: String, Sendable {
        case valid = "✓"
        case none = "–"
        case withdrawnOrExpired = "✗"
    }

    public var marks: [Group: Mark]
    /// True when a valid consent of this participant ends within 30 days.
    public var expiringSoon: Bool

    public init(consents: [Consent], on day: LocalDate) {
        var marks: [Group: Mark] = [:]
        for group in Group.allCases {
            let relevant = consents.filter { c in
                (c.discloser.union(c.recipient)).contains { $0.badgeGroup == group }
            }
            if relevant.contains(where: { $0.isValid(on: day) }) {
                marks[group] = .valid
            } else if relevant.isEmpty {
                marks[group] = Mark.none
            } else {
                marks[group] = .withdrawnOrExpired
            }
        }
        self.marks = marks
        self.expiringSoon = consents.contains { $0.expires(within: 30, from: day) }
    }

    /// `AF✓ Soc✓ JT– FK– Reg✗ SF–`
    public var text: String {
        Group.allCases.map { "\($0.rawValue)\(marks[$0]?.rawValue ?? "–")" }.joined(separator: " ")
    }

    public var hasAnyValid: Bool { marks.values.contains(.valid) }
}
