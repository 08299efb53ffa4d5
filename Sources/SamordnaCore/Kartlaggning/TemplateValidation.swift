/// Where in a template a problem is: the template itself, a section, a question or one of its options, and
/// which field. Positions count from 0 in form order, so a file reader can point at the node it read.
public struct TemplateLocation: Hashable, Sendable {
    public enum Field: String, Hashable, Sendable {
        case version, title, sections, id, label, help, type, options, scale, maxLength, questions
    }

    public var section: Int?
    public var question: Int?
    public var option: Int?
    public var field: Field?

    public init(section: Int? = nil, question: Int? = nil, option: Int? = nil, field: Field? = nil) {
        self.section = section
        self.question = question
        self.option = option
        self.field = field
    }

    /// The same place without its field or option: the section or question as a whole.
    public var enclosing: TemplateLocation {
        if option != nil { return TemplateLocation(section: section, question: question, field: field) }
        if field != nil { return TemplateLocation(section: section, question: question) }
        if question != nil { return TemplateLocation(section: section) }
        return TemplateLocation()
    }
}

/// One reason a template cannot be used, with where it is.
public struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
    public var location: TemplateLocation
    public var reason: String

    public init(_ location: TemplateLocation, _ reason: String) {
        self.location = location
        self.reason = reason
    }

    /// `avsnitt 3, fråga 2: skalan saknar ankare …`
    public var description: String {
        var place: [String] = []
        if let s = location.section { place.append("avsnitt \(s + 1)") }
        if let q = location.question { place.append("fråga \(q + 1)") }
        return place.isEmpty ? reason : place.joined(separator: ", ") + ": " + reason
    }
}

/// The rules a kartläggning template must follow before a form can be built from it, whatever file format
/// it was written in (docs/kartlaggning-template.md lists each).
public enum TemplateRules {
    /// Ids become keys of stored answers, so they are kept to plain ASCII: "å" typed on two machines can be
    /// two different byte sequences (composed or decomposed), and an answer must find its question again.
    public static let idLimit = 40
    public static let labelLimit = 500
    public static let helpLimit = 2000
    public static let optionLimit = 200
    public static let optionCountLimit = 50
    public static let maxLengthCeiling = 100_000

    public static func problems(in template: KartlaggningTemplate) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        func add(_ location: TemplateLocation, _ reason: String) { problems.append(TemplateProblem(location, reason)) }

        if template.version < 1 {
            add(.init(field: .version), "versionen måste vara ett heltal från 1 och uppåt (är \(template.version))")
        }
        if template.title.trimmingWhitespace().isEmpty { add(.init(field: .title), "mallen saknar titel") }
        if template.sections.isEmpty { add(.init(field: .sections), "mallen har inga avsnitt") }

