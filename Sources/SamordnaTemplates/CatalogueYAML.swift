import Foundation
import SamordnaCore
import Yams

/// Problems in the catalogue file have the same shape as the template's: `FILE:LINE:COLUMN: reason`, one per
/// line, and a one-line summary for the status line.
public typealias CatalogueFileError = TemplateFileError

/// A catalogue read from its file: the types in file order, the text they were read from, and where each
/// entry and the `insatser:` list are written (a type that is still in use but missing is pointed out there).
public struct CatalogueDocument: Hashable, Sendable {
    public var types: [InsatsType]
    public var source: String
    /// Where the `insatser:` list starts.
    public var listPosition: TemplateFilePosition
    /// Where each entry starts, in the order of `types`.
    public var entryPositions: [TemplateFilePosition]
}

/// Reads the team's insats catalogue from YAML (docs/insats-catalogue.md). Keys are Swedish; every problem is
/// reported at once with its line and column. The same care as the kartläggning template: the YAML tokens are
/// scanned for anchors, aliases and deep nesting before anything is built, the file's size is capped before it
/// is read, every number is bounded and every text checked for control and invisible characters.
public enum CatalogueYAML {
    static let rootKeys = ["insatser"]
    static let entryKeys = [
        "kod", "namn", "organisation", "kategorier", "jobbinriktad", "typisk_längd_dagar", "högsta_längd_dagar",
        "aktiv_från", "aktiv_till", "beskrivning",
    ]
    /// A catalogue has a few dozen offers; more than this is a wrong file.
    public static let entryLimit = 1000
    /// Codes are stored with every episode and typed on the command line.
    public static let codeLimit = 20
    public static let nameLimit = 200
    public static let organisationLimit = 200
    public static let descriptionLimit = 2000
    /// Lengths in days: at most ten years.
    public static let daysLimit = 3650
    /// Active dates: years a catalogue can sensibly name.
    public static let years = 1900...2200

    /// Parses and checks `text`; `file` names the file in messages.
    public static func parse(_ text: String, file: String) throws(CatalogueFileError) -> CatalogueDocument {
        let preflight = YAMLPreflight.problems(
            in: text, document: "insatskatalogen", shape: "katalogen är en lista av insatser med sina fält")
        if !preflight.isEmpty { throw .invalid(file: file, problems: preflight) }
        let node: Node?
        do {
            // The basic resolver: every value is read as text here (numbers, dates and ja/nej by our own rules),
            // so Yams need not run its regular expressions over every scalar. It is read at every start.
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            throw .invalid(file: file, problems: [YAMLSyntaxError.problem(error, in: text)])
        }
        guard let node else {
            throw .invalid(
                file: file,
                problems: [TemplateFileProblem(line: 1, column: 1, reason: "filen är tom; den ska börja med 'insatser:'")])
        }
        var reader = CatalogueNodeReader()
        let result = reader.catalogue(node)
        if !reader.problems.isEmpty || result == nil {
            throw .invalid(file: file, problems: Array(Set(reader.problems)).sorted())
        }
        let (types, list, entries) = result!
        return CatalogueDocument(types: types, source: text, listPosition: list, entryPositions: entries)
    }

    /// Codes in use that `document` lacks: one problem each at the `insatser:` list, naming how many stored
    /// episodes use the code. A type that ends is marked with `aktiv_till`; removing it would leave those
    /// episodes without a name, a category or job focus.
    public static func removedTypeProblems(_ document: CatalogueDocument, usage: [String: Int]) -> [TemplateFileProblem] {
        let codes = Set(document.types.map(\.code))
        return usage.filter { $0.value > 0 && !codes.contains($0.key) }.sorted { $0.key < $1.key }.map { code, count in
            TemplateFileProblem(
                line: document.listPosition.line, column: document.listPosition.column,
                reason: "kod '\(VisibleText.escaped(code))' används av \(count) \(count == 1 ? "insats" : "insatser") men finns inte "
                    + "i \(CatalogueFile.name); ta tillbaka den (sätt 'aktiv_till:' om den inte längre erbjuds)")
        }
    }

