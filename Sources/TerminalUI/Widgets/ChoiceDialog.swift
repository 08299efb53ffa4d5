/// A question with a few answers, each with its own key, e.g. when a colleague saved the same participant:
/// "[L]äs om  [B]ehåll mina". A pure value: `handle` returns the chosen answer, `render` draws it.
///
/// A hot key chooses at once; ←/→ or Tab move focus and Enter chooses the focused answer; Esc chooses
/// `cancel` when there is one, otherwise the dialog waits for a real answer.
public struct ChoiceDialog<Choice: Hashable & Sendable>: Hashable, Sendable {
    /// One answer: what it means, the key that picks it, and its label.
    public struct Option: Hashable, Sendable {
        public var choice: Choice
        public var key: Character
        public var label: String

        public init(_ choice: Choice, key: Character, label: String) {
            self.choice = choice
            self.key = key
            self.label = label
        }

        /// `[L]äs om` when the label starts with the key, else `[k] label`.
        var buttonText: String {
            let label = Sanitize.line(self.label)
            if let first = label.first, first.lowercased() == key.lowercased() {
                return "[\(first)]" + label.dropFirst()
            }
            return "[\(Sanitize.line(String(key)))] " + label
        }
    }

    public var title: String
    public var lines: [String]
    public var options: [Option]
    /// What Esc chooses; nil when Esc should not answer.
    public var cancel: Choice?
    /// The index of the option Enter chooses.
    public private(set) var focus: Int

    public init(title: String, lines: [String], options: [Option], focus: Int = 0, cancel: Choice? = nil) {
        self.title = title
        self.lines = lines
        self.options = options
        self.cancel = cancel
        self.focus = min(max(0, focus), max(0, options.count - 1))
    }

    /// Applies a key; the chosen answer, or nil while the dialog stays open.
    public mutating func handle(_ chord: KeyChord) -> Choice? {
        guard !chord.control, !chord.alt, !options.isEmpty else { return nil }
        switch chord.key {
        case .escape: return cancel
        case .enter: return options[focus].choice
        case .right, .tab:
            focus = (focus + 1) % options.count
        case .left, .backTab:
            focus = (focus - 1 + options.count) % options.count
        case .character(let c):
            return options.first { $0.key.lowercased() == c.lowercased() }?.choice
        default:
            break
        }
        return nil
    }

    /// The box the dialog takes in `rect`.
    public func frame(in rect: Rect) -> Rect {
        dialog.frame(in: rect)
    }

    /// A centred box with the lines and the answers centred under them, the focused one in `.selection`.
    public func render(in rect: Rect, into buffer: inout Buffer) {
        renderWithButtons(
            dialog,
            buttons: options.indices.map { (options[$0].buttonText, $0 == focus) }, in: rect, into: &buffer)
    }

    /// The box with the question, and the answers' text on its last line to size it.
    private var dialog: Dialog {
        Dialog(title: title, lines: lines + ["", options.map(\.buttonText).joined(separator: "  ")])
    }
}
