import SamordnaCore
import TerminalUI

/// What a screen's handler asks of the stack once it has run: the effects to perform, and whether the
/// screen closes.
public struct ScreenStep: Equatable, Sendable {
    public var effects: [Effect]
    public var close: Bool

    public static let stay = ScreenStep(effects: [], close: false)
    public static func stay(_ effects: [Effect]) -> ScreenStep { ScreenStep(effects: effects, close: false) }
    public static func close(_ effects: [Effect] = []) -> ScreenStep { ScreenStep(effects: effects, close: true) }
}

/// What Ctrl-C, SIGTERM or a closed terminal mean for a screen's typed work.
public enum InterruptAnswer: Equatable, Sendable {
    /// Nothing typed is at stake: quit.
    case nothingAtStake
    /// The screen now asks whether to leave (Ctrl-C only: a closed terminal cannot be asked).
    case askFirst
    /// Save this, then quit (a form that saves as you go).
    case saveFirst([Effect])
}

/// One screen above the caseload list. Every screen answers the same questions, so `AppState.stack` is
/// switched over in one place (`Screen.model`) and the root `update` and `view` only route.
///
/// A handler runs with its screen taken off the stack (`AppState.withTopScreen`): a screen it opens goes
/// above it, and it stays unless its `ScreenStep` says close.
protocol ScreenModel: Equatable, Sendable {
    /// This screen in its `Screen` case.
    var screen: Screen { get }
    /// Where its keys are looked up, most specific first.
    var keyContexts: [KeyContext] { get }
    /// Whether printable keys now go into text (a focused text field, a picker's filter): then characters
    /// that arrive together may come as one `Key.text`.
    var acceptsText: Bool { get }
    /// Drawn over the screen below rather than instead of it.
    var isOverlay: Bool { get }
    /// Whether a command does anything here; help and the hint bar show only available commands.
    func isAvailable(_ command: Command, in state: AppState) -> Bool
    /// A key before the keymap is asked: a form takes every key (letters are text there). Nil: look the
    /// key up in the keymap and `perform` the command.
    mutating func handleKey(_ chord: KeyChord, state: inout AppState) -> ScreenStep?
    mutating func perform(_ command: Command, state: inout AppState) -> ScreenStep
    /// Draws the screen; returns where the terminal cursor goes.
    func render(_ state: AppState, into buffer: inout Buffer) -> Point?
    /// After a resize: scroll, wrap and page by the new size.
    mutating func fit(_ state: AppState)
    /// Ctrl-C (`canAsk`), or a closed terminal or SIGTERM (not): what happens to typed work. No default:
    /// a new screen cannot forget to say.
    mutating func interrupt(_ state: inout AppState, canAsk: Bool) -> InterruptAnswer
}

extension AppState {
    /// Runs `body` on the top screen taken off the stack; puts it back where it was (under anything the
    /// body opened) unless the step closes it.
    mutating func withTopScreen(_ body: (inout any ScreenModel, inout AppState) -> ScreenStep?) -> [Effect]? {
        guard let top = stack.popLast() else { return nil }
        let index = stack.count
        var model = top.model
        guard let step = body(&model, &self) else {
            stack.insert(model.screen, at: min(index, stack.count))
            return nil
        }
        if !step.close { stack.insert(model.screen, at: min(index, stack.count)) }
        return step.effects
    }

    /// As `withTopScreen`, when the top screen is an `S`; nil otherwise (the answer came for a screen that
    /// has closed since).
    mutating func withTop<S: ScreenModel>(_ type: S.Type, _ body: (inout S, inout AppState) -> ScreenStep) -> [Effect]? {
        guard let top = stack.last, var screen = top.model as? S else { return nil }
        stack.removeLast()
        let index = stack.count
        let step = body(&screen, &self)
        if !step.close { stack.insert(screen.screen, at: min(index, stack.count)) }
        return step.effects
    }

    /// Changes the screen of type `S` nearest the top in place (a participant under its form), if open.
    mutating func updateScreen<S: ScreenModel>(_ type: S.Type, _ body: (inout S, AppState) -> Void) {
        guard let i = stack.lastIndex(where: { $0.model is S }), var screen = stack[i].model as? S else { return }
        body(&screen, self)
        stack[i] = screen.screen
    }

    /// The open screen of type `S` nearest the top.
    func screen<S: ScreenModel>(_ type: S.Type) -> S? {
        for screen in stack.reversed() { if let s = screen.model as? S { return s } }
        return nil
    }
}
