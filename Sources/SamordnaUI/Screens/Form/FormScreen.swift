import SamordnaCore
import TerminalUI

/// The one form screen: the participant form, notes, consents, avslut and withdrawal, and the kartläggning
/// all run in it. It owns what every form must get right the same way: the form's keys (looked up in the
/// keymap first, the rest edit the focused field), asking before typed work is dropped (Esc, Ctrl-C),
/// saving (`pendingSaves`), a save that failed, and closing once the saves it waits for are answered.
public struct FormScreen<Content: FormContent>: Equatable, Sendable {
    public var content: Content
    public var form: FormState
    public var question: FormQuestion<Content.Question>?
    /// Saves asked for and not yet answered.
    public var pendingSaves: Int
    /// Close once the pending saves are answered (Esc on a form that saves as you go).
    public var closing: Bool
    /// The last save failed: what was typed stays, and leaving asks first.
    public var unsaved: Bool

    public init(_ content: Content, form: FormState) {
        self.content = content
        self.form = form
        self.question = nil
        self.pendingSaves = 0
        self.closing = false
        self.unsaved = false
    }

    public var isSaving: Bool { pendingSaves > 0 }

    /// Keys are answers to a question or wait for a save, not text.
    public var isWaiting: Bool { question != nil || (isSaving && !Content.editsWhileSaving) }

    /// The leave question when something is typed (and `canAsk`); says whether it asked.
    public mutating func askIfTyped(canAsk: Bool) -> InterruptAnswer {
        guard form.isDirty || unsaved else { return .nothingAtStake }
        guard canAsk else { return .nothingAtStake }
        if question == nil { question = .leave(Self.leaveQuestion(content.leaveTitle)) }
        return .askFirst
    }

    /// Asks the runtime to save: the form waits for the answers.
    public mutating func startSaving(_ effects: [Effect], state: inout AppState) -> [Effect] {
        guard !effects.isEmpty else { return [] }
        pendingSaves += effects.count
        return effects
    }

    /// One save was answered. Returns true when the form should close now: it was closing and nothing is
    /// left to wait for or lost.
    public mutating func saveAnswered(ok: Bool) -> Bool {
        pendingSaves = max(0, pendingSaves - 1)
        if !ok {
            unsaved = true
            closing = false
        } else if pendingSaves == 0 {
            unsaved = false
        }
        return closing && pendingSaves == 0 && !unsaved
    }

    static func leaveQuestion(_ title: String) -> ConfirmDialog {
        ConfirmDialog(
            title: title, lines: ["Det du har fyllt i sparas inte."], yesLabel: "Lämna", noLabel: "Stanna kvar",
            destructive: true)
    }

    /// Shows Core's reasons next to their fields and moves focus to the first.
    mutating func show<Field: ValidatedField & RawRepresentable>(_ errors: FieldErrors<Field>)
    where Field.RawValue == String {
        form.setErrors(Dictionary(uniqueKeysWithValues: errors.fields.map { ($0.rawValue, errors[$0]!) }))
        _ = form.focusFirstError()
    }
}

/// A question a form screen waits on: the generic "leave?" or the form's own.
public enum FormQuestion<Own: Equatable & Sendable>: Equatable, Sendable {
    case leave(ConfirmDialog)
    case own(Own)
}

extension FormScreen: ScreenModel {
    var screen: Screen { Content.screen(self) }
    var keyContexts: [KeyContext] { content.keyContexts }
    var isOverlay: Bool { false }

    var acceptsText: Bool {
        guard !isWaiting else { return false }
        switch form.focusedID.flatMap({ form[$0] })?.kind {
        case .text?, .multiline?, .date?: return true
        case .choice?, .multiChoice?, .toggle?, .readOnly?, nil: return false
        }
    }

    func isAvailable(_ command: Command, in state: AppState) -> Bool {
        switch command {
        case .help, .save, .cancel, .nextField, .previousField: return true
        default: return Content.isAvailable(command)
        }
    }

    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep? {
        if let question {
            switch question {
            case .leave(var dialog):
                switch dialog.handle(chord) {
                case .confirmed?:
                    self.question = nil
                    return .close(Content.leftWithoutSaving(self, &state))
                case .cancelled?: self.question = nil
                case nil: self.question = .leave(dialog)
                }
                return .stay
            case .own(let own):
                return Content.answer(own, chord, &self, &state)
            }
        }
        let command = state.keymap.command(for: chord, in: keyContexts)
        // Help opens over the form from the root, like everywhere else.
        if command == .help { return nil }
        if isSaving && !Content.editsWhileSaving { return .stay }
        if let command { return perform(command, state: &state) }
        switch form.handle(chord) {
        case .edited(let id):
            return .stay(Content.edited(id, &self, &state))
        case .refused(let refusal):
            form.setError(refusal.message, for: refusal.fieldID)
        case .focusMoved:
            return .stay(Content.focusMoved(&self, &state))
        case .handled, .unhandled:
            break
        }
        return .stay
    }

    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep {
        switch command {
        case .save:
            state.status = nil
            return .stay(Content.submit(&self, &state))
        case .cancel:
            return Content.leave(&self, &state)
        case .nextField, .previousField:
            guard form.moveFocus(forward: command == .nextField) == .focusMoved else { return .stay }
            return .stay(Content.focusMoved(&self, &state))
        default:
            return .stay(Content.perform(command, &self, &state))
        }
    }

    func render(_ state: AppState, into buffer: inout Buffer) -> Point? {
        let layout = ParticipantLayout(state.size)
        drawTitle(content.title, state: state, in: layout.title, into: &buffer)
        Content.drawExtras(self, state, layout, into: &buffer)
        var cursor = form.render(in: Content.body(layout), into: &buffer)
        drawStatusRow(Content.status(self, state), message: state.status, in: layout.status, into: &buffer)
        var hints: [(keys: String, label: String)] = content.hintCommands.compactMap { command in
            guard isAvailable(command, in: state), let chord = state.keymap.chords(for: command, in: keyContexts).first
            else { return nil }
            return (chord.description, content.hintLabel(command) ?? CommandCatalogue.info(command).title)
        }
        if let own = form.focusedFieldKeys { hints.insert(own, at: min(hints.count, 2)) }
        HintBar(items: hints).render(in: layout.hints, into: &buffer)
        switch question {
        case .leave(let dialog)?:
            dialog.render(in: Rect(size: state.size), into: &buffer)
            cursor = nil
        case .own(let own)?:
            Content.render(own, in: Rect(size: state.size), into: &buffer)
            cursor = nil
        case nil:
            break
        }
        return cursor
    }

    mutating func fit(_ state: AppState) {
        let body = Content.body(ParticipantLayout(state.size))
        form.viewport = Size(width: body.width, height: body.height)
    }

    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer {
        Content.interrupt(&self, &state, canAsk: canAsk)
    }
}

extension FormContent {
    public static func leftWithoutSaving(_ screen: FormScreen<Self>, _ state: inout AppState) -> [Effect] { [] }
}

extension AppState {
    /// The runtime saved what the form of type `C` on top asked for: it closes.
    mutating func closeForm<C: FormContent>(_ type: C.Type) {
        _ = withTop(FormScreen<C>.self) { _, _ in .close() }
    }

    /// The save the form of type `C` on top asked for failed: it stays with what was typed, and leaving asks.
    mutating func formSaveFailed<C: FormContent>(_ type: C.Type) {
        _ = withTop(FormScreen<C>.self) { screen, _ in
            _ = screen.saveAnswered(ok: false)
            return .stay
        }
    }
}
