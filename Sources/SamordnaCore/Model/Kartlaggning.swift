import Foundation

/// Sensitivity class of a piece of information (docs/domain-rules.md, Sensitivity classes): P0 ordinary … P3 special category.
public enum Sensitivity: String, CaseIterable, Codable, Sendable {
    case p0 = "P0", p1 = "P1", p2 = "P2", p3 = "P3"
}

/// The kind of answer a kartläggning question takes, with what the widget needs to know.
public enum AnswerType: Hashable, Codable, Sendable {
    case text
    case multilineText
    /// Scale 1–5; `anchors` label at least the two ends ("stämmer inte alls" … "stämmer helt").
    case scale(low: String, high: String)
    case yesNoUnknown
    case singleChoice([String])
    case multipleChoice([String])
    case date
    case number
}

/// One question of the template: what the form asks, how it is answered, how sensitive the answer is
/// (docs/domain-rules.md, Sensitivity classes) and which profession owns it (nil: the team together).
public struct TemplateQuestion: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var help: String?
    public var type: AnswerType
    public var required: Bool
    public var sensitivity: Sensitivity
    public var owner: Profession?
    /// The information category its answer belongs to (docs/privacy.md); nil: its owner's own kind of work.
    public var category: InformationCategory?
    /// The most characters (graphemes) a text answer may hold; nil: `AnswerRules.defaultMaxLength`.
    /// Longer text is refused with the limit named, never cut.
    public var maxLength: Int?

    public init(
        id: String, label: String, help: String? = nil, type: AnswerType, required: Bool = false,
        sensitivity: Sensitivity = .p0, owner: Profession? = nil, category: InformationCategory? = nil,
        maxLength: Int? = nil
    ) {
        self.id = id
        self.label = label
        self.help = help
        self.type = type
        self.required = required
        self.sensitivity = sensitivity
        self.owner = owner
        self.category = category
        self.maxLength = maxLength
    }
}

/// A section of the template ("C. Utbildning och språk"), shown as one page of the form.
public struct TemplateSection: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var questions: [TemplateQuestion]
    /// A short text shown above the questions (how the scale reads, who answers in private).
    public var help: String?

    public init(id: String, title: String, questions: [TemplateQuestion], help: String? = nil) {
        self.id = id
        self.title = title
        self.questions = questions
        self.help = help
    }
}

/// The team's kartläggning template. Versioned: a completed kartläggning always shows with the version it
/// was made with, and editing the template never changes old answers.
public struct KartlaggningTemplate: Hashable, Codable, Sendable {
    public var version: Int
    public var title: String
    public var sections: [TemplateSection]

    public init(version: Int, title: String, sections: [TemplateSection]) {
        self.version = version
        self.title = title
        self.sections = sections
    }

    public func question(_ id: String) -> TemplateQuestion? {
        for s in sections { if let q = s.questions.first(where: { $0.id == id }) { return q } }
        return nil
    }

    /// Every question in form order.
    public var questions: [TemplateQuestion] { sections.flatMap(\.questions) }

    /// The section that holds question `id`.
    public func section(containing id: String) -> TemplateSection? {
        sections.first { $0.questions.contains { $0.id == id } }
    }
}

public enum YesNoUnknown: String, CaseIterable, Codable, Sendable {
    case ja, nej
    case vetEj = "vet ej"
}

/// One answer, typed by the question it answers.
///
/// Stored as `{"typ": "skala", "värde": 4}` (`text`, `skala`, `ja-nej`, `val`, `flerval`, `datum`, `tal`):
/// a format of its own, so renaming a Swift case never changes what is in the database. The form Swift
/// synthesised before (`{"scale": {"_0": 4}}`) is still read.
public enum Answer: Hashable, Sendable {
    case text(String)
    case scale(Int)
    case yesNoUnknown(YesNoUnknown)
    case choice(String)
    case choices([String])
    case date(LocalDate)
    case number(Double)
}

public enum KartlaggningStatus: String, Codable, Sendable {
    case utkast
    case klar
}

