import GRDB
import SamordnaCore

/// `exit_record`: at most one avslut per participant, keyed by the participant. The follow-up dates are
/// stored (not only computed) so that the weekly list can find them with an index.
enum ExitTable: StoredTable {
    static let kind = RecordKind.exit
    static let table = "exit_record"
    static let columns = [
        "participant_id", "date", "outcome", "outcome_text", "forsorjningsstod_ended", "forsorjningsstod_ended_on",
        "step_at_start", "step_at_exit", "closer_to_work_or_studies", "follow_up_4_weeks", "follow_up_6_months",
    ]

    static func values(_ e: ExitRecord) throws -> [(any DatabaseValueConvertible)?] {
        [
            e.participantID.rawValue, e.date.storedText, e.outcome.rawValue, e.outcomeText, e.forsorjningsstodEnded,
            e.forsorjningsstodEndedOn?.storedText, e.stepAtStart?.rawValue, e.stepAtExit?.rawValue,
            e.closerToWorkOrStudies, e.followUp4Weeks.storedText, e.followUp6Months.storedText,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> ExitRecord {
        var exit = ExitRecord(
            participantID: try r.participantID(), date: try r.date(), outcome: try r.code(StoredCodes.outcome),
            outcomeText: r.optionalText(), forsorjningsstodEnded: try r.bool(),
            forsorjningsstodEndedOn: try r.optionalDate(), stepAtStart: try r.optionalStep(),
            stepAtExit: try r.optionalStep(), closerToWorkOrStudies: try r.bool())
        // Keep the stored follow-ups even if someone moved them from the computed defaults.
        exit.followUp4Weeks = try r.date()
        exit.followUp6Months = try r.date()
        return exit
    }

    static func key(of e: ExitRecord) -> [String] { [e.participantID.rawValue] }
    static func participantID(of e: ExitRecord) -> Participant.ID? { e.participantID }
}
