import Foundation

/// How far one section of a kartläggning has come: the form's progress indicator ("3/4 obligatoriska").
public struct SectionProgress: Hashable, Sendable {
    public var sectionID: String
    public var title: String
    /// Questions with an answer, of `questions`.
    public var answered: Int
    public var questions: Int
    /// Required questions with an answer, of `required`.
    public var requiredAnswered: Int
    public var required: Int
    /// Answers that would be refused as they stand (a value no longer among the options, say).
    public var invalid: Int

    /// Every required question answered and nothing refused.
    public var isComplete: Bool { requiredAnswered == required && invalid == 0 }

    /// `3/4`: required answered of required, or answered of all when nothing is required.
    public var shortText: String {
        required > 0 ? "\(requiredAnswered)/\(required)" : "\(answered)/\(questions)"
    }
}

/// Why a kartläggning could not be marked klar, question by question.
public struct CompletionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// Problems with the whole kartläggning (already klar, no profession present).
    public var reasons: [String]
    /// Question id → what is wrong with its answer, in form order in `description`.
    public var answers: [String: AnswerProblem]
    /// The question ids in `answers`, in form order (unknown ids last).
    public var order: [String]

    public var description: String {
        let parts = reasons + order.compactMap { id in answers[id].map { "\(id): \($0.reason)" } }
        return parts.joined(separator: "; ")
    }
}

/// The start of a new kartläggning: the draft and what could not be carried over from the last one.
public struct KartlaggningStart: Hashable, Sendable {
    public var kartlaggning: Kartlaggning
    /// Answers of the copied kartläggning left behind: their question is gone from the template, or the
    /// answer no longer fits it (an option removed). They stay in the old kartläggning.
    public var notCopied: [String]
}

/// The rules of a kartläggning's life: checking answers against the template it was made with, progress,
/// completing (read-only afterwards), and starting the next one from a copy of the last completed.
public enum KartlaggningRules {
    /// Every answer that would be refused, and every required question without an answer, by question id.
    public static func problems(answers: [String: Answer], template: KartlaggningTemplate) -> [String: AnswerProblem] {
        var result: [String: AnswerProblem] = [:]
        var known: Set<String> = []
        for q in template.questions {
            known.insert(q.id)
            if let p = AnswerRules.problem(answers[q.id], for: q) { result[q.id] = p }
        }
        for id in answers.keys where !known.contains(id) { result[id] = .unknownQuestion(id) }
        return result
    }

    /// Problems a draft may have while it is being filled in: everything but missing required answers.
    public static func draftProblems(answers: [String: Answer], template: KartlaggningTemplate) -> [String: AnswerProblem] {
        problems(answers: answers, template: template).filter { $0.value != .missing }
    }

    /// Progress per section in form order.
    public static func progress(answers: [String: Answer], template: KartlaggningTemplate) -> [SectionProgress] {
        template.sections.map { section in
            var p = SectionProgress(
                sectionID: section.id, title: section.title, answered: 0, questions: section.questions.count,
                requiredAnswered: 0, required: 0, invalid: 0)
            for q in section.questions {
                let answer = answers[q.id]
                let answered = AnswerRules.isAnswered(answer)
                let problem = AnswerRules.problem(answer, for: q)
                if answered { p.answered += 1 }
                if q.required {
                    p.required += 1
                    if answered && problem == nil { p.requiredAnswered += 1 }
                }
                if answered && problem != nil { p.invalid += 1 }
            }
            return p
        }
    }

    /// The kartläggning marked klar: every required question answered, every answer valid, at least one
    /// profession present. Stamps who (the professions present and the member who completed it) and when.
    public static func complete(
        _ kartlaggning: Kartlaggning, template: KartlaggningTemplate, professionsPresent: [Profession],
        by member: TeamMember.ID, at time: Date
    ) throws(CompletionRefusal) -> Kartlaggning {
        var reasons: [String] = []
        if kartlaggning.status == .klar { reasons.append("kartläggningen är redan klar") }
        if kartlaggning.templateVersion != template.version {
            reasons.append(
                "kartläggningen gjordes med mallversion \(kartlaggning.templateVersion), inte \(template.version)")
        }
        if professionsPresent.isEmpty { reasons.append("ange vilka yrken som var med") }
        let problems = problems(answers: kartlaggning.answers, template: template)
        if !reasons.isEmpty || !problems.isEmpty {
            let formOrder = template.questions.map(\.id).filter { problems[$0] != nil }
            let unknown = problems.keys.filter { !formOrder.contains($0) }.sorted()
            throw CompletionRefusal(reasons: reasons, answers: problems, order: formOrder + unknown)
        }
        var done = kartlaggning
        done.status = .klar
        done.professionsPresent = Profession.allCases.filter { professionsPresent.contains($0) }
        done.completedAt = time
        done.completedBy = member
        return done
    }

    /// The latest completed kartläggning (by date, then completion time), which the next one copies.
    public static func lastCompleted(_ kartlaggningar: [Kartlaggning]) -> Kartlaggning? {
        kartlaggningar.filter { $0.status == .klar }.max {
            ($0.date, $0.completedAt ?? .distantPast) < ($1.date, $1.completedAt ?? .distantPast)
        }
    }

    /// The participant's draft in progress, if any (the newest): `e` continues it.
    public static func openDraft(_ kartlaggningar: [Kartlaggning]) -> Kartlaggning? {
        kartlaggningar.filter { $0.status == .utkast }.max { $0.date < $1.date }
    }

    /// A new draft on `template`, carrying over the answers of `previous` (the last completed one) that
    /// still fit the template: the team revisits the mapping rather than starting from nothing. Nothing of
    /// `previous` changes.
    public static func start(
        id: Kartlaggning.ID, participant: Participant.ID, template: KartlaggningTemplate, date: LocalDate,
        copying previous: Kartlaggning?
    ) -> KartlaggningStart {
        var answers: [String: Answer] = [:]
        var notCopied: [String] = []
        if let previous {
            let questions = Dictionary(template.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (qid, answer) in previous.answers {
                guard let q = questions[qid], AnswerRules.problem(answer, for: q) == nil else {
                    notCopied.append(qid)
                    continue
                }
                answers[qid] = answer
            }
        }
        let draft = Kartlaggning(
            id: id, participantID: participant, templateVersion: template.version, date: date, status: .utkast,
            answers: answers)
        return KartlaggningStart(kartlaggning: draft, notCopied: notCopied.sorted())
    }
}
