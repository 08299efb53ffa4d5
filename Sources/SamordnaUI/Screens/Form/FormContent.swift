import SamordnaCore
import TerminalUI

/// A form without questions of its own (only the generic "leave?").
public enum NoQuestion: Equatable, Sendable {}

/// What one form supplies to the generic `FormScreen`: its fields' meaning, how it validates and saves, and
/// any question of its own. Leaving, the leave question, keys, saving state and drawing are the screen's.
///
/// The hooks are static and take the whole screen, so a form can change its fields, question and saving
/// state together.
public protocol FormContent: Equatable, Sendable {
    associatedtype Question: Equatable & Sendable = NoQuestion

    /// This form's screen in its `Screen` case.
    static func screen(_ form: FormScreen<Self>) -> Screen
    /// The title line.
    var title: String { get }
    /// "Lämna anteckningen?": the question before typed work is dropped.
    var leaveTitle: String { get }
    /// Key contexts, most specific first (the kartläggning's own keys before the form's).
    var keyContexts: [KeyContext] { get }
    /// The commands the hint bar names (when bound and available), before the focused field's own keys.
    var hintCommands: [Command] { get }
    /// A hint bar label of this form's own for a command ("Markera klar" for save on the last page).
    func hintLabel(_ command: Command) -> String?
    /// Whether keys still edit while a save is out (a form that saves as you go).
    static var editsWhileSaving: Bool { get }

    /// `save` (Ctrl-S): check with Core; show its reasons in the form, or return the effects that save.
    static func submit(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect]
    /// A field's value changed.
    static func edited(_ field: String, _ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect]
    /// Focus went to another field.
    static func focusMoved(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect]
    /// A command of the form's own context (the kartläggning's sections).
    static func perform(_ command: Command, _ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect]
    static func isAvailable(_ command: Command) -> Bool
    /// `cancel` (Esc).
    static func leave(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> ScreenStep
    /// What leaving without saving sets off, once the user said leave (the kartläggning reloads the overview).
    static func leftWithoutSaving(_ screen: FormScreen<Self>, _ state: inout AppState) -> [Effect]
    /// A key while the form's own question is open.
    static func answer(
        _ question: Question, _ chord: KeyChord, _ screen: inout FormScreen<Self>, _ state: inout AppState
    ) -> ScreenStep
    static func render(_ question: Question, in rect: Rect, into buffer: inout Buffer)
    /// The left part of the status row.
    static func status(_ screen: FormScreen<Self>, _ state: AppState) -> String
    /// Where the fields go; the kartläggning keeps the tab row for its progress.
    static func body(_ layout: ParticipantLayout) -> Rect
    /// Anything drawn besides the fields (the kartläggning's progress line).
    static func drawExtras(_ screen: FormScreen<Self>, _ state: AppState, _ layout: ParticipantLayout, into buffer: inout Buffer)
    /// Ctrl-C, SIGTERM or a closed terminal. No default: every form says what happens to typed work
    /// (usually `screen.askIfTyped(canAsk:)`).
    static func interrupt(_ screen: inout FormScreen<Self>, _ state: inout AppState, canAsk: Bool) -> InterruptAnswer
}

extension FormContent {
    public var keyContexts: [KeyContext] { [.form] }
    public var hintCommands: [Command] { [.save, .cancel, .nextField, .help] }
    public static var editsWhileSaving: Bool { false }
    public func hintLabel(_ command: Command) -> String? { nil }

    public static func edited(_ field: String, _ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] {
        screen.form.setError(nil, for: field)
        return []
    }
    public static func focusMoved(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> [Effect] { [] }
    public static func perform(
        _ command: Command, _ screen: inout FormScreen<Self>, _ state: inout AppState
    ) -> [Effect] { [] }
    public static func isAvailable(_ command: Command) -> Bool { false }
    public static func leave(_ screen: inout FormScreen<Self>, _ state: inout AppState) -> ScreenStep {
        screen.askIfTyped(canAsk: true) == .askFirst ? .stay : .close()
    }
    public static func status(_ screen: FormScreen<Self>, _ state: AppState) -> String {
        screen.isSaving ? " Sparar …" : (screen.form.isDirty ? " Ej sparat" : " Oförändrat")
    }
    public static func body(_ layout: ParticipantLayout) -> Rect { layout.formBody }
    public static func drawExtras(
        _ screen: FormScreen<Self>, _ state: AppState, _ layout: ParticipantLayout, into buffer: inout Buffer
    ) {}
}

extension FormContent where Question == NoQuestion {
    public static func answer(
        _ question: NoQuestion, _ chord: KeyChord, _ screen: inout FormScreen<Self>, _ state: inout AppState
    ) -> ScreenStep {}
    public static func render(_ question: NoQuestion, in rect: Rect, into buffer: inout Buffer) {}
}
