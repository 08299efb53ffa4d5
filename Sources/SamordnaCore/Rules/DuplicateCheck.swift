/// A participant already in the caseload that a new or edited one may be the same person as.
public enum DuplicateMatch: Hashable, Sendable {
    /// The same personnummer, samordningsnummer or other number: refused, one person has one record.
    case sameIdentity(Participant.ID)
    /// Same birth date and a similar name: the user is asked whether it is the same person.
    case similarName(Participant.ID, reason: String)

    public var participantID: Participant.ID {
        switch self {
        case .sameIdentity(let id), .similarName(let id, _): return id
        }
    }

    /// Whether the save is refused (rather than asked about).
    public var isBlocking: Bool {
        if case .sameIdentity = self { return true }
        return false
    }
}

/// Finds records that may be the same person, so the team does not keep two records of one participant
/// (a split history is how insatser and consents get lost).
public enum DuplicateCheck {
    /// Names at most this many edits apart (insertions, deletions, substitutions, swapped neighbours) count
    /// as similar: enough for a typo or a missing accent, not for a different name.
    public static let maxNameDistance = 2

    /// The matches for `candidate` among `others`, blocking ones first. The candidate itself (same id) is
    /// left out, so editing a participant does not find them.
    public static func duplicates(of candidate: Participant, among others: [Participant]) -> [DuplicateMatch] {
        let identity = identityKey(candidate.identity)
        let birth = candidate.identity.birthDate
        let names = NameKey(candidate)
        var blocking: [DuplicateMatch] = []
        var asked: [DuplicateMatch] = []
        // By index, reading only the fields needed: copying every participant made a check over a
        // 10 000-participant caseload several times slower.
        for i in others.indices where others[i].id != candidate.id {
            let otherIdentity = others[i].identity
            if identityKey(otherIdentity) == identity {
                blocking.append(.sameIdentity(others[i].id))
                continue
            }
            guard let birth, case .personnummer(let number) = otherIdentity,
                case .personnummer(let own) = candidate.identity, own.sameBirthMonth(as: number),
                number.birthDate == birth
            else { continue }
            let other = others[i]
            if let reason = names.similarity(to: NameKey(other)) {
                asked.append(
                    .similarName(
                        other.id,
                        reason: "samma födelsedatum (\(birth)) och \(reason) som \(other.fullName) (id \(other.id.short))"))
            }
        }
        return blocking + asked
    }

    /// What makes two identities the same record: the stored value (unique in the store), ignoring case and
    /// spaces for numbers that are not standardised.
    static func identityKey(_ identity: Identity) -> String {
        switch identity {
        case .personnummer(let p): return p.digits
        case .other(_, let value): return String(value.uppercased().filter { !$0.isWhitespace })
        }
    }

    /// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). With `limit`,
    /// stops as soon as the distance must exceed it and returns `limit + 1`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            // A transposition reaches back two rows, so stop only when both rows are over the limit.
            if limit < .max, current.min()! > limit, previous.min()! > limit { return limit + 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}

/// A name folded the Swedish way for comparison: case and accents ignored (é as e, ü as y), å ä ö kept as
/// letters of their own, hyphens and runs of spaces as one space.
struct NameKey {
    let first: [Unicode.Scalar]
    let last: [Unicode.Scalar]

    init(_ p: Participant) {
        first = NameKey.fold(p.firstName)
        last = NameKey.fold(p.lastName)
    }

    static func fold(_ name: String) -> [Unicode.Scalar] {
        let key = SwedishCollation.key(name)
        var out: [Unicode.Scalar] = []
        // The key is the folded name, a tie-break byte and the original: keep only the folded part.
        for scalar in key.unicodeScalars {
            if scalar == "\u{1}" { break }
            let s: Unicode.Scalar = scalar == "-" || scalar.properties.isWhitespace ? " " : scalar
            if s == " " && (out.isEmpty || out.last == " ") { continue }
            out.append(s)
        }
        if out.last == " " { out.removeLast() }
        return out
    }

    /// Why `other` looks like the same name, or nil.
    func similarity(to other: NameKey) -> String? {
        // The lengths alone bound the distance from below: most names are ruled out without computing it.
        let length = first.count + last.count
        guard abs(length - other.first.count - other.last.count) <= DuplicateCheck.maxNameDistance else {
            return nil
        }
        let full = first + [" "] + last
        let limit = DuplicateCheck.maxNameDistance
        if DuplicateCheck.distance(full, other.first + [" "] + other.last, limit: limit) <= limit {
            return "snarlikt namn"
        }
        if DuplicateCheck.distance(full, other.last + [" "] + other.first, limit: limit) <= limit {
            return "samma namn med för- och efternamn omkastade"
        }
        return nil
    }
}

extension Personnummer {
    /// Same year and month of birth (a samordningsnummer differs only in the day): a cheap test before the
    /// birth date is worked out.
    func sameBirthMonth(as other: Personnummer) -> Bool {
        digits.utf8.prefix(6).elementsEqual(other.digits.utf8.prefix(6))
    }
}
