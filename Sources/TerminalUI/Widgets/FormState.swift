/// A vertical form of labelled fields: the participant, consent, note and exit forms, and a kartläggning.
/// A pure value: `handle` takes a key and says what happened as a `FormEvent`; `render` draws it.
///
/// The form edits: a key goes to the focused field, and ↑, ↓ and Enter move to the previous or next field
/// (↑/↓ move inside a multi-line field first and leave it at its first or last row; Enter makes a new line
/// there). Saving, leaving and Tab/Shift-Tab are commands of the screen's keymap, not keys of the form:
/// the screen looks a key up first and calls `moveFocus(forward:)` for the next/previous field.
///
/// The form validates nothing: the caller reads the values, asks the domain, and puts the answers back
/// with `setErrors`. `isDirty` says whether anything was edited since the form was made or `markClean()`.
public struct FormState: Hashable, Sendable {
    public private(set) var fields: [FormField]
    /// The id of the field with focus; nil only when no field can take it.
    public private(set) var focusedID: String?
    /// True once a field's value has changed since the form was made or last marked clean.
    public private(set) var isDirty = false
    /// The first row of the form shown; kept by `handle` so the focused field stays in `viewport`.
    public private(set) var scrollOffset = 0
    /// The size the form is drawn in, from the screen's layout. Multi-line fields wrap and page by it, and
    /// scrolling moves as little as it can. Without it `render` still shows the focused field.
    public var viewport: Size? {
        didSet { fitToViewport() }
    }

    /// A form with focus on `focus`, or on the first field that can take it. Ids should be unique; where
    /// two fields share one, the first is the one that ids reach.
    public init(fields: [FormField], focus: String? = nil) {
        self.fields = fields
        focusedID = fields.first(where: \.isFocusable)?.id
        if let focus { self.focus(focus) }
    }

    /// The field with this id.
    public subscript(id: String) -> FormField? {
        fields.first { $0.id == id }
    }

    /// The value of the field with this id; nil for an unknown id.
    public func value(of id: String) -> FormValue? {
        self[id]?.value
    }

    /// True when some field shows an error.
    public var hasErrors: Bool {
        fields.contains { $0.error != nil }
    }

    // MARK: - Changing the form from outside

    /// Moves focus to the field with this id, if it can take focus.
    public mutating func focus(_ id: String) {
        guard let field = self[id], field.isFocusable else { return }
        focusedID = id
        keepFocusVisible()
    }

    /// Moves focus to the first field with an error; false when there is none.
    @discardableResult
    public mutating func focusFirstError() -> Bool {
        guard let field = fields.first(where: { $0.error != nil && $0.isFocusable }) else { return false }
        focus(field.id)
        return true
    }

    /// Sets or clears (nil) the error shown under one field.
    public mutating func setError(_ message: String?, for id: String) {
        guard let index = index(of: id) else { return }
        fields[index].error = message
        fitToViewport()
    }

    /// Shows exactly these errors, by field id, and clears every other one: the result of validating the
    /// whole form.
    public mutating func setErrors(_ errors: [String: String]) {
        for index in fields.indices { fields[index].error = errors[fields[index].id] }
        fitToViewport()
    }

    /// Puts a value into a field, e.g. the option picked in a `ListPicker`. Text goes into text, date and
    /// multi-line fields with the cursor at its end. Marks the form dirty when the value changes; false
    /// when the id is unknown or the value does not suit the field.
    @discardableResult
    public mutating func setValue(_ value: FormValue, of id: String) -> Bool {
        guard let index = index(of: id) else { return false }
        let old = fields[index].value
        switch (fields[index].kind, value) {
        case (.text, .text(let text)): fields[index].kind = .text(TextFieldState(text: text))
        case (.date, .text(let text)): fields[index].kind = .date(TextFieldState(text: text))
        case (.multiline(let area), .text(let text)):
            var replaced = TextAreaState(text: text, maxLength: area.maxLength)
            replaced.viewport = area.viewport
            fields[index].kind = .multiline(replaced)
        case (.choice(let options, _), .choice(let selected)):
            guard selected.map(options.indices.contains) ?? true else { return false }
            fields[index].kind = .choice(options: options, selected: selected)
        case (.multiChoice(let options, _), .choices(let selected)):
            guard selected.allSatisfy(options.indices.contains) else { return false }
            fields[index].kind = .multiChoice(options: options, selected: selected)
        case (.toggle, .toggle(let on)): fields[index].kind = .toggle(on)
        default: return false
        }
        if fields[index].value != old { isDirty = true }
        fitToViewport()
        return true
    }

