/// The form for a team member as typed: who they are, what they do, and the login the change log knows
/// them by.
public struct TeamMemberDraft: Hashable, Sendable, Codable {
    /// The operating-system login name (`anna`), what the change log and notes record.
    public var login: String
    public var name: String
    /// A profession's code, label or short form: `arbetsformedlare`, `arbetsförmedlare`, `AF`.
    public var profession: String
    /// An organisation's code or name; empty means the profession's own (AF for an arbetsförmedlare).
    public var organisation: String
    /// The arbetslag's name; empty means none (the caseload is one team).
    public var unit: String

    public init(
        login: String = "", name: String = "", profession: String = "", organisation: String = "", unit: String = ""
    ) {
        self.login = login
        self.name = name
        self.profession = profession
        self.organisation = organisation
        self.unit = unit
    }
}

public enum TeamMemberField: String, ValidatedField, Codable {
    case login
    case name
    case profession
    case organisation
    case unit

    public var label: String {
        switch self {
        case .login: return "inloggning"
        case .name: return "namn"
        case .profession: return "yrke"
        case .organisation: return "organisation"
        case .unit: return "arbetslag"
        }
    }
}

/// The rules for a team member: a login the change log can be tied to, a name, and a profession of the
/// team (docs/domain-rules.md, The team and its way of working).
public enum TeamMemberValidation {
    public static let nameLimit = 100
    public static let loginLimit = 64
    public static let unitLimit = 60

    public static func validate(_ d: TeamMemberDraft, id: TeamMember.ID) -> Result<TeamMember, FieldErrors<TeamMemberField>>
    {
        var errors = FieldErrors<TeamMemberField>()
        func take<T>(_ field: TeamMemberField, _ result: Result<T, RuleViolation>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let violation):
                errors.add(field, violation.reason)
                return nil
            }
        }
        let login = take(.login, Self.login(d.login))
        let name = take(.name, ParticipantValidation.requiredName(d.name))
        let profession = take(.profession, Self.profession(d.profession))
        let organisation = take(.organisation, Self.organisation(d.organisation))
        let unit = take(.unit, Self.unit(d.unit))
        guard errors.isEmpty, let login, let name, let profession, let organisation, let unit else {
            return .failure(errors)
        }
        return .success(
            TeamMember(id: id, name: name, profession: profession, organisation: organisation, login: login, unit: unit))
    }

    /// An arbetslag's name as typed, one line; empty is nil (no lag: the caseload is one team).
    public static func unit(_ typed: String) -> Result<String?, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = TextRules.check(t, limit: unitLimit, lines: .single) { return .failure(RuleViolation(reason)) }
        return .success(t)
    }

    /// One word without spaces or control characters, as the operating system spells it.
    static func login(_ typed: String) -> Result<String, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .failure(RuleViolation("får inte vara tomt; ändringar måste kunna knytas till någon")) }
        if let reason = TextRules.check(t, limit: loginLimit, lines: .single) { return .failure(RuleViolation(reason)) }
        if t.contains(where: \.isWhitespace) {
            return .failure(RuleViolation("ett användarnamn innehåller inga mellanslag"))
        }
        return .success(t)
    }

    /// A profession by code, Swedish label or short form, any case, with or without å, ä and ö.
    public static func profession(_ typed: String) -> Result<Profession, RuleViolation> {
        let t = fold(typed)
        if let match = Profession.allCases.first(where: { [$0.rawValue, $0.label, $0.short].map(fold).contains(t) }) {
            return .success(match)
        }
        let choices = "välj " + Profession.allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(
            RuleViolation(t.isEmpty ? choices : "okänt yrke \(TextRules.quoted(typed.trimmingWhitespace())): \(choices)"))
    }

    /// Empty is nil (the profession's own organisation).
    static func organisation(_ typed: String) -> Result<Organisation?, RuleViolation> {
        let t = fold(typed)
        if t.isEmpty { return .success(nil) }
        if let match = Organisation.allCases.first(where: { fold($0.rawValue) == t || fold($0.label) == t }) {
            return .success(match)
        }
        let choices = "välj " + Organisation.allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(RuleViolation("okänd organisation \(TextRules.quoted(typed.trimmingWhitespace())): \(choices)"))
    }

    private static func fold(_ s: String) -> String {
        String(
            s.trimmingWhitespace().lowercased().compactMap { ch -> Character? in
                switch ch {
                case " ", "-", "_", ",": return nil
                case "å", "ä": return "a"
                case "ö": return "o"
                default: return ch
                }
            })
    }
}
