/// Stored text shown in a message or a log line without letting it act on the terminal: control characters,
/// invisible format characters (bidi controls, zero-width spaces) and line separators are spelled out (`\n`,
/// `\t`, `\u{1B}`, `\u{202E}`), everything else is kept as typed. The same spelling the import's
/// error list uses (`TextRules.quoted`), so a value reads the same wherever the team meets it.
public enum VisibleText {
    /// `"Ann\u{1B}[31m"`: quoted, at most `limit` graphemes (then `…`), for error messages.
    public static func quoted(_ value: String, limit: Int = 40) -> String {
        TextRules.quoted(value, limit: limit)
    }

    /// The whole value with its control characters spelled out, without quotes (the change history).
    public static func escaped(_ value: String) -> String {
        String(TextRules.quoted(value, limit: .max).dropFirst().dropLast())
    }

    /// Why `text` cannot be one line of shown text (a title): control characters, line breaks, invisible
    /// format characters, or more than `limit` characters. Nil when it can.
    public static func lineProblem(_ text: String, limit: Int) -> String? {
        TextRules.check(text, limit: limit, lines: .single)
    }
}

extension VisibleText {
    /// Why `text` cannot be a multi-line shown text (a description): control characters other than line
    /// breaks and tabs, invisible format characters, or more than `limit` characters. Nil when it can.
    public static func textProblem(_ text: String, limit: Int) -> String? {
        TextRules.check(text, limit: limit, lines: .multiple)
    }
}
