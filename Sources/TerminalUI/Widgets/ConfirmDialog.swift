/// A yes-or-no question before something that cannot be undone, naming what it acts on ("Ta bort
/// anteckningen från 2024-05-02 för Åsa Öberg?"). A pure value: `handle` takes keys, `render` draws it.
///
/// For a destructive action No has focus at first, so a bare Enter answers No (docs/domain-rules.md, The terminal:
/// destructive actions default to No); Enter confirms only after the user has moved focus to Yes with
/// ←/→ or Tab. `y` and `j` (ja) confirm at once; `n` and Esc cancel.
public struct ConfirmDialog: Hashable, Sendable {
    /// The two buttons, No drawn first.
    public enum Button: Hashable, Sendable {
        case no, yes
    }

    /// How the question was answered.
    public enum Outcome: Hashable, Sendable {
        case confirmed, cancelled
    }

    public var title: String
    public var lines: [String]
    public var yesLabel: String
    public var noLabel: String
    /// The button Enter presses.
    public private(set) var focus: Button

    /// - Parameter destructive: when true (the default) No has focus at first; a harmless question
    ///   ("Spara ändringarna?") may start on Yes.
    public init(
        title: String, lines: [String], yesLabel: String = "Ja", noLabel: String = "Nej", destructive: Bool = true
    ) {
        self.title = title
        self.lines = lines
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        focus = destructive ? .no : .yes
    }

    /// Applies a key; the answer once there is one, nil while the dialog stays open.
    public mutating func handle(_ chord: KeyChord) -> Outcome? {
        guard !chord.control, !chord.alt else { return nil }
        switch chord.key {
        case .character("y"), .character("Y"), .character("j"), .character("J"): return .confirmed
        case .character("n"), .character("N"), .escape: return .cancelled
        case .enter: return focus == .yes ? .confirmed : .cancelled
        case .left, .right, .tab, .backTab, .character("h"), .character("l"):
            focus = focus == .yes ? .no : .yes
            return nil
        default: return nil
        }
    }

    /// The box the dialog takes in `rect`.
    public func frame(in rect: Rect) -> Rect {
        dialog.frame(in: rect)
    }

    /// A centred box with the lines, and the buttons `[Nej]  [Ja]` centred under them, the focused one in
    /// `.selection`.
    public func render(in rect: Rect, into buffer: inout Buffer) {
        renderWithButtons(
            dialog,
            buttons: [("[\(noLabel)]", focus == .no), ("[\(yesLabel)]", focus == .yes)], in: rect, into: &buffer)
    }

    /// The box with the question, and the buttons' text on its last line to size it.
    private var dialog: Dialog {
        Dialog(title: title, lines: lines + ["", "[\(noLabel)]  [\(yesLabel)]"])
    }
}

/// Draws `dialog`, whose last line holds the buttons' text, then redraws that line as buttons two columns
/// apart, centred, the focused one in `.selection`.
func renderWithButtons(
    _ dialog: Dialog, buttons: [(text: String, focused: Bool)], in rect: Rect, into buffer: inout Buffer
) {
    let box = dialog.frame(in: rect)
    guard box.width >= 2, box.height >= 3 else { return }
    dialog.render(in: rect, into: &buffer)
    let row = box.inset(by: 1).inset(horizontally: 1).splitBottom(1).bottom
    guard !row.isEmpty else { return }
    buffer.fill(row, role: dialog.role)
    let texts = buttons.map { Sanitize.line($0.text) }
    let total = texts.reduce(2 * max(0, texts.count - 1)) { $0 + DisplayWidth.of($1) }
    var x = row.x + max(0, (row.width - total) / 2)
    for (index, text) in texts.enumerated() {
        if index > 0 { x += 2 }
        guard x < row.maxX else { return }
        x += buffer.write(
            text, at: Point(x: x, y: row.y), role: buttons[index].focused ? .selection : dialog.role,
            maxWidth: row.maxX - x)
    }
}
