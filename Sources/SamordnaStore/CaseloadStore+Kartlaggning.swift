import Foundation
import GRDB
import SamordnaCore

/// One kartläggning with what it takes to show it: the template version it was made with (nil only for a
/// kartläggning saved before template versions were stored) and the professions' assessments.
public struct KartlaggningRecord: Hashable, Sendable {
    public var kartlaggning: Kartlaggning
    public var template: KartlaggningTemplate?
    public var assessments: [ProfessionAssessment]
}

/// The kartläggning's life in the store: start (from a copy of the last completed), save the draft as it is
/// filled in, complete it (read-only afterwards), and each profession's assessment. Every write is checked
/// against Core's rules and the template version the kartläggning was made with, version-checked, and
/// logged in the same transaction.
extension CaseloadStore {
    /// Starts a new draft for `participant` on stored template version `templateVersion`, with the answers of
    /// the participant's last completed kartläggning that still fit (`KartlaggningRules.start`). Refused when
    /// the participant already has a draft (continue that one), or the version is not stored.
    public func startKartlaggning(
        id: Kartlaggning.ID, participant: Participant.ID, templateVersion: Int, date: LocalDate, by login: String,
        at time: Date
    ) throws(StoreError) -> KartlaggningStart {
        try Self.checkLogin(login)
        return try write { db in
            try Self.requireParticipant(participant, db)
            guard let template = try KartlaggningTemplateTable.fetch(version: templateVersion, db)?.template else {
                throw Self.unknownTemplate(templateVersion)
            }
            if try KartlaggningTable.fetch(key: [id.rawValue], db) != nil {
                throw StoreError.alreadyExists(kind: .kartlaggning, id: id.rawValue)
            }
            let existing = try KartlaggningTable.fetchAll(
                db, where: "participant_id = ?", arguments: [participant.rawValue], orderBy: "date, rowid")
            if let draft = KartlaggningRules.openDraft(existing) {
                throw StoreError.invalid(
                    field: "kartläggning",
                    reason: "deltagaren har redan ett utkast (\(draft.id.short), \(draft.date)); fortsätt det i stället")
            }
            let start = KartlaggningRules.start(
                id: id, participant: participant, template: template, date: date,
                copying: KartlaggningRules.lastCompleted(existing))
            try Self.withReferences(KartlaggningTable.self) { try KartlaggningTable.insert(start.kartlaggning, db) }
            try Self.log(
                db, KartlaggningTable.self, .create, old: nil, new: start.kartlaggning, participant: participant,
                by: login, at: time)
            return start
        }
    }

