import SamordnaCore
import Yams

/// A line and column in a template file (both from 1).
public struct TemplateFilePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A template read from its file: the template, the text it was read from, and where its `version:` is
/// (a changed file whose version was not raised is pointed out there).
public struct TemplateDocument: Hashable, Sendable {
    public var template: KartlaggningTemplate
    public var source: String
    public var versionPosition: TemplateFilePosition
}

/// Reads the team's kartläggning template from YAML (docs/kartlaggning-template.md). Keys are Swedish;
/// every problem found is reported at once with its line and column, the YAML syntax first, then the
/// template's own rules (`TemplateRules` in Core) at the node they concern.
public enum TemplateYAML {
    /// The answer types as the file spells them.
    public static let typeNames: [(name: String, example: AnswerType)] = [
        ("text", .text), ("lång-text", .multilineText), ("skala", .scale(low: "", high: "")),
        ("ja-nej", .yesNoUnknown), ("ett-val", .singleChoice([])), ("flera-val", .multipleChoice([])),
        ("datum", .date), ("tal", .number),
    ]

    /// Versions count edits of one team's template; a larger number is a typing mistake, and bounding it keeps
    /// "the next version" (highest + 1) from overflowing.
    public static let versionLimit = 1_000_000

    static let rootKeys = ["version", "titel", "avsnitt"]
    static let sectionKeys = ["id", "titel", "hjälp", "känslighet", "ägare", "kategori", "frågor"]
    static let questionKeys = [
        "id", "fråga", "hjälp", "typ", "alternativ", "skala", "obligatorisk", "känslighet", "ägare", "kategori",
        "maxlängd",
    ]
    static let scaleKeys = ["låg", "hög"]

    /// Parses and checks `text`; `file` names the file in messages.
    public static func parse(_ text: String, file: String) throws(TemplateFileError) -> TemplateDocument {
        let preflight = YAMLPreflight.problems(in: text)
        if !preflight.isEmpty { throw .invalid(file: file, problems: preflight) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw .invalid(file: file, problems: [YAMLSyntaxError.problem(error, in: text)])
        }
        guard let node else {
            throw .invalid(
                file: file, problems: [TemplateFileProblem(line: 1, column: 1, reason: "filen är tom; den ska börja med 'version:'")])
        }
        var reader = TemplateNodeReader()
        guard let (template, versionPosition) = reader.template(node) else {
            throw .invalid(file: file, problems: reader.problems.sorted())
        }
        var problems = reader.problems
        for problem in TemplateRules.problems(in: template) {
            let position = reader.position(of: problem.location)
            problems.append(TemplateFileProblem(line: position.line, column: position.column, reason: problem.reason))
        }
        if !problems.isEmpty {
            throw .invalid(file: file, problems: Array(Set(problems)).sorted())
        }
        return TemplateDocument(template: template, source: text, versionPosition: versionPosition)
    }
}

/// Walks the composed YAML, building the template and remembering where each part of it was written.
struct TemplateNodeReader {
    var problems: [TemplateFileProblem] = []
    var marks: [TemplateLocation: TemplateFilePosition] = [:]
    var root = TemplateFilePosition(line: 1, column: 1)

    mutating func fail(_ node: Node?, _ reason: String) {
        let p = Self.position(node) ?? root
        problems.append(TemplateFileProblem(line: p.line, column: p.column, reason: reason))
    }

    static func position(_ node: Node?) -> TemplateFilePosition? {
        node?.mark.map { TemplateFilePosition(line: $0.line, column: $0.column) }
    }

    /// Where a problem Core found is: the node of that field, else the nearest enclosing one.
    func position(of location: TemplateLocation) -> TemplateFilePosition {
        var l = location
        while true {
            if let p = marks[l] { return p }
            if l == TemplateLocation() { return root }
            l = l.enclosing
        }
    }

    mutating func remember(_ node: Node?, _ location: TemplateLocation) {
        if let p = Self.position(node) { marks[location] = p }
    }

    // MARK: The three levels

