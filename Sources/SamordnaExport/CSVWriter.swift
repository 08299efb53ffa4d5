import Foundation

/// Writes CSV that is safe to open in a spreadsheet: RFC 4180 quoting, and cells that a spreadsheet would
/// run as a formula (starting with = + - @ | % or a tab/CR) prefixed with an apostrophe (as Primero's
/// CsvSanitizerService does), and control characters replaced (`InertText.cell`). Values in, text out.
public struct CSVWriter: Sendable {
    public var delimiter: Character

    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    public func write(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for row in rows { out += line(row) }
        return out
    }

    public func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: String(delimiter)) + "\r\n"
    }

    public func escape(_ raw: String) -> String {
        var value = InertText.cell(raw)
        if let first = value.unicodeScalars.first, "=+-@|%\t\r".unicodeScalars.contains(first) {
            // A leading '-' followed only by digits is a number, not a formula; keep it readable.
            let rest = value.dropFirst()
            if !(first == "-" && !rest.isEmpty && rest.allSatisfy(\.isNumber)) { value = "'" + value }
        }
        let needsQuotes = value.contains(delimiter) || value.contains("\"") || value.contains("\n")
            || value.contains("\r") || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
