/// One record of a CSV file and the physical line it starts on (the header is line 1). A record can span
/// several lines when a quoted field holds line breaks.
struct CSVRecord: Hashable, Sendable {
    let line: Int
    let fields: [String]

    /// A line with nothing but delimiters and spaces (spreadsheets write them for empty rows).
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// Where a CSV file breaks the quoting rules; the reader cannot tell where records start after that.
struct CSVSyntaxError: Error, Hashable, Sendable {
    let line: Int
    let reason: String
}

/// Reads RFC 4180 CSV: fields separated by one delimiter (comma or semicolon), records by CRLF, LF or a
/// lone CR; a field in double quotes may hold the delimiter, line breaks and doubled quotes (`""`). Line
/// breaks inside a quoted field are kept as LF. A quote inside an unquoted field is taken literally, as
/// spreadsheets write it. Works on Unicode scalars so a combining mark after a quote cannot hide the quote.
struct CSVReader {
    private let scalars: [Unicode.Scalar]
    private let delimiter: Unicode.Scalar
    private var i = 0
    private var line = 1

    /// `text` without a leading byte order mark.
    init(_ text: String, delimiter: Unicode.Scalar) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.delimiter = delimiter
    }

    /// The next record, blank lines included, or nil at the end of the text.
    mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        guard i < scalars.count else { return nil }
        let start = line
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" && field.isEmpty {
                let quoteLine = line
                i += 1
                try readQuoted(into: &field, openedOn: quoteLine)
                // After the closing quote: the delimiter, the end of the record or the end of the text.
                if i < scalars.count, scalars[i] != delimiter, !isLineBreak(scalars[i]) {
                    throw CSVSyntaxError(
                        line: line,
                        reason: "tecken efter ett avslutande citattecken; ett fält inom citattecken måste sluta med citattecknet (skriv \"\" för ett citattecken i texten)"
                    )
                }
                continue
            }
            if c == delimiter {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                i += 1
                continue
            }
            if isLineBreak(c) {
                consumeLineBreak()
                break
            }
            field.append(c)
            i += 1
        }
        fields.append(String(field))
        return CSVRecord(line: start, fields: fields)
    }

    private mutating func readQuoted(into field: inout String.UnicodeScalarView, openedOn quoteLine: Int)
        throws(CSVSyntaxError)
    {
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" {
                if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                    field.append("\"")
                    i += 2
                    continue
                }
                i += 1
                return
            }
            if isLineBreak(c) {
                consumeLineBreak()
                field.append("\n")
                continue
            }
            field.append(c)
            i += 1
        }
        throw CSVSyntaxError(
            line: quoteLine, reason: "citattecknet som öppnar ett fält på den här raden stängs aldrig")
    }

    private func isLineBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }

    private mutating func consumeLineBreak() {
        if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
        i += 1
        line += 1
    }
}
