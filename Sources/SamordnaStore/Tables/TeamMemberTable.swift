import GRDB
import SamordnaCore

/// `team_member`: the people in the team and their login names, which the change log records.
enum TeamMemberTable: StoredTable {
    static let kind = RecordKind.teamMember
    static let table = "team_member"
    static let columns = ["id", "name", "profession", "organisation", "login", "active", "unit"]

    static func values(_ m: TeamMember) throws -> [(any DatabaseValueConvertible)?] {
        [m.id.rawValue, m.name, m.profession.rawValue, m.organisation.rawValue, m.login, m.active, m.unit]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> TeamMember {
        let id = try r.key()
        return TeamMember(
            id: EntityID(id), name: try r.text(), profession: try r.code(StoredCodes.profession),
            organisation: try r.code(StoredCodes.organisation), login: try r.text(), active: try r.bool(),
            unit: r.optionalText())
    }

    static func key(of m: TeamMember) -> [String] { [m.id.rawValue] }
    static func participantID(of m: TeamMember) -> Participant.ID? { nil }
}

/// `responsible_assignment`: who is responsible for a participant in one profession, and when.
enum AssignmentTable: StoredTable {
    static let kind = RecordKind.assignment
    static let table = "responsible_assignment"
    static let columns = ["id", "participant_id", "profession", "member_id", "from_date", "to_date"]

    static func values(_ a: ResponsibleAssignment) throws -> [(any DatabaseValueConvertible)?] {
        [a.id.rawValue, a.participantID.rawValue, a.profession.rawValue, a.memberID.rawValue, a.from.storedText,
         a.to?.storedText]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> ResponsibleAssignment {
        let id = try r.key()
        return ResponsibleAssignment(
            id: EntityID(id), participantID: try r.participantID(), profession: try r.code(StoredCodes.profession),
            memberID: try r.sharedID(), from: try r.date(), to: try r.optionalDate())
    }

    static func key(of a: ResponsibleAssignment) -> [String] { [a.id.rawValue] }
    static func participantID(of a: ResponsibleAssignment) -> Participant.ID? { a.participantID }
}