    /// Nil when the file is not a mapping at all (then nothing else can be said about it).
    mutating func template(_ node: Node) -> (KartlaggningTemplate, TemplateFilePosition)? {
        root = Self.position(node) ?? root
        marks[TemplateLocation()] = root
        guard let fields = mapping(node, what: "mallen", allowed: TemplateYAML.rootKeys) else { return nil }
        var version = 1
        if let v = fields["version"] {
            remember(v, TemplateLocation(field: .version))
            if let n = integer(v, what: "version") {
                if n > TemplateYAML.versionLimit {
                    fail(v, "versionen får vara högst \(TemplateYAML.versionLimit) (är \(n)); höj den med 1 när mallen ändras")
                } else {
                    version = n
                }
            }
        } else {
            fail(node, "mallen saknar 'version:' (ett heltal, t.ex. 'version: 1'; höj det när mallen ändras)")
        }
        remember(fields["titel"], TemplateLocation(field: .title))
        let title = text(fields["titel"], what: "titel") ?? ""
        // Core's rules check sections and questions; the template's own title is shown on the form and
        // printed on every kartläggning, so it gets the same rule as a section title.
        if let reason = VisibleText.lineProblem(title, limit: TemplateRules.labelLimit) {
            fail(fields["titel"], "titeln " + reason)
        }
        var sections: [TemplateSection] = []
        if let list = fields["avsnitt"] {
            remember(list, TemplateLocation(field: .sections))
            for (i, s) in sequence(list, what: "avsnitt").enumerated() { sections.append(section(s, index: i)) }
        } else {
            fail(node, "mallen saknar 'avsnitt:' (en lista med avsnitt, var och ett med id, titel och frågor)")
        }
        let versionPosition = Self.position(fields["version"]) ?? root
        return (KartlaggningTemplate(version: version, title: title, sections: sections), versionPosition)
    }

    mutating func section(_ node: Node, index si: Int) -> TemplateSection {
        let here = TemplateLocation(section: si)
        remember(node, here)
        guard let fields = mapping(node, what: "ett avsnitt", allowed: TemplateYAML.sectionKeys) else {
            // Reported already; a stand-in keeps the other sections' problems coming.
            return TemplateSection(
                id: "avsnitt-\(si + 1)", title: "–", questions: [TemplateQuestion(id: "avsnitt-\(si + 1)-x", label: "–", type: .text)])
        }
        for (key, field) in [("id", TemplateLocation.Field.id), ("titel", .title), ("hjälp", .help), ("frågor", .questions)] {
            remember(fields[key], TemplateLocation(section: si, field: field))
        }
        var sensitivity = Sensitivity.p0
        if let s = fields["känslighet"], let parsed = self.sensitivity(s) { sensitivity = parsed }
        var owner: Profession?
        if let o = fields["ägare"], let parsed = self.owner(o) { owner = parsed }
        var category: InformationCategory?
        if let c = fields["kategori"] { category = self.category(c) }
        var questions: [TemplateQuestion] = []
        if let list = fields["frågor"] {
            for (qi, q) in sequence(list, what: "frågor").enumerated() {
                questions.append(
                    question(q, section: si, index: qi, sensitivity: sensitivity, owner: owner, category: category))
            }
        }
        return TemplateSection(
            id: text(fields["id"], what: "id") ?? "", title: text(fields["titel"], what: "titel") ?? "",
            questions: questions, help: text(fields["hjälp"], what: "hjälp"))
    }

