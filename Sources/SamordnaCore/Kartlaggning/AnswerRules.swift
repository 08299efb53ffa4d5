/// Why an answer cannot be saved as it stands, in words the person at the keyboard can act on.
public enum AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A required question without an answer.
    case missing
    /// The answer is of another kind than the question asks for (a number for a date question).
    case wrongKind(expected: String)
    case scaleOutOfRange(Int)
    case notAnOption(String)
    case repeatedOption(String)
    case notADate(String)
    case notANumber(String)
    /// Longer than the question allows: refused with the limit named, never cut.
    case tooLong(limit: Int, count: Int)
    /// Line breaks in a one-line answer, or control characters anywhere.
    case badCharacters(String)
    /// An answer stored under an id the template does not have.
    case unknownQuestion(String)

    public var reason: String {
        switch self {
        case .missing: return "måste besvaras"
        case .wrongKind(let expected): return "fel sorts svar: frågan vill ha \(expected)"
        case .scaleOutOfRange(let n): return "välj 1–5 (fick \(n))"
        case .notAnOption(let o): return "\(TextRules.quoted(o)) är inget av alternativen"
        case .repeatedOption(let o): return "\(TextRules.quoted(o)) är valt två gånger"
        case .notADate(let t): return "\(TextRules.quoted(t)) är inget datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-02)"
        case .notANumber(let t): return "\(TextRules.quoted(t)) är inget tal (t.ex. 12 eller 12,5)"
        case .tooLong(let limit, let count): return "för lång text: " + TextRules.tooLong(limit: limit, count: count)
        case .badCharacters(let reason): return reason
        case .unknownQuestion(let id): return "svar på frågan \(TextRules.quoted(id)), som inte finns i mallen"
        }
    }

    public var description: String { reason }
}

/// What a valid answer is for each answer type, how typed text becomes an answer, and how an answer reads.
public enum AnswerRules {
    /// The limit when the template names none (`maxlängd`): a short answer is one line, a long one a page or so.
    public static func defaultMaxLength(for type: AnswerType) -> Int? {
        switch type {
        case .text: return 500
        case .multilineText: return 10_000
        default: return nil
        }
    }

    /// The limit that applies to a text question.
    public static func maxLength(of question: TemplateQuestion) -> Int? {
        question.maxLength ?? defaultMaxLength(for: question.type)
    }

    /// Whether there is an answer worth counting: blank text and an empty set of choices are no answer.
    public static func isAnswered(_ answer: Answer?) -> Bool {
        switch answer {
        case nil: return false
        case .text(let t): return !t.trimmingWhitespace().isEmpty
        case .choices(let c): return !c.isEmpty
        case .choice(let c): return !c.isEmpty
        default: return true
        }
    }

    /// Why `answer` does not fit `question`, or nil. An unanswered question is a problem only if required.
    public static func problem(_ answer: Answer?, for question: TemplateQuestion) -> AnswerProblem? {
        guard let answer, isAnswered(answer) else { return question.required ? .missing : nil }
        switch (question.type, answer) {
        case (.text, .text(let t)):
            return textProblem(t, lines: .single, limit: maxLength(of: question))
        case (.multilineText, .text(let t)):
            return textProblem(t, lines: .multiple, limit: maxLength(of: question))
        case (.scale, .scale(let n)):
            return (1...5).contains(n) ? nil : .scaleOutOfRange(n)
        case (.yesNoUnknown, .yesNoUnknown):
            return nil
        case (.singleChoice(let options), .choice(let c)):
            return options.contains(c) ? nil : .notAnOption(c)
        case (.multipleChoice(let options), .choices(let chosen)):
            var seen: Set<String> = []
            for c in chosen {
                if !options.contains(c) { return .notAnOption(c) }
                if !seen.insert(c).inserted { return .repeatedOption(c) }
            }
            return nil
        case (.date, .date):
            return nil
        case (.number, .number(let n)):
            return n.isFinite ? nil : .notANumber(String(describing: n))
        default:
            return .wrongKind(expected: kindName(question.type))
        }
    }

