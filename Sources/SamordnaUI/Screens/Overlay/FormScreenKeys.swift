import SamordnaCore
import TerminalUI

/// What every form screen does with a key: the "leave without saving?" question, the form's own editing,
/// Ctrl-S and Esc. The screens differ only in what they validate and save.
enum FormScreenKeys {
    enum Outcome: Equatable {
        /// Still open (a key was typed, a question asked or answered No).
        case stay
        /// Closed without saving: nothing was typed, or the user said leave.
        case close
        /// Ctrl-S: the screen validates and asks to save.
        case submit
    }

    static func handle(
        _ chord: KeyChord, form: inout FormState, leaving: inout ConfirmDialog?, isSaving: Bool, leaveTitle: String
    ) -> Outcome {
        if var dialog = leaving {
            switch dialog.handle(chord) {
            case .confirmed?: return .close
            case .cancelled?: leaving = nil
            case nil: leaving = dialog
            }
            return .stay
        }
        guard !isSaving else { return .stay }
        switch form.handle(chord) {
        case .edited(let id):
            form.setError(nil, for: id)
        case .refused(let refusal):
            form.setError(refusal.message, for: refusal.fieldID)
        case .submit:
            return .submit
        case .cancel:
            guard form.isDirty else { return .close }
            leaving = leaveQuestion(leaveTitle)
        case .focusMoved, .handled, .unhandled:
            break
        }
        return .stay
    }

    /// Ctrl-C or Esc on a changed form: typed work is never thrown away without asking.
    static func leaveQuestion(_ title: String) -> ConfirmDialog {
        ConfirmDialog(
            title: title, lines: ["Det du har fyllt i sparas inte."], yesLabel: "Lämna", noLabel: "Stanna kvar",
            destructive: true)
    }

    /// Shows Core's reasons next to their fields and moves focus to the first.
    static func show<Field: ValidatedField & RawRepresentable>(_ errors: FieldErrors<Field>, in form: inout FormState)
    where Field.RawValue == String {
        form.setErrors(Dictionary(uniqueKeysWithValues: errors.fields.map { ($0.rawValue, errors[$0]!) }))
        _ = form.focusFirstError()
    }

    /// The status line and hint bar under a form, with the dialog on top when one is open.
    static func renderChrome(
        status: String, hints: [(keys: String, label: String)], leaving: ConfirmDialog?, state: AppState,
        into buffer: inout Buffer
    ) {
        let layout = ParticipantLayout(state.size)
        drawStatusRow(status, message: state.status, in: layout.status, into: &buffer)
        HintBar(items: hints).render(in: layout.hints, into: &buffer)
        leaving?.render(in: Rect(size: state.size), into: &buffer)
    }
}
