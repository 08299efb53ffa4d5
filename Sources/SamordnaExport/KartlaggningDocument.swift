import Foundation
import SamordnaCore

/// Why a kartläggning cannot be printed for this participant.
public enum KartlaggningExportRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// Skyddade personuppgifter: left out of every export (docs/domain-rules.md, Sensitivity classes: PX).
    case protectedIdentity(Participant.ID)
    /// The kartläggning belongs to someone else.
    case otherParticipant(Kartlaggning.ID)
    /// The template version the kartläggning names is not the one given.
    case wrongTemplate(expected: Int, given: Int)

    public var description: String {
        switch self {
        case .protectedIdentity(let id):
            return "deltagaren \(id.short) har skyddade personuppgifter och tas aldrig med i en export"
        case .otherParticipant(let id):
            return "kartläggningen \(id.short) gäller en annan deltagare"
        case .wrongTemplate(let expected, let given):
            return "kartläggningen gjordes med mallversion \(expected), inte \(given)"
        }
    }
}

/// One kartläggning as a readable document (`samordna export kartlaggning`, and printing from the UI):
/// every section and question of the template version it was made with, the answers, and the
/// professions' assessments. Pseudonymised unless names are asked for: the participant as initials and
/// short id, staff by login; the personnummer is never printed. Values in, text out.
public struct KartlaggningDocument: Sendable {
    public struct Line: Hashable, Sendable {
        public var label: String
        public var answer: String?
        public var sensitivity: Sensitivity
        public var required: Bool
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var help: String?
        public var lines: [Line]
    }

    public struct AssessmentLine: Hashable, Sendable {
        public var profession: String
        public var belief: Int
        public var step: String
        public var suggested: String
        public var reason: String?
    }

    public var title: String
    /// Label–value pairs printed before the sections (deltagare, datum, mall, status …).
    public var facts: [(label: String, value: String)]
    public var sections: [Section]
    public var assessments: [AssessmentLine]

