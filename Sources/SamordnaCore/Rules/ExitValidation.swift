/// The avslut form as the user filled it in.
public struct ExitDraft: Hashable, Sendable, Codable {
    /// An avslutsorsak code: `A1` … `Ä1` (docs/domain-rules.md, Avslut).
    public var outcome: String
    /// Required for Ä1 (Annat): what happened.
    public var outcomeText: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var forsorjningsstodEnded: Bool
    /// `YYYY-MM-DD`, required when `forsorjningsstodEnded`.
    public var forsorjningsstodEndedOn: String
    /// A step 0–7 on the stegförflyttning ladder, or empty.
    public var stepAtStart: String
    public var stepAtExit: String
    public var closerToWorkOrStudies: Bool

    public init(
        outcome: String = "", outcomeText: String = "", date: String = "", forsorjningsstodEnded: Bool = false,
        forsorjningsstodEndedOn: String = "", stepAtStart: String = "", stepAtExit: String = "",
        closerToWorkOrStudies: Bool = false
    ) {
        self.outcome = outcome
        self.outcomeText = outcomeText
        self.date = date
        self.forsorjningsstodEnded = forsorjningsstodEnded
        self.forsorjningsstodEndedOn = forsorjningsstodEndedOn
        self.stepAtStart = stepAtStart
        self.stepAtExit = stepAtExit
        self.closerToWorkOrStudies = closerToWorkOrStudies
    }
}

public enum ExitField: String, ValidatedField, Codable {
    case outcome
    case outcomeText
    case date
    case forsorjningsstodEndedOn
    case stepAtStart
    case stepAtExit

    public var label: String {
        switch self {
        case .outcome: return "avslutsorsak"
        case .outcomeText: return "beskrivning"
        case .date: return "avslutsdatum"
        case .forsorjningsstodEndedOn: return "försörjningsstöd upphörde"
        case .stepAtStart: return "steg vid start"
        case .stepAtExit: return "steg vid avslut"
        }
    }
}

/// The rules for closing a participant (avslut): an outcome code, a date within the participation, and the
/// progression data results are reported from.
public enum ExitValidation {
    public static let textLimit = 500

    public static func validate(_ d: ExitDraft, for participant: Participant, today: LocalDate)
        -> Result<ExitRecord, FieldErrors<ExitField>>
    {
        var errors = FieldErrors<ExitField>()
        func take<T>(_ field: ExitField, _ result: Result<T, RuleViolation>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let violation):
                errors.add(field, violation.reason)
                return nil
            }
        }

        let outcome = take(.outcome, Self.outcome(d.outcome))
        let text = take(.outcomeText, TextRules.optionalLine(d.outcomeText, limit: textLimit))
        if let outcome, outcome.requiresText, case .some(.none) = text {
            errors.add(.outcomeText, "beskriv vad som hände (krävs för \(outcome.rawValue) \(outcome.label))")
        }
        let date = take(.date, exitDate(d.date, enrolledOn: participant.enrolledOn, today: today))
        let endedOn = take(
            .forsorjningsstodEndedOn,
            forsorjningsstodEnd(
                d.forsorjningsstodEndedOn, ended: d.forsorjningsstodEnded, since: participant.forsorjningsstodSince,
                today: today))
        let stepAtStart = take(.stepAtStart, step(d.stepAtStart))
        let stepAtExit = take(.stepAtExit, step(d.stepAtExit))

        guard errors.isEmpty, let outcome, let text, let date, let endedOn, let stepAtStart, let stepAtExit else {
            return .failure(errors)
        }
        return .success(
            ExitRecord(
                participantID: participant.id, date: date, outcome: outcome, outcomeText: text,
                forsorjningsstodEnded: d.forsorjningsstodEnded, forsorjningsstodEndedOn: endedOn,
                stepAtStart: stepAtStart, stepAtExit: stepAtExit, closerToWorkOrStudies: d.closerToWorkOrStudies))
    }

    /// The code as typed, any case; `O1`/`O2` are taken for Ö1/Ö2 (no other code starts with O).
    static func outcome(_ typed: String) -> Result<OutcomeCode, RuleViolation> {
        var t = typed.trimmingWhitespace().uppercased()
        if t.hasPrefix("O") { t = "Ö" + t.dropFirst() }
        if let code = OutcomeCode(rawValue: t) { return .success(code) }
        let codes = OutcomeCode.allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(
            RuleViolation(
                t.isEmpty ? "välj en avslutsorsak (\(codes))" : "okänd avslutsorsak \(TextRules.quoted(t)) (\(codes))"))
    }

    static func exitDate(_ typed: String, enrolledOn: LocalDate, today: LocalDate) -> Result<LocalDate, RuleViolation> {
        TextRules.pastDate(typed, today: today).flatMap { date in
            guard let date else { return .failure(RuleViolation("ange avslutsdatum (ÅÅÅÅ-MM-DD)")) }
            if date < enrolledOn {
                return .failure(RuleViolation("kan inte vara före aktualiseringen \(enrolledOn)"))
            }
            return .success(date)
        }
    }

    static func forsorjningsstodEnd(_ typed: String, ended: Bool, since: LocalDate?, today: LocalDate)
        -> Result<LocalDate?, RuleViolation>
    {
        TextRules.pastDate(typed, today: today).flatMap { date in
            switch (ended, date) {
            case (true, nil):
                return .failure(RuleViolation("ange när försörjningsstödet upphörde"))
            case (false, .some):
                return .failure(RuleViolation("ange datum bara om försörjningsstödet har upphört"))
            case (true, .some(let d)) where since.map({ d < $0 }) ?? false:
                return .failure(RuleViolation("kan inte vara före försörjningsstöd sedan \(since!)"))
            default:
                return .success(date)
            }
        }
    }

    static func step(_ typed: String) -> Result<Step?, RuleViolation> {
        let t = typed.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        guard t.allSatisfy(\.isASCIIDigit), let n = Int(t), let step = Step(rawValue: n) else {
            return .failure(RuleViolation("ange ett steg 0–7, inte \(TextRules.quoted(t))"))
        }
        return .success(step)
    }
}
