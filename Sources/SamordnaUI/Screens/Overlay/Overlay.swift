import SamordnaCore
import TerminalUI

/// What a list picker over the caseload chooses: a filter, an order, or an action on the tagged.
public enum PickerChoice: Equatable, Sendable {
    case filter(CaseloadFilter)
    case clearFilters
    case sort(CaseloadSort)
    case bulk(BulkAction)
    case clearTags
    case compare(Kartlaggning.ID, Kartlaggning.ID)
    /// The insats type for a new episode of the participant.
    case insatsType(Participant.ID, String)
    /// Start or end the episode.
    case insatsAction(InsatsEpisode.ID, InsatsActionContent.Action)
    /// Export the week in a format.
    case weekExport(IsoWeek, mine: Bool, format: WeekExportFormat)
}

/// A change made to every tagged participant at once (`a`), after a confirmation naming how many.
public enum BulkAction: Equatable, Sendable {
    case status(ParticipantStatus)
    /// The member becomes responsible in the profession from today.
    case assign(Profession, TeamMember.ID)
}

/// A list picker over the screen below it.
public struct PickerScreen: Equatable, Sendable {
    public var picker: ListPicker
    public var choices: [PickerChoice]
}

/// A question over the screen below it; Yes runs `effects`.
public struct ConfirmScreen: Equatable, Sendable {
    public var dialog: ConfirmDialog
    public var effects: [Effect]
}

/// The overlays share their shape: drawn over the screen below, keys are answers, nothing typed at stake.
protocol OverlayScreen: ScreenModel {}

extension OverlayScreen {
    var keyContexts: [KeyContext] { [.form] }
    var isOverlay: Bool { true }
    func isAvailable(_ command: Command, in state: AppState) -> Bool { command == .help }
    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep { .stay }
    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }
}

extension ConfirmScreen: OverlayScreen {
    var screen: Screen { .confirm(self) }
    var acceptsText: Bool { false }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        switch dialog.handle(chord) {
        case .confirmed?:
            state.status = "Sparar …"
            return .close(effects)
        case .cancelled?:
            state.status = "Ingenting ändrades"
            return .close()
        case nil:
            return .stay
        }
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        dialog.render(in: Rect(size: state.size), into: &buffer)
        return nil
    }

    mutating func fit(_ state: AppState) {}
}

extension PickerScreen: OverlayScreen {
    var screen: Screen { .picker(self) }
    var acceptsText: Bool { true }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        switch picker.handle(chord) {
        case .picked(let index)?:
            let choice = choices[index]
            var effects: [Effect] = []
            // The picker closes before its choice runs, so a question the choice asks goes on top.
            effects = OverlayUpdate.choose(choice, &state)
            return .close(effects)
        case .cancelled?:
            return .close()
        case nil:
            return .stay
        }
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        picker.render(in: Rect(size: state.size), into: &buffer)
    }

    mutating func fit(_ state: AppState) { picker.viewport = state.size }
}

enum OverlayUpdate {
    static func confirm(_ state: inout AppState, _ dialog: ConfirmDialog, then effects: [Effect]) {
        state.stack.append(.confirm(ConfirmScreen(dialog: dialog, effects: effects)))
    }

    static func pick(_ state: inout AppState, title: String, items: [(String, PickerChoice)], selected: Int? = nil) {
        var picker = ListPicker(title: title, items: items.map(\.0), selected: selected)
        picker.viewport = state.size
        state.stack.append(.picker(PickerScreen(picker: picker, choices: items.map(\.1))))
    }

    static func choose(_ choice: PickerChoice, _ state: inout AppState) -> [Effect] {
        let selected = state.selectedRow?.id
        switch choice {
        case .filter(let filter):
            state.list.addFilter(filter)
        case .clearFilters:
            state.list.filters = []
        case .sort(let sort):
            state.list.sort = sort
            state.status = "Sorterat på \(sort.shortLabel)"
        case .clearTags:
            state.list.tagged = []
            state.status = "Inga markerade"
        case .bulk(let action):
            confirmBulk(action, &state)
            return []
        case .compare(let a, let b):
            return [.kartlaggning(.compare(a, b))]
        case .weekExport(let week, let mine, let format):
            state.status = "Exporterar …"
            return [.week(.export(week, mine: mine, format: format))]
        case .insatsType(let participant, let code):
            InsatsFormContent.openNew(&state, participant: participant, code: code)
            return []
        case .insatsAction(let id, let action):
            let open = state.openParticipant
            if let episode = (open?.details?.record.episodes ?? open.flatMap { state.caseload.record($0.id) }?.episodes ?? [])
                .first(where: { $0.id == id })
            {
                InsatsActionContent.open(&state, episode: episode, action: action)
            }
            return []
        }
        CaseloadUpdate.applySearch(&state, keeping: selected)
        return []
    }

