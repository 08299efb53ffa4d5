/// One data row, read against the header.
struct ImportRow {
    enum Outcome {
        case valid(Participant)
        case invalid([RowError])
    }

    let record: CSVRecord
    let columns: [ImportColumn]
    let headerNames: [String]
    private let cells: [ImportColumn: String]

    init(record: CSVRecord, columns: [ImportColumn], headerNames: [String]) {
        self.record = record
        self.columns = columns
        self.headerNames = headerNames
        var cells: [ImportColumn: String] = [:]
        for (column, value) in zip(columns, record.fields) { cells[column] = value }
        self.cells = cells
    }

    subscript(column: ImportColumn) -> String { cells[column] ?? "" }

    /// The column's name as the file's header spells it (`förnamn`), or ours when the file has no such column.
    func columnName(_ column: ImportColumn) -> String {
        guard let index = columns.firstIndex(of: column) else { return column.rawValue }
        return headerNames[index].trimmingWhitespace()
    }

    func participant(today: LocalDate, ids: inout some IdentifierSource) -> Outcome {
        let line = record.line
        // Cells beyond the header are allowed only when empty (spreadsheets pad rows with delimiters).
        let extra = record.fields.dropFirst(columns.count)
        if record.fields.count < columns.count || extra.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            return .invalid([
                RowError(
                    line: line, column: nil, value: nil,
                    reason: "raden har \(record.fields.count) fält men rubrikraden har \(columns.count) "
                        + "(kontrollera avgränsare och citattecken)")
            ])
        }
        var errors: [RowError] = []
        func flag(_ column: ImportColumn) -> Bool {
            switch yesNo(self[column]) {
            case .some(let value): return value
            case .none:
                errors.append(
                    RowError(line: line, column: columnName(column), value: self[column], reason: "skriv ja eller nej"))
                return false
            }
        }
        let status = self[.status].trimmingWhitespace().lowercased()
        if status == ParticipantStatus.avslutad.rawValue {
            errors.append(
                RowError(
                    line: line, column: columnName(.status), value: self[.status],
                    reason: "en avslutad deltagare kan inte importeras (ett avslut kräver avslutsorsak); "
                        + "importera som aktiv och avsluta i Samordna"))
        }
        let draft = ParticipantDraft(
            identityKind: identityKind(today: today), identity: self[.personnummer],
            protectedIdentity: flag(.skyddad), firstName: self[.fornamn], lastName: self[.efternamn],
            preferredName: self[.tilltalsnamn],
            gender: self[.kon].allSatisfy(\.isWhitespace) ? Gender.villEjUppge.rawValue : self[.kon],
            phone: self[.telefon], email: self[.epost], address: self[.adress], language: self[.sprak],
            interpreterNeeded: flag(.tolk), interpreterLanguage: self[.tolksprak],
            afRegisteredSince: self[.afInskriven], forsorjningsstodSince: self[.forsorjningsstodSedan],
            status: status.isEmpty ? ParticipantStatus.aktualiserad.rawValue : self[.status], enrolledOn: "")
        let validation = ParticipantValidation.validate(draft, today: today)
        if case .failure(let fieldErrors) = validation {
            for field in fieldErrors.fields {
                let column = ImportColumn.allCases.first { $0.field == field }
                errors.append(
                    RowError(
                        line: line, column: column.map(columnName), value: column.map { self[$0] },
                        reason: fieldErrors[field]!))
            }
        }
        guard case .success(let fields) = validation, errors.isEmpty else {
            // In the order of the file's columns (stable, so a row's own order is kept between equals).
            let ordered = errors.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }
            return .invalid(ordered.map(\.element))
        }
        return .valid(fields.newParticipant(id: Participant.ID(ids.next())))
    }

    /// The identity alone, when it is valid though other cells are not: its duplicates are still reported.
    func identity(today: LocalDate) -> Identity? {
        guard record.fields.count >= columns.count,
            case .success(let kind) = ParticipantValidation.identityKind(identityKind(today: today)),
            case .success(let identity) = ParticipantValidation.identity(
                kind: kind, typed: self[.personnummer], today: today)
        else { return nil }
        return identity
    }

    /// `idtyp` as given; without it, a number that parses as a samordningsnummer is one.
    private func identityKind(today: LocalDate) -> String {
        let typed = self[.idtyp]
        if !typed.allSatisfy(\.isWhitespace) { return typed }
        if let number = try? Personnummer(parsing: self[.personnummer], today: today), number.isSamordningsnummer {
            return IdentityKind.samordningsnummer.rawValue
        }
        return IdentityKind.personnummer.rawValue
    }

    /// Errors in the order of the file's columns.
    private func order(_ error: RowError) -> Int {
        guard let column = error.column else { return -1 }
        return headerNames.firstIndex { $0.trimmingWhitespace() == column } ?? Int.max
    }

    /// `ja`/`j` or `nej`/`n`, any case; empty is no.
    private func yesNo(_ typed: String) -> Bool? {
        switch typed.trimmingWhitespace().lowercased() {
        case "ja", "j": return true
        case "nej", "n", "": return false
        default: return nil
        }
    }
}