    mutating func question(
        _ node: Node, section si: Int, index qi: Int, sensitivity defaultSensitivity: Sensitivity, owner defaultOwner: Profession?,
        category defaultCategory: InformationCategory?
    ) -> TemplateQuestion {
        let here = TemplateLocation(section: si, question: qi)
        remember(node, here)
        guard let fields = mapping(node, what: "en fråga", allowed: TemplateYAML.questionKeys) else {
            return TemplateQuestion(id: "avsnitt-\(si + 1)-fraga-\(qi + 1)", label: "–", type: .text)
        }
        let keyed: [(String, TemplateLocation.Field)] = [
            ("id", .id), ("fråga", .label), ("hjälp", .help), ("typ", .type), ("alternativ", .options), ("skala", .scale),
            ("maxlängd", .maxLength),
        ]
        for (key, field) in keyed { remember(fields[key], TemplateLocation(section: si, question: qi, field: field)) }

        let type = answerType(fields, question: node, section: si, index: qi)
        var required = false
        if let r = fields["obligatorisk"], let b = boolean(r, what: "obligatorisk") { required = b }
        var maxLength: Int?
        if let m = fields["maxlängd"] { maxLength = integer(m, what: "maxlängd") }
        var sensitivity = defaultSensitivity
        if let s = fields["känslighet"], let parsed = self.sensitivity(s) { sensitivity = parsed }
        var owner = defaultOwner
        if let o = fields["ägare"], let parsed = self.owner(o) { owner = parsed }
        var category = defaultCategory
        if let c = fields["kategori"], let parsed = self.category(c) { category = parsed }
        return TemplateQuestion(
            id: text(fields["id"], what: "id") ?? "", label: text(fields["fråga"], what: "fråga") ?? "",
            help: text(fields["hjälp"], what: "hjälp"), type: type, required: required, sensitivity: sensitivity,
            owner: owner, category: category, maxLength: maxLength)
    }

    mutating func answerType(_ fields: [String: Node], question node: Node, section si: Int, index qi: Int) -> AnswerType {
        let names = TemplateYAML.typeNames.map(\.name)
        var type: AnswerType = .text
        var typeName: String?
        if let t = fields["typ"] {
            if let name = text(t, what: "typ") {
                let folded = name.lowercased()
                let aliases = ["ja-nej-vet-ej": "ja-nej", "långtext": "lång-text", "ettval": "ett-val", "flerval": "flera-val"]
                let canonical = aliases[folded] ?? folded
                if let match = TemplateYAML.typeNames.first(where: { $0.name == canonical }) {
                    typeName = match.name
                    type = match.example
                } else {
                    fail(t, "okänd svarstyp \(shown(name)) (välj \(names.joined(separator: ", ")))")
                }
            }
        } else {
            fail(node, "frågan saknar 'typ:' (\(names.joined(separator: ", ")))")
        }
        let optionsNode = fields["alternativ"]
        let scaleNode = fields["skala"]
        var options: [String] = []
        if let optionsNode {
            for (oi, o) in sequence(optionsNode, what: "alternativ").enumerated() {
                remember(o, TemplateLocation(section: si, question: qi, option: oi, field: .options))
                options.append(text(o, what: "ett alternativ") ?? "")
            }
        }
        switch type {
        case .singleChoice: type = .singleChoice(options)
        case .multipleChoice: type = .multipleChoice(options)
        default:
            if let optionsNode, typeName != nil {
                fail(optionsNode, "'alternativ:' hör bara till typ ett-val och flera-val (frågan har typ \(typeName!))")
            }
        }
        if case .scale = type {
            var low = ""
            var high = ""
            if let scaleNode, let anchors = mapping(scaleNode, what: "skala", allowed: TemplateYAML.scaleKeys) {
                low = text(anchors["låg"], what: "låg") ?? ""
                high = text(anchors["hög"], what: "hög") ?? ""
            }
            type = .scale(low: low, high: high)
        } else if let scaleNode, typeName != nil {
            fail(scaleNode, "'skala:' hör bara till typ skala (frågan har typ \(typeName!))")
        }
        return type
    }

    // MARK: Values

