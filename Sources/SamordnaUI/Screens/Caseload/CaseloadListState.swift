import SamordnaCore
import TerminalUI

/// The caseload list's own state: which rows pass the search, which is selected, how far it is scrolled.
public struct CaseloadListState: Equatable, Sendable {
    /// Indices into `AppState.rows` that match the active search, in display order.
    public var visible: [Int] = []
    /// Position in `visible`.
    public var selection: Int = 0
    public var scrollOffset: Int = 0
    /// The search text, when a search is active (typed or accepted).
    public var search: TextFieldState?
    /// True while the user types into the search field.
    public var isEditingSearch: Bool = false
    /// Active conditions (`f`), at most one per kind; all must hold.
    public var filters: [CaseloadFilter] = []
    public var sort: CaseloadSort = .name
    /// Participants tagged with `Space`, to act on together (`a`). Kept by id across reloads.
    public var tagged: Set<Participant.ID> = []

    public init() {}

    public var hasActiveSearch: Bool { !(search?.text.isEmpty ?? true) }

    /// Adds a condition, replacing one of the same kind.
    public mutating func addFilter(_ filter: CaseloadFilter) {
        filters.removeAll { $0.kind == filter.kind }
        filters.append(filter)
    }
}
