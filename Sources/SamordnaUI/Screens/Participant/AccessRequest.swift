import SamordnaCore

/// A line the UI asks the runtime to write to the access log (docs/privacy.md).
public struct AccessRequest: Equatable, Sendable {
    public var action: AccessLogEntry.Action
    public var participants: [Participant.ID]
    public var format: String
    public var withNames: Bool
    public var detail: String

    public init(
        action: AccessLogEntry.Action, participants: [Participant.ID], format: String, withNames: Bool, detail: String
    ) {
        self.action = action
        self.participants = participants
        self.format = format
        self.withNames = withNames
        self.detail = detail
    }

    /// Full personnummer shown (`r`) for these participants.
    public static func revealed(_ ids: [Participant.ID]) -> AccessRequest {
        AccessRequest(
            action: .revealPersonnummer, participants: ids, format: "tui", withNames: true,
            detail: ids.count == 1 ? "r i deltagaröversikten" : "r i ärendelistan")
    }
}