    /// Forgets earlier edits, e.g. after a save: `isDirty` is false until the next one.
    public mutating func markClean() {
        isDirty = false
    }

    // MARK: - Keys

    /// Applies a key to the form and says what happened.
    public mutating func handle(_ chord: KeyChord) -> FormEvent {
        let event = route(chord)
        if case .edited = event { isDirty = true }
        keepFocusVisible()
        return event
    }

    private mutating func route(_ chord: KeyChord) -> FormEvent {
        let plain = !chord.control && !chord.alt
        guard let index = focusedID.flatMap(index(of:)) else { return .unhandled }
        let id = fields[index].id
        switch fields[index].kind {
        case .multiline(var area):
            // The screen's commands (save, leave, next field) were looked up before; the rest goes to the area.
            guard let result = area.handle(chord) else { return .unhandled }
            fields[index].kind = .multiline(area)
            switch result {
            case .edited: return .edited(id)
            case .moved: return .handled
            case .refused(let limit): return .refused(.tooLong(fieldID: id, limit: limit))
            case .unchanged:
                // ↑ on the first row and ↓ on the last leave the field.
                if chord.key == .up { return moveFocus(by: -1, wrapping: false) }
                if chord.key == .down { return moveFocus(by: 1, wrapping: false) }
                return .handled
            }
        case .text(var field):
            guard let edit = FormState.textEdit(for: chord) else { break }
            let before = field.text
            field.apply(edit)
            fields[index].kind = .text(field)
            return field.text == before ? .handled : .edited(id)
        case .date(var field):
            guard let edit = FormState.textEdit(for: chord) else { break }
            let before = field.text
            field.apply(edit)
            if case .insert(let typed) = edit {
                let isDateLike = typed.allSatisfy { ("0"..."9").contains($0) || $0 == "-" } && field.text.count <= 10
                guard isDateLike else { return .refused(.notADate(fieldID: id)) }
            }
            fields[index].kind = .date(field)
            return field.text == before ? .handled : .edited(id)
        case .choice(let options, let selected):
            guard !options.isEmpty, plain else { break }
            let next: Int?
            switch chord.key {
            case .left: next = ((selected ?? 0) - 1 + options.count) % options.count
            case .right, .character(" "): next = selected.map { ($0 + 1) % options.count } ?? 0
            case .character(let c): next = FormState.option(startingWith: c, in: options, after: selected)
            default: next = nil
            }
            guard let next else { break }
            fields[index].kind = .choice(options: options, selected: next)
            return next == selected ? .handled : .edited(id)
        case .multiChoice(let options, var selected):
            guard !options.isEmpty, plain else { break }
            let at = min(max(0, fields[index].optionCursor), options.count - 1)
            switch chord.key {
            case .left:
                fields[index].optionCursor = max(0, at - 1)
                return .handled
            case .right:
                fields[index].optionCursor = min(options.count - 1, at + 1)
                return .handled
            case .character(" "):
                if selected.remove(at) == nil { selected.insert(at) }
                fields[index].kind = .multiChoice(options: options, selected: selected)
                fields[index].optionCursor = at
                return .edited(id)
            default: break
            }
        case .toggle(let on):
            guard chord == .char(" ") else { break }
            fields[index].kind = .toggle(!on)
            return .edited(id)
        case .readOnly:
            if case .character = chord.key, plain { return .refused(.readOnly(fieldID: id)) }
        }
        guard plain else { return .unhandled }
        switch chord.key {
        case .enter, .down: return moveFocus(by: 1, wrapping: false)
        case .up: return moveFocus(by: -1, wrapping: false)
        default: return .unhandled
        }
    }

