import Foundation
import SamordnaCore
import TerminalUI

/// The runtime's answers about one participant.
public enum ParticipantMsg: Equatable, Sendable {
    /// One participant's whole record, notes and kartläggningar, loaded when the participant opens.
    case detailsLoaded(ParticipantDetails)
    /// The participant form's save went through.
    case saved(Participant.ID)
    case saveFailed(SaveFailure)
}

public enum ParticipantEffect: Equatable, Sendable {
    /// Load one participant's whole history for the overview.
    case loadRecord(Participant.ID)
    /// The user opened the participant: write one line to the access log (`läsa`), then load as
    /// `loadRecord`. Reading the record again after a change is `loadRecord`, which logs nothing.
    case openRecord(Participant.ID)
    /// Write one line to the access log (revealing personnummer).
    case logAccess(AccessRequest)
    /// Save a new or edited participant (with the responsible staff), checking the version.
    case save(ParticipantSave)
}

extension ParticipantScreenState: ScreenModel {
    var screen: Screen { .participant(self) }
    var keyContexts: [KeyContext] { [.participant, .global] }
    var acceptsText: Bool { false }
    var isOverlay: Bool { false }

    func isAvailable(_ command: Command, in state: AppState) -> Bool {
        switch command {
        case .newItem: return tab != .oversikt
        case .actOnItem:
            switch selectedItemID {
            case .insats?, .meeting?: return true
            default: return false
            }
        case .earlier, .later, .thisWeek: return tab == .insatser
        case .editItem: return selectedItemID != nil
        case .compare: return tab == .kartlaggning && selectedItemID != nil && itemIDs.count > 1
        case .print: return tab == .kartlaggning && selectedItemID != nil
        case .open, .search, .newParticipant, .filter, .sort, .tag, .actOnTagged, .nextSection, .previousSection, .save,
            .cancel, .nextField, .previousField, .teamTimeline, .weekView, .toggleMine, .export:
            return false
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help, .toggleIdentity,
            .editParticipant, .exitParticipant, .undo, .nextTab, .previousTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6:
            return true
        }
    }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? { nil }

    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep {
        ParticipantUpdate.perform(command, &self, &state)
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        ParticipantView.render(self, state: state, into: &buffer)
        return nil
    }

    mutating func fit(_ state: AppState) {
        // Notes wrap at the width: the lines are built again for the new one.
        ParticipantUpdate.rebuild(&self, state: state)
        clampScroll(state.size)
    }

    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }

    mutating func clampScroll(_ size: Size) {
        let maxOffset = max(0, lines.count - ParticipantLayout(size).body.height)
        scrollOffset = min(max(0, scrollOffset), maxOffset)
    }
}

/// Keys on the participant overview: scrolling, tabs, the selected item, and what opens from here.
enum ParticipantUpdate {
    static func update(_ state: inout AppState, _ msg: ParticipantMsg) -> [Effect] {
        switch msg {
        case .detailsLoaded(let details):
            state.updateScreen(ParticipantScreenState.self) { screen, state in
                guard screen.id == details.record.id else { return }
                screen.details = details
                rebuild(&screen, state: state)
                screen.clampScroll(state.size)
            }
            return []
        case .saved(let id):
            return ParticipantFormContent.saved(&state, id: id)
        case .saveFailed(let failure):
            ParticipantFormContent.saveFailed(&state, failure)
            return []
        }
    }

