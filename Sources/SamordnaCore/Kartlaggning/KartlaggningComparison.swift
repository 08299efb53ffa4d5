/// A number that moved between two kartläggningar (a scale answer, tilltro, the step): `2 → 4 ↑`.
public struct LevelChange: Hashable, Sendable, CustomStringConvertible {
    public var from: Int?
    public var to: Int?

    public init(from: Int?, to: Int?) {
        self.from = from
        self.to = to
    }

    public enum Direction: Sendable { case up, down, same, unknown }

    public var direction: Direction {
        guard let from, let to else { return .unknown }
        return to > from ? .up : to < from ? .down : .same
    }

    /// `↑`, `↓`, `=`, or empty when one side is missing. Never colour alone: the arrow is the signal.
    public var arrow: String {
        switch direction {
        case .up: return "↑"
        case .down: return "↓"
        case .same: return "="
        case .unknown: return ""
        }
    }

    /// `2 → 4 ↑`, `3 → 3 =`, `– → 4`.
    public var description: String {
        let text = "\(from.map(String.init) ?? "–") → \(to.map(String.init) ?? "–")"
        return arrow.isEmpty ? text : text + " " + arrow
    }
}

/// Two kartläggningar of one participant side by side (progression): every question of either template
/// version with both answers, what changed, scale changes as arrows, and the step per profession and for the
/// team. Each side is read with the template version it was made with, so an answer is never reinterpreted.
public struct KartlaggningComparison: Hashable, Sendable {
    /// Which of the two template versions has the question.
    public enum Presence: Hashable, Sendable { case both, onlyOlder, onlyNewer }

    public enum Change: Hashable, Sendable {
        case unchanged
        /// Answered in both, differently.
        case changed
        /// Answered only in the newer one.
        case added
        /// Answered only in the older one.
        case removed
        /// A scale answer that moved (or appeared): the numbers and the arrow.
        case scale(LevelChange)
    }

    public struct Row: Hashable, Sendable {
        public var sectionTitle: String
        public var questionID: String
        public var label: String
        public var presence: Presence
        /// The answers as the team reads them; nil when not answered.
        public var older: String?
        public var newer: String?
        public var change: Change

        public var isChanged: Bool { change != .unchanged }

        /// `ändrad`, `2 → 4 ↑`, `ny`, `borttagen`, `bara i mallversion 3`.
        public func changeText(olderVersion: Int, newerVersion: Int) -> String {
            var text: String
            switch change {
            case .unchanged: text = ""
            case .changed: text = "ändrad"
            case .added: text = "nytt svar"
            case .removed: text = "svar borttaget"
            case .scale(let c): text = c.description
            }
            let only: String? =
                switch presence {
                case .both: nil
                case .onlyOlder: "bara i mallversion \(olderVersion)"
                case .onlyNewer: "bara i mallversion \(newerVersion)"
                }
            if let only { text = text.isEmpty ? only : text + " (" + only + ")" }
            return text
        }
    }

    /// A profession's step and tilltro in the two kartläggningar.
    public struct ProfessionChange: Hashable, Sendable {
        public var profession: Profession
        public var step: LevelChange
        public var belief: LevelChange
    }

    public var older: Kartlaggning
    public var newer: Kartlaggning
    public var olderTemplateVersion: Int
    public var newerTemplateVersion: Int
    /// Questions in the newer template's order, then those only the older template had.
    public var rows: [Row]
    public var professions: [ProfessionChange]
    /// The team's step (`AssessmentRules.teamStep`) before and after; a rise of one or more is a
    /// stegförflyttning (docs/domain-rules.md, The stegförflyttning ladder).
    public var teamStep: LevelChange

    public var changedRows: [Row] { rows.filter(\.isChanged) }

    /// Compares `older` (made with `olderTemplate`) with `newer`. Pass them in time order; any two of the
    /// participant's kartläggningar can be compared.
    public init(
        older: Kartlaggning, olderTemplate: KartlaggningTemplate, olderAssessments: [ProfessionAssessment] = [],
        newer: Kartlaggning, newerTemplate: KartlaggningTemplate, newerAssessments: [ProfessionAssessment] = []
    ) {
        self.older = older
        self.newer = newer
        olderTemplateVersion = olderTemplate.version
        newerTemplateVersion = newerTemplate.version
        var rows: [Row] = []
        let olderQuestions = Dictionary(olderTemplate.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        for section in newerTemplate.sections {
            for q in section.questions {
                seen.insert(q.id)
                let old = olderQuestions[q.id]
                rows.append(
                    Self.row(
                        section: section.title, question: q, presence: old == nil ? .onlyNewer : .both,
                        olderAnswer: old == nil ? nil : older.answers[q.id],
                        newerAnswer: newer.answers[q.id]))
            }
        }
        for section in olderTemplate.sections {
            for q in section.questions where !seen.contains(q.id) {
                rows.append(
                    Self.row(
                        section: section.title, question: q, presence: .onlyOlder, olderAnswer: older.answers[q.id],
                        newerAnswer: nil))
            }
        }
        self.rows = rows

        let before = Dictionary(olderAssessments.map { ($0.profession, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(newerAssessments.map { ($0.profession, $0) }, uniquingKeysWith: { a, _ in a })
        professions = Profession.allCases.compactMap { p in
            let b = before[p]
            let a = after[p]
            if b == nil && a == nil { return nil }
            return ProfessionChange(
                profession: p, step: LevelChange(from: b?.step.rawValue, to: a?.step.rawValue),
                belief: LevelChange(from: b?.belief, to: a?.belief))
        }
        teamStep = LevelChange(
            from: AssessmentRules.teamStep(olderAssessments)?.rawValue,
            to: AssessmentRules.teamStep(newerAssessments)?.rawValue)
    }

    static func row(
        section: String, question: TemplateQuestion, presence: Presence, olderAnswer: Answer?, newerAnswer: Answer?
    ) -> Row {
        let o = AnswerRules.isAnswered(olderAnswer) ? olderAnswer : nil
        let n = AnswerRules.isAnswered(newerAnswer) ? newerAnswer : nil
        let change: Change
        switch (o, n) {
        case (.scale(let a)?, .scale(let b)?):
            change = a == b ? .unchanged : .scale(LevelChange(from: a, to: b))
        case (nil, .scale(let b)?):
            change = .scale(LevelChange(from: nil, to: b))
        case (.scale(let a)?, nil):
            change = .scale(LevelChange(from: a, to: nil))
        case (nil, nil):
            change = .unchanged
        case (nil, _?):
            change = .added
        case (_?, nil):
            change = .removed
        case (let a?, let b?):
            change = Self.same(a, b) ? .unchanged : .changed
        }
        return Row(
            sectionTitle: section, questionID: question.id, label: question.label, presence: presence,
            older: o.map(AnswerRules.displayText), newer: n.map(AnswerRules.displayText), change: change)
    }

    /// Multiple choices compare as sets: ticking the same boxes in another order is no change.
    static func same(_ a: Answer, _ b: Answer) -> Bool {
        if case .choices(let x) = a, case .choices(let y) = b { return Set(x) == Set(y) }
        return a == b
    }
}
