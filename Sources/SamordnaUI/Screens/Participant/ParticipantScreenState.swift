import SamordnaCore
import TerminalUI

/// One line of the participant overview: text and the role it is drawn in.
public struct OverviewLine: Equatable, Sendable {
    public var text: String
    public var role: Role
    /// The note or consent this line belongs to (its position in `ParticipantScreenState.itemIDs`), on the
    /// tabs where `e` acts on a selected item.
    public var item: Int?
    public init(_ text: String, _ role: Role = .normal, item: Int? = nil) {
        self.text = text
        self.role = role
        self.item = item
    }
}

/// What a tab's selectable line shows: the record, by kind, so `e` and `p` cannot act on the wrong one.
public enum TabItem: Hashable, Sendable {
    case kartlaggning(Kartlaggning.ID)
    case note(Note.ID)
    case consent(Consent.ID)
    case insats(InsatsEpisode.ID)
    case meeting(Meeting.ID)
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
    /// The ids of the notes or consents the current tab lists, in display order.
    public var itemIDs: [TabItem] = []
    /// Position in `itemIDs` of the selected item (`j`/`k` move it; `e` acts on it).
    public var selectedItem: Int = 0
    /// How many weeks the Insatser tab's timeline is moved from today (`[` `]`; `.` back to 0).
    public var timelineShift: Int = 0

    public var selectedItemID: TabItem? { itemIDs.indices.contains(selectedItem) ? itemIDs[selectedItem] : nil }

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