    // MARK: The caseload's pickers

    /// `f`: every status, team member, profession and flag; the active ones marked.
    static func openFilter(_ state: inout AppState) {
        var items: [(String, PickerChoice)] = []
        if !state.list.filters.isEmpty { items.append(("Rensa alla filter", .clearFilters)) }
        let active = Set(state.list.filters)
        func add(_ label: String, _ filter: CaseloadFilter) {
            items.append(((active.contains(filter) ? "✓ " : "  ") + label, .filter(filter)))
        }
        for s in ParticipantStatus.allCases { add("Status: \(s.label)", .status(s)) }
        for m in state.teamList where m.active { add("Ansvarig: \(m.name) (\(m.profession.short))", .responsible(m.id)) }
        for p in Profession.core { add("Saknar ansvarig \(p.label)", .missingProfession(p)) }
        for f in ParticipantFlag.allCases { add("Flagga \(f.letter): \(f.label)", .flag(f)) }
        pick(&state, title: "Filtrera listan (skriv för att söka)", items: items)
    }

    /// `s`: the orders, the current one marked.
    static func openSort(_ state: inout AppState) {
        let items = CaseloadSort.allCases.map { s in
            ((s == state.list.sort ? "✓ " : "  ") + "Sortera på \(s.label)", PickerChoice.sort(s))
        }
        pick(&state, title: "Sortera listan", items: items, selected: CaseloadSort.allCases.firstIndex(of: state.list.sort))
    }

    /// `a`: what to do with the tagged participants.
    static func openBulk(_ state: inout AppState) {
        let n = state.list.tagged.count
        guard n > 0 else {
            state.status = "Markera deltagare med Space först"
            return
        }
        var items: [(String, PickerChoice)] = []
        for s in [ParticipantStatus.aktiv, .vilande] { items.append(("Ändra status till \(s.label)", .bulk(.status(s)))) }
        for p in Profession.core {
            for m in state.teamList where m.active && m.profession == p {
                items.append(("Ansvarig \(p.label): \(m.name)", .bulk(.assign(p, m.id))))
            }
        }
        items.append(("Avmarkera alla", .clearTags))
        pick(&state, title: "Åtgärd för \(n) markerade", items: items)
    }

    /// The question before a bulk change: what, and for how many, with the first names. Refused up front
    /// when some of the tagged cannot make the move, so the all-or-nothing save does not fail on them.
    static func confirmBulk(_ action: BulkAction, _ state: inout AppState) {
        let tagged = state.rows.filter { state.list.tagged.contains($0.id) }
        let ids = tagged.map(\.id)
        let question: String
        switch action {
        case .status(let status):
            let stuck = tagged.filter { $0.status != status && !$0.status.canMove(to: status) }
            if !stuck.isEmpty {
                let names = stuck.prefix(3).map(\.name).joined(separator: "; ")
                state.status = "\(stuck.count) av de markerade kan inte bli \(status.label) (\(names)); avmarkera dem"
                return
            }
            question = "Ändra status till \(status.label) för \(count(ids.count))?"
        case .assign(let profession, let member):
            let name = state.caseload.team[member]?.name ?? "?"
            question = "Gör \(name) ansvarig \(profession.label) för \(count(ids.count))?"
        }
        var lines = tagged.prefix(5).map { "  " + $0.name }
        if tagged.count > 5 { lines.append("  … och \(tagged.count - 5) till") }
        lines.append("Ändringen loggas och kan ångras med u.")
        confirm(
            &state, ConfirmDialog(title: question, lines: lines, yesLabel: "Ändra", noLabel: "Avbryt", destructive: true),
            then: [.change(.bulk(ids, action))])
    }

    static func count(_ n: Int) -> String { n == 1 ? "1 deltagare" : "\(n) deltagare" }
}
