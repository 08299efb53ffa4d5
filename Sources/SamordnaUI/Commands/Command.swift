/// Everything a user can ask for with a key. The raw value is the command's stable name (for tests and a
/// future key configuration). Titles, help and groups live in `CommandCatalogue`, so help and the hint bar never disagree
/// with the bindings.
public enum Command: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case first
    case last
    case open
    case back
    case quit
    case help
    case search
    case toggleIdentity = "toggle-identity"
    case newParticipant = "new-participant"
    case editParticipant = "edit-participant"
    case newItem = "new-item"
    case editItem = "edit-item"
    case exitParticipant = "exit-participant"
    case undo
    case filter
    case sort
    case tag
    case actOnTagged = "act-on-tagged"
    case compare
    case print
    /// Do something with the selected item: start or end an insats, record a meeting's outcome.
    case actOnItem = "act-on-item"
    case earlier
    case later
    case thisWeek = "this-week"
    case teamTimeline = "team-timeline"
    case weekView = "week-view"
    /// Min vecka or Teamets vecka.
    case toggleMine = "toggle-mine"
    case export
    case save
    case cancel
    case nextField = "next-field"
    case previousField = "previous-field"
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case nextTab = "next-tab"
    case previousTab = "previous-tab"
    case tab1 = "tab-1", tab2 = "tab-2", tab3 = "tab-3", tab4 = "tab-4", tab5 = "tab-5", tab6 = "tab-6"
}

/// Where a key is pressed. Lookup falls back from the most specific context to `global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case caseload
    case participant
    case help
    case form
    /// A read-only document (a completed kartläggning, a comparison).
    case document
    /// The kartläggning form: its own keys before the form's.
    case kartlaggning
    /// Views over time, the veckolista and the team timeline: `[` `]` `.` move in time.
    case week
}
