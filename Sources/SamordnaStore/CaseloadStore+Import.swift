import Foundation
import GRDB
import SamordnaCore

/// Bulk import (a demo caseload, a move from another system): everything in one transaction, so an import
/// either lands whole or not at all.
extension CaseloadStore {
    /// Imports team members, participants with their children, and notes.
    ///
    /// Change log: one `create` row per imported participant (and per new team member) whose new value is
    /// the participant, not one row per child row. Children (assignments, consents, insatser, meetings, exit,
    /// notes) are recorded as created with their participant by that import row: same login, same time.
    /// Encoding every child as JSON made a 10 000-participant import take three times as long (measured:
    /// 5.5 of 8 s), and the imported data itself is the record of what came in. Notes about participants
    /// already in the caseload get their own row each.
    ///
    /// Refused before anything is written: an identity already in the caseload or twice in the import
    /// (`.duplicateIdentity`), a participant id already in use (`.alreadyExists`), a child that names another
    /// participant or a team member that does not exist (`.invalid`).
    public func importCaseload(
        team: [TeamMember], records: [ParticipantRecord], notes: [Note], by login: String, at time: Date
    ) throws(StoreError) {
        try Self.checkLogin(login)
        try Self.checkInternalConsistency(records)
        try write { db in
            let members = try Self.importTeam(team, db, by: login, at: time)
            try Self.checkReferences(records: records, notes: notes, members: members, db)

            let encoder = ChangeJSON.encoder()
            var notesByParticipant: [String: [Note]] = [:]
            for note in notes { notesByParticipant[note.participantID.rawValue, default: []].append(note) }

            let insertParticipant = try db.cachedStatement(sql: ParticipantTable.insertSQL)
            let insertAssignment = try db.cachedStatement(sql: AssignmentTable.insertSQL)
            let insertConsent = try db.cachedStatement(sql: ConsentTable.insertSQL)
            let insertEpisode = try db.cachedStatement(sql: EpisodeTable.insertSQL)
            let insertMeeting = try db.cachedStatement(sql: MeetingTable.insertSQL)
            let insertExit = try db.cachedStatement(sql: ExitTable.insertSQL)
            let insertNote = try db.cachedStatement(sql: NoteTable.insertSQL)
            func run<T: StoredTable>(_ statement: Statement, _ table: T.Type, _ value: T.Value) throws {
                let arguments = try T.insertArguments(value)
                try Self.withReferences(T.self) { try statement.execute(arguments: arguments) }
            }

            var imported = Set<String>()
            imported.reserveCapacity(records.count)
            for record in records {
                let id = record.participant.id.rawValue
                try run(insertParticipant, ParticipantTable.self, record.participant)
                for a in record.assignments { try run(insertAssignment, AssignmentTable.self, a) }
                for c in record.consents { try run(insertConsent, ConsentTable.self, c) }
                for e in record.episodes { try run(insertEpisode, EpisodeTable.self, e) }
                for m in record.meetings { try run(insertMeeting, MeetingTable.self, m) }
                if let exit = record.exit { try run(insertExit, ExitTable.self, exit) }
                let ownNotes = notesByParticipant[id] ?? []
                for n in ownNotes { try run(insertNote, NoteTable.self, n) }
                imported.insert(id)
                try ChangeLogTable.append(
                    db, at: time, login: login, action: .create, kind: RecordKind.participant.rawValue,
                    recordID: id, participantID: record.participant.id, old: nil,
                    new: try ChangeJSON.text(record.participant, using: encoder))
            }
            // Notes about participants who were already in the caseload.
            for note in notes where !imported.contains(note.participantID.rawValue) {
                try run(insertNote, NoteTable.self, note)
                try Self.log(
                    db, NoteTable.self, .create, old: nil, new: note, participant: note.participantID, by: login,
                    at: time)
            }
        }
    }

    /// Within the import itself: unique ids and identities, children pointing at their own participant.
    private static func checkInternalConsistency(_ records: [ParticipantRecord]) throws(StoreError) {
        var identities: [String: Participant.ID] = [:]
        var ids = Set<String>()
        for record in records {
            let p = record.participant
            if let first = identities[p.identity.storedValue] { throw .duplicateIdentity(existing: first) }
            identities[p.identity.storedValue] = p.id
            guard ids.insert(p.id.rawValue).inserted else {
                throw .alreadyExists(kind: .participant, id: p.id.rawValue)
            }
            let children: [Participant.ID] =
                record.assignments.map(\.participantID) + record.consents.map(\.participantID)
                + record.episodes.map(\.participantID) + record.meetings.map(\.participantID)
                + (record.exit.map { [$0.participantID] } ?? [])
            if let stray = children.first(where: { $0 != p.id }) {
                throw .invalid(
                    field: "import", reason: "en post under deltagare \(p.id) hänvisar till deltagare \(stray)")
            }
        }
    }

    /// Adds the team members that are new; an existing member must be identical. Returns all member ids.
    private static func importTeam(_ team: [TeamMember], _ db: Database, by login: String, at time: Date) throws
        -> Set<String>
    {
        for member in team {
            if let stored = try TeamMemberTable.fetch(key: [member.id.rawValue], db) {
                if stored != member { throw StoreError.alreadyExists(kind: .teamMember, id: member.id.rawValue) }
                continue
            }
            try withReferences(TeamMemberTable.self) { try TeamMemberTable.insert(member, db) }
            try log(db, TeamMemberTable.self, .create, old: nil, new: member, participant: nil, by: login, at: time)
        }
        return try Set(String.fetchAll(db, sql: "SELECT id FROM team_member"))
    }

    /// Against the caseload: identities and ids not yet used, team members and note targets that exist.
    private static func checkReferences(
        records: [ParticipantRecord], notes: [Note], members: Set<String>, _ db: Database
    ) throws {
        var storedIdentities: [String: String] = [:]
        var storedIDs = Set<String>()
        let rows = try Row.fetchCursor(db, sql: "SELECT identity_value, id FROM participant")
        while let row = try rows.next() {
            let identity: String = try row.decode(String.self, atIndex: 0)
            let id: String = try row.decode(String.self, atIndex: 1)
            storedIdentities[identity] = id
            storedIDs.insert(id)
        }
        func member(_ id: TeamMember.ID?, _ participant: Participant.ID) throws {
            guard let id, !members.contains(id.rawValue) else { return }
            throw StoreError.invalid(
                field: "medarbetare", reason: "'\(id)' (hos deltagare \(participant)) finns inte i teamet")
        }
        for record in records {
            let p = record.participant
            if let existing = storedIdentities[p.identity.storedValue] {
                throw StoreError.duplicateIdentity(existing: EntityID(existing))
            }
            if storedIDs.contains(p.id.rawValue) { throw StoreError.alreadyExists(kind: .participant, id: p.id.rawValue) }
            for a in record.assignments { try member(a.memberID, p.id) }
            for c in record.consents {
                try member(c.registeredBy, p.id)
                try member(c.withdrawalRegisteredBy, p.id)
            }
        }
        let importedIDs = Set(records.map(\.participant.id.rawValue))
        for n in notes {
            try member(n.authorID, n.participantID)
            let target = n.participantID.rawValue
            if !importedIDs.contains(target), !storedIDs.contains(target) {
                throw StoreError.notFound(kind: .participant, id: target)
            }
        }
    }
}
