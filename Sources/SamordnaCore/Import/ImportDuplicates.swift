/// The duplicate rules over the caseload and the rows read so far, indexed so a 10 000-row file is
/// checked in one pass: by identity, and by birth date for the similar-name rule.
struct ImportDuplicates {
    private enum Source {
        case existing(Participant)
        case row(Int)
    }

    private var identities: [String: Source] = [:]
    private var byBirth: [LocalDate: [(source: Source, participant: Participant, names: NameKey)]] = [:]
    private let acceptSimilarNames: Bool

    init(existing: [Participant], acceptSimilarNames: Bool) {
        self.acceptSimilarNames = acceptSimilarNames
        for p in existing {
            identities[DuplicateCheck.identityKey(p.identity)] = .existing(p)
            if let birth = p.identity.birthDate { byBirth[birth, default: []].append((.existing(p), p, NameKey(p))) }
        }
    }

    /// Records a row's identity; the error when it is already taken.
    mutating func identity(_ identity: Identity, line: Int, column: String, value: String) -> [RowError] {
        let key = DuplicateCheck.identityKey(identity)
        if let taken = identities[key] {
            let reason: String
            switch taken {
            case .existing(let p): reason = "finns redan i ärendelistan (deltagare \(p.id.short))"
            case .row(let other): reason = "samma identitet som rad \(other)"
            }
            return [RowError(line: line, column: column, value: value, reason: reason)]
        }
        identities[key] = .row(line)
        return []
    }

    /// Records a valid row; the errors when it duplicates someone.
    mutating func add(_ p: Participant, line: Int, column: String, value: String) -> [RowError] {
        let taken = identity(p.identity, line: line, column: column, value: value)
        if !taken.isEmpty { return taken }
        guard let birth = p.identity.birthDate else { return [] }
        let names = NameKey(p)
        var errors: [RowError] = []
        if !acceptSimilarNames {
            // One problem per row, naming the first look-alike and counting the others: a file of 10 000
            // rows with one birth date and one name must give 10 000 lines, not 50 million.
            var first: (why: String, whom: String)?
            var others = 0
            for other in byBirth[birth] ?? [] {
                guard let why = names.similarity(to: other.names) else { continue }
                if first != nil {
                    others += 1
                    continue
                }
                switch other.source {
                case .existing(let o):
                    first = (why, (o.protectedIdentity ? "deltagare" : o.fullName) + " (\(o.id.short)) i ärendelistan")
                case .row(let otherLine):
                    first = (why, "\(other.participant.fullName) på rad \(otherLine)")
                }
            }
            if let first {
                let more = others == 0 ? "" : " (och \(TextRules.swedishNumber(others)) till)"
                errors.append(
                    RowError(
                        line: line, column: nil, value: p.fullName,
                        reason: "samma födelsedatum (\(birth)) och \(first.why) som \(first.whom)\(more); kontrollera att "
                            + "det inte är samma person (eller importera med liknande namn tillåtna)"))
            }
        }
        byBirth[birth, default: []].append((.row(line), p, names))
        return errors
    }
}