    // MARK: Writing

    /// The catalogue as the file writes it, with a header that explains the keys. Reading the result gives
    /// `types` back (the tests make sure of it for the default).
    public static func render(_ types: [InsatsType]) -> String {
        var out = header
        out += "insatser:\n"
        for t in types {
            out += "  - kod: \(scalar(t.code))\n"
            out += "    namn: \(scalar(t.name))\n"
            out += "    organisation: \(scalar(t.organisation))\n"
            out += "    kategorier: [\(t.categories.map(\.rawValue).joined(separator: ", "))]\n"
            out += "    jobbinriktad: \(t.jobFocused ? "ja" : "nej")\n"
            if let d = t.typicalLengthDays { out += "    typisk_längd_dagar: \(d)\n" }
            if let d = t.maxLengthDays { out += "    högsta_längd_dagar: \(d)\n" }
            if let d = t.activeFrom { out += "    aktiv_från: \(d)\n" }
            if let d = t.activeTo { out += "    aktiv_till: \(d)\n" }
            if let n = t.notes { out += "    beskrivning: \(scalar(n))\n" }
            out += "\n"
        }
        return String(out.dropLast())
    }

    static let header = """
        # Samordna – teamets insatskatalog
        #
        # Ändra fritt: lägg till, byt namn, markera jobbinriktad eller inte. En insats som inte längre
        # erbjuds tas inte bort; sätt 'aktiv_till' så finns den kvar för historiken men kan inte väljas
        # för en ny insats. En kod som används av sparade insatser får inte försvinna (samordna check).
        # Beskrivning av formatet: docs/insats-catalogue.md.
        #
        # Nycklar:      kod, namn, organisation, kategorier, jobbinriktad, typisk_längd_dagar,
        #               högsta_längd_dagar, aktiv_från, aktiv_till, beskrivning
        # Kategorier:   J jobbinriktad, K kompetenshöjande, H hälsa, S social, Ko kartläggning/samordning
        # jobbinriktad: ja räknas som jobbinriktad insats (flaggan J); nej gör det inte
        # Datum:        ÅÅÅÅ-MM-DD. Längder i dagar, 1–3650.


        """

