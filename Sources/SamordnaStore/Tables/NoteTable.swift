import Foundation
import GRDB
import SamordnaCore

/// `note`: anteckningar. Never updated (a trigger refuses it); a correction is a new note that points back.
enum NoteTable: StoredTable {
    static let kind = RecordKind.note
    static let table = "note"
    static let columns = [
        "id", "participant_id", "author_id", "profession", "owner", "written_at", "text", "corrects",
    ]

    static func values(_ n: Note) throws -> [(any DatabaseValueConvertible)?] {
        [
            n.id.rawValue, n.participantID.rawValue, n.authorID.rawValue, n.profession.rawValue, n.owner.rawValue,
            n.writtenAt.timeIntervalSince1970, n.text, n.corrects?.rawValue,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Note {
        let id = try r.key()
        return Note(
            id: EntityID(id), participantID: try r.participantID(), authorID: try r.id(),
            profession: try r.code(StoredCodes.profession), owner: try r.code(StoredCodes.organisation),
            writtenAt: Date(timeIntervalSince1970: try r.real()), text: try r.text(), corrects: r.optionalID())
    }

    static func key(of n: Note) -> [String] { [n.id.rawValue] }
    static func participantID(of n: Note) -> Participant.ID? { n.participantID }
}
