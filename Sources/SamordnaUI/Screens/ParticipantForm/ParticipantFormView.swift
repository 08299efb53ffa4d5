import TerminalUI

/// Draws the participant form: title, fields with their reasons, status line, hints, and any question on
/// top.
enum ParticipantFormView {
    static func render(_ screen: ParticipantFormState, state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        drawTitle(screen.title, state: state, in: layout.title, into: &buffer)
        var cursor = screen.form.render(in: layout.formBody, into: &buffer)
        let errors = screen.form.fields.filter { $0.error != nil }.count
        var left = screen.isSaving ? " Sparar …" : (screen.form.isDirty ? " Ej sparat" : " Oförändrat")
        if errors > 0 { left += " · \(errors) fält att rätta (✗)" }
        drawStatusRow(left, message: state.status, in: layout.status, into: &buffer)
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
