/// The fields of a profession's assessment (template section K) that a reason can be attached to.
public enum AssessmentField: String, ValidatedField {
    case belief, step, overrideReason

    public var label: String {
        switch self {
        case .belief: return "tilltro"
        case .step: return "steg"
        case .overrideReason: return "skäl för annat steg"
        }
    }
}

/// Each profession's own view of the participant: belief (tilltro, BIP's strongest single predictor) and
/// the step on the ladder, suggested from ongoing insatser, with a reason when the profession chooses another.
public enum AssessmentRules {
    public static let reasonLimit = 1000

    /// Why the assessment cannot be saved, field by field; empty when it can.
    public static func validate(_ assessment: ProfessionAssessment) -> FieldErrors<AssessmentField> {
        var errors = FieldErrors<AssessmentField>()
        if !(1...5).contains(assessment.belief) {
            errors.add(.belief, "välj 1–5 (fick \(assessment.belief))")
        }
        let reason = assessment.overrideReason ?? ""
        if assessment.step != assessment.suggestedStep {
            if reason.trimmingWhitespace().isEmpty {
                errors.add(
                    .overrideReason,
                    "ange varför steg \(assessment.step.rawValue) och inte det föreslagna steg "
                        + "\(assessment.suggestedStep.rawValue) (\(assessment.suggestedStep.label))")
            }
        }
        if let problem = TextRules.check(reason, limit: reasonLimit, lines: .multiple) {
            errors.add(.overrideReason, problem)
        }
        return errors
    }

    /// A new assessment at the suggested step, for the form to start from.
    public static func start(
        kartlaggning: Kartlaggning.ID, profession: Profession, suggestion: StepSuggestion, belief: Int = 3
    ) -> ProfessionAssessment {
        ProfessionAssessment(
            kartlaggningID: kartlaggning, profession: profession, belief: belief, step: suggestion.step,
            suggestedStep: suggestion.step)
    }

    /// The team's step in one kartläggning: the lower middle of the professions' steps, so one optimistic or
    /// one cautious view does not decide alone. Nil without assessments.
    public static func teamStep(_ assessments: [ProfessionAssessment]) -> Step? {
        let steps = assessments.map(\.step).sorted()
        guard !steps.isEmpty else { return nil }
        return steps[(steps.count - 1) / 2]
    }
}