    public init(
        participant: Participant, kartlaggning k: Kartlaggning, template: KartlaggningTemplate,
        assessments: [ProfessionAssessment], team: [TeamMember], names: Bool, timeZone: TimeZone,
        disclosure: Disclosure
    ) throws(KartlaggningExportRefusal) {
        if participant.protectedIdentity { throw .protectedIdentity(participant.id) }
        if k.participantID != participant.id { throw .otherParticipant(k.id) }
        if k.templateVersion != template.version { throw .wrongTemplate(expected: k.templateVersion, given: template.version) }
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let who = names ? participant.fullName : participant.pseudonym
        title = "Kartläggning – \(who)"
        var facts: [(String, String)] = [
            ("Deltagare", who), ("Datum", k.date.description),
            ("Mall", "\(template.title), version \(template.version)"),
            ("Status", k.status == .klar ? "klar" : "utkast (inte klar)"),
        ]
        if !k.professionsPresent.isEmpty {
            facts.append(("Närvarande yrken", k.professionsPresent.map(\.label).joined(separator: ", ")))
        }
        if let at = k.completedAt {
            var done = LocalDate(at, in: timeZone).description
            if let id = k.completedBy {
                done += " av " + (members[id].map { names ? $0.name : $0.login } ?? id.short)
            }
            facts.append(("Klarmarkerad", done))
        }
        self.facts = facts
        sections = template.sections.map { s in
            Section(
                title: "\(s.id). \(s.title)", help: s.help,
                lines: s.questions.map { q in
                    // An answer the reader has no consent to read says so instead of what it is.
                    let answer = !disclosure.maySee(q)
                        ? (k.answers[q.id] == nil ? nil : Self.withheldAnswer(q))
                        : k.answers[q.id].flatMap { AnswerRules.isAnswered($0) ? AnswerRules.displayText($0) : nil }
                    return Line(label: q.label, answer: answer, sensitivity: q.sensitivity, required: q.required)
                })
        }
        let hiddenAssessments = assessments.filter { !disclosure.maySee($0) }.count
        if hiddenAssessments > 0 {
            facts.append(("Bedömningar som inte visas", "\(hiddenAssessments) (\(Disclosure.withheldMark))"))
            self.facts = facts
        }
        self.assessments = assessments.filter(disclosure.maySee).sorted {
            (Profession.allCases.firstIndex(of: $0.profession) ?? 0) < (Profession.allCases.firstIndex(of: $1.profession) ?? 0)
        }.map { a in
            AssessmentLine(
                profession: a.profession.label, belief: a.belief, step: "\(a.step.rawValue) \(a.step.label)",
                suggested: "\(a.suggestedStep.rawValue) \(a.suggestedStep.label)",
                reason: a.overrideReason.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// What stands in place of an answer the reader may not read.
    static func withheldAnswer(_ q: TemplateQuestion) -> String {
        "(\(q.withheldText))"
    }

    /// A P2 or P3 answer is marked so the reader knows it is sekretess or special category data.
    static func mark(_ s: Sensitivity) -> String? {
        switch s {
        case .p2: return "P2 sekretess"
        case .p3: return "P3 känslig"
        case .p0, .p1: return nil
        }
    }

    /// Stored text split into lines with every control character but the line breaks spelled out, so a
    /// document can never carry an escape sequence to a terminal or a printer.
    static func printableLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            VisibleText.escaped(String($0.map { $0 == "\t" ? "    " : String($0) }.joined()))
        }
    }
}

extension KartlaggningDocument {
    /// Markdown (CommonMark): text from the data is escaped so it prints as typed and never as markup.
    public func markdown() -> String {
        var out = "# \(Self.md(title))\n\n"
        for f in facts { out += "- **\(Self.md(f.label)):** \(Self.md(f.value))\n" }
        out += "\n_Obligatoriska frågor har \\*. P2/P3 anger sekretess och känsliga uppgifter._\n"
        for section in sections {
            out += "\n## \(Self.md(section.title))\n"
            if let help = section.help { out += "\n_\(Self.mdLines(help, joiner: " "))_\n" }
            for line in section.lines {
                var head = "**\(Self.md(line.label))\(line.required ? " \\*" : "")**"
                if let mark = Self.mark(line.sensitivity) { head += " (\(mark))" }
                out += "\n\(head)\\\n"
                out += (line.answer.map { Self.mdLines($0, joiner: "\\\n") } ?? "–") + "\n"
            }
        }
        if !assessments.isEmpty {
            out += "\n## Yrkenas bedömning\n\n| Yrke | Tilltro (1–5) | Steg | Föreslaget steg | Skäl för annat steg |\n"
            out += "|---|---|---|---|---|\n"
            for a in assessments {
                let cells = [a.profession, String(a.belief), a.step, a.suggested, a.reason ?? ""]
                out += "| " + cells.map { Self.mdLines($0, joiner: "<br>") }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// Escapes Markdown's punctuation on one line of text.
    static func md(_ text: String) -> String {
        var out = ""
        for ch in VisibleText.escaped(text) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "&", "~": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        // A line that starts like a list item or a numbered list would become one.
        if let first = out.first, "+-".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy({ $0.isASCII && $0.isNumber }), dot != out.startIndex {
            out.insert("\\", at: dot)
        }
        return out
    }

    static func mdLines(_ text: String, joiner: String) -> String {
        printableLines(text).map(md).joined(separator: joiner)
    }

    /// A printable HTML page: everything from the data is escaped; no scripts, no external resources.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <title>\(Self.h(title))</title>
            <style>
            body { font-family: sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.4; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
            dl.facts dt { font-weight: bold; }
            .q { margin: 0.8em 0; page-break-inside: avoid; }
            .label { font-weight: bold; }
            .mark { font-size: 0.8em; border: 1px solid; padding: 0 0.3em; margin-left: 0.4em; }
            .none { color: #555; }
            table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }
            </style>
            </head>
            <body>
            <h1>\(Self.h(title))</h1>
            <dl class="facts">

            """
        for f in facts { out += "<dt>\(Self.h(f.label))</dt><dd>\(Self.h(f.value))</dd>\n" }
        out += "</dl>\n<p><small>Obligatoriska frågor har *. P2/P3 anger sekretess och känsliga uppgifter.</small></p>\n"
        for section in sections {
            out += "<section>\n<h2>\(Self.h(section.title))</h2>\n"
            if let help = section.help { out += "<p><em>\(Self.hLines(help))</em></p>\n" }
            for line in section.lines {
                out += "<div class=\"q\"><div class=\"label\">\(Self.h(line.label))\(line.required ? " *" : "")"
                if let mark = Self.mark(line.sensitivity) { out += "<span class=\"mark\">\(Self.h(mark))</span>" }
                out += "</div>"
                if let answer = line.answer {
                    out += "<div class=\"answer\">\(Self.hLines(answer))</div>"
                } else {
                    out += "<div class=\"answer none\">–</div>"
                }
                out += "</div>\n"
            }
            out += "</section>\n"
        }
        if !assessments.isEmpty {
            out += "<section>\n<h2>Yrkenas bedömning</h2>\n<table>\n"
            out += "<tr><th>Yrke</th><th>Tilltro (1–5)</th><th>Steg</th><th>Föreslaget steg</th><th>Skäl för annat steg</th></tr>\n"
            for a in assessments {
                let cells = [a.profession, String(a.belief), a.step, a.suggested, a.reason ?? ""]
                out += "<tr>" + cells.map { "<td>\(Self.hLines($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</table>\n</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// HTML-escapes one line (`& < > " '`), control characters spelled out.
    static func h(_ text: String) -> String {
        var out = ""
        for ch in VisibleText.escaped(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func hLines(_ text: String) -> String {
        printableLines(text).map { h($0) }.joined(separator: "<br>\n")
    }
}
