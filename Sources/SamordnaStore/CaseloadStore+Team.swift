import Foundation
import GRDB
import SamordnaCore

/// The team: members are never removed, since the change log, notes and responsibility history name them;
/// someone who leaves is made inactive.
extension CaseloadStore {
    /// The members in the order they were added; without `includeInactive`, only those still in the team.
    public func teamMembers(includeInactive: Bool) throws(StoreError) -> [TeamMember] {
        try read { db in
            try TeamMemberTable.fetchAll(db, where: includeInactive ? nil : "active = 1")
        }
    }

    /// Marks a member as having left the team. Their history stays; they can no longer be made responsible.
    /// Their current assignments are not ended here: the team decides who takes over (`changeResponsible`).
    @discardableResult
    public func deactivateTeamMember(_ id: TeamMember.ID, by login: String, at time: Date) throws(StoreError)
        -> TeamMember
    {
        try Self.checkLogin(login)
        return try write { db in
            guard let stored = try TeamMemberTable.fetch(key: [id.rawValue], db) else {
                throw StoreError.notFound(kind: .teamMember, id: id.rawValue)
            }
            guard stored.active else { return stored }
            var changed = stored
            changed.active = false
            try Self.saveRow(TeamMemberTable.self, changed, replacing: stored, db, by: login, at: time)
            return changed
        }
    }

    /// Puts a member in an arbetslag (`unit`), or in none (nil: the caseload is one team). The lag decides whose
    /// week Teamets vecka is for them (docs/week-list.md).
    @discardableResult
    public func setTeamMemberUnit(_ id: TeamMember.ID, unit: String?, by login: String, at time: Date) throws(StoreError)
        -> TeamMember
    {
        try Self.checkLogin(login)
        return try write { db in
            guard let stored = try TeamMemberTable.fetch(key: [id.rawValue], db) else {
                throw StoreError.notFound(kind: .teamMember, id: id.rawValue)
            }
            guard stored.unit != unit else { return stored }
            var changed = stored
            changed.unit = unit
            try Self.saveRow(TeamMemberTable.self, changed, replacing: stored, db, by: login, at: time)
            return changed
        }
    }

    /// How many participants `member` is responsible for on `day` (to say so when they leave).
    public func currentAssignmentCount(of member: TeamMember.ID, on day: LocalDate) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT participant_id) FROM responsible_assignment
                    WHERE member_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)
                    """, arguments: [member.rawValue, day.storedText, day.storedText]) ?? 0
        }
    }
}