    /// Rebuilds the current tab's lines from the loaded details (or, until they arrive, the caseload's
    /// summary of the participant).
    static func rebuild(_ screen: inout ParticipantScreenState, state: AppState) {
        guard let summary = state.caseload.record(screen.id) ?? screen.details?.record
        else { return }
        var details = screen.details ?? ParticipantDetails(record: summary)
        if screen.details != nil, summary.participant.version > details.record.participant.version {
            details.record.participant = summary.participant
        }
        // Only what the user may read: the rest is counted ("2 anteckningar från socialtjänsten – samtycke saknas").
        let withheld: Withheld
        // The consents from the caseload: a colleague's registration or withdrawal patches it at once.
        var consents = details.record
        consents.consents = summary.consents
        (details, withheld) = details.visible(to: state.disclosure(for: consents))
        let overview = ParticipantOverview.screen(
            for: details.record, caseload: state.caseload, today: state.today, reveal: state.revealIdentity)
        screen.title = overview.title
        if screen.tab == .oversikt {
            screen.lines = overview.lines + withheld.allLines.map { OverviewLine("  " + $0, .muted) } + historyLines(
                screen.details == nil ? nil : details.history, protected: details.record.participant.protectedIdentity,
                reveal: state.revealIdentity)
                + accessLines(screen.details?.access, team: Array(state.caseload.team.values), timeZone: state.timeZone)
        } else {
            screen.lines = ParticipantTabLines.lines(
                screen.tab, details: details, caseload: state.caseload, today: state.today, timeZone: state.timeZone,
                width: ParticipantLayout(state.size).body.width - 2, timelineShift: screen.timelineShift,
                withheld: withheld)
        }
        // The selection follows the item it was on when the list changes under it.
        let selectedID = screen.selectedItemID
        screen.itemIDs = screen.details != nil ? ParticipantTabLines.itemIDs(screen.tab, details: details) : []
        screen.selectedItem = selectedID.flatMap { screen.itemIDs.firstIndex(of: $0) }
            ?? min(screen.selectedItem, max(0, screen.itemIDs.count - 1))
    }

    /// The "Åtkomst" section of the overview: the latest reads, reveals, exports and prints of this record
    /// from the access log (docs/privacy.md), who (name, or login when not in the team), when, what. Nothing
    /// until the whole record (with the log) is read.
    static func accessLines(_ entries: [AccessLogEntry]?, team: [TeamMember], timeZone: TimeZone) -> [OverviewLine] {
        // Shown once the runtime has read the log with the whole record.
        guard let entries else { return [] }
        var lines = [OverviewLine(""), OverviewLine("Åtkomst (senaste läsningar och exporter)", .header)]
        if entries.isEmpty { lines.append(OverviewLine("  Ingen åtkomst loggad", .muted)) }
        for e in entries {
            let who = team.first { $0.login == e.login }.map { "\(Sanitize.line($0.name)) (\(Sanitize.line(e.login)))" }
                ?? Sanitize.line(e.login)
            let organisation = e.organisation.isEmpty ? "" : ", \(Sanitize.line(e.organisation))"
            let what: String
            switch e.action {
            case .read: what = "öppnade"
            case .revealPersonnummer: what = "visade personnumret"
            case .export: what = "exporterade (\(Sanitize.line(e.format)), \(e.withNames ? "med namn" : "utan namn"))"
            case .print: what = "skrev ut (\(Sanitize.line(e.format)))"
            }
            let many = e.participantID == nil && e.participants > 1 ? ", \(e.participants) deltagare" : ""
            lines.append(OverviewLine(
                "  \(ParticipantTabLines.timestamp(e.at, timeZone))  \(who)\(organisation): \(what)\(many)", .muted))
        }
        return lines
    }

    /// The "Historik" section of the overview: the newest changes, who, when, old → new.
    static func historyLines(_ history: [HistoryItem]?, protected: Bool, reveal: Bool) -> [OverviewLine] {
        var lines = [OverviewLine(""), OverviewLine("Historik (u ångrar din senaste ändring)", .header)]
        guard let history else {
            lines.append(OverviewLine("  Läser …", .muted))
            return lines
        }
        if history.isEmpty { lines.append(OverviewLine("  Inga ändringar loggade", .muted)) }
        for item in history {
            lines.append(OverviewLine("  " + item.summary, .muted))
            for change in item.changes {
                let text: String
                switch change.sensitivity {
                case .contact where protected:
                    text = "\(change.field): ändrad (skyddade personuppgifter)"
                case .identity where !reveal:
                    text = "\(change.field): ändrat (r visar)"
                default:
                    text = "\(change.field): \(change.old) → \(change.new)"
                }
                lines.append(OverviewLine("      " + text))
            }
        }
        return lines
    }