/// One kartläggning done with a participant. A completed one (klar) is read-only; a new one starts from a copy.
public struct Kartlaggning: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<Kartlaggning>
    public var id: ID
    public var participantID: Participant.ID
    public var templateVersion: Int
    public var date: LocalDate
    public var status: KartlaggningStatus
    public var professionsPresent: [Profession]
    public var answers: [String: Answer]
    public var completedAt: Date?
    public var completedBy: TeamMember.ID?
    public var version: Int

    public init(
        id: ID, participantID: Participant.ID, templateVersion: Int, date: LocalDate,
        status: KartlaggningStatus = .utkast, professionsPresent: [Profession] = [],
        answers: [String: Answer] = [:], completedAt: Date? = nil, completedBy: TeamMember.ID? = nil,
        version: Int = 1
    ) {
        self.id = id
        self.participantID = participantID
        self.templateVersion = templateVersion
        self.date = date
        self.status = status
        self.professionsPresent = professionsPresent
        self.answers = answers
        self.completedAt = completedAt
        self.completedBy = completedBy
        self.version = version
    }
}

/// A profession's own assessment within a kartläggning (section K): tilltro and the participant's step.
public struct ProfessionAssessment: Hashable, Codable, Sendable {
    public var kartlaggningID: Kartlaggning.ID
    public var profession: Profession
    /// Handläggarens tilltro 1–5 (BIP: the strongest single predictor).
    public var belief: Int
    public var step: Step
    public var suggestedStep: Step
    /// Required when `step` differs from `suggestedStep`.
    public var overrideReason: String?

    public init(
        kartlaggningID: Kartlaggning.ID, profession: Profession, belief: Int, step: Step,
        suggestedStep: Step, overrideReason: String? = nil
    ) {
        self.kartlaggningID = kartlaggningID
        self.profession = profession
        self.belief = belief
        self.step = step
        self.suggestedStep = suggestedStep
        self.overrideReason = overrideReason
    }
}

extension Answer: Codable {
    private enum Key: String, CodingKey {
        case kind = "typ"
        case value = "värde"
    }

    private enum Kind: String, Codable {
        case text, scale = "skala", yesNoUnknown = "ja-nej", choice = "val", choices = "flerval", date = "datum"
        case number = "tal"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let t): try c.encode(Kind.text, forKey: .kind); try c.encode(t, forKey: .value)
        case .scale(let n): try c.encode(Kind.scale, forKey: .kind); try c.encode(n, forKey: .value)
        case .yesNoUnknown(let v): try c.encode(Kind.yesNoUnknown, forKey: .kind); try c.encode(v, forKey: .value)
        case .choice(let o): try c.encode(Kind.choice, forKey: .kind); try c.encode(o, forKey: .value)
        case .choices(let o): try c.encode(Kind.choices, forKey: .kind); try c.encode(o, forKey: .value)
        case .date(let d): try c.encode(Kind.date, forKey: .kind); try c.encode(d, forKey: .value)
        case .number(let n): try c.encode(Kind.number, forKey: .kind); try c.encode(n, forKey: .value)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard c.contains(.kind) else {
            self = try LegacyAnswer(from: decoder).answer
            return
        }
        switch try c.decode(Kind.self, forKey: .kind) {
        case .text: self = .text(try c.decode(String.self, forKey: .value))
        case .scale: self = .scale(try c.decode(Int.self, forKey: .value))
        case .yesNoUnknown: self = .yesNoUnknown(try c.decode(YesNoUnknown.self, forKey: .value))
        case .choice: self = .choice(try c.decode(String.self, forKey: .value))
        case .choices: self = .choices(try c.decode([String].self, forKey: .value))
        case .date: self = .date(try c.decode(LocalDate.self, forKey: .value))
        case .number: self = .number(try c.decode(Double.self, forKey: .value))
        }
    }
}

/// The shape Swift synthesised for `Answer` before it had a format of its own, read for old rows.
private enum LegacyAnswer: Decodable {
    case text(String)
    case scale(Int)
    case yesNoUnknown(YesNoUnknown)
    case choice(String)
    case choices([String])
    case date(LocalDate)
    case number(Double)

    var answer: Answer {
        switch self {
        case .text(let t): return .text(t)
        case .scale(let n): return .scale(n)
        case .yesNoUnknown(let v): return .yesNoUnknown(v)
        case .choice(let o): return .choice(o)
        case .choices(let o): return .choices(o)
        case .date(let d): return .date(d)
        case .number(let n): return .number(n)
        }
    }
}
