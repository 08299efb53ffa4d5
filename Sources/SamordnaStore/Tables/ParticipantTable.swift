import GRDB
import SamordnaCore

/// `participant`: one row per person in the caseload. The identity is stored as its kind and its value
/// (12 digits for a personnummer or samordningsnummer), and the value is UNIQUE. `sort_key` is the list's
/// Swedish order, written with every row and indexed (migration `v1-participant-sort-key`).
enum ParticipantTable: VersionedTable {
    static let kind = RecordKind.participant
    static let table = "participant"
    static let columns = [
        "id", "identity_kind", "identity_other_kind", "identity_value", "protected_identity", "first_name",
        "last_name", "preferred_name", "gender", "phone", "email", "address", "language", "interpreter_needed",
        "interpreter_language", "af_registered_since", "forsorjningsstod_since", "status", "enrolled_on", "version",
        // Last, and only written: derived from the names, so `decode` never reads it back.
        "sort_key",
    ]

    /// The caseload list's order: surname, then first name, in Swedish (`SwedishCollation`). Stored in
    /// `sort_key` on every insert and update, so the list's first page is read from an index.
    static func sortKey(of p: Participant) -> String { SwedishCollation.key(p.lastName + " " + p.firstName) }

    /// `identity_kind` for a validated personnummer or samordningsnummer.
    static let personnummerKind = "personnummer"
    /// `identity_kind` for any other number; its own kind label goes in `identity_other_kind`.
    static let otherKind = "other"

    static func values(_ p: Participant) throws -> [(any DatabaseValueConvertible)?] {
        let (kind, otherKind): (String, String?) =
            switch p.identity {
            case .personnummer: (personnummerKind, nil)
            case .other(let label, _): (Self.otherKind, label)
            }
        return [
            p.id.rawValue, kind, otherKind, p.identity.storedValue, p.protectedIdentity, p.firstName, p.lastName,
            p.preferredName, p.gender.rawValue, p.phone, p.email, p.address, p.language, p.interpreterNeeded,
            p.interpreterLanguage, p.afRegisteredSince?.storedText, p.forsorjningsstodSince?.storedText,
            p.status.rawValue, p.enrolledOn.storedText, p.version, sortKey(of: p),
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Participant {
        let id = try r.key()
        let kind = try r.text()
        let otherKind = r.optionalText()
        let value = try r.text()
        let identity: Identity
        if kind == personnummerKind {
            do {
                identity = .personnummer(try Personnummer(storedDigits: value))
            } catch {
                throw r.invalid(value)
            }
        } else if kind == Self.otherKind {
            identity = .other(kind: otherKind ?? "", value: value)
        } else {
            throw r.invalid(kind)
        }
        return Participant(
            id: EntityID(id), identity: identity, protectedIdentity: try r.bool(), firstName: try r.text(),
            lastName: try r.text(), preferredName: r.optionalText(), gender: try r.code(StoredCodes.gender),
            phone: r.optionalText(), email: r.optionalText(), address: r.optionalText(),
            language: r.optionalText(), interpreterNeeded: try r.bool(),
            interpreterLanguage: r.optionalText(), afRegisteredSince: try r.optionalDate(),
            forsorjningsstodSince: try r.optionalDate(), status: try r.code(StoredCodes.participantStatus),
            enrolledOn: try r.date(), version: try r.int())
    }

    static func key(of p: Participant) -> [String] { [p.id.rawValue] }
    static func participantID(of p: Participant) -> Participant.ID? { p.id }
    static func conflict(current: Participant) -> StoreError? { .conflict(current: current) }
    static func version(of p: Participant) -> Int { p.version }
    static func setting(version: Int, on p: Participant) -> Participant {
        var p = p
        p.version = version
        return p
    }

    /// The participant that has this stored identity value, if any.
    static func owner(ofIdentity value: String, _ db: Database) throws -> Participant.ID? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM participant WHERE identity_value = ?"), arguments: [value]
        ).map { EntityID($0) }
    }

    static func exists(_ id: Participant.ID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM participant WHERE id = ?)"),
            arguments: [id.rawValue]) ?? false
    }
}
