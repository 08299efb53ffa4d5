import Foundation
import GRDB
import SamordnaCore

/// `kartlaggning`: one mapping done with a participant. The answers are stored as one JSON object keyed by
/// question id: the template changes over time, and a kartläggning keeps the answers it was made with.
enum KartlaggningTable: VersionedTable {
    static let kind = RecordKind.kartlaggning
    static let table = "kartlaggning"
    static let columns = [
        "id", "participant_id", "template_version", "date", "status", "professions_present", "answers",
        "completed_at", "completed_by", "version",
    ]

    static func values(_ k: Kartlaggning) throws -> [(any DatabaseValueConvertible)?] {
        [
            k.id.rawValue, k.participantID.rawValue, k.templateVersion, k.date.storedText, k.status.rawValue,
            CodeList.join(k.professionsPresent), try ChangeJSON.text(k.answers),
            k.completedAt?.timeIntervalSince1970, k.completedBy?.rawValue, k.version,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Kartlaggning {
        let id = try r.key()
        let participantID = try r.participantID()
        let templateVersion = try r.int()
        let date = try r.date()
        let status = try r.code(StoredCodes.kartlaggningStatus)
        let professions = try r.codes(StoredCodes.profession)
        let json = try r.text()
        guard let answers = try? ChangeJSON.decoder().decode([String: Answer].self, from: Data(json.utf8)) else {
            throw r.invalid(String(json.prefix(40)))
        }
        return Kartlaggning(
            id: EntityID(id), participantID: participantID, templateVersion: templateVersion, date: date,
            status: status, professionsPresent: professions, answers: answers,
            completedAt: r.optionalReal().map { Date(timeIntervalSince1970: $0) }, completedBy: r.optionalID(),
            version: try r.int())
    }

    static func key(of k: Kartlaggning) -> [String] { [k.id.rawValue] }
    static func participantID(of k: Kartlaggning) -> Participant.ID? { k.participantID }
    static func version(of k: Kartlaggning) -> Int { k.version }
    static func setting(version: Int, on k: Kartlaggning) -> Kartlaggning {
        var k = k
        k.version = version
        return k
    }
}

/// `profession_assessment`: one profession's tilltro and step within a kartläggning.
enum AssessmentTable: StoredTable {
    static let kind = RecordKind.assessment
    static let table = "profession_assessment"
    static let columns = [
        "kartlaggning_id", "profession", "belief", "step", "suggested_step", "override_reason",
    ]
    static let keyColumns = ["kartlaggning_id", "profession"]

    static func values(_ a: ProfessionAssessment) throws -> [(any DatabaseValueConvertible)?] {
        [
            a.kartlaggningID.rawValue, a.profession.rawValue, a.belief, a.step.rawValue, a.suggestedStep.rawValue,
            a.overrideReason,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> ProfessionAssessment {
        let id = try r.key()
        return ProfessionAssessment(
            kartlaggningID: EntityID(id), profession: try r.code(StoredCodes.profession), belief: try r.int(),
            step: try r.step(), suggestedStep: try r.step(), overrideReason: r.optionalText())
    }

    static func key(of a: ProfessionAssessment) -> [String] { [a.kartlaggningID.rawValue, a.profession.rawValue] }
    /// Found through the kartläggning when the change is logged.
    static func participantID(of a: ProfessionAssessment) -> Participant.ID? { nil }
}
