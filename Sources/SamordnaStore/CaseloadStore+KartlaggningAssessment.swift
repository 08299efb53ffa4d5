import Foundation
import GRDB
import SamordnaCore

/// A profession's assessment saved with the draft as it is filled in, and completion (with the completing
/// profession's assessment) in one transaction.
extension CaseloadStore {
    /// Saves `login`'s profession's assessment on a draft, whatever was stored for that profession before
    /// (each profession owns its own; a draft is filled in over several sittings). Checked by Core; refused
    /// once the kartläggning is klar.
    public func saveDraftAssessment(_ assessment: ProfessionAssessment, by login: String, at time: Date)
        throws(StoreError)
    {
        try Self.checkLogin(login)
        let errors = AssessmentRules.validate(assessment)
        if !errors.isEmpty { throw Self.refused(errors, record: "bedömning") }
        try write { db in
            let k = try Self.draft(assessment.kartlaggningID, db)
            try Self.writeAssessment(assessment, participant: k.participantID, db, by: login, at: time)
        }
    }

    /// Marks the kartläggning klar with its final answers: every required question answered and every answer
    /// valid (`KartlaggningRules.complete`), stamped with the professions present, the team member behind
    /// `login` and `time`; with `assessment`, the completing profession's assessment is saved in the same
    /// transaction (if either is refused, neither is written). Afterwards it is read-only; the next one
    /// starts from a copy. Returns the kartläggning as saved.
    public func completeKartlaggning(
        _ kartlaggning: Kartlaggning, expectedVersion: Int, professionsPresent: [Profession],
        assessment: ProfessionAssessment? = nil, by login: String, at time: Date
    ) throws(StoreError) -> Kartlaggning {
        try Self.checkLogin(login)
        if let assessment {
            let errors = AssessmentRules.validate(assessment)
            if !errors.isEmpty { throw Self.refused(errors, record: "bedömning") }
            guard assessment.kartlaggningID == kartlaggning.id else {
                throw StoreError.invalid(field: "bedömning", reason: "bedömningen gäller en annan kartläggning")
            }
        }
        return try write { db in
            guard let stored = try KartlaggningTable.fetch(key: [kartlaggning.id.rawValue], db) else {
                throw StoreError.notFound(kind: .kartlaggning, id: kartlaggning.id.rawValue)
            }
            guard stored.version == expectedVersion else {
                throw StoreError.recordConflict(kind: .kartlaggning, id: kartlaggning.id.rawValue)
            }
            if stored.status == .klar { throw Self.completedKartlaggning }
            if stored.templateVersion != kartlaggning.templateVersion {
                throw StoreError.invalid(
                    field: "mallversion",
                    reason: "kartläggningen gjordes med version \(stored.templateVersion) och byter inte mall")
            }
            guard let template = try KartlaggningTemplateTable.fetch(version: stored.templateVersion, db)?.template else {
                throw Self.unknownTemplate(kartlaggning.templateVersion)
            }
            let member = try TeamMemberTable.fetchAll(db).first { $0.login == login }
            if assessment != nil, member == nil {
                throw StoreError.invalid(
                    field: "klar", reason: "inloggningen '\(login)' hör inte till någon i teamet; den som markerar klar stämplas")
            }
            var draft = kartlaggning
            draft.status = .utkast
            var completed: Kartlaggning
            do throws(CompletionRefusal) {
                completed = try KartlaggningRules.complete(
                    draft, template: template, professionsPresent: professionsPresent,
                    by: member?.id ?? TeamMember.ID(""), at: time)
            } catch {
                throw StoreError.invalid(field: "kartläggning", reason: "kan inte markeras klar: \(error.description)")
            }
            completed.completedBy = member?.id
            if let assessment {
                try Self.writeAssessment(assessment, participant: stored.participantID, db, by: login, at: time)
            }
            let saved = KartlaggningTable.setting(version: expectedVersion + 1, on: completed)
            try Self.withReferences(KartlaggningTable.self) { _ = try KartlaggningTable.update(saved, db) }
            try Self.log(
                db, KartlaggningTable.self, .update, old: stored, new: saved, participant: stored.participantID,
                by: login, at: time)
            return saved
        }
    }

    /// The kartläggning as stored, if it is still a draft.
    private static func draft(_ id: Kartlaggning.ID, _ db: Database) throws -> Kartlaggning {
        guard let k = try KartlaggningTable.fetch(key: [id.rawValue], db) else {
            throw StoreError.notFound(kind: .kartlaggning, id: id.rawValue)
        }
        if k.status == .klar { throw completedKartlaggning }
        return k
    }

    /// Inserts or replaces the profession's assessment, logged with the participant; unchanged is no write.
    private static func writeAssessment(
        _ assessment: ProfessionAssessment, participant: Participant.ID, _ db: Database, by login: String,
        at time: Date
    ) throws {
        let old = try AssessmentTable.fetch(key: AssessmentTable.key(of: assessment), db)
        guard old != assessment else { return }
        if old != nil {
            try withReferences(AssessmentTable.self) { _ = try AssessmentTable.update(assessment, db) }
        } else {
            try withReferences(AssessmentTable.self) { try AssessmentTable.insert(assessment, db) }
        }
        try log(
            db, AssessmentTable.self, old == nil ? .create : .update, old: old, new: assessment, participant: participant,
            by: login, at: time)
    }
}