    static func textProblem(_ text: String, lines: TextRules.Lines, limit: Int?) -> AnswerProblem? {
        if let reason = TextRules.controlCharacterReason(text, lines: lines) { return .badCharacters(reason) }
        let count = text.count
        if let limit, count > limit { return .tooLong(limit: limit, count: count) }
        return nil
    }

    /// What the question wants, for messages: "ett datum", "ett tal".
    public static func kindName(_ type: AnswerType) -> String {
        switch type {
        case .text: return "en kort text"
        case .multilineText: return "en text"
        case .scale: return "en siffra 1–5"
        case .yesNoUnknown: return "ja, nej eller vet ej"
        case .singleChoice: return "ett av alternativen"
        case .multipleChoice: return "ett eller flera av alternativen"
        case .date: return "ett datum"
        case .number: return "ett tal"
        }
    }

    /// The answer a text field holds, checked: `2026-03-02` for a date, `12,5` or `12.5` for a number, `1`–`5`
    /// for a scale, `ja`/`nej`/`vet ej`, an option's text. Blank is no answer (nil), which a required question
    /// refuses only when the kartläggning is completed. Text is kept exactly as typed.
    public static func parse(_ typed: String, for question: TemplateQuestion) throws(AnswerProblem) -> Answer? {
        let t = typed.trimmingWhitespace()
        switch question.type {
        case .text, .multilineText:
            if t.isEmpty { return nil }
            let answer = Answer.text(typed)
            if let problem = problem(answer, for: question) { throw problem }
            return answer
        default:
            break
        }
        if t.isEmpty { return nil }
        let answer: Answer
        switch question.type {
        case .text, .multilineText:
            return nil  // handled above
        case .scale:
            guard let n = Int(t) else { throw .scaleOutOfRange(0) }
            answer = .scale(n)
        case .yesNoUnknown:
            let folded = String(t.lowercased().map { $0 == "-" ? " " : $0 })
            guard let v = YesNoUnknown(rawValue: folded) ?? (folded == "vetej" ? .vetEj : nil) else {
                throw .wrongKind(expected: kindName(question.type))
            }
            answer = .yesNoUnknown(v)
        case .singleChoice:
            answer = .choice(t)
        case .multipleChoice:
            answer = .choices([t])
        case .date:
            guard let d = LocalDate(iso: t) else { throw .notADate(t) }
            answer = .date(d)
        case .number:
            guard let n = number(t) else { throw .notANumber(t) }
            answer = .number(n)
        }
        if let problem = problem(answer, for: question) { throw problem }
        return answer
    }

    /// `12`, `12,5`, `12.5`, `-3`, `1 000`: Swedish decimal comma or a point; spaces group thousands.
    static func number(_ text: String) -> Double? {
        let compact = String(
            text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }.map { $0 == "," ? "." : $0 })
        guard !compact.isEmpty,
            compact.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let n = Double(compact), n.isFinite
        else { return nil }
        return n
    }

    /// The answer as the team reads it: `4 av 5`, `ja`, `sms, telefon`, `2026-03-02`, `12,5`.
    public static func displayText(_ answer: Answer) -> String {
        switch answer {
        case .text(let t): return t
        case .scale(let n): return "\(n) av 5"
        case .yesNoUnknown(let v): return v.rawValue
        case .choice(let c): return c
        case .choices(let c): return c.joined(separator: ", ")
        case .date(let d): return d.description
        case .number(let n): return swedishDecimal(n)
        }
    }

    /// `12,5`, `32`, `-3`, `1 000`: at most two decimals, decimal comma, thousands grouped.
    public static func swedishDecimal(_ n: Double) -> String {
        guard n.isFinite else { return "–" }
        let hundredths = (n * 100).rounded()
        guard abs(hundredths) < 9e17 else { return String(describing: n) }
        let whole = Int(hundredths / 100)
        let fraction = Int(abs(hundredths).truncatingRemainder(dividingBy: 100))
        var text = TextRules.swedishNumber(whole)
        if whole == 0 && hundredths < 0 { text = "-" + text }
        if fraction != 0 {
            var decimals = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            if decimals.hasSuffix("0") { decimals.removeLast() }
            text += "," + decimals
        }
        return text
    }
}
