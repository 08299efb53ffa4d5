/// The samtycke form as the user filled it in: the choices made and the dates and texts as typed.
public struct ConsentDraft: Hashable, Sendable, Codable {
    public var discloser: Set<Authority>
    public var recipient: Set<Authority>
    public var categories: Set<InformationCategory>
    public var purposes: Set<ConsentPurpose>
    public var purposeText: String
    public var form: ConsentForm
    /// `YYYY-MM-DD`.
    public var validFrom: String
    /// `YYYY-MM-DD`: a consent is always for a stated period (docs/domain-rules.md, Consent).
    public var validTo: String
    /// Where the signed form is archived (the authority's diarium or journal).
    public var documentReference: String

    public init(
        discloser: Set<Authority> = [], recipient: Set<Authority> = [], categories: Set<InformationCategory> = [],
        purposes: Set<ConsentPurpose> = [], purposeText: String = "", form: ConsentForm = .skriftligt,
        validFrom: String = "", validTo: String = "", documentReference: String = ""
    ) {
        self.discloser = discloser
        self.recipient = recipient
        self.categories = categories
        self.purposes = purposes
        self.purposeText = purposeText
        self.form = form
        self.validFrom = validFrom
        self.validTo = validTo
        self.documentReference = documentReference
    }

    /// A new form starting on `day`, with the suggested end filled in.
    public init(startingOn day: LocalDate) {
        self.init(
            validFrom: day.description, validTo: ConsentValidation.suggestedValidTo(from: day).description)
    }
}

public enum ConsentField: String, ValidatedField, Codable {
    case discloser
    case recipient
    case categories
    case purposes
    case purposeText
    case validFrom
    case validTo
    case documentReference
    case withdrawnOn
    case withdrawnHow
    case withdrawalRegisteredBy

    public var label: String {
        switch self {
        case .discloser: return "får lämna"
        case .recipient: return "får ta emot"
        case .categories: return "uppgifter"
        case .purposes: return "syfte"
        case .purposeText: return "syfte (text)"
        case .validFrom: return "giltigt från"
        case .validTo: return "giltigt till"
        case .documentReference: return "dokumentreferens"
        case .withdrawnOn: return "återkallat"
        case .withdrawnHow: return "hur det återkallades"
        case .withdrawalRegisteredBy: return "registrerat av"
        }
    }
}

/// The rules a samtycke must keep to break sekretess between the team's authorities (docs/domain-rules.md, Consent): the
/// person knows who exchanges what, for what and for how long, and it is never "all information".
public enum ConsentValidation {
    public static let documentReferenceLimit = 200
    public static let textLimit = 500
    /// The suggested length of a consent: the expected participation period (docs/domain-rules.md, Consent).
    public static let suggestedMonths = 12

    public static func suggestedValidTo(from day: LocalDate) -> LocalDate { day.adding(months: suggestedMonths) }

