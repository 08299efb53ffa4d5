import GRDB
import SamordnaCore

/// `meeting`: a meeting with a participant. The time of day is stored as minutes after midnight.
enum MeetingTable: VersionedTable {
    static let kind = RecordKind.meeting
    static let table = "meeting"
    static let columns = [
        "id", "participant_id", "date", "start_minute", "duration_minutes", "kind", "professions", "interpreter",
        "location", "outcome", "members", "interpreter_language", "outcome_note", "version",
    ]

    static func values(_ m: Meeting) throws -> [(any DatabaseValueConvertible)?] {
        // Member ids are joined with commas; one holding a comma could not be read back as it was.
        if let bad = m.members.first(where: { $0.rawValue.isEmpty || $0.rawValue.contains(",") }) {
            throw StoreError.invalid(
                field: "medarbetare", reason: "ogiltigt medarbetar-id '\(VisibleText.escaped(bad.rawValue))'")
        }
        return [
            m.id.rawValue, m.participantID.rawValue, m.date.storedText, m.time.minutes, m.durationMinutes,
            m.kind.rawValue, CodeList.join(m.professions), m.interpreter, m.location, m.outcome.rawValue,
            m.members.map(\.rawValue).joined(separator: ","), m.interpreterLanguage, m.outcomeNote, m.version,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Meeting {
        let id = try r.key()
        let participantID = try r.participantID()
        let date = try r.date()
        let minutes = try r.int()
        guard let time = TimeOfDay(hour: minutes / 60, minute: minutes % 60), minutes >= 0 else {
            throw r.invalid(String(minutes))
        }
        return Meeting(
            id: EntityID(id), participantID: participantID, date: date, time: time,
            durationMinutes: try r.int(), kind: try r.code(StoredCodes.meetingKind),
            professions: try r.codes(StoredCodes.profession), interpreter: try r.bool(), location: r.optionalSharedText(),
            outcome: try r.code(StoredCodes.meetingOutcome), members: try r.idList(),
            interpreterLanguage: r.optionalSharedText(), outcomeNote: r.optionalText(), version: try r.int())
    }

    static func key(of m: Meeting) -> [String] { [m.id.rawValue] }
    static func participantID(of m: Meeting) -> Participant.ID? { m.participantID }
    static func version(of m: Meeting) -> Int { m.version }
    static func setting(version: Int, on m: Meeting) -> Meeting {
        var m = m
        m.version = version
        return m
    }
}
