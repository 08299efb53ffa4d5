import Foundation

/// One line of the access log: someone read a participant's record, revealed a personnummer, exported or
/// printed. The log is append-only (docs/privacy.md); nothing in Samordna edits or removes a line.
public struct AccessLogEntry: Hashable, Codable, Sendable {
    /// What was done with the data.
    public enum Action: String, CaseIterable, Codable, Sendable {
        case read = "läsa"
        case revealPersonnummer = "visa-personnummer"
        case export = "exportera"
        case print = "skriva-ut"
    }

    public var sequence: Int64
    public var at: Date
    public var login: String
    /// The organisation of the login's team member when the line was written, or empty.
    public var organisation: String
    public var action: Action
    /// The participant, or nil for an export of many.
    public var participantID: Participant.ID?
    /// How many participants the read or export covered.
    public var participants: Int
    /// The format written or shown (`tui`, `text`, `json`, `csv`, `html`, `ics`, ...).
    public var format: String
    /// Whether names (or full personnummer) were included.
    public var withNames: Bool
    /// A short description ("participant show", "export week 2026-W49").
    public var detail: String

    public init(
        sequence: Int64 = 0, at: Date, login: String, organisation: String = "", action: Action,
        participantID: Participant.ID?, participants: Int, format: String, withNames: Bool, detail: String
    ) {
        self.sequence = sequence
        self.at = at
        self.login = login
        self.organisation = organisation
        self.action = action
        self.participantID = participantID
        self.participants = participants
        self.format = format
        self.withNames = withNames
        self.detail = detail
    }
}
