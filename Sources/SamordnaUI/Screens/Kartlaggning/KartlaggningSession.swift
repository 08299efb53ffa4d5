import SamordnaCore

/// One kartläggning opened for filling in or reading: the kartläggning, the template version it was made
/// with (never the current file's, so old answers keep their meaning), and the professions' assessments.
public struct KartlaggningSession: Equatable, Sendable {
    public var kartlaggning: Kartlaggning
    public var template: KartlaggningTemplate
    public var assessments: [ProfessionAssessment]
    /// Answers of the copied kartläggning that did not fit the current template (question ids).
    public var notCopied: [String]
    /// Set when the template file has errors and the last valid version is used ("mallen har fel: …").
    public var templateNotice: String?
    /// The questions whose answers the user may not read (docs/privacy.md): shown as sekretess, never
    /// editable; their answers stay in `kartlaggning` so a save keeps them.
    public var hidden: Set<String> = []
    /// The professions whose assessment the user may not read.
    public var hiddenAssessments: Set<Profession> = []

    public init(
        kartlaggning: Kartlaggning, template: KartlaggningTemplate, assessments: [ProfessionAssessment] = [],
        notCopied: [String] = [], templateNotice: String? = nil
    ) {
        self.kartlaggning = kartlaggning
        self.template = template
        self.assessments = assessments
        self.notCopied = notCopied
        self.templateNotice = templateNotice
    }
}

/// What completing a kartläggning saves: the kartläggning marked klar (by Core) and this profession's
/// assessment.
public struct KartlaggningCompletion: Equatable, Sendable {
    public var kartlaggning: Kartlaggning
    public var assessment: ProfessionAssessment
}
