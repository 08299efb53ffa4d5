import TerminalUI

/// Draws the participant form: title, fields with their reasons, status line, hints, and any question on
/// top.
enum ParticipantFormView {
    static func render(_ screen: ParticipantFormState, state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        drawTitle(screen.title, state: state, in: layout.title, into: &buffer)
        var cursor = screen.form.render(in: layout.formBody, into: &buffer)
        buffer.fill(layout.status, role: .status)
        let errors = screen.form.fields.filter { $0.error != nil }.count
        var left = screen.isSaving ? " Sparar …" : (screen.form.isDirty ? " Ej sparat" : " Oförändrat")
        if errors > 0 { left += " · \(errors) fält att rätta (✗)" }
        buffer.write(left, at: Point(x: layout.status.x, y: layout.status.y), role: .status)
        if let message = state.status {
            let w = min(DisplayWidth.of(message), layout.status.width / 2)
            buffer.write(message, at: Point(x: layout.status.maxX - w - 1, y: layout.status.y), role: .status, maxWidth: w)
        }
        HintBar(items: [
            ("Ctrl-s", "Spara"), ("Esc", "Avbryt"), ("Tab/↑↓", "Fält"), ("←→ Space", "Välj"), ("F1", "Hjälp"),
        ]).render(in: layout.hints, into: &buffer)
        switch screen.question {
        case .leave(let dialog)?, .similar(let dialog)?:
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        case .conflict(let dialog, _)?:
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        case nil:
            break
        }
        return cursor
    }
}
