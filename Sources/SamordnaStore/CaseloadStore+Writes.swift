import Foundation
import GRDB
import SamordnaCore

/// Every change the program can make. Each takes the login of the person making it and the time (from the
/// runtime's clock), and writes the change-log row in the same transaction.
extension CaseloadStore {
    // MARK: Team

    public func addTeamMember(_ member: TeamMember, by login: String, at time: Date) throws(StoreError) {
        try insertLogged(TeamMemberTable.self, member, participant: nil, by: login, at: time)
    }

    /// Changes a member (name, active…) if the stored member is still `old`.
    public func updateTeamMember(_ member: TeamMember, replacing old: TeamMember, by login: String, at time: Date)
        throws(StoreError)
    {
        try replaceChecked(TeamMemberTable.self, member, replacing: old, participant: nil, by: login, at: time)
    }

    // MARK: Participants

    /// Adds a participant. `.duplicateIdentity` when someone with the same personnummer or other identity
    /// is already in the caseload; nothing is written then.
    public func addParticipant(_ participant: Participant, by login: String, at time: Date) throws(StoreError) {
        try addParticipant(participant, responsible: [], by: login, at: time)
    }

    /// Saves a changed participant if nobody has saved it since it was read at `expectedVersion`; returns it
    /// with the new version. `.conflict(current:)` carries what is stored now, so the UI can show both.
    public func updateParticipant(
        _ participant: Participant, expectedVersion: Int, by login: String, at time: Date
    ) throws(StoreError) -> Participant {
        try updateVersioned(
            ParticipantTable.self, participant, expectedVersion: expectedVersion, by: login, at: time,
            conflict: { StoreError.conflict(current: $0) },
            check: { db, _ in
                if let owner = try ParticipantTable.owner(ofIdentity: participant.identity.storedValue, db),
                    owner != participant.id
                {
                    throw StoreError.duplicateIdentity(existing: owner)
                }
            })
    }

    // MARK: What the team records about a participant

    public func addAssignment(_ assignment: ResponsibleAssignment, by login: String, at time: Date)
        throws(StoreError)
    {
        try insertLogged(AssignmentTable.self, assignment, participant: assignment.participantID, by: login, at: time)
    }

    /// Ends or corrects an assignment if the stored one is still `old` (responsibility history is kept).
    public func updateAssignment(
        _ assignment: ResponsibleAssignment, replacing old: ResponsibleAssignment, by login: String, at time: Date
    ) throws(StoreError) {
        try replaceChecked(
            AssignmentTable.self, assignment, replacing: old, participant: assignment.participantID, by: login,
            at: time)
    }

    public func addConsent(_ consent: Consent, by login: String, at time: Date) throws(StoreError) {
        try insertLogged(ConsentTable.self, consent, participant: consent.participantID, by: login, at: time)
    }

    /// Records a withdrawal or a correction if the stored consent is still `old`.
    public func updateConsent(_ consent: Consent, replacing old: Consent, by login: String, at time: Date)
        throws(StoreError)
    {
        try replaceChecked(
            ConsentTable.self, consent, replacing: old, participant: consent.participantID, by: login, at: time)
    }

    public func addEpisode(_ episode: InsatsEpisode, by login: String, at time: Date) throws(StoreError) {
        try insertLogged(EpisodeTable.self, episode, participant: episode.participantID, by: login, at: time)
    }

    /// Saves a changed insats episode if it is still at `expectedVersion`; returns it with the new version.
    public func updateEpisode(_ episode: InsatsEpisode, expectedVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> InsatsEpisode
    {
        try updateVersioned(
            EpisodeTable.self, episode, expectedVersion: expectedVersion, by: login, at: time,
            conflict: { StoreError.recordConflict(kind: .insats, id: $0.id.rawValue) })
    }

    public func addMeeting(_ meeting: Meeting, by login: String, at time: Date) throws(StoreError) {
        try insertLogged(MeetingTable.self, meeting, participant: meeting.participantID, by: login, at: time)
    }

    /// Saves a changed meeting (moved, held, cancelled) if it is still at `expectedVersion`.
    public func updateMeeting(_ meeting: Meeting, expectedVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> Meeting
    {
        try updateVersioned(
            MeetingTable.self, meeting, expectedVersion: expectedVersion, by: login, at: time,
            conflict: { StoreError.recordConflict(kind: .meeting, id: $0.id.rawValue) })
    }

    /// Adds a note. Notes are never changed; a correction is a new note whose `corrects` names the old one,
    /// which must belong to the same participant.
    public func addNote(_ note: Note, by login: String, at time: Date) throws(StoreError) {
        try insertLogged(
            NoteTable.self, note, participant: note.participantID, by: login, at: time,
            check: { db in
                guard let corrected = note.corrects else { return }
                guard let old = try NoteTable.fetch(key: [corrected.rawValue], db) else {
                    throw StoreError.notFound(kind: .note, id: corrected.rawValue)
                }
                if old.participantID != note.participantID {
                    throw StoreError.invalid(field: "rättelse", reason: "anteckningen gäller en annan deltagare")
                }
            })
    }

    /// Saves the participant's exit record. `old` is the one the user saw (nil when there was none): if
    /// someone else has saved one meanwhile, `.recordConflict` and nothing is written.
    public func saveExit(_ exit: ExitRecord, replacing old: ExitRecord? = nil, by login: String, at time: Date)
        throws(StoreError)
    {
        try replaceChecked(
            ExitTable.self, exit, replacing: old, participant: exit.participantID, by: login, at: time)
    }

    /// Inserts a new kartläggning (`expectedVersion == nil`) or saves a draft that is still at
    /// `expectedVersion`; returns it with its stored version. A completed (klar) kartläggning is never
    /// changed: the next one starts from a copy. Internal: it checks no answers and stamps nothing; the app
    /// goes through `startKartlaggning`, `saveKartlaggningDraft` and `completeKartlaggning`.
    func saveKartlaggning(
        _ kartlaggning: Kartlaggning, expectedVersion: Int?, by login: String, at time: Date
    ) throws(StoreError) -> Kartlaggning {
        guard let expectedVersion else {
            try insertLogged(
                KartlaggningTable.self, kartlaggning, participant: kartlaggning.participantID, by: login, at: time)
            return kartlaggning
        }
        return try updateVersioned(
            KartlaggningTable.self, kartlaggning, expectedVersion: expectedVersion, by: login, at: time,
            conflict: { StoreError.recordConflict(kind: .kartlaggning, id: $0.id.rawValue) },
            check: { _, stored in
                if stored.status == .klar { throw Self.completedKartlaggning }
            })
    }

    /// Saves one profession's assessment in a draft kartläggning (before it is marked klar). `old` is the
    /// assessment the user saw, nil for a new one. Internal: the app goes through `saveDraftAssessment`,
    /// `recordAssessment` and `completeKartlaggning`, which ask Core first.
    func saveAssessment(
        _ assessment: ProfessionAssessment, replacing old: ProfessionAssessment? = nil, by login: String,
        at time: Date
    ) throws(StoreError) {
        try replaceChecked(
            AssessmentTable.self, assessment, replacing: old, participant: nil, by: login, at: time,
            check: { db in
                let id = assessment.kartlaggningID
                guard let k = try KartlaggningTable.fetch(key: [id.rawValue], db) else {
                    throw StoreError.notFound(kind: .kartlaggning, id: id.rawValue)
                }
                if k.status == .klar { throw Self.completedKartlaggning }
                return k.participantID
            })
    }

    static let completedKartlaggning = StoreError.invalid(
        field: "kartläggning", reason: "en klar kartläggning ändras inte; starta en ny från en kopia")
}
