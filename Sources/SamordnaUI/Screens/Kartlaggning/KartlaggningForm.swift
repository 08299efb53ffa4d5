import Foundation
import SamordnaCore
import TerminalUI

/// The kartläggning form (`n` or `e` on the Kartläggning tab): one page per template section, then a last
/// page where the user's profession records its assessment and the kartläggning is marked klar. Answers are
/// checked by Core as each field is left, and the draft is saved then: a killed process loses at most the
/// field being typed.
///
/// `session.kartlaggning` is the draft as last saved; `answers` is the working copy the pages show. A
/// save that fails keeps the working copy (and the form screen's `unsaved`), so nothing typed is dropped by
/// a page change, and leaving asks first. The form screen holds the page's fields.
public struct KartlaggningFormContent: FormContent {
    public var session: KartlaggningSession
    public var participantName: String
    /// The page shown: a section index, or `sections.count` for the last page (assessment and klar).
    public var page: Int
    /// The answers as on the pages (accepted by Core), saved or not yet.
    public var answers: [String: Answer]
    /// The question (or assessment field) ids whose typed value Core refused, with the reason.
    public var refused: [String: String]
    /// What was typed in the refused fields, shown again when their page is.
    public var typed: [String: String]
    /// Where the step suggestion comes from, for the last page.
    public var suggestion: StepSuggestion
    /// The profession whose assessment the last page records (the user's).
    public var profession: Profession

    var template: KartlaggningTemplate { session.template }
    var isLastPage: Bool { page >= template.sections.count }

    static let presentID = "_present"
    static let beliefID = "_belief"
    static let stepID = "_step"
    static let reasonID = "_reason"

    init(
        session: KartlaggningSession, participantName: String, page: Int = 0, suggestion: StepSuggestion,
        profession: Profession
    ) {
        self.session = session
        self.participantName = participantName
        self.page = min(page, session.template.sections.count)
        self.answers = session.kartlaggning.answers
        self.refused = [:]
        self.typed = [:]
        self.suggestion = suggestion
        self.profession = profession
    }

    // MARK: Pages

    /// The form for the current page, from the answers held.
    func buildPage(viewport: Size) -> FormState {
        var fields: [FormField]
        if isLastPage {
            fields = lastPageFields()
        } else {
            let section = template.sections[page]
            fields = section.questions.map { q in
                if session.hidden.contains(q.id) {
                    return FormField(id: q.id, label: q.label, kind: .readOnly(Self.withheld(q, answered: answers[q.id] != nil)))
                }
                var field = Self.field(for: q, answer: answers[q.id])
                // A refused value comes back as it was typed, with its reason.
                if let text = typed[q.id] {
                    switch field.kind {
                    case .text: field.kind = .text(TextFieldState(text: text))
                    case .date: field.kind = .date(TextFieldState(text: text))
                    case .multiline: field.kind = .multiline(TextAreaState(text: text, maxLength: AnswerRules.maxLength(of: q)))
                    default: break
                    }
                }
                return field
            }
            if let help = section.help { fields.insert(FormField(id: "_help", label: "", kind: .readOnly(help)), at: 0) }
        }
        for i in fields.indices { fields[i].error = refused[fields[i].id] }
        var form = FormState(fields: fields)
        form.viewport = viewport
        return form
    }

    /// What stands in place of an answer the user may not read: whose it is and that consent is missing,
    /// and whether there is an answer at all.
    static func withheld(_ q: TemplateQuestion, answered: Bool) -> String {
        "\(answered ? "besvarad" : "inte besvarad") · \(q.withheldText)"
    }

