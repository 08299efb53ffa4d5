/// Imports participants from a CSV file (a list from another system, a spreadsheet), all or nothing: every
/// row passes the same rules as the participant form and the duplicate rules, or nothing is imported and
/// every bad row is listed.
public enum ParticipantCSVImport {
    public static let rowLimit = 10_000
    /// 10 000 rows of a participant's fields are well under 5 MB; a larger file is a wrong file or an attack,
    /// and reading it whole (the import is all or nothing) would cost memory out of all proportion.
    public static let sizeLimit = 5_000_000
    /// The header names at most 16 known columns; a header line longer than this is not one.
    public static let headerLimit = 2_000

    /// The participants of `text`, in file order, each with a new id from `ids`, aktualiserad `today`
    /// unless the file says otherwise.
    ///
    /// - Parameters:
    ///   - existing: the caseload: a row with an identity already there is refused, and one with the same
    ///     birth date and a similar name is refused unless `acceptSimilarNames` (an import cannot ask).
    ///   - acceptSimilarNames: let rows through that only resemble someone (twins, common names), after the
    ///     user has looked at the list of them.
    public static func parse(
        _ text: String, today: LocalDate, existing: [Participant], ids: inout some IdentifierSource,
        acceptSimilarNames: Bool = false
    ) -> Result<[Participant], ImportFailure> {
        let size = text.utf8.count
        if size > sizeLimit { return .failure(.tooLarge(bytes: size, limit: sizeLimit)) }
        guard let delimiter = delimiter(of: text) else { return .failure(.empty) }
        var reader = CSVReader(text, delimiter: delimiter)
        var records: [CSVRecord] = []
        do {
            // Blank lines (also before the header) are skipped; line numbers still count them.
            while let record = try reader.next() {
                if !record.isBlank { records.append(record) }
            }
        } catch {
            return .failure(.badRows([RowError(line: error.line, column: nil, value: nil, reason: error.reason)]))
        }
        guard let header = records.first else { return .failure(.empty) }
        let headerLength = header.fields.reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        if headerLength > headerLimit {
            return .failure(
                .badHeader(
                    "rubrikraden är \(TextRules.swedishNumber(headerLength)) tecken lång; högst "
                        + "\(TextRules.swedishNumber(headerLimit)) (är det rätt fil?)"))
        }
        let columns: [ImportColumn]
        switch readHeader(header.fields) {
        case .success(let c): columns = c
        case .failure(let violation): return .failure(.badHeader(violation.reason))
        }
        let rows = records.dropFirst()
        if rows.isEmpty { return .failure(.empty) }
        if rows.count > rowLimit { return .failure(.tooManyRows(count: rows.count, limit: rowLimit)) }

        var check = ImportDuplicates(existing: existing, acceptSimilarNames: acceptSimilarNames)
        var participants: [Participant] = []
        var errors: [RowError] = []
        for record in rows {
            let row = ImportRow(record: record, columns: columns, headerNames: header.fields)
            switch row.participant(today: today, ids: &ids) {
            case .invalid(let rowErrors):
                errors += rowErrors
                if let identity = row.identity(today: today) {
                    errors += check.identity(identity, line: record.line, column: row.columnName(.personnummer),
                        value: row[.personnummer])
                }
            case .valid(let p):
                let found = check.add(p, line: record.line, column: row.columnName(.personnummer),
                    value: row[.personnummer])
                if found.isEmpty { participants.append(p) } else { errors += found }
            }
        }
        return errors.isEmpty ? .success(participants) : .failure(.badRows(errors))
    }

    /// Comma or semicolon: whichever splits the header into more known column names (then more columns).
    /// Only the start of the file is looked at: a header is a few hundred characters, and reading a whole
    /// file twice more just to choose would double the cost of a hostile one.
    static func delimiter(of text: String) -> Unicode.Scalar? {
        let start = String(String.UnicodeScalarView(text.unicodeScalars.prefix(headerLimit * 4)))
        var best: (delimiter: Unicode.Scalar, known: Int, count: Int)?
        for delimiter: Unicode.Scalar in [",", ";"] {
            var reader = CSVReader(start, delimiter: delimiter)
            var first: CSVRecord?
            do {
                while let record = try reader.next() {
                    if !record.isBlank {
                        first = record
                        break
                    }
                }
            } catch {
                continue
            }
            guard let header = first else { return nil }
            let known = header.fields.filter { ImportColumn(header: $0) != nil }.count
            if best.map({ (known, header.fields.count) > ($0.known, $0.count) }) ?? true {
                best = (delimiter, known, header.fields.count)
            }
        }
        // A header that cannot even be read as CSV still gets a delimiter, so the reader reports the error.
        return best?.delimiter ?? ","
    }

    /// The columns in file order, or every problem with the header.
    static func readHeader(_ names: [String]) -> Result<[ImportColumn], RuleViolation> {
        var problems: [String] = []
        var columns: [ImportColumn] = []
        var seen: [ImportColumn: Int] = [:]
        var unknown = false
        for (index, name) in names.enumerated() {
            let position = index + 1
            let trimmed = name.trimmingWhitespace()
            guard !trimmed.isEmpty else {
                problems.append("kolumn \(position) saknar rubrik")
                continue
            }
            guard let column = ImportColumn(header: trimmed) else {
                problems.append("okänd kolumn \(TextRules.quoted(trimmed)) (kolumn \(position))")
                unknown = true
                continue
            }
            if let first = seen[column] {
                problems.append(
                    "kolumnen \(column.rawValue) finns två gånger (kolumn \(first) och \(position))")
            }
            seen[column] = seen[column] ?? position
            columns.append(column)
        }
        let missing = ImportColumn.required.filter { seen[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            problems.append(
                (missing.count == 1 ? "kolumnen \(names) saknas" : "kolumnerna \(names) saknas")
                    + " (krävs: personnummer, fornamn, efternamn)")
        }
        if unknown {
            problems.append("kända kolumner: " + ImportColumn.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return problems.isEmpty ? .success(columns) : .failure(RuleViolation(problems.joined(separator: "; ")))
    }
}
