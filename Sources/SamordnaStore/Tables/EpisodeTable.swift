import GRDB
import SamordnaCore

/// `insats_episode`: one participant's episode of an insats from the catalogue.
enum EpisodeTable: VersionedTable {
    static let kind = RecordKind.insats
    static let table = "insats_episode"
    static let columns = [
        "id", "participant_id", "type_code", "status", "planned_start", "start_date", "planned_end", "end_date",
        "extent_percent", "provider", "contact_person", "next_follow_up", "owner", "decided_by", "decision_date",
        "end_reason", "note", "version",
    ]

    static func values(_ e: InsatsEpisode) throws -> [(any DatabaseValueConvertible)?] {
        [
            e.id.rawValue, e.participantID.rawValue, e.typeCode, e.status.rawValue, e.plannedStart?.storedText,
            e.start?.storedText, e.plannedEnd?.storedText, e.end?.storedText, e.extentPercent, e.provider,
            e.contactPerson, e.nextFollowUp?.storedText, e.owner.rawValue, e.decidedBy?.rawValue,
            e.decisionDate?.storedText, e.endReason?.rawValue, e.note, e.version,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> InsatsEpisode {
        let id = try r.key()
        return InsatsEpisode(
            id: EntityID(id), participantID: try r.participantID(), typeCode: try r.text(),
            status: try r.code(StoredCodes.insatsStatus), plannedStart: try r.optionalDate(), start: try r.optionalDate(),
            plannedEnd: try r.optionalDate(), end: try r.optionalDate(), extentPercent: r.optionalInt(),
            provider: r.optionalSharedText(), contactPerson: r.optionalSharedText(), nextFollowUp: try r.optionalDate(),
            owner: try r.code(StoredCodes.organisation), decidedBy: try r.optionalCode(StoredCodes.organisation),
            decisionDate: try r.optionalDate(), endReason: try r.optionalCode(StoredCodes.insatsEndReason),
            note: r.optionalText(), version: try r.int())
    }

    static func key(of e: InsatsEpisode) -> [String] { [e.id.rawValue] }
    static func participantID(of e: InsatsEpisode) -> Participant.ID? { e.participantID }
    static func version(of e: InsatsEpisode) -> Int { e.version }
    static func setting(version: Int, on e: InsatsEpisode) -> InsatsEpisode {
        var e = e
        e.version = version
        return e
    }
}