    static func perform(_ command: Command, _ screen: inout ParticipantScreenState, _ state: inout AppState) -> ScreenStep {
        let page = ParticipantLayout(state.size).body.height
        switch command {
        case .moveDown where !screen.itemIDs.isEmpty: select(&screen, screen.selectedItem + 1, page: page)
        case .moveUp where !screen.itemIDs.isEmpty: select(&screen, screen.selectedItem - 1, page: page)
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last:
            screen.scrollOffset =
                LinePage.scrolled(screen.scrollOffset, by: command, page: page, lineCount: screen.lines.count)
                ?? screen.scrollOffset
        case .back:
            return .close()
        case .toggleIdentity:
            state.revealIdentity.toggle()
            rebuild(&screen, state: state)
            if state.revealIdentity { return .stay([.participant(.logAccess(.revealed([screen.id])))]) }
        case .nextTab, .previousTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6:
            let all = ParticipantTab.allCases
            let next: ParticipantTab
            switch command {
            case .nextTab: next = all[(screen.tab.rawValue + 1) % all.count]
            case .previousTab: next = all[(screen.tab.rawValue + all.count - 1) % all.count]
            case .tab1: next = .oversikt
            case .tab2: next = .kartlaggning
            case .tab3: next = .insatser
            case .tab4: next = .moten
            case .tab5: next = .anteckningar
            default: next = .samtycke
            }
            if next != screen.tab {
                screen.tab = next
                screen.scrollOffset = 0
                screen.selectedItem = 0
                rebuild(&screen, state: state)
            }
        case .editParticipant:
            ParticipantFormContent.openEdit(&state, id: screen.id)
        case .newItem:
            switch screen.tab {
            case .samtycke: ConsentFormContent.open(&state, participant: screen.id)
            case .kartlaggning: return .stay(newKartlaggning(screen, &state))
            case .anteckningar: NoteFormContent.open(&state, participant: screen.id)
            case .insatser: InsatsFormContent.chooseType(&state, participant: screen.id)
            case .moten: MeetingFormContent.open(&state, participant: screen.id)
            case .oversikt: break
            }
        case .actOnItem:
            let record = screen.details?.record ?? state.caseload.record(screen.id)
            switch screen.selectedItemID {
            case .insats(let id)?:
                if let e = record?.episodes.first(where: { $0.id == id }) { InsatsActionContent.choose(&state, episode: e) }
            case .meeting(let id)?:
                if let m = record?.meetings.first(where: { $0.id == id }) { MeetingOutcomeContent.open(&state, meeting: m) }
            default:
                break
            }
        case .earlier, .later, .thisWeek:
            screen.timelineShift = command == .thisWeek ? 0 : screen.timelineShift + (command == .later ? 4 : -4)
            rebuild(&screen, state: state)
        case .compare:
            chooseComparison(screen, &state)
        case .print:
            guard case .kartlaggning(let id)? = screen.selectedItemID else { return .stay }
            state.status = "Skriver ut …"
            return .stay([.kartlaggning(.print(id))])
        case .editItem:
            return .stay(editSelected(screen, &state))
        case .exitParticipant:
            RecordFormContent.openExit(&state, participant: screen.id)
        case .undo:
            state.status = "Ångrar …"
            return .stay([.change(.undo)])
        case .open, .search, .quit, .help, .newParticipant, .filter, .sort, .tag, .actOnTagged, .nextSection,
            .previousSection, .save, .cancel, .nextField, .previousField, .teamTimeline, .weekView, .toggleMine, .export:
            break
        }
        screen.clampScroll(state.size)
        return .stay
    }

    /// Moves the selection to item `index` and scrolls so its first line shows.
    static func select(_ screen: inout ParticipantScreenState, _ index: Int, page: Int) {
        screen.selectedItem = min(max(0, index), screen.itemIDs.count - 1)
        guard let first = screen.lines.firstIndex(where: { $0.item == screen.selectedItem }) else { return }
        let last = screen.lines.lastIndex(where: { $0.item == screen.selectedItem }) ?? first
        if first < screen.scrollOffset {
            screen.scrollOffset = first == 1 ? 0 : first
        } else if last >= screen.scrollOffset + page {
            screen.scrollOffset = min(first, last - page + 1)
        }
    }

