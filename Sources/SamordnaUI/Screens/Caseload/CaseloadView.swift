import SamordnaCore
import TerminalUI

/// Draws the caseload list: title, table, status line with position and search, and the hint bar.
enum CaseloadView {
    /// Returns the cursor position when the search field is being edited.
    static func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = CaseloadLayout(state.size)
        drawTitle("Samordna · Deltagarlista", state: state, in: layout.title, into: &buffer)

        let list = state.list
        let rows = state.rows
        let reveal = state.revealIdentity
        let wide = layout.table.width >= 100
        let table = Table(
            columns: layout.columns, rowCount: list.visible.count,
            selection: list.visible.isEmpty ? nil : list.selection,
            scrollOffset: list.scrollOffset,
            cell: { r, c in
                let row = rows[list.visible[r]]
                switch c {
                case 0: return list.tagged.contains(row.id) ? "● " + row.name : row.name
                case 1: return row.identityHidden ? "skyddad" : reveal ? row.identity.full : row.identity.masked
                case 2: return row.status.label
                case 3: return row.responsible
                case 4:
                    guard let m = row.nextMeeting else { return "" }
                    return wide ? "\(m.date) \(m.time)" : m.date.description
                case 5: return row.ongoingCount == 0 ? "–" : String(row.ongoingCount)
                default: return row.flagText
                }
            },
            rowRole: { r in
                let row = rows[list.visible[r]]
                if list.tagged.contains(row.id) { return .tagged }
                return row.status == .avslutad ? .muted : .normal
            })
        table.render(in: layout.table, into: &buffer)

        if state.isLoading && rows.isEmpty {
            buffer.write("Läser ärendelistan …", at: Point(x: 1, y: layout.table.y + 2), role: .muted)
        } else if list.visible.isEmpty {
            let text = rows.isEmpty
                ? "Inga deltagare ännu. Lägg till med 'samordna participant add' eller prova 'samordna --demo'."
                : "Inga träffar för sökningen eller filtret. Esc rensar."
            buffer.write(text, at: Point(x: 1, y: layout.table.y + 2), role: .muted, maxWidth: layout.table.width - 2)
        }

        var cursor: Point?
        buffer.fill(layout.status, role: .status)
        let position = list.visible.isEmpty ? "0" : "\(list.selection + 1)"
        var left = " \(position) av \(list.visible.count)"
        if let total = state.previewTotal {
            left = " \(position) av \(total)  läser resten …"
        } else if list.visible.count != rows.count {
            left += " (av \(rows.count))"
        }
        if !list.filters.isEmpty {
            left += "  Filter: " + list.filters.map { $0.label(team: state.caseload.team) }.joined(separator: ", ")
        }
        if list.sort != .name { left += "  Sort: \(list.sort.shortLabel)" }
        if !list.tagged.isEmpty { left += "  ● \(list.tagged.count) markerade" }
        if let search = list.search {
            left += "  Sök: "
            let width = buffer.write(left, at: Point(x: layout.status.x, y: layout.status.y), role: .status)
            let fieldWidth = min(30, layout.status.width - width - 1)
            let field = Rect(x: layout.status.x + width, y: layout.status.y, width: max(1, fieldWidth), height: 1)
            let at = search.render(in: field, into: &buffer, role: .search)
            if list.isEditingSearch { cursor = at }
        } else {
            buffer.write(left, at: Point(x: layout.status.x, y: layout.status.y), role: .status)
        }
        if let message = state.status ?? state.loadError {
            // The list's own status (position, filter, search) keeps the left half; a longer message ends in `…`.
            // A space before it, so it never runs into the filter text it may cover.
            let text = " " + DisplayWidth.truncate(Sanitize.line(message), to: layout.status.width / 2)
            buffer.write(
                text, at: Point(x: layout.status.maxX - DisplayWidth.of(text) - 1, y: layout.status.y), role: .status)
        }

        let hints: [(keys: String, label: String)]
        if list.isEditingSearch {
            hints = [("Enter", "Behåll sökning"), ("Esc", "Rensa"), ("↑↓", "Flytta")]
        } else {
            hints = hintItems(
                state, commands: [.open, .search, .filter, .sort, .tag, .actOnTagged, .newParticipant, .back, .quit, .help])
        }
        HintBar(items: hints).render(in: layout.hints, into: &buffer)
        return cursor
    }
}