    /// A text as plain YAML when it reads back as the same string, else in double quotes.
    static func scalar(_ s: String) -> String {
        let plainSafe =
            !s.isEmpty && !s.first!.isWhitespace && !s.last!.isWhitespace
            && !s.contains(": ") && !s.contains(" #") && !s.hasSuffix(":")
            && !s.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
            && !"-?:,[]{}#&*!|>'\"%@`".contains(s.first!)
            && !["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(s.lowercased())
            && Double(s) == nil && Int(s) == nil
        if plainSafe { return s }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.properties.generalCategory == .control {
                    out += "\\u" + String(u.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// Walks the composed YAML, building the catalogue and noting each problem at its node.
struct CatalogueNodeReader {
    var problems: [TemplateFileProblem] = []
    var root = TemplateFilePosition(line: 1, column: 1)

    mutating func fail(_ node: Node?, _ reason: String) {
        let p = Self.position(node) ?? root
        problems.append(TemplateFileProblem(line: p.line, column: p.column, reason: reason))
    }

    static func position(_ node: Node?) -> TemplateFilePosition? {
        node?.mark.map { TemplateFilePosition(line: $0.line, column: $0.column) }
    }

    mutating func catalogue(_ node: Node) -> ([InsatsType], TemplateFilePosition, [TemplateFilePosition])? {
        root = Self.position(node) ?? root
        guard let fields = mapping(node, what: "katalogen", example: "insatser:", allowed: CatalogueYAML.rootKeys) else {
            return nil
        }
        guard let list = fields["insatser"] else {
            fail(node, "katalogen saknar 'insatser:' (en lista med insatser, var och en med kod, namn och kategorier)")
            return nil
        }
        let listPosition = Self.position(list) ?? root
        let entries = sequence(list, what: "insatser")
        if entries.isEmpty {
            if case .sequence = list {} else if !isNull(list) { return nil }  // reported as not a list
            fail(list, "katalogen har inga insatser; varje insats behöver minst kod, namn, organisation och kategorier")
            return nil
        }
        if entries.count > CatalogueYAML.entryLimit {
            fail(list, "högst \(CatalogueYAML.entryLimit) insatser i katalogen (nu \(entries.count))")
            return nil
        }
        var types: [InsatsType] = []
        var positions: [TemplateFilePosition] = []
        var seen: [String: (index: Int, line: Int)] = [:]
        for (i, e) in entries.enumerated() {
            guard let (type, codeNode) = entry(e, index: i) else { continue }
            let key = type.code.lowercased()
            if let first = seen[key] {
                fail(
                    codeNode,
                    "koden \(shown(type.code)) används redan av insats \(first.index + 1) (rad \(first.line)); "
                        + "varje kod måste vara unik (versaler och gemener räknas lika)")
            } else if !type.code.isEmpty {
                seen[key] = (i, Self.position(codeNode)?.line ?? 0)
            }
            types.append(type)
            positions.append(Self.position(e) ?? root)
        }
        return (types, listPosition, positions)
    }

    /// One entry, and the node its code was read from (for a duplicate); nil when it is not a mapping.
    mutating func entry(_ node: Node, index: Int) -> (InsatsType, Node?)? {
        guard let f = mapping(node, what: "en insats", example: "kod: RoM", allowed: CatalogueYAML.entryKeys) else {
            return nil
        }
        let number = "insats \(index + 1)"
        var code = ""
        if let n = f["kod"], let t = text(n, what: "kod") {
            if t.count > CatalogueYAML.codeLimit || !Self.isCode(t) {
                fail(
                    n,
                    "koden \(shown(t)) ska vara 1–\(CatalogueYAML.codeLimit) tecken av A–Z, a–z, 0–9, - och _, "
                        + "och börja med en bokstav eller siffra")
            } else {
                code = t
            }
        } else {
            fail(f["kod"] ?? node, "\(number) saknar kod (t.ex. 'kod: RoM'); koden sparas med varje insats")
        }
        let label = code.isEmpty ? number : "insats \(shown(code))"
        let name = line(f["namn"], key: "namn", limit: CatalogueYAML.nameLimit, missing: "\(label) saknar namn", node: node)
        let organisation = line(
            f["organisation"], key: "organisation", limit: CatalogueYAML.organisationLimit,
            missing: "\(label) saknar organisation (t.ex. 'organisation: AF')", node: node)
        var categories: [InsatsCategory] = []
        if let n = f["kategorier"] {
            let items: [Node]
            if case .scalar = n, !isNull(n) { items = [n] } else { items = sequence(n, what: "kategorier") }
            for item in items {
                guard let t = text(item, what: "kategori") else { continue }
                guard let c = InsatsCategory.allCases.first(where: { $0.rawValue.lowercased() == t.lowercased() }) else {
                    fail(
                        item,
                        "okänd kategori \(shown(t)): välj J (jobbinriktad), K (kompetenshöjande), H (hälsa), S (social) "
                            + "eller Ko (kartläggning/samordning)")
                    continue
                }
                if categories.contains(c) {
                    fail(item, "kategorin \(c.rawValue) står två gånger")
                } else {
                    categories.append(c)
                }
            }
            if items.isEmpty { fail(n, "\(label) har inga kategorier; ange minst en av J, K, H, S, Ko") }
        } else {
            fail(node, "\(label) saknar kategorier (t.ex. 'kategorier: [J, K]')")
        }
        var jobFocused = false
        if let n = f["jobbinriktad"], let b = boolean(n, what: "jobbinriktad") { jobFocused = b }
        let typical = days(f["typisk_längd_dagar"], key: "typisk_längd_dagar")
        let max = days(f["högsta_längd_dagar"], key: "högsta_längd_dagar")
        if let typical, let max, typical > max {
            fail(
                f["typisk_längd_dagar"],
                "typisk längd (\(typical) dagar) är längre än högsta längd (\(max) dagar)")
        }
        let from = date(f["aktiv_från"], key: "aktiv_från")
        let to = date(f["aktiv_till"], key: "aktiv_till")
        if let from, let to, to < from {
            fail(f["aktiv_till"], "aktiv_till (\(to)) är före aktiv_från (\(from))")
        }
        var notes: String?
        if let n = f["beskrivning"], let t = text(n, what: "beskrivning") {
            if let reason = VisibleText.textProblem(t, limit: CatalogueYAML.descriptionLimit) {
                fail(n, "beskrivningen " + reason)
            } else {
                notes = t
            }
        }
        let type = InsatsType(
            code: code, name: name ?? "", organisation: organisation ?? "", categories: categories,
            jobFocused: jobFocused, typicalLengthDays: typical, maxLengthDays: max, activeFrom: from, activeTo: to,
            notes: notes)
        return (type, f["kod"])
    }

    static func isCode(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// A required one-line text: missing, empty, control or invisible characters, line breaks, too long.
    mutating func line(_ n: Node?, key: String, limit: Int, missing: String, node: Node) -> String? {
        guard let n, let t = text(n, what: key), !t.allSatisfy(\.isWhitespace) else {
            fail(n ?? node, missing)
            return nil
        }
        if let reason = VisibleText.lineProblem(t, limit: limit) {
            fail(n, "'\(key):' " + reason)
            return nil
        }
        return t
    }

    mutating func days(_ n: Node?, key: String) -> Int? {
        guard let n, !isNull(n) else { return nil }
        guard let t = text(n, what: key), let d = Int(t) else {
            fail(n, "'\(key):' ska vara ett heltal (dagar), inte \(kind(n))")
            return nil
        }
        guard (1...CatalogueYAML.daysLimit).contains(d) else {
            fail(n, "'\(key):' ska vara 1–\(CatalogueYAML.daysLimit) dagar (är \(d))")
            return nil
        }
        return d
    }

    mutating func date(_ n: Node?, key: String) -> LocalDate? {
        guard let n, !isNull(n) else { return nil }
        guard let t = text(n, what: key), let d = LocalDate(iso: t), CatalogueYAML.years.contains(d.year) else {
            fail(n, "'\(key):' ska vara ett datum som finns, ÅÅÅÅ-MM-DD (t.ex. 2022-01-01), inte \(kind(n))")
            return nil
        }
        return d
    }

    // MARK: Values

    /// A mapping's values by key; unknown keys are problems (a misspelt key would otherwise be ignored).
    mutating func mapping(_ node: Node, what: String, example: String, allowed: [String]) -> [String: Node]? {
        guard case .mapping(let m) = node else {
            fail(node, "\(what) ska vara nycklar med värden (som '\(example)'), inte \(kind(node))")
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

    mutating func boolean(_ node: Node, what: String) -> Bool? {
        guard let t = text(node, what: what) else {
            fail(node, "'\(what):' saknar värde (ja eller nej)")
            return nil
        }
        switch t.lowercased() {
        case "ja", "true", "yes": return true
        case "nej", "false", "no": return false
        default:
            fail(node, "'\(what):' ska vara ja eller nej, inte \(shown(t))")
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

    /// A value from the file as a message quotes it: hidden characters spelled out, at most 40 characters.
    func shown(_ value: String) -> String {
        let short = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "'" + VisibleText.escaped(short) + "'"
    }

    /// Lower case without å, ä, ö, dashes and underscores, to recognise a key typed without Swedish letters.
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
