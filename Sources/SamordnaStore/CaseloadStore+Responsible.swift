import Foundation
import GRDB
import SamordnaCore

/// One change applied to many tagged participants at once (the caseload's tag-then-act).
public enum BulkChange: Hashable, Sendable {
    /// Makes the member responsible in the profession from the day (Core's `ResponsibleChange.assign`).
    case assign(Profession, TeamMember.ID, on: LocalDate)
    /// Moves every participant to the status (Core's `StatusTransition`; closing needs an exit each).
    case status(ParticipantStatus)
}

/// Who is responsible for a participant, per profession, with history. A change bumps the participant's
/// version: the participant form edits responsible staff too, so someone editing it meanwhile gets a conflict.
extension CaseloadStore {
    /// Adds a participant together with the staff responsible from the start, in one transaction: if any
    /// assignment is refused, the participant is not added either.
    public func addParticipant(
        _ participant: Participant, responsible assignments: [ResponsibleAssignment], by login: String, at time: Date
    ) throws(StoreError) {
        try Self.checkLogin(login)
        try write { db in
            if let existing = try ParticipantTable.owner(ofIdentity: participant.identity.storedValue, db) {
                throw StoreError.duplicateIdentity(existing: existing)
            }
            if try ParticipantTable.exists(participant.id, db) {
                throw StoreError.alreadyExists(kind: .participant, id: participant.id.rawValue)
            }
            try Self.withReferences(ParticipantTable.self) { try ParticipantTable.insert(participant, db) }
            try Self.log(
                db, ParticipantTable.self, .create, old: nil, new: participant, participant: participant.id,
                by: login, at: time)
            for assignment in assignments {
                guard assignment.participantID == participant.id else {
                    throw StoreError.invalid(
                        field: "ansvarig", reason: "ansvarsperioden gäller en annan deltagare")
                }
                try Self.checkEligible(assignment.memberID, for: assignment.profession, db)
                try Self.saveRow(AssignmentTable.self, assignment, replacing: nil, db, by: login, at: time)
            }
        }
    }