    /// The widget for one question, holding its answer.
    static func field(for q: TemplateQuestion, answer: Answer?) -> FormField {
        let kind: FormField.Kind
        switch q.type {
        case .text:
            kind = .text(TextFieldState(text: answer.map(AnswerRules.displayText) ?? ""))
        case .multilineText:
            kind = .multiline(TextAreaState(text: answer.map(AnswerRules.displayText) ?? "", maxLength: AnswerRules.maxLength(of: q)))
        case .scale(let low, let high):
            var selected: Int?
            if case .scale(let n)? = answer { selected = n - 1 }
            kind = .choice(options: scaleOptions(low: low, high: high), selected: selected)
        case .yesNoUnknown:
            var selected: Int?
            if case .yesNoUnknown(let v)? = answer { selected = YesNoUnknown.allCases.firstIndex(of: v) }
            kind = .choice(options: YesNoUnknown.allCases.map(\.rawValue), selected: selected)
        case .singleChoice(let options):
            var selected: Int?
            if case .choice(let c)? = answer { selected = options.firstIndex(of: c) }
            kind = .choice(options: options, selected: selected)
        case .multipleChoice(let options):
            var selected: Set<Int> = []
            if case .choices(let c)? = answer { selected = Set(c.compactMap { options.firstIndex(of: $0) }) }
            kind = .multiChoice(options: options, selected: selected)
        case .date:
            var text = ""
            if case .date(let d)? = answer { text = d.description }
            kind = .date(TextFieldState(text: text))
        case .number:
            kind = .text(TextFieldState(text: answer.map(AnswerRules.displayText) ?? ""))
        }
        // A long question is cut in the label column: the help line under the form gives it whole.
        var help = DisplayWidth.of(q.label) > 30 ? q.label + (q.help.map { " – " + $0 } ?? "") : q.help ?? ""
        var marks: [String] = []
        if q.sensitivity != .p0 { marks.append(q.sensitivity.rawValue) }
        if let owner = q.owner { marks.append(owner.label) }
        if !marks.isEmpty { help += (help.isEmpty ? "" : " · ") + marks.joined(separator: ", ") }
        if let limit = AnswerRules.maxLength(of: q), q.type == .text { help += (help.isEmpty ? "" : " · ") + "högst \(limit) tecken" }
        return FormField(
            id: q.id, label: q.label, kind: kind, required: q.required, help: help.isEmpty ? nil : help,
            rows: q.type == .multilineText ? 4 : 1)
    }

    /// `1 stämmer inte alls`, `2`, `3`, `4`, `5 stämmer helt`.
    static func scaleOptions(low: String, high: String) -> [String] {
        ["1 " + low, "2", "3", "4", "5 " + high]
    }

    /// Everyone who may take part: the three of the team first, then the complementary professions.
    static let professions = Profession.core + Profession.allCases.filter { !Profession.core.contains($0) }

    static let stepOptions = Step.allCases.map { "\($0.rawValue) \($0.label)" }

    func lastPageFields() -> [FormField] {
        let mine = session.assessments.first { $0.profession == profession }
        var fields: [FormField] = []
        let present = session.kartlaggning.professionsPresent.isEmpty
            ? [profession] : session.kartlaggning.professionsPresent
        fields.append(
            FormField(
                id: Self.presentID, label: "Närvarande yrken",
                kind: .multiChoice(
                    options: Self.professions.map(\.label),
                    selected: Set(present.compactMap { Self.professions.firstIndex(of: $0) })),
                required: true, help: "Vilka yrken gjorde kartläggningen med deltagaren (Space kryssar)"))
        fields.append(
            FormField(
                id: Self.beliefID, label: "Tilltro (\(profession.short))",
                kind: .choice(options: Self.scaleOptions(low: "låg", high: "hög"), selected: mine.map { $0.belief - 1 }),
                required: true, help: "Din tro på att deltagaren når arbete eller studier (BIP: starkaste enskilda faktorn)"))
        var steps = Self.stepOptions
        steps[suggestion.step.rawValue] += " (förslag)"
        fields.append(
            FormField(
                id: Self.stepID, label: "Steg (\(profession.short))",
                kind: .choice(options: steps, selected: (mine?.step ?? suggestion.step).rawValue), required: true,
                help: "Förslag: " + suggestion.explanation))
        fields.append(
            FormField(
                id: Self.reasonID, label: "Skäl för annat steg",
                kind: .multiline(TextAreaState(text: mine?.overrideReason ?? "", maxLength: AssessmentRules.reasonLimit)),
                help: "Krävs om du väljer ett annat steg än förslaget", rows: 3))
        for other in session.assessments where other.profession != profession {
            fields.append(
                FormField(
                    id: "_other_\(other.profession.rawValue)", label: other.profession.label.capitalizedFirst,
                    kind: .readOnly("tilltro \(other.belief) av 5, steg \(other.step.rawValue) \(other.step.label)")))
        }
        return fields
    }

