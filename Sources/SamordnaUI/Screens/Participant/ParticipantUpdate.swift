import SamordnaCore
import TerminalUI

/// Keys on the participant overview: scrolling, revealing the identity, going back.
enum ParticipantUpdate {
    static func perform(_ command: Command, _ state: inout AppState) {
        guard case .participant(var screen) = state.stack.last else { return }
        let page = ParticipantLayout(state.size).body.height
        switch command {
        case .moveDown: screen.scrollOffset += 1
        case .moveUp: screen.scrollOffset -= 1
        case .pageDown: screen.scrollOffset += page
        case .pageUp: screen.scrollOffset -= page
        case .first: screen.scrollOffset = 0
        case .last: screen.scrollOffset = screen.lines.count
        case .back:
            state.stack.removeLast()
            return
        case .toggleIdentity:
            state.revealIdentity.toggle()
            if let record = state.caseload.records.first(where: { $0.id == screen.id }) {
                let offset = screen.scrollOffset
                screen = ParticipantOverview.screen(
                    for: record, caseload: state.caseload, today: state.today, reveal: state.revealIdentity)
                screen.scrollOffset = offset
            }
        case .editParticipant:
            ParticipantFormUpdate.openEdit(&state, id: screen.id)
            return
        case .open, .search, .quit, .help, .newParticipant:
            return
        }
        state.stack[state.stack.count - 1] = .participant(screen)
        state.clampParticipantScroll()
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
    public var body: Rect
    public var status: Rect
    public var hints: Rect

    public init(_ size: Size) {
        let full = Rect(size: size)
        let (title, rest) = full.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        self.title = title
        self.body = body
        self.status = status
        self.hints = hints
    }
}