    /// Saves an edited participant and the responsible staff the form changed, in one transaction: the
    /// participant if nobody saved it since `expectedVersion`, then per profession either `member` from
    /// `day` (Core's `ResponsibleChange`) or nobody from `day` (the current period ends the day before, or
    /// on `day` if it began then). If anything is refused, nothing is written. Returns the participant as
    /// stored at the end.
    @discardableResult
    public func updateParticipant(
        _ participant: Participant, expectedVersion: Int, responsible: [Profession: TeamMember.ID?], on day: LocalDate,
        newID: () -> ResponsibleAssignment.ID = { ResponsibleAssignment.ID(UUID().uuidString.lowercased()) },
        by login: String, at time: Date
    ) throws(StoreError) -> Participant {
        try Self.checkLogin(login)
        return try write { db in
            let stored = try Self.participant(participant.id, atVersion: expectedVersion, db)
            if let owner = try ParticipantTable.owner(ofIdentity: participant.identity.storedValue, db),
                owner != participant.id
            {
                throw StoreError.duplicateIdentity(existing: owner)
            }
            var current = stored == participant ? stored : try Self.saveParticipantRow(participant, replacing: stored, db, by: login, at: time)
            for (profession, member) in responsible.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                if let member {
                    try Self.checkEligible(member, for: profession, db)
                    let change = try Self.assign(member, as: profession, to: current, on: day, newID: newID(), db, by: login, at: time)
                    if !change.isNoOp { current = try Self.participant(participant.id, atVersion: nil, db) }
                } else {
                    let periods = try AssignmentTable.fetchAll(
                        db, where: "participant_id = ?", arguments: [participant.id.rawValue])
                    for old in periods where old.profession == profession && old.isCurrent(on: day) {
                        var ended = old
                        ended.to = max(old.from, day.adding(days: -1))
                        try Self.saveRow(AssignmentTable.self, ended, replacing: old, db, by: login, at: time)
                    }
                }
            }
            return current
        }
    }

    /// Makes `member` responsible for `participant` in `profession` from `day`: the current assignment is
    /// ended the day before and the new one added, in one transaction (Core's `ResponsibleChange.assign`
    /// decides which). With `expectedVersion`, refused with `.conflict` if the participant was saved since.
    /// Returns the change, whose `isContinuityChange` says the participant got a new caseworker.
    @discardableResult
    public func changeResponsible(
        participant: Participant.ID, profession: Profession, to member: TeamMember.ID, on day: LocalDate,
        expectedVersion: Int? = nil,
        newID: ResponsibleAssignment.ID = ResponsibleAssignment.ID(UUID().uuidString.lowercased()),
        by login: String, at time: Date
    ) throws(StoreError) -> ResponsibleChange {
        try Self.checkLogin(login)
        return try write { db in
            let stored = try Self.participant(participant, atVersion: expectedVersion, db)
            try Self.checkEligible(member, for: profession, db)
            return try Self.assign(member, as: profession, to: stored, on: day, newID: newID, db, by: login, at: time)
        }
    }

    /// Applies `change` to every participant in `ids` in one transaction: all of them or none. Each changed
    /// participant's version is bumped and logged, so anyone editing one of them gets a conflict. Participants
    /// the change does not alter (already that status, already responsible) are left as they are.
    /// Returns how many participants were changed.
    @discardableResult
    public func applyToMany(
        _ ids: [Participant.ID], change: BulkChange,
        newID: () -> ResponsibleAssignment.ID = { ResponsibleAssignment.ID(UUID().uuidString.lowercased()) },
        by login: String, at time: Date
    ) throws(StoreError) -> Int {
        try Self.checkLogin(login)
        var seen = Set<Participant.ID>()
        let unique = ids.filter { seen.insert($0).inserted }
        return try write { db in
            if case .assign(let profession, let member, _) = change {
                try Self.checkEligible(member, for: profession, db)
            }
            var changed = 0
            for id in unique {
                let stored = try Self.participant(id, atVersion: nil, db)
                switch change {
                case .assign(let profession, let member, let day):
                    let result = try Self.assign(
                        member, as: profession, to: stored, on: day, newID: newID(), db, by: login, at: time,
                        naming: "deltagare \(id.short): ")
                    if !result.isNoOp { changed += 1 }
                case .status(let status):
                    if case .failure(let violation) = StatusTransition.validate(stored, to: status, exit: nil) {
                        throw StoreError.invalid(field: "status", reason: "deltagare \(id.short): \(violation.reason)")
                    }
                    guard stored.status != status else { continue }
                    var next = stored
                    next.status = status
                    _ = try Self.saveParticipantRow(next, replacing: stored, db, by: login, at: time)
                    changed += 1
                }
            }
            return changed
        }
    }

    // MARK: Shared by the single and the bulk change

    /// Refuses a member who does not exist, has left the team or has another profession.
    static func checkEligible(_ member: TeamMember.ID, for profession: Profession, _ db: Database) throws {
        guard let found = try TeamMemberTable.fetch(key: [member.rawValue], db) else {
            throw StoreError.notFound(kind: .teamMember, id: member.rawValue)
        }
        if let violation = ResponsibleEligibility.check(found, for: profession) {
            throw refused("ansvarig \(profession.label)", violation)
        }
    }

    /// Writes what `ResponsibleChange.assign` decides for one participant and bumps their version.
    static func assign(
        _ member: TeamMember.ID, as profession: Profession, to stored: Participant, on day: LocalDate,
        newID: ResponsibleAssignment.ID, _ db: Database, by login: String, at time: Date, naming prefix: String = ""
    ) throws -> ResponsibleChange {
        let current = try AssignmentTable.fetchAll(db, where: "participant_id = ?", arguments: [stored.id.rawValue])
        let change: ResponsibleChange
        switch ResponsibleChange.assign(
            member, as: profession, to: stored.id, on: day, current: current, newID: newID)
        {
        case .failure(let violation):
            throw StoreError.invalid(field: "ansvarig \(profession.label)", reason: prefix + violation.reason)
        case .success(let c):
            change = c
        }
        for write in change.writes {
            let old = current.first { $0.id == write.id }
            try saveRow(AssignmentTable.self, write, replacing: old, db, by: login, at: time)
        }
        if !change.isNoOp { _ = try saveParticipantRow(stored, replacing: stored, db, by: login, at: time) }
        return change
    }
}
