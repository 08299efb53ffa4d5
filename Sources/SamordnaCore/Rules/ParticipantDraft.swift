/// The participant form as the user filled it in: every field as typed, nothing checked yet. The form, the
/// command line and the CSV import all build one and hand it to `ParticipantValidation`.
public struct ParticipantDraft: Hashable, Sendable, Codable {
    /// `personnummer`, `samordningsnummer`, `reservnummer` or `annan` (see `IdentityKind`).
    public var identityKind: String
    public var identity: String
    public var protectedIdentity: Bool
    public var firstName: String
    public var lastName: String
    public var preferredName: String
    /// One of `Gender`'s raw values or labels: `kvinna`, `man`, `icke-binär`, `vill-ej-uppge`.
    public var gender: String
    public var phone: String
    public var email: String
    public var address: String
    public var language: String
    public var interpreterNeeded: Bool
    public var interpreterLanguage: String
    /// `YYYY-MM-DD` or empty.
    public var afRegisteredSince: String
    /// `YYYY-MM-DD` or empty.
    public var forsorjningsstodSince: String
    /// One of `ParticipantStatus`'s raw values.
    public var status: String
    /// `YYYY-MM-DD`; empty means today (a new participant is aktualiserad the day they are added).
    public var enrolledOn: String

    public init(
        identityKind: String = IdentityKind.personnummer.rawValue, identity: String = "",
        protectedIdentity: Bool = false, firstName: String = "", lastName: String = "", preferredName: String = "",
        gender: String = Gender.villEjUppge.rawValue, phone: String = "", email: String = "", address: String = "",
        language: String = "", interpreterNeeded: Bool = false, interpreterLanguage: String = "",
        afRegisteredSince: String = "", forsorjningsstodSince: String = "",
        status: String = ParticipantStatus.aktualiserad.rawValue, enrolledOn: String = ""
    ) {
        self.identityKind = identityKind
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
    }

    /// The form filled in with what is stored, for editing. The number is shown the way Skatteverket
    /// prints it on `today` (`YYMMDD-NNNC`, `+` from the year the person turns 100), which parses back to
    /// the same 12 digits on that day.
    public init(from p: Participant, today: LocalDate) {
        let kind: IdentityKind
        let number: String
        switch p.identity {
        case .personnummer(let pnr):
            kind = pnr.isSamordningsnummer ? .samordningsnummer : .personnummer
            number = pnr.formatted10(today: today)
        case .other(let label, let value):
            // Kinds from older data or other tools that are not one of ours are edited as "annan".
            kind = IdentityKind(rawValue: label).flatMap { $0.isValidated ? nil : $0 } ?? .annan
            number = value
        }
        self.init(
            identityKind: kind.rawValue, identity: number, protectedIdentity: p.protectedIdentity,
            firstName: p.firstName, lastName: p.lastName, preferredName: p.preferredName ?? "",
            gender: p.gender.rawValue, phone: p.phone ?? "", email: p.email ?? "", address: p.address ?? "",
            language: p.language ?? "", interpreterNeeded: p.interpreterNeeded,
            interpreterLanguage: p.interpreterLanguage ?? "",
            afRegisteredSince: p.afRegisteredSince?.description ?? "",
            forsorjningsstodSince: p.forsorjningsstodSince?.description ?? "", status: p.status.rawValue,
            enrolledOn: p.enrolledOn.description)
    }
}

/// How a participant is identified (docs/domain-rules.md, Identity numbers). Personnummer and samordningsnummer are
/// validated; reservnummer and other numbers are not standardised and kept as typed (§7.1).
public enum IdentityKind: String, CaseIterable, Codable, Sendable {
    case personnummer
    case samordningsnummer
    case reservnummer
    case annan

    public var label: String { rawValue }

    /// Whether the number is Luhn-checked and gives a birth date.
    public var isValidated: Bool { self == .personnummer || self == .samordningsnummer }
}

/// The fields of the participant form, in the order the form shows them.
public enum ParticipantField: String, ValidatedField, Codable {
    case identityKind
    case identity
    case firstName
    case lastName
    case preferredName
    case gender
    case phone
    case email
    case address
    case language
    case interpreterLanguage
    case afRegisteredSince
    case forsorjningsstodSince
    case status
    case enrolledOn

    public var label: String {
        switch self {
        case .identityKind: return "identitetstyp"
        case .identity: return "identitet"
        case .firstName: return "förnamn"
        case .lastName: return "efternamn"
        case .preferredName: return "tilltalsnamn"
        case .gender: return "kön"
        case .phone: return "telefon"
        case .email: return "e-post"
        case .address: return "adress"
        case .language: return "språk"
        case .interpreterLanguage: return "tolkspråk"
        case .afRegisteredSince: return "inskriven på AF sedan"
        case .forsorjningsstodSince: return "försörjningsstöd sedan"
        case .status: return "status"
        case .enrolledOn: return "aktualiserad"
        }
    }
}

/// A participant form that passed every rule: the typed values, trimmed and parsed. Only
/// `ParticipantValidation` makes one.
public struct ValidParticipantFields: Hashable, Sendable {
    public let identity: Identity
    public let protectedIdentity: Bool
    public let firstName: String
    public let lastName: String
    public let preferredName: String?
    public let gender: Gender
    public let phone: String?
    public let email: String?
    public let address: String?
    public let language: String?
    public let interpreterNeeded: Bool
    public let interpreterLanguage: String?
    public let afRegisteredSince: LocalDate?
    public let forsorjningsstodSince: LocalDate?
    public let status: ParticipantStatus
    public let enrolledOn: LocalDate

    /// A new participant with these fields (version 1).
    public func newParticipant(id: Participant.ID) -> Participant {
        Participant(
            id: id, identity: identity, protectedIdentity: protectedIdentity, firstName: firstName,
            lastName: lastName, preferredName: preferredName, gender: gender, phone: phone, email: email,
            address: address, language: language, interpreterNeeded: interpreterNeeded,
            interpreterLanguage: interpreterLanguage, afRegisteredSince: afRegisteredSince,
            forsorjningsstodSince: forsorjningsstodSince, status: status, enrolledOn: enrolledOn)
    }

    /// `existing` with these fields, keeping its id and version (the store checks and bumps the version).
    /// A changed status must first pass `StatusTransition`.
    public func applied(to existing: Participant) -> Participant {
        var p = newParticipant(id: existing.id)
        p.version = existing.version
        return p
    }
}
