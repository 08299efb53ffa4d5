import Foundation

/// One row of the append-only change log: who changed what, when, old → new. Written in the same
/// transaction as the change itself.
public struct ChangeLogEntry: Hashable, Codable, Sendable {
    public enum Action: String, Codable, Sendable { case create, update, delete, undo }
    public var sequence: Int64
    public var at: Date
    /// Login name of the user who made the change.
    public var login: String
    public var action: Action
    /// Table-like record kind: "participant", "consent", "insats", …
    public var recordKind: String
    public var recordID: String
    /// The participant the change concerns, when there is one (for the participant's history).
    public var participantID: Participant.ID?
    /// JSON of the record before and after (nil on create / delete respectively).
    public var oldValue: String?
    public var newValue: String?

    public init(
        sequence: Int64, at: Date, login: String, action: Action, recordKind: String, recordID: String,
        participantID: Participant.ID?, oldValue: String?, newValue: String?
    ) {
        self.sequence = sequence
        self.at = at
        self.login = login
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.participantID = participantID
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