        var sectionIDs: [String: Int] = [:]
        var questionIDs: [String: (section: Int, question: Int)] = [:]
        for (si, section) in template.sections.enumerated() {
            let here = TemplateLocation(section: si)
            if let reason = idProblem(section.id, what: "avsnittet") {
                add(.init(section: si, field: .id), reason)
            } else if let first = sectionIDs[section.id] {
                add(.init(section: si, field: .id), "avsnittets id '\(section.id)' används redan av avsnitt \(first + 1)")
            } else {
                sectionIDs[section.id] = si
            }
            if section.title.trimmingWhitespace().isEmpty {
                add(.init(section: si, field: .title), "avsnittet saknar titel")
            } else if let reason = TextRules.check(section.title, limit: labelLimit, lines: .single) {
                add(.init(section: si, field: .title), "titeln " + reason)
            }
            if let help = section.help, let reason = TextRules.check(help, limit: helpLimit, lines: .multiple) {
                add(.init(section: si, field: .help), "hjälptexten " + reason)
            }
            if section.questions.isEmpty { add(here.with(.questions), "avsnittet har inga frågor") }

            for (qi, q) in section.questions.enumerated() {
                let at = { (field: TemplateLocation.Field) in TemplateLocation(section: si, question: qi, field: field) }
                if let reason = idProblem(q.id, what: "frågan") {
                    add(at(.id), reason)
                } else if let first = questionIDs[q.id] {
                    add(
                        at(.id),
                        "frågans id '\(q.id)' används redan av avsnitt \(first.section + 1), fråga \(first.question + 1)"
                            + " (svaren sparas under id:t, så det måste vara unikt i hela mallen)")
                } else {
                    questionIDs[q.id] = (si, qi)
                }
                if q.label.trimmingWhitespace().isEmpty {
                    add(at(.label), q.required ? "en obligatorisk fråga måste ha en frågetext" : "frågan saknar frågetext")
                } else if let reason = TextRules.check(q.label, limit: labelLimit, lines: .single) {
                    add(at(.label), "frågetexten " + reason)
                }
                if let help = q.help, let reason = TextRules.check(help, limit: helpLimit, lines: .multiple) {
                    add(at(.help), "hjälptexten " + reason)
                }
                for problem in typeProblems(q.type, section: si, question: qi) { problems.append(problem) }
                if let max = q.maxLength {
                    switch q.type {
                    case .text, .multilineText:
                        if max < 1 || max > maxLengthCeiling {
                            add(at(.maxLength), "maxlängden måste vara 1–\(TextRules.swedishNumber(maxLengthCeiling)) tecken (är \(max))")
                        }
                    default:
                        add(at(.maxLength), "maxlängd gäller bara text och lång-text")
                    }
                }
            }
        }
        return problems
    }

    /// The id rule: 1–40 of a–z, A–Z, 0–9, `-`, `_` and `.`, starting with a letter or digit.
    static func idProblem(_ id: String, what: String) -> String? {
        if id.isEmpty { return "\(what) saknar id" }
        let allowed = id.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
        }
        let first = id.unicodeScalars.first!
        if !allowed || id.count > idLimit || !(first.properties.isAlphabetic || ("0"..."9").contains(first)) {
            return "id \(TextRules.quoted(id)) får bara innehålla a–z, A–Z, 0–9, '-', '_' och '.' "
                + "(börja med bokstav eller siffra, högst \(idLimit) tecken; inte å, ä, ö)"
        }
        return nil
    }

    static func typeProblems(_ type: AnswerType, section si: Int, question qi: Int) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        func add(_ field: TemplateLocation.Field, option: Int? = nil, _ reason: String) {
            problems.append(TemplateProblem(TemplateLocation(section: si, question: qi, option: option, field: field), reason))
        }
        switch type {
        case .scale(let low, let high):
            if low.trimmingWhitespace().isEmpty || high.trimmingWhitespace().isEmpty {
                add(.scale, "en skala 1–5 måste ha ankartext för både 1 (låg) och 5 (hög)")
            }
            for anchor in [low, high] {
                if let reason = TextRules.check(anchor, limit: optionLimit, lines: .single) { add(.scale, "ankartexten " + reason) }
            }
        case .singleChoice(let options), .multipleChoice(let options):
            let single: Bool
            if case .singleChoice = type { single = true } else { single = false }
            let minimum = single ? 2 : 1
            if options.count < minimum {
                add(
                    .options,
                    options.isEmpty
                        ? "\(single ? "ett-val" : "flera-val") måste ha alternativ"
                        : "ett-val måste ha minst två alternativ")
            }
            if options.count > optionCountLimit { add(.options, "högst \(optionCountLimit) alternativ (är \(options.count))") }
            var seen: Set<String> = []
            for (oi, option) in options.enumerated() {
                if option.trimmingWhitespace().isEmpty {
                    add(.options, option: oi, "alternativ \(oi + 1) är tomt")
                } else if let reason = TextRules.check(option, limit: optionLimit, lines: .single) {
                    add(.options, option: oi, "alternativ \(oi + 1) " + reason)
                } else if !seen.insert(option).inserted {
                    add(.options, option: oi, "alternativet \(TextRules.quoted(option)) finns två gånger")
                }
            }
        case .text, .multilineText, .yesNoUnknown, .date, .number:
            break
        }
        return problems
    }
}

extension TemplateLocation {
    func with(_ field: Field) -> TemplateLocation {
        var l = self
        l.field = field
        return l
    }
}

extension KartlaggningTemplate {
    /// Every reason this template cannot be used; empty when it can.
    public var problems: [TemplateProblem] { TemplateRules.problems(in: self) }
}
