import SamordnaCore
import TerminalUI

/// The runtime's answers about the caseload as a whole.
public enum CaseloadMsg: Equatable, Sendable {
    case loaded(Caseload)
    /// The first page of a large caseload, in list order, and how many participants there are in all: drawn
    /// at once while the rest loads.
    case previewLoaded(Caseload, total: Int)
    case failed(String)
    /// Only what changed since the last load or refresh: the participants a change touched.
    case changed(CaseloadPatch)
}

public enum CaseloadEffect: Equatable, Sendable {
    /// Load the open caseload: every participant with current data, recent and coming meetings.
    case load
    /// At start: the first page of a large caseload (or all of a small one) for the first screen.
    case loadPreview
    /// Read again only the participants changed since the last load or refresh (the change log says which),
    /// after the user's own save or a colleague's commit. The runtime loads everything when it cannot tell.
    case refresh
}

/// The participants a change touched, as stored now.
public struct CaseloadPatch: Equatable, Sendable {
    public var records: [ParticipantRecord]
    public var removed: [Participant.ID]
    /// The team, when a team member changed.
    public var team: [TeamMember]?

    public init(records: [ParticipantRecord], removed: [Participant.ID] = [], team: [TeamMember]? = nil) {
        self.records = records
        self.removed = removed
        self.team = team
    }

    /// Nothing changed that the caseload shows (a colleague's commit to the access log only).
    public var isEmpty: Bool { records.isEmpty && removed.isEmpty && team == nil }
}

extension CaseloadUpdate {
    static func update(_ state: inout AppState, _ msg: CaseloadMsg) -> [Effect] {
        switch msg {
        case .previewLoaded(let caseload, let total):
            state.caseload = caseload
            state.previewTotal = total
            state.rederive()
            if state.status == nil { state.status = caseload.catalogueNotice }
            return []
        case .loaded(let caseload):
            state.isLoading = false
            state.previewTotal = nil
            state.loadError = nil
            state.caseload = caseload
            state.rederive()
            if state.refreshingForColleague { state.status = Self.colleagueChanged }
            state.refreshingForColleague = false
            if state.status == nil { state.status = caseload.catalogueNotice }
            return afterChange(&state, touched: nil)
        case .changed(let patch):
            let fromColleague = state.refreshingForColleague
            state.refreshingForColleague = false
            // An empty patch (a colleague only read or exported): nothing is redrawn or said.
            if patch.isEmpty { return WhoAmIState.carryOn(&state) }
            if fromColleague { state.status = Self.colleagueChanged }
            state.apply(patch)
            return afterChange(&state, touched: Set(patch.records.map(\.id)).union(patch.removed))
        case .failed(let reason):
            state.refreshingForColleague = false
            state.isLoading = false
            state.loadError = reason
            state.status = "Kunde inte läsa ärendelistan: \(reason)"
            return []
        }
    }

    static let colleagueChanged = "Uppdaterat med ändringar från en kollega"

    /// After new data: carry on with what waited for the team, and read the open participant's whole record
    /// again if it changed (`touched` nil: anything may have).
    private static func afterChange(_ state: inout AppState, touched: Set<Participant.ID>?) -> [Effect] {
        var effects = WhoAmIState.carryOn(&state) + WeekViewState.reloadIfOpen(&state)
        if let open = state.screen(ParticipantScreenState.self), touched?.contains(open.id) ?? true {
            effects.append(.participant(.loadRecord(open.id)))
        }
        return effects
    }
}

extension AppState {
    /// Puts the changed participants in place: their rows are made again and moved to their place in the
    /// list; nothing else is recomputed. A removed participant or a changed team (every row's initials)
    /// derives the whole list again.
    public mutating func apply(_ patch: CaseloadPatch) {
        if let team = patch.team { caseload.replaceTeam(team) }
        caseload.remove(Set(patch.removed))
        for record in patch.records { caseload.replace(record) }
        guard patch.removed.isEmpty, patch.team == nil else {
            rederive()
            return
        }
        let selected = pendingSelection ?? selectedRow?.id
        pendingSelection = nil
        let changed = Set(patch.records.map(\.id))
        rows.removeAll { changed.contains($0.id) }
        let reader = me?.id
        for record in patch.records {
            guard let index = caseload.position(of: record.id) else { continue }
            let row = CaseloadRow.make(record, index: index, caseload: caseload, today: today, reader: reader)
            rows.insert(row, at: rows.insertionIndex(for: row))
        }
        CaseloadUpdate.applySearch(&self, keeping: selected)
        updateScreen(ParticipantScreenState.self) { screen, state in
            guard changed.contains(screen.id) else { return }
            ParticipantUpdate.rebuild(&screen, state: state)
            screen.clampScroll(state.size)
        }
    }
}

extension [CaseloadRow] {
    /// Where `row` goes in the list's order (Swedish name order, then id), by binary search.
    func insertionIndex(for row: CaseloadRow) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if CaseloadRow.precedes(self[mid], row) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