    /// Saves a draft's answers (autosave) if nobody has saved it since `expectedVersion`; returns it with
    /// the new version. Every answer is checked against the draft's template version (an over-long text is
    /// refused with the limit named, never cut); missing required answers are fine until completion. A
    /// completed kartläggning is never changed, and a draft is completed only by `completeKartlaggning`.
    public func saveKartlaggningDraft(_ draft: Kartlaggning, expectedVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> Kartlaggning
    {
        if draft.status != .utkast || draft.completedAt != nil || draft.completedBy != nil {
            throw StoreError.invalid(field: "kartläggning", reason: "ett utkast markeras klart med 'klar', inte genom att sparas")
        }
        let template = try template(version: draft.templateVersion)
        if let template, let (id, problem) = Self.firstProblem(
            KartlaggningRules.draftProblems(answers: draft.answers, template: template), in: template)
        {
            throw StoreError.invalid(field: Self.fieldName(id, in: template), reason: problem.reason)
        }
        return try updateDraft(draft, expectedVersion: expectedVersion, by: login, at: time)
    }

    /// Writes `value` over a stored draft still at `expectedVersion` on the same template version.
    private func updateDraft(_ value: Kartlaggning, expectedVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> Kartlaggning
    {
        try updateVersioned(
            KartlaggningTable.self, value, expectedVersion: expectedVersion, by: login, at: time,
            conflict: { StoreError.recordConflict(kind: .kartlaggning, id: $0.id.rawValue) },
            check: { _, stored in
                if stored.status == .klar { throw Self.completedKartlaggning }
                if stored.templateVersion != value.templateVersion {
                    throw StoreError.invalid(
                        field: "mallversion",
                        reason: "kartläggningen gjordes med version \(stored.templateVersion) och byter inte mall")
                }
            })
    }

    /// Saves one profession's assessment after Core's check (`AssessmentRules`: tilltro 1–5, a reason when
    /// the step differs from the suggested one). `old` is the assessment the user saw, nil for a new one.
    /// Refused once the kartläggning is klar.
    public func recordAssessment(
        _ assessment: ProfessionAssessment, replacing old: ProfessionAssessment?, by login: String, at time: Date
    ) throws(StoreError) {
        let errors = AssessmentRules.validate(assessment)
        if !errors.isEmpty { throw Self.refused(errors, record: "bedömning") }
        try saveAssessment(assessment, replacing: old, by: login, at: time)
    }

    // MARK: Reads

    public func kartlaggning(_ id: Kartlaggning.ID) throws(StoreError) -> Kartlaggning? {
        try read { try KartlaggningTable.fetch(key: [id.rawValue], $0) }
    }

    /// The kartläggning with its template version and assessments, read at one moment.
    public func kartlaggningRecord(_ id: Kartlaggning.ID) throws(StoreError) -> KartlaggningRecord? {
        try read { db in
            guard let k = try KartlaggningTable.fetch(key: [id.rawValue], db) else { return nil }
            return KartlaggningRecord(
                kartlaggning: k, template: try KartlaggningTemplateTable.fetch(version: k.templateVersion, db)?.template,
                assessments: try AssessmentTable.fetchAll(
                    db, where: "kartlaggning_id = ?", arguments: [id.rawValue], orderBy: "rowid"))
        }
    }

    /// Two of a participant's kartläggningar side by side, the older first whichever order they are named in.
    public func compareKartlaggningar(_ a: Kartlaggning.ID, _ b: Kartlaggning.ID) throws(StoreError)
        -> KartlaggningComparison
    {
        guard let first = try kartlaggningRecord(a) else { throw StoreError.notFound(kind: .kartlaggning, id: a.rawValue) }
        guard let second = try kartlaggningRecord(b) else { throw StoreError.notFound(kind: .kartlaggning, id: b.rawValue) }
        if first.kartlaggning.participantID != second.kartlaggning.participantID {
            throw StoreError.invalid(field: "jämförelse", reason: "kartläggningarna gäller olika deltagare")
        }
        for r in [first, second] where r.template == nil { throw Self.unknownTemplate(r.kartlaggning.templateVersion) }
        let ordered = [first, second].sorted {
            ($0.kartlaggning.date, $0.kartlaggning.completedAt ?? .distantFuture)
                < ($1.kartlaggning.date, $1.kartlaggning.completedAt ?? .distantFuture)
        }
        return KartlaggningComparison(
            older: ordered[0].kartlaggning, olderTemplate: ordered[0].template!, olderAssessments: ordered[0].assessments,
            newer: ordered[1].kartlaggning, newerTemplate: ordered[1].template!, newerAssessments: ordered[1].assessments)
    }

    // MARK: Helpers

    static func unknownTemplate(_ version: Int) -> StoreError {
        .invalid(field: "mallversion", reason: "version \(version) av kartläggningsmallen finns inte sparad")
    }

    /// The first problem in form order (answers to unknown questions last).
    static func firstProblem(_ problems: [String: AnswerProblem], in template: KartlaggningTemplate)
        -> (String, AnswerProblem)?
    {
        if let q = template.questions.first(where: { problems[$0.id] != nil }) { return (q.id, problems[q.id]!) }
        return problems.keys.sorted().first.map { ($0, problems[$0]!) }
    }

    /// `"Vad vill du?" (a2)` for a message, or the id alone when the template does not have it.
    static func fieldName(_ id: String, in template: KartlaggningTemplate) -> String {
        template.question(id).map { "\(VisibleText.quoted($0.label, limit: 60)) (\(id))" } ?? id
    }
}
