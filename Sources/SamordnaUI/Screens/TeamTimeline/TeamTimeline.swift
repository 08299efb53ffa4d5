import SamordnaCore
import TerminalUI

/// The team timeline (`t` on the caseload list): every participant in the list's current filter and order,
/// one line each, over the coming weeks, with gaps and missing job-focused insatser visible at a glance.
/// `Enter` opens the participant. Only the visible lines are built, in `update`, so it opens and scrolls in
/// the same time at 10 000 participants as at 100.
public struct TeamTimelineState: Equatable, Sendable {
    /// The participants, in the list's order when it opened.
    public var participants: [Participant.ID]
    public var selection: Int = 0
    public var scrollOffset: Int = 0
    /// Weeks moved from the default start (`[` `]`; `.` back to 0).
    public var shift: Int = 0
    /// The lines for the visible rows, built in `update`.
    public var visibleLines: [TimelineLine] = []
    public var header: [String] = []

    /// One participant's line.
    public struct TimelineLine: Equatable, Sendable {
        public var id: Participant.ID
        public var name: String
        public var bars: String
        /// `I`, `J`, `G`, `U` as in the list's flags.
        public var flags: String
    }

    static let nameWidth = 22
    static let flagWidth = 5

    /// The rows area: title above, legend, status and hints below.
    static func body(_ size: Size) -> Rect {
        Rect(x: 0, y: 3, width: size.width, height: max(1, size.height - 6))
    }

    /// `t` on the list: the participants it shows, in its order.
    static func open(_ state: inout AppState) {
        var screen = TeamTimelineState(participants: state.list.visible.map { state.rows[$0].id })
        if let selected = state.selectedRow?.id, let i = screen.participants.firstIndex(of: selected) {
            screen.selection = i
        }
        screen.rebuild(state)
        state.stack.append(.teamTimeline(screen))
    }

    /// The visible window's lines and the week header, from the caseload as it is now.
    mutating func rebuild(_ state: AppState) {
        let page = Self.body(state.size).height
        selection = min(max(0, selection), max(0, participants.count - 1))
        scrollOffset = Table.scrollOffset(
            selection: selection, offset: scrollOffset, visibleRows: page, rowCount: participants.count)
        let labelWidth = Self.nameWidth + Self.flagWidth + 1
        let weeks = InsatsTimeline.weeks(
            from: InsatsTimeline.firstWeek(today: state.today, shift: shift),
            count: InsatsTimeline.weekCount(width: state.size.width - 1, labelWidth: labelWidth))
        header = InsatsTimeline.header(weeks: weeks, today: state.today, label: " Deltagare", labelWidth: labelWidth)
        let window = participants.dropFirst(scrollOffset).prefix(page)
        visibleLines = window.compactMap { id in
            guard let record = state.caseload.record(id) else { return nil }
            let flags = CaseloadRules.flags(for: record, catalogue: state.caseload.catalogue, on: state.today)
                .filter { [.noOngoingInsats, .noJobFocusedInsats, .gapAhead, .followUpOverdue].contains($0) }
            // Skyddade personuppgifter: the name only for the responsible staff (docs/privacy.md).
            let name = Disclosure.mayIdentify(record, reader: state.me?.id, on: state.today)
                ? record.participant.sortName : CaseloadRow.hiddenName
            return TimelineLine(
                id: id, name: name,
                bars: InsatsTimeline.summary(record.episodes, catalogue: state.caseload.catalogue, weeks: weeks, today: state.today),
                flags: String(flags.map(\.letter)))
        }
    }
}

extension TeamTimelineState: ScreenModel {
    var screen: Screen { .teamTimeline(self) }
    /// Moving in time as in the veckolista; `q` goes back (the list's `q` would quit).
    var keyContexts: [KeyContext] { [.week, .global] }
    var acceptsText: Bool { false }
    var isOverlay: Bool { false }

    func isAvailable(_ command: Command, in state: AppState) -> Bool {
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .back, .quit, .help, .earlier, .later, .thisWeek:
            return true
        case .open: return !participants.isEmpty
        default: return false
        }
    }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        // Enter opens, as on the list (the participant context binds Enter to nothing).
        guard chord == KeyChord(.enter) else { return nil }
        return perform(.open, state: &state)
    }

    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep {
        let page = Self.body(state.size).height
        switch command {
        case .moveDown: selection += 1
        case .moveUp: selection -= 1
        case .pageDown: selection += page
        case .pageUp: selection -= page
        case .first: selection = 0
        case .last: selection = participants.count - 1
        case .earlier: shift -= 4
        case .later: shift += 4
        case .thisWeek: shift = 0
        case .back: return .close()
        case .open:
            guard participants.indices.contains(selection), let record = state.caseload.record(participants[selection])
            else { return .stay }
            var overview = ParticipantOverview.screen(
                for: record, caseload: state.caseload, today: state.today, reveal: state.revealIdentity)
            overview.tab = .insatser
            ParticipantUpdate.rebuild(&overview, state: state)
            state.stack.append(.participant(overview))
            return .stay([.participant(.openRecord(record.id))])
        default:
            return .stay
        }
        rebuild(state)
        return .stay
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        let size = state.size
        drawTitle("Tidslinje · \(participants.count) deltagare i listans urval", state: state, in: Rect(x: 0, y: 0, width: size.width, height: 1), into: &buffer)
        for (i, line) in header.enumerated() {
            buffer.write(line, at: Point(x: 0, y: 1 + i), role: .muted, maxWidth: size.width)
        }
        let body = Self.body(size)
        for (i, line) in visibleLines.enumerated() where i < body.height {
            let y = body.y + i
            let selected = scrollOffset + i == selection
            let role: Role = selected ? .selection : .normal
            if selected { buffer.fill(Rect(x: 0, y: y, width: size.width, height: 1), role: .selection) }
            var x = buffer.write(
                " " + DisplayWidth.pad(DisplayWidth.truncate(line.name, to: Self.nameWidth - 1), to: Self.nameWidth - 1),
                at: Point(x: 0, y: y), role: role)
            x += buffer.write(
                DisplayWidth.pad(line.flags, to: Self.flagWidth) + " ", at: Point(x: x, y: y),
                role: selected ? .selection : (line.flags.isEmpty ? .normal : .warning))
            buffer.write(line.bars, at: Point(x: x, y: y), role: role, maxWidth: size.width - x)
        }
        if participants.isEmpty {
            buffer.write(" Inga deltagare i listans urval.", at: Point(x: 0, y: body.y), role: .muted)
        }
        let legend = Rect(x: 0, y: size.height - 3, width: size.width, height: 1)
        buffer.write(" " + InsatsTimeline.legend, at: Point(x: legend.x, y: legend.y), role: .muted, maxWidth: size.width)
        let layout = CaseloadLayout(size)
        drawStatusRow(
            " \(participants.isEmpty ? 0 : selection + 1) av \(participants.count)", message: state.status, in: layout.status,
            into: &buffer)
        HintBar(items: [("Enter", "Öppna")] + hintItems(state, commands: [.earlier, .later, .thisWeek, .back, .help]))
            .render(in: layout.hints, into: &buffer)
        return nil
    }

    mutating func fit(_ state: AppState) { rebuild(state) }

    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer { .nothingAtStake }
}
