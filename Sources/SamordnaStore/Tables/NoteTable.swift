import Foundation
import GRDB
import SamordnaCore

/// `note`: anteckningar. Never updated (a trigger refuses it); a correction is a new note that points back.
enum NoteTable: StoredTable {
    static let kind = RecordKind.note
    static let table = "note"
    static let columns = [
        "id", "participant_id", "author_id", "profession", "owner", "written_at", "text", "corrects", "category",
    ]

    static func values(_ n: Note) throws -> [(any DatabaseValueConvertible)?] {
        [
            n.id.rawValue, n.participantID.rawValue, n.authorID.rawValue, n.profession.rawValue, n.owner.rawValue,
            n.writtenAt.timeIntervalSince1970, n.text, n.corrects?.rawValue, n.category.rawValue,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Note {
        let id = try r.key()
        let participantID = try r.participantID()
        let authorID: TeamMember.ID = try r.id()
        let profession = try r.code(StoredCodes.profession)
        let owner = try r.code(StoredCodes.organisation)
        let writtenAt = Date(timeIntervalSince1970: try r.real())
        let text = try r.text()
        let corrects: Note.ID? = r.optionalID()
        // NULL for notes written before categories (migration v3-note-category): the owner's own kind.
        let category = try r.optionalCode(StoredCodes.informationCategory)
        return Note(
            id: EntityID(id), participantID: participantID, authorID: authorID, profession: profession, owner: owner,
            category: category, writtenAt: writtenAt, text: text, corrects: corrects)
    }

    static func key(of n: Note) -> [String] { [n.id.rawValue] }
    static func participantID(of n: Note) -> Participant.ID? { n.participantID }
}
