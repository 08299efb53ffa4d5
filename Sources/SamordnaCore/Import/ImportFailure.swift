/// Why an import file was refused as a whole. Nothing is written on any failure: the team either gets the
/// whole file or a list of what to fix.
public enum ImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// No header, or a header and no rows.
    case empty
    /// The header line: a required column missing, an unknown or repeated column.
    case badHeader(String)
    /// Every row that breaks a rule, in file order (and the quoting error that stopped reading, if any).
    case badRows([RowError])
    /// More rows than one import takes.
    case tooManyRows(count: Int, limit: Int)
    /// A file larger than one import reads (`ParticipantCSVImport.sizeLimit`), refused before it is parsed.
    case tooLarge(bytes: Int, limit: Int)

    /// How many row problems the message lists; the rest are counted. A file with a problem on every row
    /// would otherwise print megabytes, and the first ones are what the user fixes first anyway.
    public static let shownProblemLimit = 100

    public var description: String {
        switch self {
        case .empty:
            return "filen innehåller inga deltagare (en rubrikrad och minst en rad behövs)"
        case .badHeader(let reason):
            return "rubrikraden: \(reason)"
        case .badRows(let errors):
            let rows = Set(errors.map(\.line)).count
            let head = "\(TextRules.swedishNumber(rows)) \(rows == 1 ? "rad har" : "rader har") fel; ingenting importerades:"
            var lines = [head] + errors.prefix(Self.shownProblemLimit).map(\.description)
            if errors.count > Self.shownProblemLimit {
                let rest = errors.count - Self.shownProblemLimit
                lines.append("… och \(TextRules.swedishNumber(rest)) fel till (rätta de första och importera igen)")
            }
            return lines.joined(separator: "\n")
        case .tooManyRows(let count, let limit):
            return "filen har \(TextRules.swedishNumber(count)) rader; högst \(TextRules.swedishNumber(limit)) "
                + "deltagare kan importeras åt gången (dela upp filen)"
        case .tooLarge(let bytes, let limit):
            return "filen är för stor för en import (\(TextRules.swedishNumber(bytes)) byte; högst "
                + "\(TextRules.swedishNumber(limit))); dela upp filen"
        }
    }
}

/// One problem on one row of an import file.
public struct RowError: Hashable, Sendable, CustomStringConvertible {
    /// The physical line the row starts on, counting the header as line 1 and every line break, also those
    /// inside quoted fields, so an editor's line number finds it.
    public let line: Int
    /// The column as the file's header names it, when the problem is in one column.
    public let column: String?
    /// The cell as it stands in the file.
    public let value: String?
    public let reason: String

    public init(line: Int, column: String?, value: String?, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// `rad 4, kolumn förnamn, värde "Ann\u{1B}": innehåller styrtecknet U+001B, som inte är tillåtet`.
    /// The value is quoted with control characters spelled out and at most 40 characters, so printing an
    /// error can never act on the terminal.
    public var description: String {
        var place = "rad \(line)"
        if let column { place += ", kolumn \(column)" }
        if let value, !value.isEmpty { place += ", värde \(TextRules.quoted(value))" }
        return "\(place): \(reason)"
    }
}