    /// A mapping's values by key; unknown keys are problems (a misspelt key would otherwise be ignored).
    mutating func mapping(_ node: Node, what: String, allowed: [String]) -> [String: Node]? {
        guard case .mapping(let m) = node else {
            fail(node, "\(what) ska vara nycklar med värden (som 'id: …'), inte \(kind(node))")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in m {
            guard let name = key.scalar?.string else {
                fail(key, "en nyckel ska vara ett ord, inte \(kind(key))")
                continue
            }
            if allowed.contains(name) {
                fields[name] = value
            } else {
                let hint = allowed.first { fold($0) == fold(name) }.map { " – menade du '\($0)'?" } ?? ""
                fail(key, "okänd nyckel \(shown(name)) i \(what)\(hint) (tillåtna: \(allowed.joined(separator: ", ")))")
            }
        }
        return fields
    }

    mutating func sequence(_ node: Node, what: String) -> [Node] {
        if case .sequence(let s) = node { return Array(s) }
        if isNull(node) { return [] }
        fail(node, "'\(what):' ska vara en lista (rader som börjar med '- '), inte \(kind(node))")
        return []
    }

    /// A scalar as text; nil for a missing or empty (null) value.
    mutating func text(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        if isNull(node) { return nil }
        guard case .scalar(let s) = node else {
            fail(node, "'\(what):' ska vara en text, inte \(kind(node))")
            return nil
        }
        return s.string
    }

    mutating func integer(_ node: Node, what: String) -> Int? {
        guard let t = text(node, what: what) else {
            fail(node, "'\(what):' saknar värde (ett heltal)")
            return nil
        }
        guard let n = Int(t) else {
            fail(node, "'\(what):' ska vara ett heltal, inte \(shown(t))")
            return nil
        }
        return n
    }

    mutating func boolean(_ node: Node, what: String) -> Bool? {
        guard let t = text(node, what: what) else { return nil }
        switch t.lowercased() {
        case "ja", "true", "yes": return true
        case "nej", "false", "no": return false
        default:
            fail(node, "'\(what):' ska vara ja eller nej, inte \(shown(t))")
            return nil
        }
    }

    mutating func sensitivity(_ node: Node) -> Sensitivity? {
        guard let t = text(node, what: "känslighet") else { return nil }
        if let s = Sensitivity(rawValue: t.uppercased()) { return s }
        let px = t.uppercased() == "PX" ? " (PX, skyddad identitet, gäller personer och inte frågor)" : ""
        fail(node, "okänd känslighetsklass \(shown(t))\(px): välj P0, P1, P2 eller P3")
        return nil
    }

    /// An information category by its code (`halsa`, `ekonomiskt-bistand` …) or its label.
    mutating func category(_ node: Node) -> InformationCategory? {
        guard let t = text(node, what: "kategori") else { return nil }
        if let c = InformationCategory.allCases.first(where: { fold($0.rawValue) == fold(t) || fold($0.label) == fold(t) }) {
            return c
        }
        fail(node, "okänd kategori \(shown(t)): välj \(InformationCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// `gemensam` (the team together) is nil; otherwise a profession as `team add` accepts it.
    mutating func owner(_ node: Node) -> Profession?? {
        guard let t = text(node, what: "ägare") else { return nil }
        if fold(t) == "gemensam" || fold(t) == "teamet" { return .some(nil) }
        switch TeamMemberValidation.profession(t) {
        case .success(let p): return .some(p)
        case .failure:
            let choices = ["gemensam"] + Profession.allCases.map(\.rawValue)
            fail(node, "okänd ägare \(shown(t)): välj \(choices.joined(separator: ", "))")
            return nil
        }
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "texten \(shown(s.string))"
        case .mapping: return "nycklar med värden"
        case .sequence: return "en lista"
        case .alias: return "en referens"
        }
    }

    /// A value from the file as a message quotes it: in single quotes, hidden characters spelled out
    /// (`\u{1B}`), at most 40 characters, so a problem list can never act on the terminal or run for pages.
    func shown(_ value: String) -> String {
        let short = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "'" + VisibleText.escaped(short) + "'"
    }

    /// Lower case without å, ä, ö and dashes, to recognise a key typed without Swedish letters.
    func fold(_ s: String) -> String {
        String(
            s.lowercased().compactMap { ch -> Character? in
                switch ch {
                case "å", "ä": return "a"
                case "ö": return "o"
                case "-", "_", " ": return nil
                default: return ch
                }
            })
    }
}
