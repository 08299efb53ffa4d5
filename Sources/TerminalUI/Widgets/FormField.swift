/// One labelled field of a `FormState`, e.g. "Förnamn", "Samtycke gäller till" or "Anteckning": what kind of
/// input it is and the value it holds, whether it must be filled in, a line of help, and an error that the
/// caller sets after asking the domain (the widget itself validates nothing).
public struct FormField: Hashable, Sendable {
    /// The kind of input, holding its current value.
    public enum Kind: Hashable, Sendable {
        /// One line of free text.
        case text(TextFieldState)
        /// Several lines of text; Enter makes a new line instead of moving to the next field.
        case multiline(TextAreaState)
        /// One of a few options, or none yet; ←/→ or Space cycle, a letter picks the next option starting
        /// with it.
        case choice(options: [String], selected: Int?)
        /// Any number of options; ←/→ move between them and Space ticks the one the arrows are on.
        case multiChoice(options: [String], selected: Set<Int>)
        /// Yes or no; Space flips it.
        case toggle(Bool)
        /// A date typed as `ÅÅÅÅ-MM-DD`: only digits and `-`, at most 10 of them. Whether it is a real date is
        /// for the caller to decide.
        case date(TextFieldState)
        /// Shown but not editable, and skipped when focus moves.
        case readOnly(String)
    }

    /// Names the field in `FormEvent`s and in `FormState.value(of:)`.
    public let id: String
    public var label: String
    public var kind: Kind
    /// Marked with `*` after the label.
    public var required: Bool
    /// Shown on the form's last row while the field has focus.
    public var help: String?
    /// Shown under the field, after "✗", in role `.error`; nil when the value is fine.
    public var error: String?
    /// Rows a multi-line field takes on screen (at least 1); other kinds take as many as they need.
    public var rows: Int
    /// The option the arrows are on in a multi-choice field.
    public internal(set) var optionCursor = 0

    public init(
        id: String, label: String, kind: Kind, required: Bool = false, help: String? = nil, error: String? = nil,
        rows: Int = 4
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.error = error
        self.rows = rows
    }

    /// The field's value; read-only fields give their text.
    public var value: FormValue {
        switch kind {
        case .text(let field), .date(let field): return .text(field.text)
        case .multiline(let area): return .text(area.text)
        case .readOnly(let text): return .text(text)
        case .choice(_, let selected): return .choice(selected)
        case .multiChoice(_, let selected): return .choices(selected)
        case .toggle(let on): return .toggle(on)
        }
    }

    /// Whether focus can rest on the field: every kind but `.readOnly`.
    public var isFocusable: Bool {
        if case .readOnly = kind { return false }
        return true
    }
}

/// The value of a form field, as the caller reads it back to build a domain value (and to validate it).
public enum FormValue: Hashable, Sendable {
    /// Text, multi-line, date and read-only fields.
    case text(String)
    /// The chosen option's index, or nil when none is chosen.
    case choice(Int?)
    /// The indices of the ticked options.
    case choices(Set<Int>)
    case toggle(Bool)

    /// The text of a text-like field; nil for other kinds.
    public var string: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The chosen option of a choice field; nil when none is chosen or for other kinds.
    public var selectedIndex: Int? {
        if case .choice(let selected) = self { return selected }
        return nil
    }

    /// The ticked options of a multi-choice field; nil for other kinds.
    public var selectedIndices: Set<Int>? {
        if case .choices(let selected) = self { return selected }
        return nil
    }

    /// The state of a toggle; nil for other kinds.
    public var bool: Bool? {
        if case .toggle(let on) = self { return on }
        return nil
    }
}
