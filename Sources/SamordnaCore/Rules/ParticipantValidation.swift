/// The rules a participant's fields must keep, the same for the form, the command line and the CSV import.
/// Every field is checked, so the form can show all its problems at once.
public enum ParticipantValidation {
    public static let nameLimit = 100
    /// Reservnummer and other numbers are not standardised (docs/domain-rules.md, Identity numbers); this only keeps them sane.
    public static let otherIdentityLimit = 40
    public static let emailLimit = 254
    public static let addressLimit = 200
    public static let languageLimit = 50
    public static let phoneDigits = 5...20

    public static func validate(_ d: ParticipantDraft, today: LocalDate)
        -> Result<ValidParticipantFields, FieldErrors<ParticipantField>>
    {
        var errors = FieldErrors<ParticipantField>()
        func take<T>(_ field: ParticipantField, _ result: Result<T, RuleViolation>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let violation):
                errors.add(field, violation.reason)
                return nil
            }
        }

        let kind = take(.identityKind, identityKind(d.identityKind))
        let identity = kind.flatMap { take(.identity, Self.identity(kind: $0, typed: d.identity, today: today)) }
        let birth = identity?.birthDate

        let firstName = take(.firstName, requiredName(d.firstName))
        let lastName = take(.lastName, requiredName(d.lastName))
        let preferredName = take(.preferredName, TextRules.optionalLine(d.preferredName, limit: nameLimit))
        let gender = take(.gender, Self.gender(d.gender))
        let phone = take(.phone, Self.phone(d.phone))
        let email = take(.email, Self.email(d.email))
        let address = take(.address, Self.address(d.address))
        let language = take(.language, TextRules.optionalLine(d.language, limit: languageLimit))
        let interpreterLanguage = take(
            .interpreterLanguage, TextRules.optionalLine(d.interpreterLanguage, limit: languageLimit))
        if d.interpreterNeeded, case .some(.none) = interpreterLanguage {
            errors.add(.interpreterLanguage, "ange tolkspråk när tolk behövs")
        }
        let afSince = take(.afRegisteredSince, pastDate(d.afRegisteredSince, notBefore: birth, today: today))
        let fbSince = take(.forsorjningsstodSince, pastDate(d.forsorjningsstodSince, notBefore: birth, today: today))
        let status = take(.status, Self.status(d.status))
        let enrolled = take(
            .enrolledOn,
            d.enrolledOn.trimmingWhitespace().isEmpty
                ? .success(today) : pastDate(d.enrolledOn, notBefore: birth, today: today))

        guard errors.isEmpty, let identity, let firstName, let lastName, let preferredName, let gender, let phone,
            let email, let address, let language, let interpreterLanguage, let afSince, let fbSince, let status,
            let enrolled, let enrolledOn = enrolled
        else { return .failure(errors) }
        return .success(
            ValidParticipantFields(
                identity: identity, protectedIdentity: d.protectedIdentity, firstName: firstName,
                lastName: lastName, preferredName: preferredName, gender: gender, phone: phone, email: email,
                address: address, language: language, interpreterNeeded: d.interpreterNeeded,
                interpreterLanguage: interpreterLanguage, afRegisteredSince: afSince, forsorjningsstodSince: fbSince,
                status: status, enrolledOn: enrolledOn))
    }

    // MARK: - One rule per field

    static func identityKind(_ typed: String) -> Result<IdentityKind, RuleViolation> {
        let t = typed.trimmingWhitespace().lowercased()
        if let kind = IdentityKind(rawValue: t) { return .success(kind) }
        let choices = "välj personnummer, samordningsnummer, reservnummer eller annan"
        return .failure(RuleViolation(t.isEmpty ? choices : "okänd identitetstyp \(TextRules.quoted(t)): \(choices)"))
    }

    /// A personnummer or samordningsnummer is parsed and must be of the kind chosen (they are told apart
    /// by the day: a samordningsnummer's is the birth day + 60); other numbers are kept as typed.
    static func identity(kind: IdentityKind, typed: String, today: LocalDate) -> Result<Identity, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .failure(RuleViolation("får inte vara tomt")) }
        switch kind {
        case .personnummer, .samordningsnummer:
            let number: Personnummer
            do {
                number = try Personnummer(parsing: t, today: today)
            } catch {
                return .failure(RuleViolation("ogiltigt \(kind.rawValue): \(error)"))
            }
            if kind == .personnummer && number.isSamordningsnummer {
                return .failure(
                    RuleViolation(
                        "numret är ett samordningsnummer (dagen är födelsedagen + 60); välj identitetstyp samordningsnummer"
                    ))
            }
            if kind == .samordningsnummer && !number.isSamordningsnummer {
                return .failure(
                    RuleViolation(
                        "numret är ett personnummer, inte ett samordningsnummer (där är dagen födelsedagen + 60); välj identitetstyp personnummer"
                    ))
            }
            return .success(.personnummer(number))
        case .reservnummer, .annan:
            if let reason = TextRules.check(t, limit: otherIdentityLimit, lines: .single) {
                return .failure(RuleViolation(reason))
            }
            return .success(.other(kind: kind.rawValue, value: t))
        }
    }

    static func requiredName(_ typed: String) -> Result<String, RuleViolation> {
        switch TextRules.optionalLine(typed, limit: nameLimit) {
        case .success(.some(let name)): return .success(name)
        case .success(.none): return .failure(RuleViolation("får inte vara tomt"))
        case .failure(let violation): return .failure(violation)
        }
    }

    static func gender(_ typed: String) -> Result<Gender, RuleViolation> {
        let t = typed.trimmingWhitespace()
        let choices = "välj kvinna, man, icke-binär eller vill ej uppge"
        if t.isEmpty { return .failure(RuleViolation(choices)) }
        if let gender = Gender(typed: t) { return .success(gender) }
        return .failure(RuleViolation("okänt värde \(TextRules.quoted(t)): \(choices)"))
    }

    /// Digits, spaces, `+`, `-` and parentheses; 5–20 digits (short internal numbers to international ones).
    static func phone(_ typed: String) -> Result<String?, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = TextRules.controlCharacterReason(t, lines: .single) { return .failure(RuleViolation(reason)) }
        if let bad = t.first(where: { !($0.isASCIIDigit || " +-()".contains($0)) }) {
            return .failure(
                RuleViolation("otillåtet tecken \(TextRules.quoted(String(bad))) (tillåtet: siffror, mellanslag, + - ( ))"))
        }
        let digits = t.filter(\.isASCIIDigit).count
        if digits < phoneDigits.lowerBound {
            return .failure(RuleViolation("för få siffror: \(digits) (minst \(phoneDigits.lowerBound))"))
        }
        if digits > phoneDigits.upperBound {
            return .failure(RuleViolation("för många siffror: \(digits) (högst \(phoneDigits.upperBound))"))
        }
        return .success(t)
    }

    /// A simple shape check (`namn@exempel.se`): whether the address exists is for the mail to find out.
    static func email(_ typed: String) -> Result<String?, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = TextRules.check(t, limit: emailLimit, lines: .single) { return .failure(RuleViolation(reason)) }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        // Domain labels separated by single dots, at least two of them.
        let labels = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false) : []
        let shaped =
            parts.count == 2 && !parts[0].isEmpty && !t.contains(where: \.isWhitespace) && labels.count >= 2
            && labels.allSatisfy { !$0.isEmpty }
        return shaped ? .success(t) : .failure(RuleViolation("ser inte ut som en e-postadress (namn@exempel.se)"))
    }

    /// An address may run over several lines (street, postcode and town).
    static func address(_ typed: String) -> Result<String?, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = TextRules.check(t, limit: addressLimit, lines: .multiple) {
            return .failure(RuleViolation(reason))
        }
        return .success(t)
    }

    static func status(_ typed: String) -> Result<ParticipantStatus, RuleViolation> {
        let t = typed.trimmingWhitespace().lowercased()
        if let status = ParticipantStatus(rawValue: t) { return .success(status) }
        let choices = "välj aktualiserad, aktiv, vilande eller avslutad"
        return .failure(RuleViolation(t.isEmpty ? choices : "okänd status \(TextRules.quoted(t)): \(choices)"))
    }

    /// A date in the past (or today) and not before the participant was born.
    static func pastDate(_ typed: String, notBefore birth: LocalDate?, today: LocalDate)
        -> Result<LocalDate?, RuleViolation>
    {
        TextRules.pastDate(typed, today: today).flatMap { date in
            if let date, let birth, date < birth {
                return .failure(RuleViolation("kan inte vara före födelsedatumet \(birth)"))
            }
            return .success(date)
        }
    }
}

extension Gender {
    /// What a person types for a gender: the stored value or the label, any case, with or without the
    /// diacritic and hyphens (`icke-binär`, `icke binar`, `vill ej uppge`).
    init?(typed: String) {
        func fold(_ s: String) -> String {
            String(
                s.trimmingWhitespace().lowercased().map { ch -> Character in
                    ch == " " || ch == "_" ? "-" : ch == "ä" ? "a" : ch
                })
        }
        let t = fold(typed)
        guard let match = Gender.allCases.first(where: { fold($0.rawValue) == t }) else { return nil }
        self = match
    }
}
