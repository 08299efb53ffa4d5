import Foundation

/// Writes CSV that is safe to open in a spreadsheet: RFC 4180 quoting, and cells that a spreadsheet would
/// run as a formula (starting with = + - @ | % or a tab/CR) prefixed with an apostrophe (as Primero's
/// CsvSanitizerService does), and control characters replaced (`InertText.cell`). Values in, text out.
public struct CSVWriter: Sendable {
    public var delimiter: Character

    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    public func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    public func line(_ cells: [String]) -> String {
        var out = ""
        append(cells, to: &out)
        return out
    }

    /// One line appended in place (a large export writes thousands; most of their cells are empty, and an
    /// empty cell escapes to nothing).
    func append(_ cells: [String], to out: inout String) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(delimiter) }
            if !cell.isEmpty { out += escape(cell) }
        }
        out += "\r\n"
    }

    public func escape(_ raw: String) -> String {
        if isPlain(raw) { return raw }
        var value = InertText.cell(raw)
        if let first = value.unicodeScalars.first, "=+-@|%\t\r".unicodeScalars.contains(first) {
            // A leading '-' followed only by digits is a number, not a formula; keep it readable.
            let rest = value.dropFirst()
            if !(first == "-" && !rest.isEmpty && rest.allSatisfy(\.isNumber)) { value = "'" + value }
        }
        guard needsQuotes(value) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Printable ASCII only, not starting with a formula character, no space at either end, no quote and no
    /// delimiter: written as it is, which `escape` would also do (checked on the bytes, for the common cell).
    func isPlain(_ raw: String) -> Bool {
        guard let d = delimiter.asciiValue, let first = raw.utf8.first, let last = raw.utf8.last else { return false }
        switch first {
        case UInt8(ascii: " "), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
            UInt8(ascii: "|"), UInt8(ascii: "%"):
            return false
        default: break
        }
        if last == UInt8(ascii: " ") { return false }
        for b in raw.utf8 where b < 0x20 || b > 0x7E || b == UInt8(ascii: "\"") || b == d { return false }
        return true
    }

    /// A delimiter, a quote, a line break, or a space at either end (one pass over the scalars: this runs for
    /// every cell of a large export).
    func needsQuotes(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        if scalars.first == " " || scalars.last == " " { return true }
        let single = delimiter.unicodeScalars.count == 1 ? delimiter.unicodeScalars.first : nil
        for s in scalars where s == "\"" || s == "\n" || s == "\r" || s == single { return true }
        return single == nil && value.contains(delimiter)
    }
}