    public static func validate(
        _ d: ConsentDraft, participant: Participant.ID, registeredBy: TeamMember.ID, id: Consent.ID
    ) -> Result<Consent, FieldErrors<ConsentField>> {
        var errors = FieldErrors<ConsentField>()
        func take<T>(_ field: ConsentField, _ result: Result<T, RuleViolation>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let violation):
                errors.add(field, violation.reason)
                return nil
            }
        }

        if d.discloser.isEmpty { errors.add(.discloser, "välj minst en myndighet som får lämna uppgifter") }
        if d.recipient.isEmpty { errors.add(.recipient, "välj minst en myndighet som får ta emot uppgifter") }
        if d.discloser.count == 1 && d.discloser == d.recipient {
            errors.add(.recipient, "välj en annan myndighet än den som lämnar uppgifterna")
        }
        if d.categories.isEmpty {
            errors.add(.categories, "välj vilka uppgifter samtycket gäller")
        } else if d.categories.count == InformationCategory.allCases.count {
            // A consent so general that it gives up secrecy at an authority as a whole is not valid (§6.2).
            errors.add(.categories, "ett samtycke får inte gälla all information; välj bara de uppgifter som behövs")
        }
        if d.purposes.isEmpty { errors.add(.purposes, "välj minst ett syfte") }
        let purposeText = take(.purposeText, TextRules.optionalLine(d.purposeText, limit: textLimit))
        let reference = take(
            .documentReference, TextRules.optionalLine(d.documentReference, limit: documentReferenceLimit))

        let from = take(.validFrom, TextRules.date(d.validFrom))
        if case .some(.none) = from { errors.add(.validFrom, "ange från vilket datum samtycket gäller") }
        let to = take(.validTo, TextRules.date(d.validTo))
        if case .some(.none) = to {
            let hint = (from ?? nil).map { " (förslag: \(suggestedValidTo(from: $0)))" } ?? ""
            errors.add(.validTo, "ett samtycke måste ha ett slutdatum\(hint)")
        }
        if let f = from ?? nil, let t = to ?? nil, t < f {
            errors.add(.validTo, "kan inte vara före giltigt från (\(f))")
        }

        guard errors.isEmpty, let purposeText, let reference, let validFrom = from ?? nil, let validTo = to ?? nil
        else { return .failure(errors) }
        return .success(
            Consent(
                id: id, participantID: participant, discloser: d.discloser, recipient: d.recipient,
                categories: d.categories, purposes: d.purposes, purposeText: purposeText, form: d.form,
                validFrom: validFrom, validTo: validTo, documentReference: reference, registeredBy: registeredBy))
    }

    /// Registers that the participant withdrew `consent` (possible at any time, §6.2): on a day not before
    /// it started and not after today, and by whom it was registered. The tool hides newly shared data from
    /// that day on.
    public static func withdraw(
        _ consent: Consent, on typedDate: String, how: String, registeredBy: TeamMember.ID?, today: LocalDate
    ) -> Result<Consent, FieldErrors<ConsentField>> {
        var errors = FieldErrors<ConsentField>()
        if let already = consent.withdrawnOn {
            errors.add(.withdrawnOn, "samtycket är redan återkallat (\(already))")
            return .failure(errors)
        }
        var date: LocalDate?
        switch TextRules.pastDate(typedDate, today: today) {
        case .success(.none): errors.add(.withdrawnOn, "ange när samtycket återkallades")
        case .success(.some(let d)) where d < consent.validFrom:
            errors.add(.withdrawnOn, "kan inte vara före giltigt från (\(consent.validFrom))")
        case .success(.some(let d)): date = d
        case .failure(let v): errors.add(.withdrawnOn, v.reason)
        }
        var howText: String?
        switch TextRules.optionalLine(how, limit: textLimit) {
        case .success(let t): howText = t
        case .failure(let v): errors.add(.withdrawnHow, v.reason)
        }
        if registeredBy?.rawValue.isEmpty ?? true {
            errors.add(.withdrawalRegisteredBy, "ange vem som registrerar återkallelsen")
        }
        guard errors.isEmpty, let date, let registeredBy else { return .failure(errors) }
        var withdrawn = consent
        withdrawn.withdrawnOn = date
        withdrawn.withdrawnHow = howText
        withdrawn.withdrawalRegisteredBy = registeredBy
        return .success(withdrawn)
    }
}

/// A valid consent that ends soon, for the veckolista and the participant's header.
public struct ExpiringConsent: Hashable, Sendable {
    public let participantID: Participant.ID
    public let consent: Consent
    /// Days from the day asked about to the consent's last valid day (0 = ends today).
    public let daysLeft: Int
}

extension ParticipantRecord {
    /// This participant's consents that are valid on `day` and end within `days` days, soonest first.
    public func consentsExpiring(within days: Int, on day: LocalDate) -> [Consent] {
        consents.filter { $0.expires(within: days, from: day) }
            .sorted { ($0.validTo, $0.id) < ($1.validTo, $1.id) }
    }
}

extension Sequence where Element == ParticipantRecord {
    /// Every open participant's consents that are valid on `day` and end within `days` days (the
    /// veckolista uses 30, `CaseloadRules.consentWarningDays`), soonest first.
    public func consentsExpiring(within days: Int, on day: LocalDate) -> [ExpiringConsent] {
        flatMap { record in
            record.participant.status.isOpen
                ? record.consentsExpiring(within: days, on: day).map {
                    ExpiringConsent(participantID: record.id, consent: $0, daysLeft: day.days(until: $0.validTo))
                } : []
        }
        .sorted { ($0.consent.validTo, $0.participantID) < ($1.consent.validTo, $1.participantID) }
    }
}
