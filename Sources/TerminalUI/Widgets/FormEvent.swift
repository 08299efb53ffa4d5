/// What a key did to a `FormState`, so the screen's `update` knows what to do next: check or save an
/// edited value, show a refusal's message, or pass an `.unhandled` key on.
public enum FormEvent: Hashable, Sendable {
    /// The value of the field with this id changed.
    case edited(String)
    /// Focus went to another field.
    case focusMoved
    /// The key was used inside the focused field (a cursor or option move, or nothing to do there).
    case handled
    /// The field refused the input; nothing changed.
    case refused(FormRefusal)
    /// The form has no use for the key.
    case unhandled
}

/// Why a field refused input, with a message the user can act on.
public enum FormRefusal: Hashable, Sendable {
    /// The text would be longer than `limit` characters.
    case tooLong(fieldID: String, limit: Int)
    /// A date field takes only digits and `-`, at most ten of them.
    case notADate(fieldID: String)
    /// The field cannot be changed.
    case readOnly(fieldID: String)

    public var fieldID: String {
        switch self {
        case .tooLong(let id, _), .notADate(let id), .readOnly(let id): return id
        }
    }

    /// A Swedish message for the status line.
    public var message: String {
        switch self {
        case .tooLong(_, let limit): return "Texten får vara högst \(limit) tecken"
        case .notADate: return "Datum skrivs ÅÅÅÅ-MM-DD"
        case .readOnly: return "Fältet kan inte ändras"
        }
    }
}
