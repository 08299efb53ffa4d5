import SamordnaCore
import TerminalUI

/// One line of the participant overview: text and the role it is drawn in.
public struct OverviewLine: Equatable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// The read-only participant overview: which participant, its lines (built in `update`), and the scroll.
public struct ParticipantScreenState: Equatable, Sendable {
    public var id: Participant.ID
    public var title: String
    /// The current tab's lines, built in `update`.
    public var lines: [OverviewLine]
    public var scrollOffset: Int
    public var tab: ParticipantTab
    /// The whole record, notes and kartläggningar, once loaded from the store.
    public var details: ParticipantDetails?

    public init(
        id: Participant.ID, title: String, lines: [OverviewLine], scrollOffset: Int = 0, tab: ParticipantTab = .oversikt,
        details: ParticipantDetails? = nil
    ) {
        self.id = id
        self.title = title
        self.lines = lines
        self.scrollOffset = scrollOffset
        self.tab = tab
        self.details = details
    }
}
