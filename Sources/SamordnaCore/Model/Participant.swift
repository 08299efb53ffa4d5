/// A participant (deltagare) in the team's caseload: a long-term unemployed person the team works with.
public struct Participant: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<Participant>

    public var id: ID
    public var identity: Identity
    /// Skyddade personuppgifter: contact details are hidden everywhere and the participant is left out of
    /// every export.
    public var protectedIdentity: Bool
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
    public var gender: Gender
    public var phone: String?
    public var email: String?
    public var address: String?
    public var language: String?
    public var interpreterNeeded: Bool
    public var interpreterLanguage: String?
    /// Inskriven på Arbetsförmedlingen sedan: the long-term criterion (> 24 months).
    public var afRegisteredSince: LocalDate?
    /// Försörjningsstöd sedan (owner: socialtjänsten).
    public var forsorjningsstodSince: LocalDate?
    public var status: ParticipantStatus
    /// The day the participant was aktualiserad (entered the caseload).
    public var enrolledOn: LocalDate
    /// Optimistic-concurrency version: bumped by every saved change, checked before every write.
    public var version: Int

    public init(
        id: ID, identity: Identity, protectedIdentity: Bool = false, firstName: String, lastName: String,
        preferredName: String? = nil, gender: Gender = .villEjUppge, phone: String? = nil,
        email: String? = nil, address: String? = nil, language: String? = nil,
        interpreterNeeded: Bool = false, interpreterLanguage: String? = nil,
        afRegisteredSince: LocalDate? = nil, forsorjningsstodSince: LocalDate? = nil,
        status: ParticipantStatus = .aktualiserad, enrolledOn: LocalDate, version: Int = 1
    ) {
        self.id = id
        self.identity = identity
        self.protectedIdentity = protectedIdentity
        self.firstName = firstName
        self.lastName = lastName
        self.preferredName = preferredName
        self.gender = gender
        self.phone = phone
        self.email = email
        self.address = address
        self.language = language
        self.interpreterNeeded = interpreterNeeded
        self.interpreterLanguage = interpreterLanguage
        self.afRegisteredSince = afRegisteredSince
        self.forsorjningsstodSince = forsorjningsstodSince
        self.status = status
        self.enrolledOn = enrolledOn
        self.version = version
    }

    /// "Efternamn, Förnamn": the form lists are sorted and shown in.
    public var sortName: String { "\(lastName), \(firstName)" }
    public var fullName: String { "\(firstName) \(lastName)" }

    /// Initials plus the short id, for lists that leave the tool without names ("A.B. 3f9c1a").
    public var pseudonym: String {
        let i = [firstName, lastName].compactMap { $0.first.map { "\($0)." } }.joined()
        return "\(i) \(id.short)"
    }
}

/// Self-reported gender, asked, never derived from the personnummer (ESF+ reports women, men, non-binary).
public enum Gender: String, CaseIterable, Codable, Sendable {
    case kvinna
    case man
    case ickeBinar = "icke-binär"
    case villEjUppge = "vill-ej-uppge"

    public var label: String {
        switch self {
        case .kvinna: return "kvinna"
        case .man: return "man"
        case .ickeBinar: return "icke-binär"
        case .villEjUppge: return "vill ej uppge"
        }
    }
}

/// The participant's place in the lifecycle: aktualiserad → aktiv → vilande → avslutad, and reopening.
public enum ParticipantStatus: String, CaseIterable, Codable, Sendable {
    case aktualiserad
    case aktiv
    case vilande
    case avslutad

    public var label: String { rawValue }

    /// Statuses the team may move a participant to from this one. Closing goes through an exit record;
    /// reopening a closed participant makes them aktiv again.
    public var allowedNext: [ParticipantStatus] {
        switch self {
        case .aktualiserad: return [.aktiv, .avslutad]
        case .aktiv: return [.vilande, .avslutad]
        case .vilande: return [.aktiv, .avslutad]
        case .avslutad: return [.aktiv]
        }
    }

    public func canMove(to next: ParticipantStatus) -> Bool { allowedNext.contains(next) }

    /// Part of the active caseload (shown by default, counted in the weekly list).
    public var isOpen: Bool { self != .avslutad }
}

/// How the participant is identified: a validated personnummer or samordningsnummer, or another number
/// (reservnummer, T-nummer…) kept as typed and never Luhn-checked.
public enum Identity: Hashable, Codable, Sendable {
    case personnummer(Personnummer)
    case other(kind: String, value: String)

    public var kindLabel: String {
        switch self {
        case .personnummer(let p): return p.isSamordningsnummer ? "samordningsnummer" : "personnummer"
        case .other(let kind, _): return kind
        }
    }

    /// `YYMMDD-XXXX` for a personnummer unless revealed; other identities show their first characters.
    public var masked: String {
        switch self {
        case .personnummer(let p): return p.masked
        case .other(_, let value): return String(value.prefix(6)) + (value.count > 6 ? "…" : "")
        }
    }

    public var full: String {
        switch self {
        case .personnummer(let p): return p.formatted
        case .other(_, let value): return value
        }
    }

    /// Stored form: 12 digits for a personnummer, the typed value otherwise.
    public var storedValue: String {
        switch self {
        case .personnummer(let p): return p.digits
        case .other(_, let value): return value
        }
    }

    public var birthDate: LocalDate? {
        if case .personnummer(let p) = self { return p.birthDate }
        return nil
    }
}