    /// The next (or previous) focusable field, wrapping around the ends: the screen's next/previous-field
    /// commands (Tab and Shift-Tab by default).
    public mutating func moveFocus(forward: Bool) -> FormEvent {
        let event = moveFocus(by: forward ? 1 : -1, wrapping: true)
        keepFocusVisible()
        return event
    }

    /// The keys the focused field uses itself, for the hint bar: they are the field's own editing keys, not
    /// commands of a keymap.
    public var focusedFieldKeys: (keys: String, label: String)? {
        switch focusedID.flatMap({ self[$0] })?.kind {
        case .choice?: return ("←→ Space", "Välj")
        case .multiChoice?: return ("←→ Space", "Kryssa")
        case .toggle?: return ("Space", "Växla")
        case .multiline?: return ("Enter", "Ny rad")
        case .text?, .date?, .readOnly?, nil: return nil
        }
    }

    /// Focus `step` focusable fields on; Tab and Shift-Tab wrap around, Enter and the arrows stop at the ends.
    private mutating func moveFocus(by step: Int, wrapping: Bool) -> FormEvent {
        let focusable = fields.indices.filter { fields[$0].isFocusable }
        guard !focusable.isEmpty else { return .unhandled }
        let current = focusedID.flatMap(index(of:)).flatMap { focusable.firstIndex(of: $0) }
        var next = (current ?? -step) + step
        if wrapping {
            next = (next % focusable.count + focusable.count) % focusable.count
        } else if !focusable.indices.contains(next) {
            return .unhandled
        }
        guard next != current else { return .handled }
        focusedID = fields[focusable[next]].id
        return .focusMoved
    }

    /// The one-line edit a key means in a text or date field.
    static func textEdit(for chord: KeyChord) -> TextFieldState.Edit? {
        switch (chord.key, chord.control, chord.alt) {
        case (.character("w"), true, false): return .deleteWordBackward
        case (.character("u"), true, false): return .clear
        case (.character(let c), false, false): return .insert(String(c))
        case (.text(let t), false, false): return .insert(t)
        case (.backspace, _, _): return .backspace
        case (.delete, _, _): return .delete
        case (.left, false, false): return .left
        case (.right, false, false): return .right
        case (.home, _, _): return .home
        case (.end, _, _): return .end
        default: return nil
        }
    }

    /// The first option after `current` (wrapping) whose first letter is `letter`, ignoring case.
    static func option(startingWith letter: Character, in options: [String], after current: Int?) -> Int? {
        let wanted = letter.lowercased()
        let start = (current ?? -1) + 1
        for step in 0..<options.count {
            let index = (start + step) % options.count
            if let first = options[index].first, first.lowercased() == wanted { return index }
        }
        return nil
    }

    // MARK: - Layout

    func index(of id: String) -> Int? {
        fields.firstIndex { $0.id == id }
    }

    /// Gives multi-line fields the size they are drawn in, then keeps the focus in view.
    private mutating func fitToViewport() {
        guard let viewport else { return }
        let layout = FormLayout(fields: fields, width: viewport.width)
        for index in fields.indices {
            guard case .multiline(var area) = fields[index].kind else { continue }
            let size = Size(width: layout.valueWidth, height: layout.blocks[index].valueRows)
            if area.viewport != size {
                area.viewport = size
                fields[index].kind = .multiline(area)
            }
        }
        keepFocusVisible()
    }

    private mutating func keepFocusVisible() {
        guard let viewport else { return }
        let layout = FormLayout(fields: fields, width: viewport.width)
        scrollOffset = scrollOffset(
            in: layout, rows: FormLayout.contentRows(height: viewport.height, fields: fields), from: scrollOffset)
    }

    /// The scroll offset for drawing with `layout` in `rows` rows, starting from `offset`.
    func scrollOffset(in layout: FormLayout, rows: Int, from offset: Int) -> Int {
        let focus = focusedID.flatMap(index(of:))
        var focusRow = 0
        if let focus, case .multiline(let area) = fields[focus].kind {
            let size = Size(width: layout.valueWidth, height: layout.blocks[focus].valueRows)
            focusRow = area.visibleCursorRow(in: size)
        }
        return layout.scrollOffset(from: offset, rows: rows, focus: focus, focusRow: focusRow)
    }
}