    /// `e`: a correction of the selected note, the withdrawal of the selected consent, or the selected
    /// kartläggning (a draft to continue, a completed one to read).
    static func editSelected(_ screen: ParticipantScreenState, _ state: inout AppState) -> [Effect] {
        guard let item = screen.selectedItemID, let details = screen.details else { return [] }
        switch item {
        case .note(let id):
            guard let note = details.notes.first(where: { $0.id == id }) else { return [] }
            if let me = state.me, let refusal = NoteRules.whyNotCorrectable(note, by: me) {
                state.status = refusal.reason.capitalizedFirst
                return []
            }
            NoteFormContent.open(&state, participant: screen.id, corrects: id, correcting: note)
        case .consent(let id):
            guard let consent = details.record.consents.first(where: { $0.id == id }) else { return [] }
            RecordFormContent.openWithdrawal(&state, participant: screen.id, consent: consent)
        case .insats(let id):
            guard let e = details.record.episodes.first(where: { $0.id == id }) else { return [] }
            InsatsFormContent.openEdit(&state, episode: e)
        case .meeting(let id):
            guard let m = details.record.meetings.first(where: { $0.id == id }) else { return [] }
            guard m.outcome == .planerat else {
                state.status = "Mötet är redan \(m.outcome.rawValue); a ändrar utfallet"
                return []
            }
            MeetingFormContent.open(&state, participant: screen.id, editing: m)
        case .kartlaggning(let id):
            let isDraft = details.kartlaggningar.first { $0.id == id }?.status == .utkast
            guard !isDraft || state.me != nil else {
                WhoAmIState.ask(&state, then: .openKartlaggning(id))
                return []
            }
            return [.kartlaggning(.open(id))]
        }
        return []
    }

    /// `n` on Kartläggning: continues the draft if there is one (one at a time), else starts a new one from a
    /// copy of the last completed.
    static func newKartlaggning(_ screen: ParticipantScreenState, _ state: inout AppState) -> [Effect] {
        guard state.me != nil else {
            WhoAmIState.ask(&state, then: .newKartlaggning(screen.id))
            return []
        }
        let all = screen.details?.kartlaggningar ?? []
        if let draft = KartlaggningRules.openDraft(all) {
            state.status = "Det finns redan ett utkast från \(draft.date); det öppnas"
            return [.kartlaggning(.open(draft.id))]
        }
        // Asked, so a stray n leaves no empty draft behind.
        let copy = KartlaggningRules.lastCompleted(all).map { "Den utgår från en kopia av den från \($0.date)." }
        OverlayUpdate.confirm(
            &state,
            ConfirmDialog(
                title: "Starta en ny kartläggning?",
                lines: [copy ?? "Det blir deltagarens första.", "Den sparas som utkast medan ni fyller i den."],
                yesLabel: "Starta", noLabel: "Avbryt", destructive: false),
            then: [.kartlaggning(.start(screen.id))])
        return []
    }

    /// `c`: which other kartläggning to compare the selected one with.
    static func chooseComparison(_ screen: ParticipantScreenState, _ state: inout AppState) {
        guard case .kartlaggning(let selected)? = screen.selectedItemID, let all = screen.details?.kartlaggningar
        else { return }
        let others = ParticipantTabLines.kartlaggningOrder(all).filter { $0.id != selected }
        OverlayUpdate.pick(
            &state, title: "Jämför med",
            items: others.map { k in
                let answered = k.answers.values.filter { AnswerRules.isAnswered($0) }.count
                return (
                    "\(k.date)  \(k.status == .klar ? "klar  " : "utkast")  mall v\(k.templateVersion)  \(answered) svar  \(k.id.short)",
                    .compare(selected, k.id)
                )
            })
    }
}

enum HelpUpdate {
    static func perform(_ command: Command, _ state: inout AppState) {
        guard var help = state.help else { return }
        let page = max(1, state.size.height - 4)
        let total = HelpOverlay.lineCount(groups: help.groups)
        switch command {
        case .moveDown: help.scrollOffset += 1
        case .moveUp: help.scrollOffset -= 1
        case .pageDown: help.scrollOffset += page
        case .pageUp: help.scrollOffset -= page
        case .first: help.scrollOffset = 0
        case .last: help.scrollOffset = total
        case .back:
            state.help = nil
            return
        default: return
        }
        help.scrollOffset = min(max(0, help.scrollOffset), max(0, total - page))
        state.help = help
    }
}

/// Where the participant overview's parts go for a size.
public struct ParticipantLayout: Equatable, Sendable {
    public var title: Rect
    public var tabs: Rect
    public var body: Rect
    /// A form has no tabs: it uses their row too.
    public var formBody: Rect { Rect(x: body.x, y: tabs.y, width: body.width, height: body.height + tabs.height) }
    public var status: Rect
    public var hints: Rect

    public init(_ size: Size) {
        let full = Rect(size: size)
        let (title, rest) = full.splitTop(1)
        let (tabs, afterTabs) = rest.splitTop(1)
        let (middle, hints) = afterTabs.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        self.title = title
        self.tabs = tabs
        self.body = body
        self.status = status
        self.hints = hints
    }
}