    // MARK: Reading answers back

    /// The answers the current page holds, checked by Core. Refused values are left out of the answers
    /// (the old answer stays) and listed with their reason; the typed text stays in the field.
    func pageAnswers(_ form: FormState) -> (answers: [String: Answer?], refused: [String: String]) {
        guard !isLastPage else { return ([:], [:]) }
        var answers: [String: Answer?] = [:]
        var refused: [String: String] = [:]
        for q in template.sections[page].questions where !session.hidden.contains(q.id) {
            guard let value = form.value(of: q.id) else { continue }
            do {
                answers[q.id] = try Self.answer(value, for: q)
            } catch {
                refused[q.id] = error.reason
            }
        }
        return (answers, refused)
    }

    static func answer(_ value: FormValue, for q: TemplateQuestion) throws(AnswerProblem) -> Answer? {
        switch (q.type, value) {
        case (.scale, .choice(let i)):
            return i.map { .scale($0 + 1) }
        case (.yesNoUnknown, .choice(let i)):
            return i.map { .yesNoUnknown(YesNoUnknown.allCases[$0]) }
        case (.singleChoice(let options), .choice(let i)):
            return i.map { .choice(options[$0]) }
        case (.multipleChoice(let options), .choices(let set)):
            return set.isEmpty ? nil : .choices(set.sorted().map { options[$0] })
        case (_, .text(let typed)):
            return try AnswerRules.parse(typed, for: q)
        default:
            return nil
        }
    }

    /// Takes the current page into the working copy: accepted answers into `answers`, refused ones into
    /// `refused` and `typed` (the old answer stays until a valid one is given).
    mutating func takePage(_ form: FormState) {
        guard !isLastPage else { return }
        let (accepted, refusedNow) = pageAnswers(form)
        for (id, answer) in accepted {
            if let answer { answers[id] = answer } else { answers.removeValue(forKey: id) }
        }
        for q in template.sections[page].questions {
            if let reason = refusedNow[q.id] {
                refused[q.id] = reason
                typed[q.id] = form.value(of: q.id)?.string
            } else {
                refused[q.id] = nil
                typed[q.id] = nil
            }
        }
    }

    /// The draft to save: the last saved one with the working answers and who was present.
    func draftToSave(present: [Profession]? = nil) -> Kartlaggning {
        var k = session.kartlaggning
        k.answers = answers
        if let present { k.professionsPresent = present }
        return k
    }

    /// The last page read back: who was present and this profession's assessment.
    func lastPageValues(_ form: FormState) -> (present: [Profession], assessment: ProfessionAssessment) {
        let present = (form.value(of: Self.presentID)?.selectedIndices ?? []).sorted().map { Self.professions[$0] }
        let belief = (form.value(of: Self.beliefID)?.selectedIndex ?? -1) + 1
        let step = Step(rawValue: form.value(of: Self.stepID)?.selectedIndex ?? suggestion.step.rawValue) ?? suggestion.step
        let reason = form.value(of: Self.reasonID)?.string ?? ""
        let assessment = ProfessionAssessment(
            kartlaggningID: session.kartlaggning.id, profession: profession, belief: belief, step: step,
            suggestedStep: suggestion.step, overrideReason: reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : reason)
        return (present, assessment)
    }

    /// Progress per section, from the answers held.
    var progress: [SectionProgress] {
        KartlaggningRules.progress(answers: answers, template: template)
    }
}
