/// The checks every typed text goes through: length in graphemes (what a person counts as characters),
/// control characters, dates. Text that is too long is refused with the limit named, never cut.
enum TextRules {
    /// Which line breaks a field may hold.
    enum Lines {
        /// One line: no control characters at all.
        case single
        /// Several lines: newline (LF or CRLF) and tab are allowed, other control characters are not.
        case multiple
    }

    /// `högst 100 tecken (nu 123)`.
    static func tooLong(limit: Int, count: Int) -> String {
        "högst \(swedishNumber(limit)) tecken (nu \(swedishNumber(count)))"
    }

    /// The first reason `text` breaks the length or control-character rule, or nil.
    static func check(_ text: String, limit: Int, lines: Lines) -> String? {
        if let reason = controlCharacterReason(text, lines: lines) { return reason }
        let count = text.count
        return count > limit ? tooLong(limit: limit, count: count) : nil
    }

    /// Control characters (Unicode Cc: C0, DEL, C1) can move a terminal's cursor or hide text, so data
    /// never holds them; in multi-line text newline and tab are the exceptions.
    static func controlCharacterReason(_ text: String, lines: Lines) -> String? {
        var line = 1
        var previous: Unicode.Scalar?
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            defer { previous = scalar }
            if let reason = invisibleReason(scalar, lines: lines, line: line) { return reason }
            guard scalar.properties.generalCategory == .control else { continue }
            switch (lines, scalar) {
            case (.multiple, "\n"):
                if previous != "\r" { line += 1 }
                continue
            case (.multiple, "\t"):
                continue
            case (.multiple, "\r") where i + 1 < scalars.count && scalars[i + 1] == "\n":
                line += 1
                continue
            case (.single, "\n"), (.single, "\r"):
                return "får inte innehålla radbrytningar"
            default:
                let place = lines == .multiple && line > 1 ? " på rad \(line)" : ""
                return "innehåller styrtecknet \(codePoint(scalar))\(place), som inte är tillåtet"
                    + (lines == .multiple ? " (bara radbrytning och tabb)" : "")
            }
        }
        return nil
    }

    /// Invisible format characters (Unicode Cf: bidi controls, zero-width spaces and joiners, the byte order
    /// mark, soft hyphens) and the Unicode line and paragraph separators. A right-to-left override makes
    /// "Öberg" display as something else; a zero-width space makes two names that look the same differ,
    /// so a duplicate goes unnoticed. Nobody types them on purpose into a record, so they are refused with
    /// what they do (docs/decisions/0006).
    static func invisibleReason(_ scalar: Unicode.Scalar, lines: Lines, line: Int) -> String? {
        let place = lines == .multiple && line > 1 ? " på rad \(line)" : ""
        switch scalar.properties.generalCategory {
        case .format:
            let what = isBidiControl(scalar) ? "som ändrar textens riktning" : "som inte syns"
            return "innehåller tecknet \(codePoint(scalar))\(place), \(what), och det är inte tillåtet"
        case .lineSeparator, .paragraphSeparator:
            return lines == .single
                ? "får inte innehålla radbrytningar"
                : "innehåller radavgränsaren \(codePoint(scalar))\(place); använd en vanlig radbrytning"
        default:
            return nil
        }
    }

    /// The characters that reorder text: the Arabic letter mark, LRM/RLM, embeddings, overrides and isolates.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Characters a message spells out instead of showing: controls, invisible format characters, separators.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `U+001B`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `10 000`: Swedish digit grouping (a space; a plain one, so every terminal shows it).
    static func swedishNumber(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// The value with control and invisible format characters spelled out and at most `limit` graphemes, for
    /// an error message that names what was typed without letting it act on the terminal or read backwards.
    static func quoted(_ value: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for ch in value {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            if ch.unicodeScalars.contains(where: isHidden) {
                out += ch.unicodeScalars.map { s in
                    switch s {
                    case "\n": return "\\n"
                    case "\r": return "\\r"
                    case "\t": return "\\t"
                    default: return "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
                    }
                }.joined()
            } else {
                out.append(ch)
            }
        }
        return "\"" + out + "\""
    }

    /// An ISO date the user typed: `YYYY-MM-DD`, real, and not after `today`. Empty is nil.
    static func pastDate(_ text: String, today: LocalDate) -> Result<LocalDate?, RuleViolation> {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        guard let date = LocalDate(iso: t) else { return .failure(invalidDate(t)) }
        if date > today { return .failure(RuleViolation("datumet \(date) ligger i framtiden (idag är \(today))")) }
        return .success(date)
    }

    /// An ISO date the user typed, any day. Empty is nil.
    static func date(_ text: String) -> Result<LocalDate?, RuleViolation> {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        guard let date = LocalDate(iso: t) else { return .failure(invalidDate(t)) }
        return .success(date)
    }

    private static func invalidDate(_ t: String) -> RuleViolation {
        RuleViolation("ogiltigt datum \(quoted(t)) (skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)")
    }

    /// Optional single-line text: trimmed, nil when empty, refused when too long or holding control
    /// characters.
    static func optionalLine(_ text: String, limit: Int) -> Result<String?, RuleViolation> {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = check(t, limit: limit, lines: .single) { return .failure(RuleViolation(reason)) }
        return .success(t)
    }
}
